import { isoDay } from '../core/dates.js';
import type { DayCount } from '../core/patterns.js';
import { shortMonth, weekdayNames } from './calendar-names.js';
import type { Terminal } from './terminal.js';

/** Cells by level (0: no entry), then the breakthrough mark: with colour, shades; without, characters alone tell them apart. */
const GLYPHS = { colour: ['·', '░', '▒', '▓', '█', '✦'], plain: ['.', ':', 'o', 'O', '#', '*'] } as const;
/** Left of the grid: Mon, Wed and Fri named, as on GitHub. */
const GUTTER = 4;
export const MAX_WEEKS = 52;

type Out = Pick<Terminal, 'columns' | 'style'>;
export const coloured = (out: Out) => out.style.level > 0;

/**
 * The intensity thresholds: quartiles of the days that have entries, so a journal of many entries a
 * day is not all dark, nor a journal of one a day all light... unless every day has the same.
 */
export function levels(counts: readonly number[]): (n: number) => number {
  const sorted = counts.filter((n) => n > 0).sort((a, b) => a - b);
  // The largest count in the lowest quarter, half, three quarters.
  const at = (q: number) => sorted[Math.max(0, Math.ceil(sorted.length * q) - 1)] ?? 0;
  const steps = [at(0.25), at(0.5), at(0.75)];
  return (n) => (n <= 0 ? 0 : 1 + steps.filter((t) => n > t).length);
}

/** A local day `days` after `d`, at midday (so a change of clocks never lands it on the wrong date). */
const addDays = (d: Date, days: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, 12);

/**
 * The calendar of the weeks up to the one holding `end`: weekday rows Monday to Sunday, a column a
 * week, month names over the week their first day falls in; as many recent weeks as fit. `marked`
 * days ('YYYY-MM-DD') hold a breakthrough the writer confirmed: the model's proposals are not
 * marked, as the report's calendar does not mark them.
 */
export function heatmap(byDay: readonly DayCount[], marked: ReadonlySet<string>, end: Date, out: Out): string[] {
  const weeks = Math.min(MAX_WEEKS, out.columns - GUTTER);
  if (weeks < 1) return [];
  const glyphs = coloured(out) ? GLYPHS.colour : GLYPHS.plain;
  const { style } = out;
  const monday = addDays(end, -((end.getDay() + 6) % 7));
  const start = addDays(monday, -7 * (weeks - 1));
  const last = isoDay(end);
  const days = new Map(byDay.map((d) => [d.day, d]));
  const grid: Date[][] = Array.from({ length: weeks }, (_, w) => Array.from({ length: 7 }, (_, r) => addDays(start, w * 7 + r)));
  const shown = grid.flat().map((d) => days.get(isoDay(d))?.entries ?? 0);
  const level = levels(shown);
  const shade = [style.dim, style.green, style.green, style.greenBright, style.bold.greenBright];
  const rows = [monthHeader(grid)];
  const names = weekdayNames();
  for (let r = 0; r < 7; r++) {
    let line = r % 2 === 0 && r < 6 ? names[r]!.padEnd(GUTTER) : ' '.repeat(GUTTER);
    for (const week of grid) {
      const day = isoDay(week[r]!);
      const count = days.get(day);
      if (day > last) line += ' ';
      else if (marked.has(day)) line += style.bold.magenta(glyphs[5]);
      else {
        const l = level(count?.entries ?? 0);
        line += shade[l]!(glyphs[l]!);
      }
    }
    rows.push(line.trimEnd());
  }
  rows.push(`less ${glyphs.slice(1, 5).map((g, i) => shade[i + 1]!(g)).join('')} more  ${style.bold.magenta(glyphs[5])} breakthrough`);
  return rows;
}

/** Month names over the columns where a month's first day falls, where there is room for them. */
function monthHeader(grid: readonly Date[][]): string {
  const cells = Array<string>(grid.length).fill(' ');
  let free = 0;
  grid.forEach((week, w) => {
    const first = week.find((d) => d.getDate() === 1);
    if (!first || w < free) return;
    const name = shortMonth(first.getMonth());
    if (w + name.length > grid.length) return;
    [...name].forEach((ch, i) => (cells[w + i] = ch));
    free = w + name.length + 1;
  });
  return `${' '.repeat(GUTTER)}${cells.join('')}`.trimEnd();
}
