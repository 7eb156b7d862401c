import { LABELS, type Label } from '../prompt-set.js';
import { modelFromPacked, packCounts } from './packed-model.js';
import { textWords } from './text-words.js';

/**
 * A small word model (multinomial naive Bayes over words and, optionally, pairs of words).
 * Two uses: the base word model trained on the labelled corpus, and a per-journal model learned
 * from the writer's own labelled entries, so the tool learns how this writer writes. Plain data,
 * so it can be stored and rebuilt at will.
 */
export interface LearnedModel {
  examples: number;
  /** Whether "she's right"-style pairs of words count, as well as single words. */
  pairs: boolean;
  /** log P(label) */
  prior: Record<Label, number>;
  /** log P(term | label), in LABELS order, for every term kept (the same array each time); terms never seen say nothing. */
  words: {
    get(term: string): readonly number[] | undefined;
    /** The same as get(`${first} ${second}`), without making the string: most pairs are unknown. */
    getPair(first: string, second: string): readonly number[] | undefined;
    /**
     * The terms of a text's words the model knows, in the order `terms` gives them (words, then
     * pairs), each once: the same as asking `get` and `getPair` of every word and pair, in fewer lookups.
     */
    known(words: readonly string[]): KnownTerm[];
  };
}

export interface KnownTerm {
  term: string;
  row: readonly number[];
}

/** The counts a model is made from: what `npm run train` stores, smaller and exact. */
export interface TermCounts {
  examples: number;
  pairs: boolean;
  /** How many entries had each label. */
  docs: number[];
  /** For each term, in how many entries of each label (LABELS order) it appears. */
  terms: Record<string, number[]>;
}

export interface TrainOptions {
  /** Count pairs of neighbouring words too. */
  pairs?: boolean;
  /** Keep a term only if it appears in at least this many entries: one-off words are noise. */
  minEntries?: number;
  /**
   * Keep a term only if at least this many distinct writers used it (examples without a `writer`
   * count as one writer each): a word only one person uses is their topic or their names, not how
   * people say what they say, and will not carry over to new writers.
   */
  minWriters?: number;
}

export const DEFAULT_TEMPERATURE = 0.3;

/** Corrections needed before the learned model has a say. */
export const MIN_EXAMPLES = 20;

export const tokens = (text: string): readonly string[] => textWords(text).words;

/**
 * The distinct terms of a text, as a model is counted from them: its words and, with `pairs`,
 * each two neighbouring words. (Classifying reads a text's known terms through `known` instead,
 * which keeps this order without making a string of every pair.)
 */
export function terms(text: string, pairs: boolean): ReadonlySet<string> {
  const words = tokens(text);
  const found = new Set(words);
  if (pairs) for (let i = 0; i + 1 < words.length; i++) found.add(`${words[i]} ${words[i + 1]}`);
  return found;
}

export function countTerms(examples: readonly { text: string; label: Label; writer?: string }[], options: TrainOptions = {}): TermCounts {
  const pairs = options.pairs ?? false;
  const minEntries = options.minEntries ?? 1;
  const minWriters = options.minWriters ?? 1;
  const docs = LABELS.map(() => 0);
  const all = new Map<string, number[]>();
  const writersOf = new Map<string, Set<string | number>>();
  examples.forEach(({ text, label, writer }, n) => {
    const k = LABELS.indexOf(label);
    docs[k]!++;
    for (const term of terms(text, pairs)) {
      const row = all.get(term) ?? LABELS.map(() => 0);
      row[k]!++;
      all.set(term, row);
      if (minWriters > 1) (writersOf.get(term) ?? writersOf.set(term, new Set()).get(term)!).add(writer ?? n);
    }
  });
  const kept: Record<string, number[]> = {};
  for (const [term, row] of all) {
    if (row.reduce((a, b) => a + b, 0) >= minEntries && (minWriters <= 1 || writersOf.get(term)!.size >= minWriters)) kept[term] = row;
  }
  return { examples: examples.length, pairs, docs, terms: kept };
}

export function modelFromCounts(counts: TermCounts): LearnedModel {
  return modelFromPacked(packCounts(counts));
}

export function trainLearned(examples: readonly { text: string; label: Label }[], options: TrainOptions = {}): LearnedModel {
  return modelFromCounts(countTerms(examples, options));
}

/**
 * Naive Bayes treats every word as independent evidence and so is far too sure of itself;
 * `temperature` (below 1) softens its word evidence to make its probabilities blendable.
 */
export function learnedProbabilities(model: LearnedModel, text: string, temperature = DEFAULT_TEMPERATURE): Record<Label, number> {
  const scores = LABELS.map((l) => model.prior[l]);
  for (const { row } of known(model, text)) for (let k = 0; k < scores.length; k++) scores[k]! += temperature * row[k]!;
  return softmax(scores);
}

const lastKnown = new WeakMap<LearnedModel, { text: string; found: KnownTerm[] }>();

/**
 * The terms of a text the model knows, with their rows. Classifying asks for them three times
 * (probabilities, reasons, evidence), so each model keeps its last answer.
 */
function known(model: LearnedModel, text: string): KnownTerm[] {
  const last = lastKnown.get(model);
  if (last && last.text === text) return last.found;
  // In the order `terms` gives them (words, then pairs), so sums come out to the same last bit.
  const words = tokens(text);
  const found = model.words.known(words);
  lastKnown.set(model, { text, found });
  return found;
}

/**
 * The terms of a text that lean most towards `label` (how much more likely under it than under
 * the next most likely label), strongest first: the word model's part of the evidence.
 */
export function leaningTerms(model: LearnedModel, text: string, label: Label, limit = 3): { term: string; lean: number }[] {
  const found: { term: string; lean: number }[] = [];
  const own = LABELS.indexOf(label);
  for (const { term, row } of known(model, text)) {
    const lean = leadOf(row, own);
    if (lean >= LEAST_LEAN) found.push({ term, lean });
  }
  return found.sort((a, b) => b.lean - a.lean || (a.term < b.term ? -1 : 1)).slice(0, limit);
}

/** The labels at least one term of the text leans towards, as `leaningTerms` counts leaning. */
export function leaningLabels(model: LearnedModel, text: string): Set<Label> {
  const found = new Set<Label>();
  for (const { row } of known(model, text)) {
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
    if (leadOf(row, best) >= LEAST_LEAN) found.add(LABELS[best]!);
  }
  return found;
}

/** Twice as likely under a label as under any other, at least: weaker leanings explain nothing. */
const LEAST_LEAN = Math.log(2);

/** How much more likely (in log terms) a term is under label k than under the likeliest other label. */
function leadOf(row: readonly number[], k: number): number {
  let rival = -Infinity;
  for (let j = 0; j < row.length; j++) if (j !== k && row[j]! > rival) rival = row[j]!;
  return row[k]! - rival;
}

/** Scores (one per label, in LABELS order) as probabilities that sum to one. */
export function softmax(scores: readonly number[]): Record<Label, number> {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return Object.fromEntries(LABELS.map((l, i) => [l, exps[i]! / total])) as Record<Label, number>;
}

/** The most say a journal's own model gets: the corpus-trained classifier stays the backbone. */
export const MAX_LEARNED_SHARE = 0.3;

/**
 * How much the learned model counts: nothing below MIN_EXAMPLES corrections, then growing slowly
 * with their number. Kept small because, simulated on the corpus with each writer's own first
 * entries as the corrections, a larger share cost accuracy (a writer who labels as the corpus
 * does gains nothing from it); it is there for writers whose sense of the labels differs.
 */
export function learnedShare(examples: number): number {
  if (examples < MIN_EXAMPLES) return 0;
  return Math.min(MAX_LEARNED_SHARE, 0.1 + (examples - MIN_EXAMPLES) / 800);
}

export function blend(rules: Record<Label, number>, learned: Record<Label, number>, share: number): Record<Label, number> {
  return Object.fromEntries(LABELS.map((l) => [l, (1 - share) * rules[l] + share * learned[l]])) as Record<Label, number>;
}
