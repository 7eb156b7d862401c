/**
 * A prompt set: the YAML format coaches write (see prompt-schema.ts for the field rules).
 * These names are a contract with every prompt file out there: never rename them.
 */
export const QUESTION_TYPES = ['text', 'long', 'choice', 'multi', 'scale', 'confirm'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const LABELS = ['breakthrough', 'skill', 'challenge', 'external', 'neutral'] as const;
export type Label = (typeof LABELS)[number];

/** What a question (or a probe) listens for: how its answers are meant to be read. */
export const ELICITS = ['insight', 'feeling', 'value', 'belief', 'plan', 'fact'] as const;
export type Elicits = (typeof ELICITS)[number];

export interface ChoiceOption {
  value: string;
  label: string;
}

/** Conditions are data, never code: nothing in a prompt file is evaluated. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | ({ question: string } & Comparison);

export type Comparison =
  | { equals: string | number | boolean }
  | { notEquals: string | number | boolean }
  | { in: (string | number)[] }
  | { atLeast: number }
  | { atMost: number }
  | { includes: string }
  | { answered: boolean };

export const OPERATORS = ['equals', 'notEquals', 'in', 'atLeast', 'atMost', 'includes', 'answered'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Question {
  id: string;
  ask: string;
  hint?: string;
  type: QuestionType;
  required: boolean;
  choices?: ChoiceOption[];
  min?: number;
  max?: number;
  labels?: Record<number, string>;
  when?: Condition;
  elicits?: Elicits;
  deeper?: Probe[];
}

/** A follow-up probe. In a file it may be plain text, which reads as {ask} with no elicits. */
export interface Probe {
  ask: string;
  elicits?: Elicits;
}

export interface PromptSet {
  id: string;
  title: string;
  description?: string;
  version?: string;
  tags?: string[];
  intro?: string;
  outro?: string;
  questions: Question[];
  actions?: Partial<Record<Label, string[]>>;
}

/** An answer as the session keeps it: typed by the question's type; null when skipped. */
export type AnswerValue = string | number | boolean | string[] | null;

export function scaleRange(question: Question): [number, number] {
  return [question.min ?? 1, question.max ?? 10];
}

/**
 * What an answer listens for: the question's own `elicits` for the answer itself (probeIndex
 * null), or the probe's for the probeIndex-th probe (0-based, so a GivenAnswer at depth k is
 * probe k - 1). A probe without its own `elicits` does not inherit the question's: probes often
 * turn to something else (a fear, then the value under it), so undefined means "not declared".
 */
export function elicitsFor(question: Question, probeIndex: number | null): Elicits | undefined {
  return probeIndex === null ? question.elicits : question.deeper?.[probeIndex]?.elicits;
}

/**
 * A set as stored in a session's snapshot, read back. Snapshots taken before probes could carry
 * `elicits` hold them as plain strings; they are read as {ask}, so old sessions still resume.
 */
export function setFromSnapshot(snapshot: string): PromptSet {
  const set = JSON.parse(snapshot) as PromptSet;
  for (const question of set.questions ?? []) {
    const deeper = question.deeper as (Probe | string)[] | undefined;
    if (deeper) question.deeper = deeper.map((p) => (typeof p === 'string' ? { ask: p } : p));
  }
  return set;
}
