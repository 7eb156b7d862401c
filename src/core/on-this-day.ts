import { FIRST_YEAR } from './dates.js';

export interface DaySpan {
  from: Date;
  to: Date;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Local midnight at the start of a day, for any year (JavaScript reads years 0-99 as 1900-1999). */
function startOf(year: number, month: number, day: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month, day);
  date.setHours(0, 0, 0, 0);
  return date;
}

/**
 * The local day `day` names (its month and day of the month) in every earlier year, newest
 * first, as inclusive spans. A 29 February is found only in leap years; on a 28 February of a
 * year without one, earlier 29ths are shown too, so those entries still come round every year.
 */
export function onThisDay(day: Date, firstYear = FIRST_YEAR): DaySpan[] {
  const month = day.getMonth();
  const date = day.getDate();
  const year = day.getFullYear();
  const withLeapDay = month === 1 && date === 28 && !isLeap(year);
  const spans: DaySpan[] = [];
  for (let y = year - 1; y >= firstYear; y--) {
    if (month === 1 && date === 29 && !isLeap(y)) continue;
    const days = withLeapDay && isLeap(y) ? 2 : 1;
    spans.push({ from: startOf(y, month, date), to: new Date(startOf(y, month, date + days).getTime() - 1) });
  }
  return spans;
}
