import { shortDay, year4 } from '../core/dates.js';
import { firstLine } from '../core/entry.js';
import type { Loop } from '../core/patterns.js';
import { plural } from '../core/plural.js';
import { cutQuote } from '../core/quote.js';
import { safeLine } from './safe-text.js';

/** At most this many of a loop's terms are named; the first is the most telling. */
const NAMED = 2;

/**
 * A loop in one sentence: “budget review” has come up in 4 weeks since Mon 12 Oct (6 entries).
 * The terms are quoted, so any word reads as a theme ("“sister”", never "The sister has").
 * Plain text: `stats`, `report` and the session offer style it as they need.
 */
export function loopSentence(loop: Loop): string {
  const named = loop.terms.slice(0, NAMED).map((t) => `“${safeLine(t)}”`).join(' and ');
  const verb = Math.min(loop.terms.length, NAMED) > 1 ? 'have' : 'has';
  // A loop found with --from may reach into an earlier year; the short day alone would not say which.
  const year = loop.first.getFullYear() === loop.last.getFullYear() ? '' : ` ${year4(loop.first)}`;
  return `${named} ${verb} come up in ${plural(loop.weeks, 'week')} since ${shortDay(loop.first)}${year} (${plural(loop.entries.length, 'entry', 'entries')}).`;
}

/** A short quote of an entry: its first line, cut at a word near `width` characters (the "…" beyond them). */
export function shortQuote(text: string, width = 60): string {
  return `“${cutQuote(safeLine(firstLine(text)), width + 1)}”`;
}
