import { LABELS, type Label } from '../prompt-set.js';

export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  perLabel: Record<Label, LabelScores>;
  macroF1: number;
  accuracy: number;
  /** confusion[truth][predicted] */
  confusion: Record<Label, Record<Label, number>>;
}

/** Precision, recall and F1 per label, macro-F1 and the confusion matrix. */
export function evaluate(pairs: readonly { truth: Label; predicted: Label }[]): Evaluation {
  const confusion = Object.fromEntries(LABELS.map((t) => [t, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as Evaluation['confusion'];
  for (const { truth, predicted } of pairs) confusion[truth][predicted]++;
  const perLabel = Object.fromEntries(
    LABELS.map((label) => {
      const tp = confusion[label][label];
      const predicted = LABELS.reduce((n, t) => n + confusion[t][label], 0);
      const support = LABELS.reduce((n, p) => n + confusion[label][p], 0);
      const precision = predicted ? tp / predicted : 0;
      const recall = support ? tp / support : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return [label, { precision, recall, f1, support }];
    }),
  ) as Record<Label, LabelScores>;
  const macroF1 = LABELS.reduce((n, l) => n + perLabel[l].f1, 0) / LABELS.length;
  const accuracy = pairs.length ? LABELS.reduce((n, l) => n + confusion[l][l], 0) / pairs.length : 0;
  return { perLabel, macroF1, accuracy, confusion };
}

export function formatEvaluation(title: string, e: Evaluation): string {
  const pct = (n: number) => n.toFixed(3);
  const lines = [`${title}`, '', '| label | precision | recall | F1 | n |', '|---|---:|---:|---:|---:|'];
  for (const l of LABELS) {
    const s = e.perLabel[l];
    lines.push(`| ${l} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.support} |`);
  }
  lines.push(`| **macro-F1** | | | **${pct(e.macroF1)}** | |`, '', `accuracy ${pct(e.accuracy)}`, '');
  lines.push(`| truth \\ predicted | ${LABELS.join(' | ')} |`, `|---|${LABELS.map(() => '---:').join('|')}|`);
  for (const t of LABELS) lines.push(`| ${t} | ${LABELS.map((p) => e.confusion[t][p]).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
