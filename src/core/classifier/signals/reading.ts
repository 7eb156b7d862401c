import type { Label } from '../../prompt-set.js';
import { byCue, findCues, type Cue, type CueMatch } from '../cues.js';
import { elicitsOf, type AnswerContext, type Elicits } from '../context.js';
import { tokenize, type Tokens } from '../tokens.js';

/** An entry read once: its tokens, its cue phrases, and what it answered. */
export interface Reading extends Tokens {
  cues: Map<Cue, CueMatch[]>;
  context: AnswerContext | null;
  elicits: Elicits | null;
}

/** Where a signal fired: a run of tokens in one sentence. */
export interface Hit {
  signal: string;
  from: number;
  to: number;
  sentence: number;
}

/**
 * One thing the classifier looks for, with the plain words the writer is shown when it counts.
 * `leans` is the label it was written for; the fitted weights (weights.ts) decide how much.
 */
export interface Signal {
  id: string;
  leans: Label;
  why: string;
  fire(r: Reading): Hit[];
}

export function read(text: string, context: AnswerContext | null = null): Reading {
  const t = tokenize(text.replace(/[’‘]/g, "'"));
  return { ...t, text, cues: byCue(findCues(t)), context, elicits: elicitsOf(context) };
}

export const matches = (r: Reading, cue: Cue): readonly CueMatch[] => r.cues.get(cue) ?? [];

export const hitOf = (signal: string, m: { from: number; to: number; sentence: number }): Hit => ({ signal, from: m.from, to: m.to, sentence: m.sentence });

/** A signal that fires wherever one of its cues does. */
export const cueSignal = (id: string, leans: Label, why: string, cue: Cue, keep: (r: Reading, m: CueMatch) => boolean = () => true): Signal => ({
  id,
  leans,
  why,
  fire: (r) => matches(r, cue).filter((m) => keep(r, m)).map((m) => hitOf(id, m)),
});

export const FIRST_PERSON: ReadonlySet<string> = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'myself', 'mine']);

export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'never', 'no', "isn't", "wasn't", "aren't", "weren't", "don't", "doesn't", "didn't", "can't", "won't", "couldn't", "wouldn't", "haven't", "hasn't", 'cannot', 'nothing',
]);

/** A first-person word within `[from, to)` of the sentence. */
export function selfIn(r: Reading, sentence: number, from: number, to: number): number {
  const s = r.sentences[sentence]!;
  for (let i = Math.max(from, s.from); i < Math.min(to, s.to); i++) if (FIRST_PERSON.has(r.tokens[i]!.word)) return i;
  return -1;
}

/** Whether a negation stands just before token `at` (up to `reach` words back, same sentence). */
export function negatedAt(r: Reading, at: number, reach = 3): boolean {
  const s = r.sentences[r.tokens[at]!.sentence]!;
  for (let i = at - 1; i >= Math.max(s.from, at - reach); i--) if (NEGATIONS.has(r.tokens[i]!.word)) return true;
  return false;
}

/** Words in the answer, leaving out punctuation. */
export const wordCount = (r: Reading): number => r.tokens.reduce((n, t) => n + (/^[\p{L}\p{N}]/u.test(t.word) ? 1 : 0), 0);

export const isWord = (word: string): boolean => /^[\p{L}\p{N}]/u.test(word);
