/**
 * Phrases that name a stretch of time rather than a moment ("this week", "next month",
 * "end of the week"). chrono-node reads them as one point, so their spans are worked out here.
 * Weeks run Monday to Sunday (ISO 8601), whatever the locale.
 */
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfWeek } from 'date-fns/endOfWeek';
import { endOfYear } from 'date-fns/endOfYear';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';
import { startOfYear } from 'date-fns/startOfYear';

export type Unit = 'week' | 'month' | 'year';
export interface Span {
  start: Date;
  end: Date;
}

const WEEK = { weekStartsOn: 1 } as const;
const SHIFT: Record<Unit, (d: Date, n: number) => Date> = { week: addWeeks, month: addMonths, year: addYears };
const START: Record<Unit, (d: Date) => Date> = { week: (d) => startOfWeek(d, WEEK), month: startOfMonth, year: startOfYear };
const END: Record<Unit, (d: Date) => Date> = { week: (d) => endOfWeek(d, WEEK), month: endOfMonth, year: endOfYear };

/** The whole week, month or year `at` falls in. */
export const spanOf = (unit: Unit, at: Date): Span => ({ start: START[unit](at), end: END[unit](at) });

export interface Period {
  /** The day the phrase stands for where one day is needed (`write --date`, a due date). */
  day: Date;
  span?: Span;
}

/**
 * "this|next|last week|month|year" and "end of the week|month|year", or null. As one day,
 * "next week" and "last week" stay a week from today (as they always read here); "this week" is
 * today looking back and its last day looking ahead (a step due "this week" is due by Sunday).
 */
export function parsePeriod(text: string, now: Date, prefer: 'past' | 'future'): Period | null {
  const end = /^(?:by )?(?:the )?end of (?:the |this )?(week|month|year)$/.exec(text);
  if (end) return { day: END[end[1] as Unit](now) };
  const m = /^(this|next|last|previous|coming) (week|month|year)$/.exec(text);
  if (!m) return null;
  const unit = m[2] as Unit;
  const step = m[1] === 'next' || m[1] === 'coming' ? 1 : m[1] === 'this' ? 0 : -1;
  const at = SHIFT[unit](now, step);
  const span = spanOf(unit, at);
  return { day: step === 0 ? (prefer === 'future' ? span.end : now) : at, span };
}
