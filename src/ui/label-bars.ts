import type { LabelCounts, MonthStats } from '../core/patterns.js';
import { shortMonth } from './calendar-names.js';
import { coloured } from './heatmap.js';
import type { Terminal } from './terminal.js';

type Out = Pick<Terminal, 'columns' | 'style'>;
type Key = keyof LabelCounts;

/** Each label its own character, so a bar reads without colour; colour adds to it on a terminal. */
const PARTS: readonly { label: Key; plain: string; glyph: string; colour: (out: Out) => (s: string) => string }[] = [
  { label: 'breakthrough', plain: '*', glyph: '✦', colour: (o) => o.style.bold.magenta },
  { label: 'skill', plain: '+', glyph: '+', colour: (o) => o.style.green },
  { label: 'challenge', plain: '~', glyph: '~', colour: (o) => o.style.yellow },
  { label: 'external', plain: '=', glyph: '=', colour: (o) => o.style.cyan },
  { label: 'neutral', plain: '-', glyph: '-', colour: (o) => o.style.white },
  { label: 'unlabelled', plain: '.', glyph: '·', colour: (o) => o.style.dim },
];
export const BAR_MONTHS = 12;

/**
 * Entries by month as bars split by label, the last 12 months up to `endMonth` ('YYYY-MM'):
 * the longest month fills the width left after the month's name and its count.
 */
export function labelBars(byMonth: readonly MonthStats[], endMonth: string, out: Out): string[] {
  const months = byMonth.filter((m) => m.month <= endMonth).slice(-BAR_MONTHS);
  if (months.length === 0) return [];
  const names = months.map((m) => `${shortMonth(Number(m.month.slice(5)) - 1)} ${m.month.slice(0, 4)}`);
  const nameWidth = Math.max(...names.map((n) => n.length));
  const countWidth = Math.max(...months.map((m) => String(m.entries).length));
  const width = Math.max(1, out.columns - nameWidth - countWidth - 3);
  const most = Math.max(1, ...months.map((m) => m.entries));
  const rows = months.map((m, i) => {
    const bar = split(m.labels, Math.round((m.entries / most) * width), m.entries, out);
    return `${names[i]!.padEnd(nameWidth)} ${bar.text}${' '.repeat(width - bar.length)} ${String(m.entries).padStart(countWidth)}`;
  });
  const legend = PARTS.map((p) => `${paint(p, out)} ${p.label}`).join('  ');
  return [...rows, legend];
}

const paint = (p: (typeof PARTS)[number], out: Out, n = 1) => (coloured(out) ? p.colour(out)(p.glyph.repeat(n)) : p.plain.repeat(n));

/** `length` cells shared out by label in proportion, rounding on the running total so they add up. */
function split(labels: LabelCounts, length: number, total: number, out: Out): { text: string; length: number } {
  let text = '';
  let before = 0;
  let sum = 0;
  for (const p of PARTS) {
    sum += labels[p.label];
    const upTo = total ? Math.round((sum / total) * length) : 0;
    if (upTo > before) text += paint(p, out, upTo - before);
    before = upTo;
  }
  return { text, length: before };
}
