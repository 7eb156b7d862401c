import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/core/dates.js';
import type { Classification } from '../../src/core/classifier/classify.js';
import type { Label } from '../../src/core/prompt-set.js';
import { commitAction, setActionStatus } from '../../src/store/actions.js';
import { confirmLabel, saveModelLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal } from '../../src/store/journal.js';
import { createSession } from '../../src/store/sessions.js';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

const DAY = 86_400_000;
const proposal = (label: Label) => ({ label, confidence: 0.9, evidence: [] }) as unknown as Classification;

/**
 * Five days in a row in March 2026 (a session with a typed answer on the 3rd), then three days up
 * to today. Labels: a proposed breakthrough, one the writer relabelled skill, a proposed challenge.
 * Steps: done on time, open and overdue (from the session), dropped.
 */
function seeded() {
  const { db } = tempJournal();
  const conn = openJournal(db, 'write');
  const march = (day: number, text: string, more = {}) => addEntry(conn, { text, date: new Date(Date.UTC(2026, 2, day, 10)), ...more });
  const relabelled = march(1, 'Learnt to read the tide tables #work');
  const breakthrough = march(2, 'It was never about the money #work', { starred: true });
  const session = { id: 'eeee0000-0000-4000-8000-000000000000', setId: 'daily', setTitle: 'Daily', setVersion: '1', setHash: 'h', setSnapshot: '{"questions":[]}', startedAt: new Date('2026-03-03T10:00:00Z') };
  createSession(conn, session);
  const answer = (position: number, text: string, answer?: unknown) =>
    addEntry(conn, { text, date: session.startedAt, session: { id: session.id, questionId: `q${position}`, question: 'How was it?', position, depth: 0 }, answer });
  const hard = answer(0, 'The review went badly');
  answer(1, '7', 7);
  march(4, 'Rain all day');
  march(5, 'Rain again #work');
  const now = Date.now();
  const recent = [0, 1, 2].map((k) => addEntry(conn, { text: `Lately ${k}`, date: new Date(now - k * DAY - 60_000) }));
  const at = new Date('2026-03-06T10:00:00Z');
  saveModelLabel(conn, relabelled.id, proposal('breakthrough'), 'test', at);
  confirmLabel(conn, relabelled.id, 'skill', at);
  saveModelLabel(conn, breakthrough.id, proposal('breakthrough'), 'test', at);
  saveModelLabel(conn, hard.id, proposal('challenge'), 'test', at);
  const onTime = commitAction(conn, { text: 'Tell Sam', entryId: breakthrough.id, dueAt: new Date('2026-03-10T12:00:00Z') }, new Date('2026-03-02T11:00:00Z'));
  setActionStatus(conn, onTime.id, 'done', new Date('2026-03-10T20:00:00Z'));
  commitAction(conn, { text: 'Ask for feedback', sessionId: session.id, entryId: null, dueAt: new Date('2026-03-04T12:00:00Z') }, new Date('2026-03-03T11:00:00Z'));
  const dropped = commitAction(conn, { text: 'Go outside', entryId: recent[0]!.id, dueAt: null }, new Date(now));
  setActionStatus(conn, dropped.id, 'dropped', new Date(now));
  conn.close();
  return db;
}

const stats = (db: string, ...args: string[]) => {
  const run = reflect(['--db', db, 'stats', '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};
const labels = (counts: Record<string, number>) => ({ breakthrough: 0, skill: 0, challenge: 0, external: 0, neutral: 0, unlabelled: 0, ...counts });

/** An everyday journal of 30 weeks with one challenge coming back in four of them. */
function looping() {
  const { db } = tempJournal();
  const conn = openJournal(db, 'write');
  const now = Date.now();
  for (let w = 0; w < 30; w++) addEntry(conn, { text: 'Cooked dinner, then a walk by the river.', date: new Date(now - w * 7 * DAY - 3_600_000) });
  for (const w of [1, 3, 6, 9]) {
    const e = addEntry(conn, { text: 'The budget review again; I dread presenting it.', date: new Date(now - w * 7 * DAY - 7_200_000) });
    saveModelLabel(conn, e.id, proposal('challenge'), 'test', new Date(now));
  }
  conn.close();
  return db;
}

describe('reflect stats: the calendar', () => {
  it('marks the days of breakthroughs the writer confirmed, not the ones only proposed', () => {
    const { db } = tempJournal();
    const conn = openJournal(db, 'write');
    const proposed = addEntry(conn, { text: 'Maybe it was never about the money.', date: new Date(Date.now() - 3 * DAY) });
    saveModelLabel(conn, proposed.id, proposal('breakthrough'), 'test', new Date());
    conn.close();
    const grid = () => reflect(['--db', db, 'stats']).stdout.split('\n').slice(4, 12).join('\n'); // the month names and 7 weekday rows
    expect(grid()).not.toContain('*');
    const conn2 = openJournal(db, 'write');
    confirmLabel(conn2, proposed.id, 'breakthrough', new Date());
    conn2.close();
    expect(grid().match(/\*/g)).toHaveLength(1);
  });
});

describe('reflect stats: loops', () => {
  it('names a challenge that came back in four weeks, in JSON and on screen with the way out', () => {
    const db = looping();
    const [loop, ...others] = stats(db).loops;
    expect(others).toEqual([]);
    expect(loop.terms[0]).toBe('budget review');
    expect(loop.weeks).toBe(4);
    expect(loop.entries).toHaveLength(4);
    const run = reflect(['--db', db, 'stats']);
    expect(run.stdout).toMatch(/A loop you may be in\n  ↻ “budget review” and “presenting” have come up in 4 weeks since .+ \(4 entries\)\./);
    expect(run.stdout).toContain('reflect session unstuck');
  });

  it('has none once a breakthrough on the theme came after the challenges', () => {
    const db = looping();
    const conn = openJournal(db, 'write');
    const e = addEntry(conn, { text: 'I see now the budget review scares me because I think I must be perfect.', date: new Date(Date.now() - 3_600_000) });
    confirmLabel(conn, e.id, 'breakthrough', new Date());
    conn.close();
    expect(stats(db).loops).toEqual([]);
    expect(reflect(['--db', db, 'stats']).stdout).not.toContain('loop');
  });
});

describe('reflect stats --json', () => {
  it('counts entries, days, sessions, streaks, labels that count, months and follow-through', () => {
    const db = seeded();
    const s = stats(db);
    expect(s).toMatchObject({
      entries: 9,
      sessions: 1,
      days: 8,
      currentStreak: 3,
      longestStreak: 5,
      longestStreakEnd: '2026-03-05',
      first: '2026-03-01T10:00:00.000Z',
      labels: labels({ skill: 1, breakthrough: 1, challenge: 1, unlabelled: 6 }),
      actions: { committed: 3, done: 1, dropped: 1, open: 1, overdue: 1, doneWithDue: 1, doneOnTime: 1, onTimeShare: 1 },
    });
    expect(Object.keys(s)).toEqual(['entries', 'sessions', 'days', 'currentStreak', 'longestStreak', 'longestStreakEnd', 'first', 'last', 'labels', 'byMonth', 'byDay', 'actions', 'loops']);
    expect(isoDay(new Date(s.last))).toBe(isoDay(new Date()));
    // Every month from March 2026 to this one, the empty ones with zeros.
    expect(s.byMonth[0]).toEqual({ month: '2026-03', entries: 6, days: 5, breakthroughs: 1, labels: labels({ skill: 1, breakthrough: 1, challenge: 1, unlabelled: 3 }) });
    expect(s.byMonth.at(-1).month).toBe(isoDay(new Date()).slice(0, 7));
    expect(s.byMonth[1]).toMatchObject({ month: '2026-04' });
    expect(s.byDay.slice(0, 3)).toEqual([
      { day: '2026-03-01', entries: 1, breakthroughs: 0 },
      { day: '2026-03-02', entries: 1, breakthroughs: 1 },
      { day: '2026-03-03', entries: 2, breakthroughs: 0 },
    ]);
  });

  it.each([
    // The steps of kept entries, and of sessions with a kept entry.
    ['--tag work', ['--tag', 'work'], { entries: 3, sessions: 0, labels: labels({ skill: 1, breakthrough: 1, unlabelled: 1 }), actions: { committed: 1, done: 1 } }],
    ['--label breakthrough', ['--label', 'breakthrough'], { entries: 1, labels: labels({ breakthrough: 1 }), actions: { committed: 1, done: 1 } }],
    ['--label challenge: the session and its step', ['--label', 'challenge'], { entries: 1, sessions: 1, actions: { committed: 1, open: 1, overdue: 1 } }],
    ['--from/--to: March', ['--from', '2026-03-01', '--to', '2026-03-31'], { entries: 6, days: 5, currentStreak: 0, longestStreak: 5, actions: { committed: 2 } }],
    ['--on', ['--on', '2026-03-03'], { entries: 2, days: 1, sessions: 1, actions: { committed: 1 } }],
    ['--starred', ['--starred'], { entries: 1, actions: { committed: 1 } }],
    ['--not-tag work', ['--not-tag', 'work'], { entries: 6, actions: { committed: 2, dropped: 1, open: 1 } }],
    ['--any-tag', ['--any-tag', 'work', '--any-tag', 'home'], { entries: 3 }],
  ])('narrows by %s', (_name, args, expected) => {
    expect(stats(seeded(), ...args)).toMatchObject(expected);
  });

  it('counts alike day by day and entry by entry: a journal from the year 100 is read one entry at a time', () => {
    const db = seeded();
    const quick = stats(db);
    const conn = openJournal(db, 'write');
    addEntry(conn, { text: 'A Roman diary', date: new Date('0100-05-01T12:00:00Z') });
    conn.close();
    const slow = stats(db);
    expect(slow).toMatchObject({ entries: 10, days: 9, first: '0100-05-01T12:00:00.000Z', labels: { ...quick.labels, unlabelled: 7 } });
    const { entries, days, first, labels: _labels, byMonth, byDay, ...same } = slow;
    expect(same).toEqual((({ entries, days, first, labels, byMonth, byDay, ...rest }) => rest)(quick));
    expect(byDay.slice(1)).toEqual(quick.byDay);
    expect(byMonth).toHaveLength((2026 - 100) * 12 + new Date().getUTCMonth() + 1 - 4);
    // The free-text hint counts alike on both paths: the typed answer is never among them.
    expect(reflect(['--db', db, 'stats']).stdout).toContain('6 entries not yet read by the classifier');
  });

  it('still prints the zero object for an empty journal or no match', () => {
    const { db } = tempJournal();
    const zero = { entries: 0, sessions: 0, days: 0, currentStreak: 0, longestStreak: 0, longestStreakEnd: null, first: null, last: null, labels: labels({}), byMonth: [], byDay: [] };
    expect(stats(db)).toMatchObject(zero);
    expect(stats(seeded(), '--tag', 'nothing')).toMatchObject(zero);
  });
});

describe('reflect stats', () => {
  it('in a pipe: the headline, the calendar and bars in plain characters, no escape codes', () => {
    const db = seeded();
    const run = reflect(['--db', db, 'stats'], { env: { COLUMNS: '80' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/\x1b/);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['9 entries on 8 days · 1 guided session', 'Streak: 3 days in a row now · longest 5 days, ended 2026-03-05', `First 2026-03-01 · last ${isoDay(new Date())}`]);
    expect(lines).toContain('less :oO# more  * breakthrough');
    expect(lines).toContain('Steps: 3 committed · 1 done (1 on time) · 1 dropped · 1 open, 1 overdue');
    expect(run.stdout).toContain('Labels: 1 breakthrough · 1 skill · 1 challenge · 0 external · 0 neutral\n        6 unlabelled\n');
    // Five of the unlabelled are free text; the typed answer (7) is no classifier's to read.
    expect(lines).toContain('5 entries not yet read by the classifier: `reflect classify --entries`');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('ends the calendar and the bars at --to', () => {
    const run = reflect(['--db', seeded(), 'stats', '--to', '2026-03-31'], { env: { COLUMNS: '80' } });
    const lines = run.stdout.split('\n');
    const legend = lines.findIndex((l) => l.startsWith('* breakthrough'));
    expect(lines[legend - 1]).toMatch(/^Mar 2026 \S+ +6$/);
    // The week of 31 March is the last column: Tuesday the 31st holds the last day shown.
    const grid = lines.slice(lines.findIndex((l) => l.startsWith('Mon ')), lines.findIndex((l) => l.startsWith('less ')));
    expect(grid.map((row) => row.padEnd(56).charAt(55))).toEqual(['.', '.', ' ', ' ', ' ', ' ', ' ']);
  });

  it('colours only when asked to in a pipe, and never with NO_COLOR', () => {
    const db = seeded();
    expect(reflect(['--db', db, 'stats'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(reflect(['--db', db, 'stats'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b/);
  });

  it('says in one line on stderr that there is nothing to count, and exits 0', () => {
    const { db } = tempJournal();
    expect(reflect(['--db', db, 'stats'])).toEqual({ code: 0, stdout: '', stderr: 'No entries match, so nothing to count yet. Write one with `reflect write`.\n' });
  });

  it.each([
    [['--from', 'tomorrow', '--to', 'yesterday'], 'reflect: --from is after --to; nothing could match'],
    [['--label', 'nope'], /^reflect: .*expected one of breakthrough/],
    [['--on', 'someday soon'], /^reflect: /],
  ])('refuses %j in one reflect: line, exit 2, the journal unchanged', (args, message) => {
    const db = seeded();
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'stats', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('has examples in its help', () => {
    expect(reflect(['stats', '--help']).stdout).toMatch(/Examples:\n {2}\$ reflect stats\n/);
  });
});
