import { monthName, year4 } from '../core/dates.js';
import type { LabelCounts, MonthStats } from '../core/patterns.js';
import { plural } from '../core/plural.js';
import { esc } from './html-escape.js';
import { localDate, monthShort } from './format.js';

/** Bottom to top in each bar, and left to right in the legend: the same order, always. */
export const LABEL_ORDER = ['breakthrough', 'skill', 'challenge', 'external', 'neutral', 'unlabelled'] as const satisfies readonly (keyof LabelCounts)[];

/**
 * Okabe and Ito's palette, chosen to stay apart for the common kinds of colour blindness; the
 * legend names each colour in words and every segment says its label and count on hover.
 */
export const LABEL_FILL: Record<keyof LabelCounts, string> = {
  breakthrough: '#E69F00',
  skill: '#0072B2',
  challenge: '#CC79A7',
  external: '#009E73',
  neutral: '#8C8C8C',
  unlabelled: '#D9D9D9',
};

export const MAX_MONTHS = 24;
// 2:1, so that scaled to a phone's width the bars keep some height.
const WIDTH = 600;
const HEIGHT = 300;
const LEFT = 34;
const RIGHT = 6;
const TOP = 12;
const BOTTOM = 44;

/** Stacked bars of entries by label, one a month, the latest MAX_MONTHS months. */
export function labelChartSvg(byMonth: readonly MonthStats[]): string {
  const months = byMonth.slice(-MAX_MONTHS);
  const max = Math.max(1, ...months.map((m) => m.entries));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(months.length, 1);
  const barWidth = Math.min(40, slot * 0.72);
  const y = (n: number) => TOP + plotHeight - (plotHeight * n) / max;
  const grid = [max, Math.round(max / 2), 0]
    .filter((n, i, all) => all.indexOf(n) === i)
    .map((n) => `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(n)}" y2="${y(n)}"/><text class="axis" x="${LEFT - 5}" y="${y(n) + 4}">${n}</text>`);
  const bars = months.map((m, i) => {
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    const date = localDate(m.month);
    let below = 0;
    const segments = LABEL_ORDER.filter((label) => m.labels[label] > 0).map((label) => {
      const n = m.labels[label];
      const top = y(below + n);
      const height = y(below) - top;
      below += n;
      const tip = `${monthName(date)}, ${label}: ${plural(n, 'entry', 'entries')}`;
      return `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}" fill="${LABEL_FILL[label]}" class="seg ${label}"><title>${esc(tip)}</title></rect>`;
    });
    // Every other month's name when the bars are many, so the names stay legible on a phone.
    const named = months.length <= 12 || (months.length - 1 - i) % 2 === 0;
    const centre = (x + barWidth / 2).toFixed(1);
    const name = named ? `<text class="month" x="${centre}" y="${HEIGHT - BOTTOM + 17}">${esc(monthShort(date))}</text>` : '';
    const year = i === 0 || date.getMonth() === 0 ? `<text class="year" x="${centre}" y="${HEIGHT - BOTTOM + 38}">${year4(date)}</text>` : '';
    return `<g class="bar" data-month="${m.month}"><title>${esc(`${monthName(date)}: ${plural(m.entries, 'entry', 'entries')}`)}</title>${segments.join('')}${name}${year}</g>`;
  });
  return (
    `<svg class="labels-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Entries by label, month by month">` +
    `${grid.join('')}${bars.join('')}</svg>`
  );
}

/** The key in words, with each label's total over the months drawn. */
export function labelLegend(byMonth: readonly MonthStats[]): string {
  const months = byMonth.slice(-MAX_MONTHS);
  const items = LABEL_ORDER.map((label) => {
    const total = months.reduce((sum, m) => sum + m.labels[label], 0);
    const swatch = `<svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="11" height="11" rx="2" fill="${LABEL_FILL[label]}"/></svg>`;
    return `<li>${swatch}<span class="name">${label}</span> <span class="count">${total}</span></li>`;
  });
  return `<ul class="legend">${items.join('')}</ul>`;
}
