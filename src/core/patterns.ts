import type { Label } from './prompt-set.js';

/**
 * What a journal shows over time, as `reflect stats`, `reflect report` and the loop offer at the
 * start of a session read it. Pure data: the store computes it, ui and the report render it.
 * "Label" here is always the label that counts: the writer's where given, else the model's.
 */

/** Labels counted, plus entries no classifier has read (typed answers, old imports). */
export type LabelCounts = Record<Label | 'unlabelled', number>;

export interface DayCount {
  /** Local day, 'YYYY-MM-DD'. */
  day: string;
  entries: number;
  breakthroughs: number;
}

export interface MonthStats {
  /** Local month, 'YYYY-MM'. */
  month: string;
  entries: number;
  /** Days of the month with at least one entry. */
  days: number;
  breakthroughs: number;
  labels: LabelCounts;
}

/** Follow-through on the steps the writer committed to. */
export interface ActionStats {
  committed: number;
  done: number;
  dropped: number;
  open: number;
  /** Open, with a due date already past. */
  overdue: number;
  /** Done steps that had a due date. */
  doneWithDue: number;
  /** Of those, done on or before the day they were due. */
  doneOnTime: number;
  /** doneOnTime / doneWithDue, or null when no done step had a due date. */
  onTimeShare: number | null;
}

export interface Stats {
  entries: number;
  /** Finished or unfinished guided sessions with an answer in range. */
  sessions: number;
  /** Local days with at least one entry. */
  days: number;
  /** Consecutive days with an entry, ending today (or yesterday: today is not over yet). */
  currentStreak: number;
  longestStreak: number;
  /** The local day the longest streak ended, 'YYYY-MM-DD'; null with no entries. */
  longestStreakEnd: string | null;
  first: Date | null;
  last: Date | null;
  labels: LabelCounts;
  /** Oldest month first; months with no entry between first and last are included, with zeros. */
  byMonth: MonthStats[];
  /** Days with an entry, oldest first (the calendar fills the gaps). */
  byDay: DayCount[];
  actions: ActionStats;
}

/**
 * A recurring challenge: challenge entries sharing a theme in at least three different weeks,
 * with no breakthrough on that theme since. The theme comes from the entries' own words.
 */
export interface Loop {
  /** The theme's words as the writer wrote them, most telling first: ['budget review'], ['sister', 'christmas']. */
  terms: string[];
  /** The challenge entries on the theme (full ids), oldest first. */
  entries: string[];
  /** Different weeks (Monday to Sunday, local) the entries fall in. */
  weeks: number;
  first: Date;
  last: Date;
}

/** A step committed after a breakthrough, and what became of it. */
export interface StepOutcome {
  text: string;
  status: 'open' | 'done' | 'dropped';
  dueAt: Date | null;
  /** When it was last marked done. */
  doneAt?: Date | null;
}

/** A breakthrough the writer confirmed, with the steps that came of it: the report's timeline. */
export interface BreakthroughWithSteps {
  id: string;
  date: Date;
  /** The answer the writer confirmed as a breakthrough. */
  text: string;
  question?: string;
  steps: StepOutcome[];
}
