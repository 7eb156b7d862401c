import { LABELS, type Label } from '../prompt-set.js';
import { elicitsOf, type AnswerContext } from './context.js';
import { INSIGHT_RULES, STRUGGLE_RULES } from './features.js';
import { asksFear, relabelFor, shiftsFor } from './in-context.js';
import { WEIGHTS, type Weights } from './weights.js';

/**
 * The label for an answer read with its question: the words first (`decide`, with the bar a
 * little lower at the end of a chain of probes), then what the question makes of them
 * (in-context.ts). `npm run train` decides through this too, so its figures are classify's.
 */
export function decideInContext(
  probabilities: Record<Label, number>,
  weights: Pick<Weights, 'breakthroughBar' | 'sessionBar' | 'wordsOnlyMargin'>,
  reasons: ReadonlySet<Label>,
  hits: readonly { rule: string }[],
  text: string,
  context: AnswerContext | null | undefined,
): { label: Label; inContext: { rule: string; why: string }[] } {
  // An answer with neither a question nor a declared intent is read as a plain entry.
  if (!context || !elicitsOf(context)) return { label: decide(probabilities, weights, reasons), inContext: [] };
  // Answers have a bar of their own, chosen on answers: a reflective question invites insight.
  const bar = weights.sessionBar ?? weights.breakthroughBar;
  const what = {
    insight: hits.some((h) => INSIGHT_RULES.has(h.rule)),
    fear: hits.some((h) => h.rule === 'fear-ahead' || h.rule === 'frustration'),
    struggle: hits.some((h) => STRUGGLE_RULES.has(h.rule) || h.rule === 'attribution'),
    words: (text.match(/[\p{L}\p{N}]+/gu) ?? []).length,
    text,
    asksFear: asksFear(context.question),
    likeliestBreakthrough: LABELS.every((l) => probabilities[l] <= probabilities.breakthrough),
  };
  const shifts = shiftsFor(context, what);
  const barShift = Math.max(-0.12, shifts.reduce((sum, s) => sum + s.barShift, 0));
  const excluded = new Set(shifts.flatMap((s) => s.exclude));
  const kept = excluded.size ? new Set([...reasons].filter((l) => !excluded.has(l))) : reasons;
  const label = decide(probabilities, { breakthroughBar: bar + barShift, wordsOnlyMargin: weights.wordsOnlyMargin }, kept);
  const relabel = relabelFor(context, { ...what, label });
  // Shown as reasons: a relabelling, or the shifts behind a breakthrough ("at the end of a chain").
  const shown = relabel ? [relabel] : label === 'breakthrough' ? shifts.filter((s) => s.barShift < 0) : [];
  return { label: relabel?.label ?? label, inContext: shown.map(({ rule, why }) => ({ rule, why })) };
}

/**
 * The most probable label that has a reason the writer can read (see `reasonsFor`); neutral
 * needs none. A breakthrough must also clear a higher bar: a false breakthrough cheapens the
 * real ones. One that no rule of insight speaks for, only its words, must clear the bar by
 * `wordsOnlyMargin` as well. A label that fails is passed over for the next most probable.
 */
export function decide(
  probabilities: Record<Label, number>,
  weights: Pick<Weights, 'breakthroughBar' | 'wordsOnlyMargin'> = WEIGHTS,
  reasons: ReadonlySet<Label> = new Set(LABELS),
): Label {
  const ranked = [...LABELS].sort((a, b) => probabilities[b] - probabilities[a]);
  const breakthrough = probabilities.breakthrough;
  const proposable = (label: Label) =>
    label === 'neutral' ||
    (label === 'breakthrough'
      ? breakthrough >= weights.breakthroughBar && (reasons.has(label) || breakthrough >= weights.breakthroughBar + (weights.wordsOnlyMargin ?? Infinity))
      : reasons.has(label));
  return ranked.find(proposable) ?? 'neutral';
}

