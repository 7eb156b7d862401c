import { isoDay } from '../../src/core/dates.js';
import type { DayCount, LabelCounts, MonthStats, Stats } from '../../src/core/patterns.js';
import type { ReportInput } from '../../src/report/html.js';

/** Text a journal may hold that would break a page built by pasting strings. */
export const HOSTILE = `<script>alert("pwned")</script> & "quotes" 'too' </blockquote><img src=x onerror=alert(1)> \u0000\u202Eevil`;

const zeroLabels = (): LabelCounts => ({ breakthrough: 0, skill: 0, challenge: 0, external: 0, neutral: 0, unlabelled: 0 });
const LABEL_CYCLE: (keyof LabelCounts)[] = ['challenge', 'skill', 'neutral', 'challenge', 'external', 'unlabelled', 'skill', 'neutral', 'challenge'];

/**
 * A year and a half of writing, ending on `now`: most days, some gaps, a few long days, a
 * breakthrough now and then. Deterministic, so the screenshots are comparable.
 */
export function fixtureStats(now: Date, daysBack = 540, written: readonly string[] = []): Stats {
  const byDay: DayCount[] = [];
  const months = new Map<string, MonthStats>();
  const labels = zeroLabels();
  for (let i = daysBack; i >= 0; i--) {
    const date = new Date(now);
    date.setDate(now.getDate() - i);
    const r = (i * 7919) % 97;
    if (r < 30 && i > 0 && !written.includes(isoDay(date))) continue;
    const entries = r > 90 ? 9 : r > 75 ? 4 : r > 55 ? 2 : 1;
    const breakthroughs = r % 23 === 0 ? 1 : 0;
    const day = isoDay(date);
    byDay.push({ day, entries, breakthroughs });
    const key = day.slice(0, 7);
    const month = months.get(key) ?? { month: key, entries: 0, days: 0, breakthroughs: 0, labels: zeroLabels() };
    month.entries += entries;
    month.days++;
    month.breakthroughs += breakthroughs;
    month.labels.breakthrough += breakthroughs;
    labels.breakthrough += breakthroughs;
    for (let e = breakthroughs; e < entries; e++) {
      const label = LABEL_CYCLE[(i + e) % LABEL_CYCLE.length]!;
      month.labels[label]++;
      labels[label]++;
    }
    months.set(key, month);
  }
  const entries = byDay.reduce((sum, d) => sum + d.entries, 0);
  return {
    entries,
    sessions: Math.round(entries / 4),
    days: byDay.length,
    currentStreak: 3,
    longestStreak: 11,
    longestStreakEnd: byDay[40]!.day,
    first: new Date(`${byDay[0]!.day}T09:00:00`),
    last: now,
    labels,
    byMonth: [...months.values()],
    byDay,
    actions: { committed: 12, done: 7, dropped: 2, open: 3, overdue: 1, doneWithDue: 5, doneOnTime: 4, onTimeShare: 0.8 },
  };
}

export function fixtureInput(now = new Date('2026-11-30T17:00:00Z')): ReportInput {
  const day = (n: number, hour = 12) => new Date(now.getTime() - n * 86_400_000 + (hour - 17) * 3_600_000);
  const breakthroughs: ReportInput['breakthroughs'] = [
    {
      id: 'e-1',
      date: day(5, 21),
      question: 'What did you see today that you could not see before?',
      text: 'It was never about the money. It was about being seen.\nI can ask for the raise because the work is good, not to prove anything.',
      steps: [
        { text: 'Book the meeting with Dana', status: 'done', dueAt: day(3), doneAt: day(4) },
        { text: 'Write down three projects I led', status: 'open', dueAt: day(1) },
        { text: 'Ask Sam for feedback', status: 'open', dueAt: day(-6) },
        { text: 'Update the CV', status: 'dropped', dueAt: null },
      ],
    },
    { id: 'e-2', date: day(60, 8), question: HOSTILE, text: HOSTILE, steps: [{ text: HOSTILE, status: 'done', dueAt: day(50), doneAt: day(40) }] },
    // A word longer than a phone is wide: it must wrap, not push the page sideways.
    { id: 'e-3', date: day(200, 19), text: `Saying no is also a way of saying yes to what I care about. ${'Unbreakable'.repeat(12)}`, steps: [] },
  ];
  return {
    // Each breakthrough's day has entries, as in any journal.
    stats: fixtureStats(now, 540, breakthroughs.map((b) => isoDay(b.date))),
    loops: [
      { terms: ['budget review'], entries: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], weeks: 4, first: day(49), last: day(3) },
      { terms: ['sister', 'christmas'], entries: ['b1', 'b2', 'b3'], weeks: 3, first: day(400), last: day(20) },
      { terms: [HOSTILE], entries: ['c1', 'c2', 'c3'], weeks: 3, first: day(30), last: day(2) },
    ],
    breakthroughs,
    generatedAt: now,
    period: { from: null, to: null },
  };
}
