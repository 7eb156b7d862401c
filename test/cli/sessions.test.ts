import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect } from '../helpers/cli.js';
import { BREAKTHROUGH_ANSWERS, journalOf, runSet } from '../helpers/journals.js';

const json = (text: string) => JSON.parse(text);
const rows = (text: string) => text.trimEnd().split('\n');
const DAILY = 'energy: 7\nmoment: Lunch outside with Sam\nintention: Leave work on time\n';

function journalWithSessions() {
  const { dir, db } = journalOf(3);
  runSet(db, dir, 'breakthrough', BREAKTHROUGH_ANSWERS);
  runSet(db, dir, 'daily', DAILY);
  return { dir, db };
}

describe('reflect sessions', () => {
  it('lists one row per session, newest first: set, answers, ✦, the step committed', () => {
    const { db } = journalWithSessions();
    const run = reflect(['--db', db, 'sessions']);
    expect(run.stderr).toBe('');
    const [daily, deep, ...rest] = rows(run.stdout);
    expect(rest).toEqual([]);
    expect(daily).toMatch(/^[\d-]+ [\d:]+ {2}[0-9a-f]{8} {2}Daily check-in · 3 answers$/);
    expect(deep).toMatch(/^[\d-]+ [\d:]+ {2}[0-9a-f]{8} {2}✦ {2}Finding the breakthrough · 8 answers · step: Talk to Dana on Friday \(due \w{3} \d{1,2} \w{3}\)$/);
  });

  it('prints stable JSON for scripts, the step as `reflect actions --json` has it', () => {
    const { db } = journalWithSessions();
    const [, deep] = json(reflect(['--db', db, 'sessions', '--json']).stdout);
    expect(deep).toMatchObject({ setId: 'breakthrough', setTitle: 'Finding the breakthrough', status: 'finished', answers: 8, breakthroughs: 1, confirmedBreakthroughs: 1 });
    expect(deep.step).toMatchObject({ text: 'Talk to Dana on Friday', status: 'open', sessionId: deep.id });
    expect(new Date(deep.step.due).getDay()).toBe(5);
  });

  it.each([
    [['--label', 'breakthrough'], ['Finding the breakthrough']],
    [['--set', 'daily'], ['Daily check-in']],
    [['--tag', 'garden'], []],
    [['-n', '1'], ['Daily check-in']],
  ])('takes filters %j, picking sessions by their answers', (flags, titles) => {
    const { db } = journalWithSessions();
    const run = reflect(['--db', db, 'sessions', '--json', ...flags]);
    expect(run.code).toBe(0);
    expect(json(run.stdout).map((s: { setTitle: string }) => s.setTitle)).toEqual(titles);
  });

  it('says when nothing matches, and when the limit left some out', () => {
    const { db } = journalWithSessions();
    const none = reflect(['--db', db, 'sessions', '--set', 'weekly-review']);
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', 'No sessions match. Start one with `reflect session`.\n']);
    expect(reflect(['--db', db, 'sessions', '-n', '1']).stderr).toBe('1 of 2 shown; add `-n 2` to see all.\n');
  });

  it.each([
    [['sessions', '--label', 'great'], /^reflect: .*--label <label>.* expected one of breakthrough, skill/],
    [['sessions', '--from', 'tomorrow', '--to', 'yesterday'], /^reflect: --from is after --to; nothing could match\n$/],
    [['sessions', '-n', '-1'], /^reflect: /],
  ])('refuses %j with one line, exit 2, nothing changed', (args, message) => {
    const { db } = journalWithSessions();
    const before = dumpJournal(db);
    const run = reflect(['--db', db, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(dumpJournal(db)).toEqual(before);
  });
});

describe('reflect show <session>', () => {
  it('shows the step committed and its due date, in text and JSON', () => {
    const { db } = journalWithSessions();
    const [, deep] = json(reflect(['--db', db, 'sessions', '--json']).stdout);
    const shown = reflect(['--db', db, 'show', deep.id.slice(0, 8)]).stdout;
    expect(rows(shown)[2]).toMatch(/^Step: Talk to Dana on Friday \(due Fri \d{1,2} \w{3}\) {2}[0-9a-f]{8}$/);
    expect(json(reflect(['--db', db, 'show', deep.id, '--json']).stdout).step).toMatchObject({ text: 'Talk to Dana on Friday', due: deep.step.due });
    const [daily] = json(reflect(['--db', db, 'sessions', '--json']).stdout);
    expect(reflect(['--db', db, 'show', daily.id]).stdout).not.toContain('Step:');
    expect(json(reflect(['--db', db, 'show', daily.id, '--json']).stdout).step).toBeNull();
  });
});
