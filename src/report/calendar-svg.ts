import { isoDay } from '../core/dates.js';
import type { DayCount } from '../core/patterns.js';
import { plural } from '../core/plural.js';
import { esc } from './html-escape.js';
import { addDays, dayLong, localDate, monthShort } from './format.js';

/** 53 week columns: the 52 full weeks before the last day's week, and that week up to the last day. */
export const WEEKS = 53;
const CELL = 11;
const STEP = 13;
const LEFT = 30;
const TOP = 16;

/** The sequential blues of ColorBrewer: light to dark reads as less to more for every kind of colour vision. */
export const LEVEL_FILL = ['#ebedf0', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
export const BREAKTHROUGH_MARK = '#E69F00';

/**
 * Intensity 1-4 for a day's entry count. Ranked among the distinct counts of the window, so one
 * very long day does not flatten all the others into the palest blue.
 */
export function levels(counts: Iterable<number>): (count: number) => number {
  const distinct = [...new Set([...counts].filter((c) => c > 0))].sort((a, b) => a - b);
  const rank = new Map(distinct.map((c, i) => [c, distinct.length <= 4 ? i + 1 : 1 + Math.floor((4 * i) / distinct.length)]));
  return (count) => (count <= 0 ? 0 : (rank.get(count) ?? 4));
}

/**
 * Weekday rows (Monday first), week columns, ending with the week of `last`; `marked` counts the
 * confirmed breakthroughs a day holds (the ones the page lists, not the model's proposals). Drawn as two halves
 * of the year, side by side on a wide screen and one above the other on a phone, so a day stays
 * big enough to see at 375 pixels without scrolling sideways.
 */
export function calendarSvg(byDay: readonly DayCount[], last: Date, marked: ReadonlyMap<string, number>): string {
  const lastDay = localDate(isoDay(last));
  const monday = addDays(lastDay, -((lastDay.getDay() + 6) % 7));
  const start = addDays(monday, -7 * (WEEKS - 1));
  const counts = new Map(byDay.map((d) => [d.day, d]));
  const days: Day[] = [];
  for (let week = 0; week < WEEKS; week++) {
    for (let row = 0; row < 7; row++) {
      const date = addDays(start, week * 7 + row);
      if (date > lastDay) break;
      const day = isoDay(date);
      days.push({ count: { day, entries: counts.get(day)?.entries ?? 0, breakthroughs: marked.get(day) ?? 0 }, date, week, row });
    }
  }
  const level = levels(days.map((d) => d.count.entries));
  const split = Math.ceil(WEEKS / 2);
  const halves = [days.filter((d) => d.week < split), days.filter((d) => d.week >= split)];
  const weekdays = [0, 2, 4].map((row) => `<text class="weekday" x="${LEFT - 4}" y="${TOP + row * STEP + CELL - 2}">${esc(weekdayShort(addDays(monday, row)))}</text>`);
  const svgs = halves.map((half, i) => {
    const first = i * split;
    const months: string[] = [];
    let lastLabel = -10;
    for (const d of half) {
      if (d.date.getDate() !== 1 || d.week - lastLabel < 3) continue;
      months.push(`<text class="month" x="${LEFT + (d.week - first) * STEP}" y="${TOP - 5}">${esc(monthShort(d.date))}</text>`);
      lastLabel = d.week;
    }
    const cells = half.map((d) => cell(d.count, level(d.count.entries), d.date, d.week - first, d.row));
    // Room on the right for a month's name that starts in the last week.
    const width = LEFT + split * STEP + 14;
    return (
      `<svg class="calendar" viewBox="0 0 ${width} ${TOP + 7 * STEP}" role="img" aria-label="Entries per day, ${i === 0 ? 'the first' : 'the second'} half of the last 52 weeks">` +
      `${months.join('')}${weekdays.join('')}${cells.join('')}</svg>`
    );
  });
  return `<div class="calendar-halves">${svgs.join('')}</div>`;
}

interface Day {
  count: DayCount;
  date: Date;
  week: number;
  row: number;
}

function cell(count: DayCount, level: number, date: Date, week: number, row: number): string {
  const x = LEFT + week * STEP;
  const y = TOP + row * STEP;
  const what = count.entries === 0 ? 'no entry' : plural(count.entries, 'entry', 'entries');
  const marked = count.breakthroughs > 0;
  const tip = `${dayLong(date)}: ${what}${marked ? `, ${plural(count.breakthroughs, 'breakthrough')}` : ''}`;
  const mark = marked
    ? `<circle class="bt" cx="${x + CELL / 2}" cy="${y + CELL / 2}" r="2.7" fill="${BREAKTHROUGH_MARK}" stroke="#111" stroke-width="0.9"/>`
    : '';
  return (
    `<g class="day${marked ? ' breakthrough' : ''}" data-day="${count.day}" data-level="${level}"><title>${esc(tip)}</title>` +
    `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" class="l${level}"/>${mark}</g>`
  );
}

let weekdayFormat: Intl.DateTimeFormat | undefined;

function weekdayShort(d: Date): string {
  weekdayFormat ??= new Intl.DateTimeFormat(undefined, { weekday: 'short' });
  return weekdayFormat.format(d).replace(/\.$/, '');
}

/** The calendar's key: less to more, and the breakthrough mark, in words as well as colour. */
export function calendarKey(): string {
  const swatch = (i: number) => `<svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="11" height="11" rx="2" class="l${i}"/></svg>`;
  const mark = `<svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="11" height="11" rx="2" class="l2"/><circle cx="5.5" cy="5.5" r="2.7" fill="${BREAKTHROUGH_MARK}" stroke="#111" stroke-width="0.9"/></svg>`;
  return `<p class="key">Less ${[0, 1, 2, 3, 4].map(swatch).join('')} More <span class="gap"></span>${mark} a day with a breakthrough</p>`;
}
