import { shortDay, year4 } from '../core/dates.js';

/** Dates as the report writes them, in the reader's locale and local time, in one fixed shape. */

let monthFormat: Intl.DateTimeFormat | undefined;

/** Oct */
export function monthShort(d: Date): string {
  monthFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', calendar: 'gregory' });
  return (monthFormat.formatToParts(d).find((p) => p.type === 'month')?.value ?? '').replace(/\.$/, '');
}

/** 12 Oct, with the year when it is not the year of `now`: 12 Oct 2025. */
export function dayMonth(d: Date, now: Date): string {
  const short = `${d.getDate()} ${monthShort(d)}`;
  return d.getFullYear() === now.getFullYear() ? short : `${short} ${year4(d)}`;
}

/** Fri 27 Nov 2026 */
export const dayLong = (d: Date) => `${shortDay(d)} ${year4(d)}`;

/** A local 'YYYY-MM-DD' (or 'YYYY-MM', the 15th) at midday, safe from clock changes; years below 100 stay themselves. */
export function localDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number | undefined];
  const date = new Date(2000, m - 1, d ?? 15, 12);
  date.setFullYear(y);
  return date;
}

/** The same clock time `n` days later, counted on the calendar. */
export function addDays(d: Date, n: number): Date {
  const next = new Date(d);
  next.setDate(d.getDate() + n);
  return next;
}
