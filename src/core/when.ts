/**
 * Dates as people type them: ISO ("2026-11-01", "2026-11-01 21:00") and plain phrases
 * ("today", "yesterday", "last monday", "3 days ago", "yesterday 9pm").
 * Pure: the caller passes "now", so every phrase is testable.
 */
import { addDays } from 'date-fns/addDays';
import { addHours } from 'date-fns/addHours';
import { addMinutes } from 'date-fns/addMinutes';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { endOfDay } from 'date-fns/endOfDay';
import { startOfDay } from 'date-fns/startOfDay';
import { inJournalRange } from './dates.js';
import { usageError } from './errors.js';

export interface When {
  date: Date;
  /** False when the phrase names a day but no time ("yesterday", "2026-11-01"). */
  hasTime: boolean;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const UNITS: Record<string, (d: Date, n: number) => Date> = {
  minute: addMinutes,
  hour: addHours,
  day: addDays,
  week: addWeeks,
  month: addMonths,
  year: addYears,
};
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

export interface WhenOptions {
  /** Which way a bare weekday points: journal dates look back, due dates look ahead. */
  prefer?: 'past' | 'future';
}

export function parseWhen(input: string, now: Date, options: WhenOptions = {}): When {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const parsed = parseIso(text) ?? parsePhrase(text, now, options.prefer ?? 'past');
  if (parsed === 'skipped') {
    throw usageError(`there is no ${input.trim()} in this time zone (${timeZone()}): the clocks skip that hour; give a time after the change`);
  }
  // "in 100000000 days" parses, but is no date a journal can hold.
  if (!parsed || !inJournalRange(parsed.date)) {
    throw usageError(
      `can't read the date "${input}" (try 2026-11-01, "2026-11-01 21:00", yesterday, "last monday" or "3 days ago")`,
    );
  }
  return parsed;
}

/** A day-only date stands for midday, so time-zone shifts never move it to another day. */
export function atMidday(day: Date): Date {
  const d = new Date(day);
  d.setHours(12, 0, 0, 0);
  return d;
}

/** The bounds of a filter: a day-only `--from` starts at 00:00, a day-only `--to` ends at 23:59:59.999. */
export function rangeStart(when: When): Date {
  return when.hasTime ? when.date : startOfDay(when.date);
}
export function rangeEnd(when: When): Date {
  return when.hasTime ? when.date : endOfDay(when.date);
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

function parseIso(text: string): When | 'skipped' | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo) - 1;
  const day = Number(d);
  if (zone) {
    const date = new Date(text.toUpperCase().replace(' ', 'T'));
    if (Number.isNaN(date.getTime()) || !realDay(year, month, day)) return null;
    return { date, hasTime: true };
  }
  const date = localDate(year, month, day, h ? Number(h) : 12, mi ? Number(mi) : 0, s ? Number(s) : 0);
  if (date === 'no-such-day') return null;
  if (date === 'skipped') return 'skipped';
  return { date, hasTime: h !== undefined };
}

/** Whether the calendar has this day (JavaScript would roll 2026-02-30 over to March 2). */
function realDay(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day); // Date.UTC would read years 0-99 as 1900-1999

  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day;
}

function parsePhrase(text: string, now: Date, prefer: 'past' | 'future'): When | 'skipped' | null {
  // An optional time at the end: "yesterday 21:00", "last monday at 9pm".
  const timeMatch = /^(.*?)(?:,? (?:at )?(\d{1,2})(?::(\d{2}))? ?(am|pm)?)$/.exec(text);
  let dayPart = text;
  let time: [number, number] | null = null;
  if (timeMatch && timeMatch[1] && (timeMatch[3] !== undefined || timeMatch[4] !== undefined)) {
    let hour = Number(timeMatch[2]);
    const minute = timeMatch[3] ? Number(timeMatch[3]) : 0;
    const suffix = timeMatch[4];
    if (suffix && (hour < 1 || hour > 12)) return null;
    if (suffix === 'pm' && hour < 12) hour += 12;
    if (suffix === 'am' && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) return null;
    dayPart = timeMatch[1];
    time = [hour, minute];
  }
  const day = parseDay(dayPart, now, prefer);
  if (!day) return null;
  if (day.hasTime) return time ? null : day;
  if (!time) return { date: atMidday(day.date), hasTime: false };
  const date = new Date(day.date);
  date.setHours(time[0], time[1], 0, 0);
  if (date.getHours() !== time[0] || date.getMinutes() !== time[1]) return 'skipped';
  return { date, hasTime: true };
}

function parseDay(text: string, now: Date, prefer: 'past' | 'future'): When | null {
  if (text === 'now') return { date: new Date(now), hasTime: true };
  if (text === 'today') return { date: now, hasTime: false };
  if (text === 'yesterday') return { date: addDays(now, -1), hasTime: false };
  if (text === 'tomorrow') return { date: addDays(now, 1), hasTime: false };

  const ago = /^(\d+|an?|one|two|three|four|five|six|seven) (minute|hour|day|week|month|year)s? ago$/.exec(text);
  if (ago) {
    const n = NUMBER_WORDS[ago[1]!] ?? Number(ago[1]);
    const unit = ago[2]!;
    const date = UNITS[unit]!(now, -n);
    return { date, hasTime: unit === 'minute' || unit === 'hour' };
  }
  const ahead = /^in (\d+|an?|one|two|three|four|five|six|seven) (day|week|month|year)s?$/.exec(text);
  if (ahead) {
    const n = NUMBER_WORDS[ahead[1]!] ?? Number(ahead[1]);
    return { date: UNITS[ahead[2]!]!(now, n), hasTime: false };
  }
  if (text === 'next week') return { date: addWeeks(now, 1), hasTime: false };
  if (text === 'last week') return { date: addWeeks(now, -1), hasTime: false };
  if (text === 'last month') return { date: addMonths(now, -1), hasTime: false };
  if (text === 'last year') return { date: addYears(now, -1), hasTime: false };

  const weekday = /^(last |this |next )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.exec(text);
  if (weekday) {
    const target = WEEKDAYS.indexOf(weekday[2]!);
    const today = now.getDay();
    const which = weekday[1]?.trim();
    if (which === 'next' || (!which && prefer === 'future')) {
      if (!which && target === today) return { date: now, hasTime: false };
      return { date: addDays(now, ((target - today + 6) % 7) + 1), hasTime: false };
    }
    // "last monday" is the Monday before today; a bare "monday" may be today
    // (and, looking ahead, is the coming Monday).
    let back = (today - target + 7) % 7;
    if (which === 'last' && back === 0) back = 7;
    return { date: addDays(now, -back), hasTime: false };
  }
  return null;
}
