import { afterEach, describe, expect, it } from 'vitest';
import { isoDay } from '../../src/core/dates.js';
import { daySpans, localDayReader } from '../../src/core/local-day.js';
import { followThrough, summarise, type ActionRow, type StatsEntry } from '../../src/core/stats.js';

const NOW = new Date('2026-02-02T18:00:00Z');
const at = (iso: string, more: Omit<StatsEntry, 'at'> = {}): StatsEntry => ({ at: new Date(iso).toISOString(), ...more });

describe('summarise: days, streaks, months', () => {
  it.each([
    ['a run across a month end, still going today', ['2026-01-30T09:00Z', '2026-01-31T09:00Z', '2026-02-01T09:00Z', '2026-02-02T09:00Z'], 4, 4, '2026-02-02'],
    ['a run ending yesterday still counts (today is not over)', ['2026-01-31T09:00Z', '2026-02-01T09:00Z'], 2, 2, '2026-02-01'],
    ['two entries on one day count one day', ['2026-02-02T07:00Z', '2026-02-02T23:00Z'], 1, 1, '2026-02-02'],
    ['an old run, nothing lately', ['2025-12-30T09:00Z', '2025-12-31T09:00Z', '2026-01-01T09:00Z', '2026-01-20T09:00Z'], 0, 3, '2026-01-01'],
  ])('%s', (_name, times, current, longest, end) => {
    const s = summarise(times.map((t) => at(t)), [], NOW);
    expect({ current: s.currentStreak, longest: s.longestStreak, end: s.longestStreakEnd }).toEqual({ current, longest, end });
    expect(s.days).toBe(new Set(times.map((t) => t.slice(0, 10))).size);
  });

  it('lists every month from the first entry to the last, the empty ones with zeros, oldest first', () => {
    const s = summarise([at('2026-01-15T10:00Z'), at('2025-10-03T10:00Z', { model: 'breakthrough' }), at('2025-10-04T10:00Z'), at('2025-10-04T11:00Z')], [], NOW);
    expect(s.byMonth.map((m) => [m.month, m.entries, m.days, m.breakthroughs])).toEqual([
      ['2025-10', 3, 2, 1],
      ['2025-11', 0, 0, 0],
      ['2025-12', 0, 0, 0],
      ['2026-01', 1, 1, 0],
    ]);
    expect(s.byMonth[1]!.labels).toEqual({ breakthrough: 0, skill: 0, challenge: 0, external: 0, neutral: 0, unlabelled: 0 });
    expect(s.byDay).toEqual([
      { day: '2025-10-03', entries: 1, breakthroughs: 1 },
      { day: '2025-10-04', entries: 2, breakthroughs: 0 },
      { day: '2026-01-15', entries: 1, breakthroughs: 0 },
    ]);
    expect([s.first?.toISOString(), s.last?.toISOString()]).toEqual(['2025-10-03T10:00:00.000Z', '2026-01-15T10:00:00.000Z']);
  });

  it('has nothing for an empty journal', () => {
    const s = summarise([], [], NOW);
    expect(s).toMatchObject({ entries: 0, days: 0, sessions: 0, currentStreak: 0, longestStreak: 0, longestStreakEnd: null, first: null, last: null, byMonth: [], byDay: [] });
  });

  it('counts each session once, however many answers it has', () => {
    const s = summarise([at('2026-01-01T10:00Z', { session: 'a' }), at('2026-01-01T10:01Z', { session: 'a' }), at('2026-01-02T10:00Z', { session: 'b' }), at('2026-01-03T10:00Z')], [], NOW);
    expect(s.sessions).toBe(2);
    expect(s.entries).toBe(4);
  });
});

describe('summarise: the label that counts', () => {
  it.each<[string, StatsEntry[], Partial<Record<string, number>>, number]>([
    ["the writer's label wins over the model's", [at('2026-01-01T10:00Z', { user: 'skill', model: 'breakthrough' })], { skill: 1 }, 0],
    ["the model's counts while the writer has not given one", [at('2026-01-01T10:00Z', { model: 'challenge' })], { challenge: 1 }, 0],
    ['never classified: unlabelled, and free text the classifier could read', [at('2026-01-01T10:00Z')], { unlabelled: 1 }, 1],
    ['a typed answer (a number) is unlabelled, but no classifier reads it', [at('2026-01-01T10:00Z', { free: false })], { unlabelled: 1 }, 0],
    ['a label this version does not know counts as unlabelled', [at('2026-01-01T10:00Z', { model: 'someday' })], { unlabelled: 1 }, 1],
  ])('%s', (_name, entries, labels, unlabelledFree) => {
    const s = summarise(entries, [], NOW);
    expect(s.labels).toEqual({ breakthrough: 0, skill: 0, challenge: 0, external: 0, neutral: 0, unlabelled: 0, ...labels });
    expect(s.byMonth[0]!.labels).toEqual(s.labels);
    expect(s.unlabelledFree).toBe(unlabelledFree);
  });
});

describe('followThrough', () => {
  // Due dates without a time are kept at local midday (TZ=UTC here): 12:00Z.
  const DUE = '2026-01-20T12:00:00.000Z';
  it.each<[string, ActionRow, Partial<Record<'done' | 'dropped' | 'open' | 'overdue' | 'doneWithDue' | 'doneOnTime', number>>]>([
    ['done on the due day, after midday: on time', ['done', DUE, '2026-01-20T22:00:00.000Z'], { done: 1, doneWithDue: 1, doneOnTime: 1 }],
    ['done the day after: late', ['done', DUE, '2026-01-21T00:00:01.000Z'], { done: 1, doneWithDue: 1 }],
    ['done early: on time', ['done', DUE, '2026-01-02T10:00:00.000Z'], { done: 1, doneWithDue: 1, doneOnTime: 1 }],
    ['done, no due date: neither on time nor late', ['done', null, '2026-01-02T10:00:00.000Z'], { done: 1 }],
    ['open, due date past: overdue', ['open', DUE, null], { open: 1, overdue: 1 }],
    ['open, due today (its day is not over): not overdue', ['open', '2026-02-02T12:00:00.000Z', null], { open: 1 }],
    ['open, due at a time earlier today: not overdue until the day ends', ['open', '2026-02-02T09:00:00.000Z', null], { open: 1 }],
    ['open, no due date', ['open', null, null], { open: 1 }],
    ['dropped, once due: not overdue', ['dropped', DUE, null], { dropped: 1 }],
  ])('%s', (_name, row, counts) => {
    const zero = { committed: 1, done: 0, dropped: 0, open: 0, overdue: 0, doneWithDue: 0, doneOnTime: 0 };
    const stats = followThrough([row], NOW);
    expect(stats).toEqual({ ...zero, ...counts, onTimeShare: counts.doneWithDue ? (counts.doneOnTime ?? 0) / counts.doneWithDue : null });
  });

  it('adds up many steps, with the share done on time', () => {
    const rows: ActionRow[] = [['done', DUE, DUE], ['done', DUE, '2026-01-25T10:00:00.000Z'], ['done', null, DUE], ['open', DUE, null], ['dropped', null, null]];
    expect(followThrough(rows, NOW)).toEqual({ committed: 5, done: 3, dropped: 1, open: 1, overdue: 1, doneWithDue: 2, doneOnTime: 1, onTimeShare: 0.5 });
  });
});

describe('localDayReader', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });
  // Whole-hour, half-hour and 45-minute zones, with and without clock changes, either side of UTC.
  it.each(['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Chatham', 'Pacific/Kiritimati', 'America/St_Johns'])(
    'gives the day a Date gives, in %s, around the clock and the clock changes',
    (tz) => {
      process.env.TZ = tz;
      const dayOf = localDayReader();
      const wrong: string[] = [];
      // Every 7 minutes and 13 seconds through 2026: every minute of the day is reached, and both changes of clocks.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 433_000) {
        const iso = new Date(t).toISOString();
        if (dayOf(iso) !== isoDay(new Date(iso))) wrong.push(iso);
      }
      expect(wrong.slice(0, 3)).toEqual([]);
    },
  );

  it('reads times written another way, and years below 1000, the slow way or the fast', () => {
    process.env.TZ = 'UTC';
    const dayOf = localDayReader();
    expect(dayOf('2026-03-01T10:00:00Z')).toBe('2026-03-01');
    expect(dayOf('0050-06-30T23:59:59.999Z')).toBe('0050-06-30');
  });
});

describe('daySpans', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it.each([
    ['UTC', '2026-03-28T10:00:00Z', '2026-03-30T01:00:00Z', [['2026-03-28', 24], ['2026-03-29', 24], ['2026-03-30', 24]]],
    // Clocks go forward on 29 March in London: a day of 23 hours, from midnight to midnight.
    ['Europe/London', '2026-03-28T10:00:00Z', '2026-03-30T01:00:00Z', [['2026-03-28', 24], ['2026-03-29', 23], ['2026-03-30', 24]]],
    // Half an hour ahead: 23:45 UTC on the 31st is already 1 January.
    ['Asia/Kolkata', '2025-12-31T23:45:00Z', '2026-01-01T10:00:00Z', [['2026-01-01', 24]]],
  ])('in %s, local midnight to midnight', (tz, first, last, days) => {
    process.env.TZ = tz;
    const spans = daySpans(new Date(first), new Date(last), 100)!;
    expect(spans.map((s) => [s.day, (Date.parse(s.to) - Date.parse(s.from)) / 3_600_000])).toEqual(days);
    expect(spans[0]!.from <= new Date(first).toISOString() && new Date(last).toISOString() < spans.at(-1)!.to).toBe(true);
    spans.slice(1).forEach((s, i) => expect(s.from).toBe(spans[i]!.to));
  });

  it('gives up past its limit of days (a journal of centuries is read entry by entry)', () => {
    expect(daySpans(new Date('2026-01-01T12:00:00Z'), new Date('2026-01-10T12:00:00Z'), 10)).toHaveLength(10);
    expect(daySpans(new Date('2026-01-01T12:00:00Z'), new Date('2026-01-11T12:00:00Z'), 10)).toBeNull();
  });
});
