import { describe, expect, it } from 'vitest';
import { commitAction, setActionStatus } from '../../src/store/actions.js';
import { confirmLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal } from '../../src/store/journal.js';
import { reflect, tempJournal } from '../helpers/cli.js';

const local = (m: number, d: number, h = 12) => new Date(2026, m - 1, d, h);

/** Three confirmed breakthroughs in March 2026 (two on one day) with their steps, and one entry that is not one. */
function timelineJournal() {
  const { db } = tempJournal();
  const conn = openJournal(db, 'write');
  const add = (text: string, date: Date, confirmed = true) => {
    const e = addEntry(conn, { text, date });
    if (confirmed) confirmLabel(conn, e.id, 'breakthrough', date);
    return e.id;
  };
  const first = add('It was never about the money.', local(3, 3));
  const second = add('I stay busy so I never have to choose.', local(3, 26, 9));
  const third = add('I do not need their permission.', local(3, 26, 21));
  add('Groceries.', local(3, 27), false);
  const step = (entryId: string, text: string, dueAt: Date | null, status?: 'done' | 'dropped', at = local(3, 10)) => {
    const a = commitAction(conn, { text, entryId, dueAt }, local(3, 3));
    if (status) setActionStatus(conn, a.id, status, at);
  };
  step(first, 'Tell Sam', local(3, 9), 'done', local(3, 8));
  step(second, 'Call Mum', new Date(2020, 0, 1, 12));
  step(second, 'Walk every morning', new Date(2099, 0, 1, 12));
  step(third, 'Quit the committee', null, 'dropped');
  conn.close();
  return db;
}

describe('reflect breakthroughs', () => {
  it('is a timeline, newest first: how long after the one before, each step and where it stands, and a summary', () => {
    const db = timelineJournal();
    const run = reflect(['--db', db, 'breakthroughs']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^✦ 2026-03-26 21:00 {2}\w{8} {2}· the same day$/);
    expect(lines[1]).toBe('  I do not need their permission.');
    expect(lines[2]).toBe('  [-] Quit the committee — dropped');
    expect(lines[4]).toMatch(/^✦ 2026-03-26 09:00 {2}\w{8} {2}· 23 days later$/);
    expect(lines[6]).toMatch(/^ {2}\[ \] Call Mum — overdue since \S+ 1 Jan$/);
    expect(lines[7]).toMatch(/^ {2}\[ \] Walk every morning — open, due \S+ 1 Jan$/);
    // The oldest has none before it: no "later".
    expect(lines[9]).toMatch(/^✦ 2026-03-03 12:00 {2}\w{8}$/);
    expect(lines[11]).toMatch(/^ {2}\[x\] Tell Sam — done ✓ \S+ 8 Mar$/);
    expect(lines[13]).toMatch(/^3 breakthroughs since 3 Mar( 2026)?; 4 steps committed, 1 done\.$/);
    expect(lines[14]).toBe('By month: March 2026: 3');
  });

  it('--limit keeps how long after the one before, even when that one is not shown', () => {
    const out = reflect(['--db', timelineJournal(), 'breakthroughs', '-n', '2']).stdout;
    expect(out).toContain('· 23 days later');
    expect(out).not.toContain('Tell Sam');
    expect(out).toMatch(/\n2 breakthroughs since 26 Mar( 2026)?; 3 steps committed, 0 done\.\n/);
  });

  it('--json keeps its fields and adds the days after the one before, each step’s state and the summary', () => {
    const run = reflect(['--db', timelineJournal(), 'breakthroughs', '--json']);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['breakthroughs', 'byMonth', 'summary']);
    expect(json.byMonth).toEqual({ '2026-03': 3 });
    expect(json.breakthroughs.map((b: { text: string; daysAfterPrevious: number | null }) => [b.text, b.daysAfterPrevious])).toEqual([
      ['I do not need their permission.', 0],
      ['I stay busy so I never have to choose.', 23],
      ['It was never about the money.', null],
    ]);
    const second = json.breakthroughs[1];
    // The fields scripts already read are all still there.
    expect(Object.keys(second)).toEqual(expect.arrayContaining(['id', 'shortId', 'date', 'text', 'label', 'labelSource', 'actions']));
    expect(second.actions.map((a: { text: string; status: string; state: string }) => [a.text, a.status, a.state])).toEqual([
      ['Call Mum', 'open', 'overdue'],
      ['Walk every morning', 'open', 'open'],
    ]);
    expect(json.summary).toEqual({ breakthroughs: 3, since: local(3, 3).toISOString(), steps: 4, done: 1 });
  });

  it('with none confirmed says so on stderr, and -n 0 is a usage error', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', 'Groceries.']);
    expect(reflect(['--db', db, 'breakthroughs'])).toMatchObject({ code: 0, stdout: '' });
    const bad = reflect(['--db', db, 'breakthroughs', '-n', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^reflect: .*\n$/);
  });
});
