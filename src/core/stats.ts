import { streaks } from './streaks.js';
import { endOfDueDay, isoDay } from './dates.js';
import { localDayReader } from './local-day.js';
import type { ActionStats, DayCount, LabelCounts, MonthStats, Stats } from './patterns.js';
import { LABELS } from './prompt-set.js';

/** One step: [status, due_at (UTC ISO) or null, when it was last marked done (UTC ISO) or null]. */
export type ActionRow = readonly [string, string | null, string | null];

export interface Summary extends Stats {
  /** Unlabelled entries of free text: the ones `reflect classify --entries` would read. */
  unlabelledFree: number;
}

export const zeroLabels = (): LabelCounts => ({ breakthrough: 0, skill: 0, challenge: 0, external: 0, neutral: 0, unlabelled: 0 });

/** Label counts by position in COUNTED, as arrays: a counter per entry costs nothing. */
export const COUNTED = [...LABELS, 'unlabelled'] as const;
export const UNLABELLED = COUNTED.length - 1;
const BREAKTHROUGH = COUNTED.indexOf('breakthrough');
const INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));

/** A label's position in COUNTED; none, or one this version does not know, is 'unlabelled'. */
export const labelIndex = (label: string | null) => (label === null ? undefined : INDEX.get(label)) ?? UNLABELLED;

const countsOf = (counts: readonly number[]): LabelCounts => {
  const out = zeroLabels();
  COUNTED.forEach((label, i) => (out[label] = counts[i]!));
  return out;
};

interface DayTally {
  entries: number;
  labels: number[];
}

/**
 * Counts entries one at a time, as the store reads them (no Entry objects, no arrays of rows):
 * `add` each, then `summary`. `label` is the label that counts (see countingLabel).
 */
export class StatsTally {
  private readonly dayOf = localDayReader();
  private readonly days = new Map<string, DayTally>();
  private readonly sessions = new Set<string>();
  private readonly labels = COUNTED.map(() => 0);
  private entries = 0;
  private unlabelledFree = 0;
  private first: string | null = null;
  private last: string | null = null;

  /** `at` as stored (UTC ISO); `free` false for a typed answer (a number, a choice), which no classifier reads. */
  add(at: string, session: string | null, label: string | null, free = true): void {
    this.entries++;
    if (this.first === null || at < this.first) this.first = at;
    if (this.last === null || at > this.last) this.last = at;
    if (session) this.sessions.add(session);
    const counted = labelIndex(label);
    this.labels[counted]!++;
    if (counted === UNLABELLED && free) this.unlabelledFree++;
    const day = this.dayOf(at);
    let tally = this.days.get(day);
    if (!tally) this.days.set(day, (tally = { entries: 0, labels: COUNTED.map(() => 0) }));
    tally.entries++;
    tally.labels[counted]!++;
  }

  /**
   * A whole local day at once: `counts` by label position (labelIndex). With addDay, the store says
   * the span itself (`within`) and the sessions and unlabelled free text (to `summary`).
   */
  addDay(day: string, counts: readonly number[]): void {
    let tally = this.days.get(day);
    if (!tally) this.days.set(day, (tally = { entries: 0, labels: COUNTED.map(() => 0) }));
    counts.forEach((n, i) => {
      tally.entries += n;
      tally.labels[i]! += n;
      this.entries += n;
      this.labels[i]! += n;
    });
  }

  /** The first and last entry's times (UTC ISO), for entries given by day. */
  within(first: string, last: string): void {
    this.first = first;
    this.last = last;
  }

  summary(actions: Iterable<ActionRow>, now: Date, counted: { sessions?: number; unlabelledFree?: number } = {}): Summary {
    const run = streaks(this.days.keys(), isoDay(now));
    const byDay: DayCount[] = [...this.days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1)) // four-digit years: text order is calendar order
      .map(([day, t]) => ({ day, entries: t.entries, breakthroughs: t.labels[BREAKTHROUGH]! }));
    return {
      entries: this.entries,
      sessions: counted.sessions ?? this.sessions.size,
      days: this.days.size,
      currentStreak: run.current,
      longestStreak: run.longest,
      longestStreakEnd: run.longestEnd,
      first: this.first === null ? null : new Date(this.first),
      last: this.last === null ? null : new Date(this.last),
      labels: countsOf(this.labels),
      byMonth: months(byDay, this.days),
      byDay,
      actions: followThrough(actions, now),
      unlabelledFree: counted.unlabelledFree ?? this.unlabelledFree,
    };
  }
}

/** An entry for `summarise`: its time (UTC ISO), session, writer's and model's labels, and whether it is free text. */
export interface StatsEntry {
  at: string;
  session?: string | null;
  user?: string | null;
  model?: string | null;
  free?: boolean;
}

/** The label that counts: the writer's where given, else the model's. */
export const countingLabel = (user: string | null | undefined, model: string | null | undefined) => user ?? model ?? null;

export function summarise(entries: Iterable<StatsEntry>, actions: Iterable<ActionRow>, now: Date): Summary {
  const tally = new StatsTally();
  for (const e of entries) tally.add(e.at, e.session ?? null, countingLabel(e.user, e.model), e.free ?? true);
  return tally.summary(actions, now);
}

/** Every month from the first entry's to the last's, oldest first, the empty ones with zeros. */
function months(byDay: readonly DayCount[], days: Map<string, DayTally>): MonthStats[] {
  if (byDay.length === 0) return [];
  const out = new Map<string, MonthStats>();
  const [fy, fm] = byDay[0]!.day.split('-').map(Number) as [number, number];
  const [ly, lm] = byDay[byDay.length - 1]!.day.split('-').map(Number) as [number, number];
  for (let y = fy, m = fm; y < ly || (y === ly && m <= lm); m === 12 ? ((m = 1), y++) : m++) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.set(month, { month, entries: 0, days: 0, breakthroughs: 0, labels: zeroLabels() });
  }
  for (const { day } of byDay) {
    const stats = out.get(day.slice(0, 7))!;
    const tally = days.get(day)!;
    stats.entries += tally.entries;
    stats.days++;
    stats.breakthroughs += tally.labels[BREAKTHROUGH]!;
    COUNTED.forEach((label, i) => (stats.labels[label] += tally.labels[i]!));
  }
  return [...out.values()];
}

/** Follow-through on steps; on time and overdue by the whole due day (endOfDueDay in dates.ts). */
export function followThrough(actions: Iterable<ActionRow>, now: Date): ActionStats {
  const stats: ActionStats = { committed: 0, done: 0, dropped: 0, open: 0, overdue: 0, doneWithDue: 0, doneOnTime: 0, onTimeShare: null };
  for (const [status, dueAt, doneAt] of actions) {
    stats.committed++;
    const due = dueAt === null ? null : endOfDueDay(new Date(dueAt));
    if (status === 'done') {
      stats.done++;
      if (due) {
        stats.doneWithDue++;
        if (doneAt !== null && new Date(doneAt) <= due) stats.doneOnTime++;
      }
    } else if (status === 'dropped') stats.dropped++;
    else {
      stats.open++;
      if (due && due < now) stats.overdue++;
    }
  }
  stats.onTimeShare = stats.doneWithDue ? stats.doneOnTime / stats.doneWithDue : null;
  return stats;
}
