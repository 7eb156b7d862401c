import { LABELS, type Label } from '../prompt-set.js';

/**
 * A small model learned from the writer's own labelled entries (multinomial naive Bayes over
 * words). Once a journal holds enough corrections it is blended with the rules, so the tool
 * learns how this writer writes. Plain data, so it can be stored and rebuilt at will.
 */
export interface LearnedModel {
  examples: number;
  /** log P(label) */
  prior: Record<Label, number>;
  /** log P(word | label) for every word seen; unseen words use `unseen`. */
  words: Record<string, Record<Label, number>>;
  unseen: Record<Label, number>;
}

export const DEFAULT_TEMPERATURE = 0.3;

/** Corrections needed before the learned model has a say. */
export const MIN_EXAMPLES = 20;

export const tokens = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z][a-z']*/g) ?? [];

export function trainLearned(examples: readonly { text: string; label: Label }[]): LearnedModel {
  const docs = Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>;
  const counts = new Map<string, Record<Label, number>>();
  const totals = Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>;
  for (const { text, label } of examples) {
    docs[label]++;
    for (const word of new Set(tokens(text))) {
      const row = counts.get(word) ?? (Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number>);
      row[label]++;
      totals[label]++;
      counts.set(word, row);
    }
  }
  const vocabulary = counts.size + 1;
  const logp = (count: number, label: Label) => Math.log((count + 1) / (totals[label] + vocabulary));
  const words: LearnedModel['words'] = {};
  for (const [word, row] of counts) words[word] = Object.fromEntries(LABELS.map((l) => [l, logp(row[l], l)])) as Record<Label, number>;
  return {
    examples: examples.length,
    prior: Object.fromEntries(LABELS.map((l) => [l, Math.log((docs[l] + 1) / (examples.length + LABELS.length))])) as Record<Label, number>,
    words,
    unseen: Object.fromEntries(LABELS.map((l) => [l, logp(0, l)])) as Record<Label, number>,
  };
}

/**
 * Naive Bayes treats every word as independent evidence and so is far too sure of itself;
 * `temperature` (below 1) softens its word evidence to make its probabilities blendable.
 */
export function learnedProbabilities(model: LearnedModel, text: string, temperature = DEFAULT_TEMPERATURE): Record<Label, number> {
  const scores = LABELS.map((l) => model.prior[l]);
  for (const word of new Set(tokens(text))) {
    const row = model.words[word];
    if (!row) continue; // words never seen in any correction say nothing
    LABELS.forEach((l, i) => (scores[i]! += temperature * row[l]));
  }
  return softmax(scores);
}

/** Scores (one per label, in LABELS order) as probabilities that sum to one. */
export function softmax(scores: readonly number[]): Record<Label, number> {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return Object.fromEntries(LABELS.map((l, i) => [l, exps[i]! / total])) as Record<Label, number>;
}

/**
 * How much the learned model counts: nothing below MIN_EXAMPLES corrections, then growing with
 * their number, and never more than half: the rules stay the explainable backbone.
 */
export function learnedShare(examples: number): number {
  if (examples < MIN_EXAMPLES) return 0;
  return Math.min(0.5, 0.2 + (examples - MIN_EXAMPLES) / 400);
}

export function blend(rules: Record<Label, number>, learned: Record<Label, number>, share: number): Record<Label, number> {
  return Object.fromEntries(LABELS.map((l) => [l, (1 - share) * rules[l] + share * learned[l]])) as Record<Label, number>;
}
