import {
  breakthroughMilestoneKey,
  celebrationLines,
  milestoneLine,
  milestonesPassed,
  STREAK_MILESTONE,
  STREAK_MILESTONE_KEY,
  streakLine,
  stepState,
} from '../core/celebration.js';
import { isoDay } from '../core/dates.js';
import { firstLine } from '../core/entry.js';
import { streaks } from '../core/streaks.js';
import { actionsForEntries } from '../store/actions.js';
import { countConfirmedBreakthroughs, entryDaysSince, previousBreakthrough } from '../store/breakthroughs.js';
import { getEntry } from '../store/entries.js';
import type { Db } from '../store/journal.js';
import { getMeta, setMeta } from '../store/sessions.js';
import { safeLine } from '../ui/safe-text.js';
import type { Deps } from './context.js';

/** A breakthrough the writer has just confirmed (it was not theirs before), with its key sentence when one is known. */
export interface JustConfirmed {
  id: string;
  sentence?: string | null;
}

/**
 * One celebration for everything confirmed at once, and the count milestones it passed. Only on a
 * terminal: in a pipe the caller's own line is all that is printed, and no milestone is marked
 * given, since nobody saw it.
 */
export function celebrateBreakthroughs(db: Db, confirmed: readonly JustConfirmed[], deps: Deps): void {
  if (!deps.stdout.isTTY || confirmed.length === 0) return;
  const entries = confirmed
    .map((c) => ({ entry: getEntry(db, c.id), sentence: c.sentence }))
    .filter((c) => c.entry !== null)
    .sort((a, b) => a.entry!.date.getTime() - b.entry!.date.getTime());
  if (entries.length === 0) return;
  const total = countConfirmedBreakthroughs(db);
  const previous = previousBreakthrough(db, entries[0]!.entry!.date, entries.map((e) => e.entry!.id));
  const now = deps.now();
  const steps = previous ? (actionsForEntries(db, [previous.id]).get(previous.id) ?? []) : [];
  const lines = celebrationLines({
    confirmed: entries.map(({ entry, sentence }) => ({ quote: safeLine(sentence || firstLine(entry!.text)), date: entry!.date })),
    total,
    previous: previous ? { quote: safeLine(firstLine(previous.text)), date: previous.date, steps: steps.map((a) => ({ text: safeLine(a.text), state: stepState(a, now) })) } : null,
    room: deps.stdout.columns,
    firstSaid: Boolean(getMeta(db, breakthroughMilestoneKey(1))),
  });
  const given: string[] = [];
  for (const m of milestonesPassed(total - entries.length, total)) {
    const key = breakthroughMilestoneKey(m);
    if (getMeta(db, key)) continue;
    const line = milestoneLine(m);
    if (line) lines.push(line);
    given.push(key);
  }
  const { style } = deps.stdout;
  deps.stdout.write(`\n${lines.map((l, i) => (i === 0 ? style.magenta(l) : l)).join('\n')}\n`);
  for (const key of given) setMeta(db, key, now.toISOString());
}

/** A month of writing every day is said once ever, on a terminal, the first time it is seen. */
export function celebrateStreak(db: Db, deps: Deps): void {
  if (!deps.stdout.isTTY || getMeta(db, STREAK_MILESTONE_KEY)) return;
  const now = deps.now();
  // Only the recent run matters: a streak of a month or more shows within the last 32 days.
  const from = new Date(now);
  from.setDate(from.getDate() - (STREAK_MILESTONE + 2));
  const { current } = streaks(entryDaysSince(db, from).map(isoDay), isoDay(now));
  if (current < STREAK_MILESTONE) return;
  deps.stdout.write(`\n${deps.stdout.style.magenta(streakLine(current))}\n`);
  setMeta(db, STREAK_MILESTONE_KEY, now.toISOString());
}
