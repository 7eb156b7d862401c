import { holds, isAnswered } from './conditions.js';
import { LABELS, scaleRange, type AnswerValue, type Label, type PromptSet, type Question } from './prompt-set.js';
import type { AnswerSource } from './session.js';

/** One question's scripted answer: the answer, its deeper replies, and optionally the writer's label. */
export interface Scripted {
  answer: AnswerValue;
  deeper: string[];
  label?: Label;
}

/**
 * Reads an answers file (question id -> answer, or {answer, deeper, label}) against a set, walking
 * the same flow a person would. Every problem is collected, so nothing half-valid is ever saved.
 */
/** The next step an answers file commits to: `_commit: {action: ..., due: friday}`. */
export interface ScriptedCommit {
  action: string;
  due: string;
}

export function checkScriptedAnswers(
  set: PromptSet,
  raw: unknown,
): { answers: Map<string, Scripted>; commit: ScriptedCommit | null; problems: string[] } {
  const problems: string[] = [];
  const answers = new Map<string, Scripted>();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { answers, commit: null, problems: ['the answers file must map question ids to answers, like  decision: Whether to move'] };
  }
  const given = raw as Record<string, unknown>;
  // Ids come from the file: "constructor" is a question id like any other, never a property of every object.
  const answerFor = (id: string) => (Object.hasOwn(given, id) ? given[id] : undefined);
  const ids = new Set(set.questions.map((q) => q.id));
  for (const id of Object.keys(given)) {
    if (id !== '_commit' && !ids.has(id)) problems.push(`"${id}" is not a question in the set "${set.id}"`);
  }
  let commit: ScriptedCommit | null = null;
  if (answerFor('_commit') !== undefined) {
    const c = answerFor('_commit') as { action?: unknown; due?: unknown };
    if (typeof c !== 'object' || c === null || typeof c.action !== 'string' || typeof c.due !== 'string') {
      problems.push('_commit must be {action: "the step", due: "friday"}');
    } else commit = { action: c.action, due: c.due };
  }
  const values = new Map<string, AnswerValue>();
  for (const question of set.questions) {
    if (question.when && !holds(question.when, values)) continue;
    const entry = answerFor(question.id);
    const wrapped = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
    const field = (key: string) => (wrapped ? (Object.hasOwn(entry, key) ? (entry as Record<string, unknown>)[key] : undefined) : key === 'answer' ? entry : undefined);
    const record = { answer: field('answer'), deeper: field('deeper'), label: field('label') };
    const { value, problem } = coerce(question, record.answer ?? null);
    if (problem) problems.push(`"${question.id}" ${problem}`);
    else if (!isAnswered(value) && question.required) problems.push(`"${question.id}" needs an answer`);
    const deeper = record.deeper === undefined ? [] : record.deeper;
    if (!Array.isArray(deeper) || deeper.some((d) => typeof d !== 'string')) problems.push(`"${question.id}": deeper must be a list of answers`);
    if (record.label !== undefined && !(LABELS as readonly unknown[]).includes(record.label)) {
      problems.push(`"${question.id}": label must be one of ${LABELS.join(', ')}`);
    }
    values.set(question.id, value);
    const scripted: Scripted = { answer: value, deeper: Array.isArray(deeper) ? (deeper as string[]) : [] };
    if (record.label !== undefined) scripted.label = record.label as Label;
    answers.set(question.id, scripted);
  }
  return { answers, commit, problems };
}

/** Replays checked answers through the session engine. */
export function scriptedAnswers(answers: ReadonlyMap<string, Scripted>): AnswerSource {
  return {
    answer: async (question) => answers.get(question.id)?.answer ?? null,
    probe: async (question, _probe, depth) => answers.get(question.id)?.deeper[depth - 1] ?? '',
  };
}

function coerce(question: Question, raw: unknown): { value: AnswerValue; problem?: string } {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  const choices = question.choices ?? [];
  const choice = (v: unknown) =>
    choices.find((c) => c.value.toLowerCase() === String(v).toLowerCase() || c.label.toLowerCase() === String(v).toLowerCase())?.value;
  switch (question.type) {
    case 'text':
    case 'long':
      return typeof raw === 'string' || typeof raw === 'number' ? { value: String(raw) } : { value: null, problem: 'must be text' };
    case 'choice': {
      const value = choice(raw);
      return value ? { value } : { value: null, problem: `must be one of ${choices.map((c) => c.value).join(', ')}` };
    }
    case 'multi': {
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.map(choice);
      return values.every(Boolean)
        ? { value: values as string[] }
        : { value: null, problem: `must be a list of ${choices.map((c) => c.value).join(', ')}` };
    }
    case 'scale': {
      const [min, max] = scaleRange(question);
      const n = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
      return Number.isInteger(n) && (n as number) >= min && (n as number) <= max
        ? { value: n as number }
        : { value: null, problem: `must be a whole number from ${min} to ${max}` };
    }
    case 'confirm': {
      if (typeof raw === 'boolean') return { value: raw };
      const word = String(raw).toLowerCase();
      if (['yes', 'y', 'true'].includes(word)) return { value: true };
      if (['no', 'n', 'false'].includes(word)) return { value: false };
      return { value: null, problem: 'must be yes or no' };
    }
  }
}
