/**
 * The date formats the terminal shows. Day and month names come from Intl (built in, in the
 * reader's locale) and are laid out in one fixed shape; the formatters are made on first use, so
 * `list`, which shows numbers only, never builds one. date-fns/format would pull in its locale
 * machinery and cost ~20 ms of start-up.
 */
const pad = (n: number) => String(n).padStart(2, '0');
/** Years before 1000 keep four digits (0050, not 50), so every printed date reads and sorts alike. */
export const year4 = (d: Date) => String(d.getFullYear()).padStart(4, '0');

/** The years a journal date may have, everywhere: `--date`, every import, and every printed date. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;
export const inJournalRange = (d: Date) => !Number.isNaN(d.getTime()) && d.getFullYear() >= FIRST_YEAR && d.getFullYear() <= LAST_YEAR;

/** 2026-11-25 */
export const isoDay = (d: Date) => `${year4(d)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** 21:03 */
export const hhmm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** 2026-11-25 21:03 */
export const stamp = (d: Date) => `${isoDay(d)} ${hhmm(d)}`;

type Shape = 'long' | 'short' | 'month';
const formatters = new Map<Shape, Intl.DateTimeFormat>();
const OPTIONS: Record<Shape, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
};

/** The weekday and month as the locale writes them in that shape (some languages inflect a month after a day). */
function names(d: Date, shape: Shape): { weekday: string; month: string } {
  let format = formatters.get(shape);
  // The Gregorian calendar always: the day and year printed beside the names are Gregorian.
  if (!format) formatters.set(shape, (format = new Intl.DateTimeFormat(undefined, { ...OPTIONS[shape], calendar: 'gregory' })));
  const parts = format.formatToParts(d);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: part('weekday'), month: part('month') };
}

/** Wednesday 25 November 2026, 21:03 */
export const longStamp = (d: Date) => {
  const { weekday, month } = names(d, 'long');
  return `${weekday} ${d.getDate()} ${month} ${year4(d)}, ${hhmm(d)}`;
};

/** Fri 27 Nov */
export const shortDay = (d: Date) => {
  const { weekday, month } = names(d, 'short');
  return `${weekday.replace(/\.$/, '')} ${d.getDate()} ${month.replace(/\.$/, '')}`;
};

/** November 2026 */
export const monthName = (d: Date) => `${names(d, 'month').month} ${year4(d)}`;

/** A due date given without a time is kept at local midday (see `atMidday` in when.ts); any other time was given. */
export const dueHasTime = (d: Date) => d.getHours() !== 12 || d.getMinutes() !== 0 || d.getSeconds() !== 0 || d.getMilliseconds() !== 0;

/**
 * The end of a step's due day: "due Friday" is all of Friday, with or without a time, so a step
 * done by then is on time, and an open one is overdue only after it.
 */
export function endOfDueDay(due: Date): Date {
  const end = new Date(due); // setHours, not new Date(y, m, d): years below 100 stay themselves
  end.setHours(23, 59, 59, 999);
  return end;
}

/** An open step whose due day is over. */
export const isOverdue = (step: { status: string; dueAt: Date | null }, now: Date) =>
  step.status === 'open' && step.dueAt !== null && endOfDueDay(step.dueAt) < now;

/** Fri 27 Nov, or Fri 27 Nov 17:00 when the due date has a time. */
export const dueDay = (d: Date) => (dueHasTime(d) ? `${shortDay(d)} ${hhmm(d)}` : shortDay(d));

/** 2026-11-27, or 2026-11-27 17:00 when the due date has a time. */
export const dueStamp = (d: Date) => (dueHasTime(d) ? stamp(d) : isoDay(d));
