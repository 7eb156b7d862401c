import { dayNumber } from './streaks.js';
import { isOverdue, isoDay } from './dates.js';
import { plural } from './plural.js';
import { cutQuote } from './quote.js';

/**
 * What is said when the writer confirms a breakthrough: which one, that it is the Nth, how long
 * since the one before, and what became of the step taken from that one. Honest and short: a
 * few lines of facts, no confetti. Facts in, lines out; the store gathers them, the cli prints.
 */

export type StepState = 'done' | 'open' | 'overdue' | 'dropped';

/** Where a step stands; an open one is overdue once its due day is over, as stats counts it. */
export function stepState(a: { status: 'open' | 'done' | 'dropped'; dueAt: Date | null }, now: Date): StepState {
  if (a.status === 'open') return isOverdue(a, now) ? 'overdue' : 'open';
  return a.status;
}

export interface StepFact {
  text: string;
  state: StepState;
}

export interface BreakthroughFact {
  /** Its key sentence, else its first line. */
  quote: string;
  date: Date;
}

export interface CelebrationFacts {
  /** The ones confirmed just now, oldest first (one, or a session's set). */
  confirmed: BreakthroughFact[];
  /** Confirmed breakthroughs in the journal, these included. */
  total: number;
  /** The latest confirmed breakthrough dated before the first of these; null for the first ever. */
  previous: (BreakthroughFact & { steps: StepFact[] }) | null;
  /** Room for all quotes on a line, in characters. */
  room: number;
  /** "Your first" was said already (the same one, labelled again): it is not said twice. */
  firstSaid?: boolean;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Local calendar days from `from` to `to`: a clock change or the hour of day never shifts it. */
export const daysBetween = (from: Date, to: Date) => dayNumber(isoDay(to)) - dayNumber(isoDay(from));

/** How the timeline says the time since the breakthrough before: "23 days later", "the same day". */
export const later = (from: Date, to: Date) => (daysBetween(from, to) === 0 ? 'the same day' : `${gap(from, to)} later`);

/** "the same day", "a day", "23 days", "about 3 months", "about 2 years": on the local calendar. */
export function gap(from: Date, to: Date): string {
  const days = Math.abs(daysBetween(from, to));
  if (days === 0) return 'the same day';
  if (days === 1) return 'a day';
  if (days < 60) return `${days} days`;
  if (days < 730) return `about ${Math.round(days / 30.44)} months`;
  return `about ${Math.round(days / 365.25)} years`;
}

const quoted = (text: string, room: number) => `“${cutQuote(text, room)}”`;

/** `before“quote”after` in at most `room` columns (one spare): the quote gives way, down to 12 characters. */
const fill = (before: string, quote: string, after: string, room: number) =>
  `${before}${quoted(quote, Math.max(12, room - 1 - before.length - after.length - 2))}${after}`;

export function celebrationLines(facts: CelebrationFacts): string[] {
  const { confirmed, total, previous, room } = facts;
  const n = confirmed.length;
  if (n === 0) return [];
  const first = total - n + 1;
  const isFirst = !previous && first === 1 && !facts.firstSaid;
  const which = n === 1 ? (total === 1 ? 'your only one so far' : `your ${ordinal(total)}`) : `your ${ordinal(first)} ${n === 2 ? 'and' : 'to'} ${ordinal(total)}`;
  const head = isFirst ? (n === 1 ? '✦ Your first breakthrough: ' : '✦ Your first breakthroughs: ') : n === 1 ? `✦ A breakthrough, ${which}: ` : `✦ ${plural(n, 'breakthrough')}, ${which}: `;
  // Several quotes share the line; each gets its part of what the head leaves.
  const each = Math.max(12, Math.floor((room - 1 - head.length) / n) - 4);
  const lines = [`${head}${confirmed.map((c) => quoted(c.quote, each)).join(', ')}`];
  if (isFirst) {
    lines.push('  You saw something new and named it. It is kept: `reflect breakthroughs`.');
    return lines;
  }
  if (previous) {
    const since = gap(previous.date, confirmed[0]!.date);
    const when = since === 'the same day' ? 'The same day as the one before' : `${since[0]!.toUpperCase()}${since.slice(1)} after the one before`;
    // A quote that ends its own sentence needs no full stop after it.
    lines.push(fill(`  ${when}, `, previous.quote, /[.!?…]$/.test(previous.quote.trim()) ? '' : '.', room));
    const step = stepLine(previous.steps, room - 2);
    if (step) lines.push(`  ${step}`);
  }
  return lines;
}

/** What became of the step (or steps) taken from the previous breakthrough; null when none was. */
export function stepLine(steps: readonly StepFact[], room: number): string | null {
  if (steps.length === 0) return null;
  if (steps.length === 1) {
    const s = steps[0]!;
    const before = 'The step you took from it, ';
    if (s.state === 'done') return fill(before, s.text, ', is done ✓', room);
    if (s.state === 'dropped') return fill(before, s.text, ', was dropped.', room);
    return fill(before, s.text, `, is ${s.state === 'overdue' ? 'overdue' : 'still open'}: \`reflect actions\``, room);
  }
  const count = (state: StepState) => steps.filter((s) => s.state === state).length;
  const open = count('open') + count('overdue');
  const parts = [`${count('done')} done${count('done') ? ' ✓' : ''}`];
  if (open) parts.push(`${open} still open`);
  if (count('dropped')) parts.push(`${count('dropped')} dropped`);
  return `Of the ${plural(steps.length, 'step')} you took from it: ${parts.join(', ')}${open ? ': `reflect actions`' : '.'}`;
}

/** The breakthrough counts worth a word of their own, once each ever. */
export const BREAKTHROUGH_MILESTONES = [1, 10, 25, 50, 100] as const;
export const STREAK_MILESTONE = 30;

export const breakthroughMilestoneKey = (n: number) => `milestone:breakthrough-${n}`;
export const STREAK_MILESTONE_KEY = `milestone:streak-${STREAK_MILESTONE}`;

/** The milestones passed when the count went from `before` to `after` (a set confirmed at once may pass one). */
export function milestonesPassed(before: number, after: number): number[] {
  return BREAKTHROUGH_MILESTONES.filter((m) => m > before && m <= after);
}

/** The line for a count milestone; the first needs none: its celebration says "your first". */
export function milestoneLine(n: number): string | null {
  if (n === 1) return null;
  return `  That makes ${n}: ${n} times you saw something new about yourself and said so.`;
}

/** The line for a current streak of `days` days, once it reaches a month (only the reaching is known exactly). */
export function streakLine(days: number): string {
  return days === STREAK_MILESTONE
    ? `✦ ${days} days in a row: a month of writing, one day at a time.`
    : `✦ More than ${STREAK_MILESTONE} days in a row: over a month of writing, one day at a time.`;
}
