/**
 * Dates as people type them: ISO ("2026-11-01", "2026-11-01 21:00"), spans ("this week",
 * "next month") and whatever chrono-node reads ("yesterday 9pm", "nov 20", "friday 5pm").
 * Pure: the caller passes "now", so every phrase is testable. chrono-node is loaded only when
 * a phrase needs it, so an ISO date (and every command that parses none) never pays for it.
 */
import { addDays } from 'date-fns/addDays';
import { addYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { endOfDay } from 'date-fns/endOfDay';
import { startOfDay } from 'date-fns/startOfDay';
import { inJournalRange, isoDay } from './dates.js';
import { usageError } from './errors.js';
import { parsePeriod, spanOf, type Span } from './when-periods.js';

export interface When {
  date: Date;
  /** False when the phrase names a day but no time ("yesterday", "2026-11-01"). */
  hasTime: boolean;
  /** The stretch a phrase like "this week" or "november" names, for --from/--to/--on. */
  span?: Span;
}

export interface WhenOptions {
  /** Journal dates look back ("friday" is the last one); due dates look ahead and refuse the past. */
  prefer?: 'past' | 'future';
}

type Parsed = When | 'skipped' | 'invalid' | null;

export async function parseWhen(input: string, now: Date, options: WhenOptions = {}): Promise<When> {
  const prefer = options.prefer ?? 'past';
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  let parsed: Parsed = parseIso(text);
  if (parsed === null) {
    const period = parsePeriod(text, now, prefer);
    parsed = period ? { date: atMidday(period.day), hasTime: false, span: period.span } : await parsePhrase(text, now, prefer);
  }
  if (parsed === 'skipped') {
    throw usageError(`there is no ${input.trim()} in this time zone (${timeZone()}): the clocks skip that hour; give a time after the change`);
  }
  // "in 100000000 days" parses, but is no date a journal can hold.
  if (parsed === null || parsed === 'invalid' || !inJournalRange(parsed.date)) {
    throw usageError(`can't read the date "${input.trim()}" (try ${prefer === 'future' ? futureExamples(now) : PAST_EXAMPLES})`);
  }
  if (prefer === 'future' && (parsed.hasTime ? parsed.date < now : differenceInCalendarDays(parsed.date, now) < 0)) {
    throw usageError(`"${input.trim()}" is in the past; a due date looks ahead (try ${futureExamples(now)})`);
  }
  return parsed;
}

const PAST_EXAMPLES = '2026-11-01, "2026-11-01 21:00", yesterday, "last monday", "3 days ago", "nov 20" or "this week"';

/** Phrases for a due date, the last one a real date a week from `now`. */
export const futureExamples = (now: Date) => `tomorrow, friday, "friday 5pm", "in 3 days", "next week" or ${isoDay(addDays(now, 7))}`;

/** A day-only date stands for midday, so time-zone shifts never move it to another day. */
export function atMidday(day: Date): Date {
  const d = new Date(day);
  d.setHours(12, 0, 0, 0);
  return d;
}

/** The bounds of a filter: a span's own; else a day-only `--from` starts at 00:00, a `--to` ends at 23:59:59.999. */
export function rangeStart(when: When): Date {
  return when.span?.start ?? (when.hasTime ? when.date : startOfDay(when.date));
}
export function rangeEnd(when: When): Date {
  return when.span?.end ?? (when.hasTime ? when.date : endOfDay(when.date));
}

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'local time';

/**
 * A local date and time exactly as given, or why there is none. JavaScript alone rolls 2026-02-30
 * over to March 2, reads years 0-99 as 1900-1999, and moves a time the clocks skip (a DST gap)
 * silently. A time the clocks pass twice (when they go back) is the first of the two, as JavaScript
 * has it; an offset ("01:30+00:00") names the other.
 */
export function localDate(year: number, month: number, day: number, hour = 12, minute = 0, second = 0): Date | 'no-such-day' | 'skipped' {
  if (!realDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return 'no-such-day';
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month, day);
  date.setHours(hour, minute, second, 0);
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return 'skipped';
  return date.getHours() === hour && date.getMinutes() === minute ? date : 'skipped';
}

/** ISO dates are read here, exactly, never by chrono: something shaped like one and wrong is refused. */
function parseIso(text: string): Parsed {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) return /^\d{4}-\d{1,2}-\d{1,2}\b/.test(text) ? 'invalid' : null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo) - 1;
  const day = Number(d);
  if (zone) {
    const date = new Date(text.toUpperCase().replace(' ', 'T'));
    if (Number.isNaN(date.getTime()) || !realDay(year, month, day)) return 'invalid';
    return { date, hasTime: true };
  }
  const date = localDate(year, month, day, h ? Number(h) : 12, mi ? Number(mi) : 0, s ? Number(s) : 0);
  if (date === 'no-such-day') return 'invalid';
  if (date === 'skipped') return 'skipped';
  return { date, hasTime: h !== undefined };
}

/** Whether the calendar has this day (JavaScript would roll 2026-02-30 over to March 2). */
function realDay(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day); // Date.UTC would read years 0-99 as 1900-1999
  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day;
}

/** Words that point back in time: a due date with one is read as said, and then refused as past. */
const LOOKS_BACK = /\b(last|ago|yesterday|previous|past)\b/;

async function parsePhrase(text: string, now: Date, prefer: 'past' | 'future'): Promise<Parsed> {
  const { casual } = await import('chrono-node/en');
  const forward = prefer === 'future' && !LOOKS_BACK.test(text);
  const [result] = casual.parse(text, now, { forwardDate: forward });
  // The whole phrase must be a date: "tomorrow-ish" is not "tomorrow".
  if (!result || result.index !== 0 || result.text.length !== text.length || result.end) return null;
  const { start } = result;
  const hasTime = start.isCertain('hour');
  let date = hasTime ? start.date() : atMidday(start.date());
  if (hasTime && !start.isCertain('timezoneOffset') && (date.getHours() !== start.get('hour') || date.getMinutes() !== (start.get('minute') ?? 0))) {
    return 'skipped';
  }
  const bareWeekday = start.isCertain('weekday') && !start.isCertain('day') && !/\bnext\b/.test(text);
  // chrono has no "look back" option: a bare "friday" or "dec 1" that lands ahead is the one before.
  if (prefer === 'past' && differenceInCalendarDays(date, now) > 0 && !/\b(next|in|tomorrow)\b/.test(text)) {
    if (bareWeekday) date = addDays(date, -7);
    else if (start.isCertain('month') && !start.isCertain('year')) date = addYears(date, -1);
  }
  // Looking ahead, today's own weekday is today, not a week away ("by wednesday", said on one).
  if (forward && bareWeekday && !hasTime && differenceInCalendarDays(date, now) === 7) date = atMidday(now);
  // A month named without a day ("november", "nov 2025") stands for all of it in a filter.
  const monthOnly = !start.isCertain('day') && !start.isCertain('weekday') && start.isCertain('month') && !hasTime;
  return { date, hasTime, ...(monthOnly ? { span: spanOf('month', date) } : {}) };
}
