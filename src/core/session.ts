import { holds, isAnswered } from './conditions.js';
import { scaleRange, type AnswerValue, type PromptSet, type Question } from './prompt-set.js';
import { fill } from './template.js';

/** A question as the person saw it: refs filled in, with its place in the set. */
export interface AskedQuestion {
  text: string;
  hint?: string;
  position: number;
  total: number;
}

/** Where answers come from: a person at a terminal (prompted-answers.ts) or a file (scripted-answers.ts). */
export interface AnswerSource {
  answer(question: Question, asked: AskedQuestion): Promise<AnswerValue>;
  /** The answer to the `depth`-th deeper probe; '' ends the chain. */
  probe(question: Question, probe: string, depth: number): Promise<string>;
}

/** One answer, ready to be kept: the question exactly as asked, the typed value, and its text. */
export interface GivenAnswer {
  questionId: string;
  question: string;
  /** The question's index in the set (0-based): the order answers are shown in. */
  position: number;
  /** 0 for the answer itself, k for the k-th deeper probe. */
  depth: number;
  value: AnswerValue;
  text: string;
}

/**
 * Walks a prompt set: skips questions whose `when` does not hold, fills `{{refs}}` from earlier
 * answers, asks `deeper` probes in turn, and hands each answer to `save` the moment it is given,
 * so an interruption loses at most the question on screen. `prior` answers (from an interrupted
 * session) are not asked again.
 */
export async function runSession(
  set: PromptSet,
  source: AnswerSource,
  save: (answer: GivenAnswer) => void | Promise<void>,
  prior: readonly GivenAnswer[] = [],
): Promise<GivenAnswer[]> {
  const given: GivenAnswer[] = [...prior];
  const values = new Map<string, AnswerValue>(prior.filter((a) => a.depth === 0).map((a) => [a.questionId, a.value]));
  const textOf = (id: string) => given.find((a) => a.questionId === id && a.depth === 0)?.text;
  const keep = async (answer: GivenAnswer) => {
    await save(answer);
    given.push(answer);
  };

  const probe = async (question: Question, index: number, from: number) => {
    for (const [k, probe] of (question.deeper ?? []).entries()) {
      if (k < from) continue;
      const text = fill(probe.ask, textOf);
      const reply = (await source.probe(question, text, k + 1)).trim();
      if (!reply) break;
      await keep({ questionId: question.id, question: text, position: index, depth: k + 1, value: reply, text: reply });
    }
  };

  // Questions are asked in order, so only the last one answered can have been stopped in its
  // probes; its chain goes on after the deepest probe kept. (An empty reply that ended the
  // chain is not kept, so that probe is offered once more; Enter moves on again.)
  const last = prior.reduce<GivenAnswer | null>((a, b) => (!a || b.position > a.position || (b.position === a.position && b.depth > a.depth) ? b : a), null);
  const lastQuestion = last ? set.questions[last.position] : undefined;
  if (last && lastQuestion?.id === last.questionId && values.has(last.questionId)) await probe(lastQuestion, last.position, last.depth);

  for (const [index, question] of set.questions.entries()) {
    if (values.has(question.id)) continue;
    if (question.when && !holds(question.when, values)) continue;
    const asked: AskedQuestion = { text: fill(question.ask, textOf), position: index + 1, total: set.questions.length };
    if (question.hint) asked.hint = fill(question.hint, textOf);
    const value = await source.answer(question, asked);
    values.set(question.id, value);
    if (!isAnswered(value)) continue;
    await keep({ questionId: question.id, question: asked.text, position: index, depth: 0, value, text: answerText(question, value) });
    await probe(question, index, 0);
  }
  return given;
}

/** How a typed answer reads in the journal: choices by their labels, scales with their words. */
export function answerText(question: Question, value: AnswerValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const label = (v: string) => question.choices?.find((c) => c.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'number') {
    const [, max] = scaleRange(question);
    const word = question.labels?.[value];
    return `${value} of ${max}${word ? ` (${word})` : ''}`;
  }
  return question.type === 'choice' ? label(value) : value.trim();
}
