import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { DayCount, MonthStats } from '../../src/core/patterns.js';
import { summarise } from '../../src/core/stats.js';
import { heatmap, levels } from '../../src/ui/heatmap.js';
import { labelBars } from '../../src/ui/label-bars.js';
import { unstyled } from '../../src/ui/safe-text.js';
import { fit, labelLine, statsView, steps } from '../../src/ui/stats-view.js';
import { loopSentence } from '../../src/ui/loop-view.js';
import { wrapperFor } from '../../src/ui/width.js';

const plain = (columns: number) => ({ columns, style: new Chalk({ level: 0 }) });
const colour = (columns: number) => ({ columns, style: new Chalk({ level: 1 }) });
const END = new Date('2026-12-02T12:00:00Z'); // a Wednesday
const DAYS: DayCount[] = [
  { day: '2026-10-05', entries: 1, breakthroughs: 0 },
  { day: '2026-10-06', entries: 2, breakthroughs: 0 },
  { day: '2026-11-01', entries: 4, breakthroughs: 0 },
  { day: '2026-11-10', entries: 3, breakthroughs: 1 },
  { day: '2026-11-25', entries: 8, breakthroughs: 0 },
  { day: '2026-12-02', entries: 1, breakthroughs: 0 },
];
/** The days a confirmed breakthrough is on. */
const MARKED = new Set(DAYS.filter((d) => d.breakthroughs).map((d) => d.day));
const zero = { breakthrough: 0, skill: 0, challenge: 0, external: 0, neutral: 0, unlabelled: 0 };
const month = (m: string, labels: Partial<typeof zero>): MonthStats => {
  const counts = { ...zero, ...labels };
  const entries = Object.values(counts).reduce((a, b) => a + b, 0);
  return { month: m, entries, days: entries, breakthroughs: counts.breakthrough, labels: counts };
};
const MONTHS = [month('2026-10', { skill: 1, neutral: 2 }), month('2026-11', { breakthrough: 1, challenge: 4, neutral: 10 }), month('2026-12', { unlabelled: 1 })];

describe('heatmap', () => {
  it('draws the weeks that fit, Monday to Sunday, months over the week they start in, levels by quartile', () => {
    // 14 columns: a 4-column gutter and 10 weeks, 28 September to the week of 2 December.
    expect(heatmap(DAYS, MARKED, END, plain(14))).toEqual([
      '    Oct Nov', // December starts in the last week, with no room left for its name
      'Mon .:........',
      '    .o....*...', // 10 November: a breakthrough
      'Wed ........#:', // 25 November, the busiest day; 2 December, today
      '    .........', // the rest of this week is still to come
      'Fri .........',
      '    .........',
      '    ....O....', // Sunday 1 November
      'less :oO# more  * breakthrough',
    ]);
  });

  it.each([
    [80, 52],
    [120, 52],
    [40, 36],
  ])('at %i columns shows %i weeks, every row within the width', (columns, weeks) => {
    const rows = heatmap(DAYS, MARKED, END, plain(columns));
    expect(rows[1]!.length).toBe(4 + weeks);
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(columns);
  });

  it('in colour, keeps to single-width shades and the ✦, and a level still reads by its character', () => {
    const rows = heatmap(DAYS, MARKED, END, colour(80));
    expect(rows.join('')).toContain('\x1b[');
    expect(unstyled(rows.at(-1)!)).toBe('less ░▒▓█ more  ✦ breakthrough');
    // Wednesday: 25 November the busiest, 2 December (today) as light as any.
    expect(unstyled(rows[3]!).slice(-2)).toBe('█░');
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(80);
  });

  it.each([
    ['quartiles of the days with entries', [1, 1, 2, 3, 4, 8], [0, 1, 2, 3, 4, 8], [0, 1, 2, 3, 3, 4]],
    ['a journal of one entry a day is not all dark', [1, 1, 1], [1], [1]],
    ['a heavy journal spreads over the levels', [10, 20, 30, 40, 50, 60, 70, 80], [10, 30, 50, 80], [1, 2, 3, 4]],
  ])('levels: %s', (_name, counts, asked, expected) => {
    const level = levels(counts);
    expect(asked.map(level)).toEqual(expected);
  });
});

describe('labelBars', () => {
  it('scales the busiest month to 80 columns, split by label with its own character, counts at the end', () => {
    // 80 columns: "Oct 2026 " + 67 cells + " " + a two-digit count.
    expect(labelBars(MONTHS, '2026-12', plain(80))).toEqual([
      `Oct 2026 ${'+'.repeat(4)}${'-'.repeat(9)}${' '.repeat(54)}  3`,
      `Nov 2026 ${'*'.repeat(4)}${'~'.repeat(18)}${'-'.repeat(45)} 15`,
      `Dec 2026 ${'.'.repeat(4)}${' '.repeat(63)}  1`,
      '* breakthrough  + skill  ~ challenge  = external  - neutral  . unlabelled',
    ]);
  });

  it('and to 120', () => {
    expect(labelBars(MONTHS, '2026-12', plain(120)).slice(0, 3)).toEqual([
      `Oct 2026 ${'+'.repeat(7)}${'-'.repeat(14)}${' '.repeat(86)}  3`,
      `Nov 2026 ${'*'.repeat(7)}${'~'.repeat(29)}${'-'.repeat(71)} 15`,
      `Dec 2026 ${'.'.repeat(7)}${' '.repeat(100)}  1`,
    ]);
  });

  it('shows the last 12 months up to the end month', () => {
    const year = Array.from({ length: 15 }, (_, i) => month(`2025-${String((i % 12) + 1).padStart(2, '0')}`.replace(/^2025-(0[1-3])$/, (m) => (i >= 12 ? `2026-${m.slice(5)}` : m)), { neutral: 1 }));
    const rows = labelBars(year, '2026-02', plain(80));
    expect(rows.slice(0, -1).map((r) => r.slice(0, 8))).toEqual([
      'Mar 2025', 'Apr 2025', 'May 2025', 'Jun 2025', 'Jul 2025', 'Aug 2025', 'Sep 2025', 'Oct 2025', 'Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026',
    ]);
  });
});

describe('statsView', () => {
  const stats = summarise(
    [
      { at: '2026-11-30T09:00:00.000Z', model: 'breakthrough', session: 's1' },
      { at: '2026-12-01T09:00:00.000Z', user: 'skill' },
      { at: '2026-12-02T09:00:00.000Z' },
    ],
    [['done', '2026-12-01T12:00:00.000Z', '2026-12-01T15:00:00.000Z'], ['open', '2026-11-20T12:00:00.000Z', null], ['dropped', null, null]],
    END,
  );

  it('opens with the headline and ends with follow-through, labels and the hint to classify', () => {
    const text = statsView(stats, { loops: [], marked: new Set() }, END, plain(80));
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['3 entries on 3 days · 1 guided session', 'Streak: 3 days in a row now · longest 3 days, ended 2026-12-02', 'First 2026-11-30 · last 2026-12-02']);
    expect(lines.slice(-4)).toEqual([
      'Steps: 3 committed · 1 done (1 on time) · 1 dropped · 1 open, 1 overdue',
      'Labels: 1 breakthrough · 1 skill · 0 challenges · 0 external · 0 neutral',
      '        1 unlabelled',
      '1 entry not yet read by the classifier: `reflect classify --entries`',
    ]);
    expect(text).not.toMatch(/\x1b/);
  });

  it('ends with the loops, each in a sentence, and the way out', () => {
    const loop = { terms: ['budget review'], entries: ['a', 'b', 'c', 'd'], weeks: 4, first: new Date('2026-10-12T09:00:00Z'), last: new Date('2026-11-30T09:00:00Z') };
    const lines = statsView(stats, { loops: [loop], marked: new Set() }, END, plain(80)).trimEnd().split('\n');
    expect(lines.slice(-4, -1)).toEqual([
      'A loop you may be in',
      '  ↻ “budget review” has come up in 4 weeks since Mon 12 Oct (4 entries).',
      '  Work on one: `reflect session unstuck` (your next `reflect` offers it too).',
    ]);
    expect(statsView(stats, { loops: [loop, { ...loop, terms: ['sister'] }], marked: new Set() }, END, plain(80))).toContain('Loops you may be in');
  });

  it('breaks a loop too long for the terminal between words, under its first word', async () => {
    const loop = { terms: ['sister', 'Christmas'], entries: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], weeks: 8, first: new Date('2026-09-23T09:00:00Z'), last: new Date('2026-11-30T09:00:00Z') };
    const wrap = await wrapperFor({ isTTY: true, columns: 60 }, [loopSentence(loop)]);
    const lines = statsView(stats, { loops: [loop], marked: new Set(), wrap }, END, plain(60)).trimEnd().split('\n');
    const at = lines.findIndex((l) => l.includes('↻'));
    expect(lines.slice(at, at + 2)).toEqual(['  ↻ “sister” and “Christmas” have come up in 8 weeks since', '    Wed 23 Sep (9 entries).']);
  });

  it.each([
    [{ committed: 0, done: 0, dropped: 0, open: 0, overdue: 0, doneWithDue: 0, doneOnTime: 0, onTimeShare: null }, 'Steps: none committed yet (a guided session ends with one)'],
    [{ committed: 12, done: 7, dropped: 2, open: 3, overdue: 1, doneWithDue: 6, doneOnTime: 5, onTimeShare: 5 / 6 }, 'Steps: 12 committed · 7 done (5 on time) · 2 dropped · 3 open, 1 overdue'],
    [{ committed: 2, done: 1, dropped: 0, open: 1, overdue: 0, doneWithDue: 0, doneOnTime: 0, onTimeShare: null }, 'Steps: 2 committed · 1 done · 0 dropped · 1 open'],
  ])('steps(%o)', (actions, line) => {
    expect(steps(actions)).toBe(line);
  });

  it('says "1 breakthrough" and "3 breakthroughs"', () => {
    expect(labelLine({ ...zero, breakthrough: 3, challenge: 1 })).toBe('Labels: 3 breakthroughs · 0 skill · 1 challenge · 0 external · 0 neutral · 0 unlabelled');
  });
});

describe('fit', () => {
  it.each([
    [80, ['Labels: 5039 breakthroughs · 9930 skill · 12122 challenges · 7941 external', '        64968 neutral · 0 unlabelled']],
    [40, ['Labels: 5039 breakthroughs · 9930 skill', '        12122 challenges · 7941 external', '        64968 neutral · 0 unlabelled']],
    [120, ['Labels: 5039 breakthroughs · 9930 skill · 12122 challenges · 7941 external · 64968 neutral · 0 unlabelled']],
  ])('breaks a long line between parts at %i columns', (columns, lines) => {
    expect(fit(labelLine({ breakthrough: 5039, skill: 9930, challenge: 12122, external: 7941, neutral: 64968, unlabelled: 0 }), columns)).toBe(lines.join('\n'));
  });
});
