/**
 * A prompt set: the YAML format coaches write (see prompt-schema.ts for the field rules).
 * These names are a contract with every prompt file out there: never rename them.
 */
export const QUESTION_TYPES = ['text', 'long', 'choice', 'multi', 'scale', 'confirm'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const LABELS = ['breakthrough', 'skill', 'challenge', 'external', 'neutral'] as const;
export type Label = (typeof LABELS)[number];

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
  deeper?: string[];
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
