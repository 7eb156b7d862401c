import type { Document } from 'yaml';
import type { ChoiceOption, Elicits, Probe, PromptSet, Question } from './prompt-set.js';

/** A probe as the session uses it: plain text in the file reads as {ask} with no elicits. */
function toProbe(raw: string | Probe): Probe {
  if (typeof raw === 'string') return { ask: raw };
  return raw.elicits === undefined ? { ask: raw.ask } : { ask: raw.ask, elicits: raw.elicits };
}

/** The checked document as a PromptSet, with defaults filled in. */
export function toPromptSet(doc: Document, defaultId: string): PromptSet {
  const raw = doc.toJS() as Record<string, unknown> & { questions: Record<string, unknown>[] };
  const questions: Question[] = raw.questions.map((q) => {
    const question: Question = {
      id: q.id as string,
      ask: q.ask as string,
      type: (q.type as Question['type']) ?? 'text',
      required: (q.required as boolean | undefined) ?? true,
    };
    if (q.hint !== undefined) question.hint = q.hint as string;
    if (q.choices) {
      question.choices = (q.choices as unknown[]).map((c): ChoiceOption =>
        typeof c === 'object' && c !== null
          ? { value: String((c as ChoiceOption).value), label: String((c as ChoiceOption).label ?? (c as ChoiceOption).value) }
          : { value: String(c), label: String(c) },
      );
    }
    if (q.min !== undefined) question.min = q.min as number;
    if (q.max !== undefined) question.max = q.max as number;
    if (q.labels) question.labels = Object.fromEntries(Object.entries(q.labels as object).map(([k, v]) => [Number(k), String(v)]));
    if (q.when) question.when = q.when as Question['when'];
    if (q.elicits !== undefined) question.elicits = q.elicits as Elicits;
    if (q.deeper) question.deeper = (q.deeper as (string | Probe)[]).map(toProbe);
    return question;
  });
  const set: PromptSet = { id: (raw.id as string | undefined) ?? defaultId, title: raw.title as string, questions };
  if (raw.description !== undefined) set.description = raw.description as string;
  if (raw.version !== undefined) set.version = String(raw.version);
  if (raw.tags) set.tags = raw.tags as string[];
  if (raw.intro !== undefined) set.intro = raw.intro as string;
  if (raw.outro !== undefined) set.outro = raw.outro as string;
  if (raw.actions) set.actions = raw.actions as PromptSet['actions'];
  return set;
}
