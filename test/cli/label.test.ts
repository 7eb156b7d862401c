import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addEntry } from '../../src/store/entries.js';
import { openJournal } from '../../src/store/journal.js';
import { createSession } from '../../src/store/sessions.js';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

const json = (text: string) => JSON.parse(text);
const SKILL = 'Finally understood how pivot tables work.';
const list = (db: string) => json(reflect(['--db', db, 'list', '--json']).stdout) as { id: string; shortId: string; label: string | null; labelSource: string | null }[];

/** Two entries whose ids share "abcd", neither classified, and a session whose id starts "eeee". */
function seeded() {
  const { db } = tempJournal();
  const conn = openJournal(db, 'write');
  addEntry(conn, { id: 'abcd1111-0000-4000-8000-000000000001', text: 'first', date: new Date('2026-11-01T10:00:00Z') });
  addEntry(conn, { id: 'abcd2222-0000-4000-8000-000000000002', text: 'second', date: new Date('2026-11-02T10:00:00Z') });
  const session = { id: 'eeee0000-0000-4000-8000-000000000000', setId: 'daily', setTitle: 'Daily', setVersion: '1', setHash: 'h', setSnapshot: '{"questions":[]}', startedAt: new Date('2026-11-03T10:00:00Z') };
  createSession(conn, session);
  addEntry(conn, {
    id: '99990000-0000-4000-8000-000000000000', text: 'an answer', date: session.startedAt,
    session: { id: session.id, questionId: 'moment', question: 'What mattered?', position: 0, depth: 0 },
  });
  conn.close();
  return db;
}

describe('reflect label', () => {
  it('gives an entry the writer’s label, changes it, and takes it back to the proposal', () => {
    const { db } = tempJournal();
    expect(reflect(['--db', db, 'write', SKILL]).code).toBe(0);
    const [entry] = list(db);
    expect(entry).toMatchObject({ label: 'skill', labelSource: 'model' });
    const id = entry!.shortId;

    const set = reflect(['--db', db, 'label', id, 'challenge']);
    expect(set).toEqual({ code: 0, stdout: `Labelled ${id} challenge (was proposed: skill)\n`, stderr: '' });
    expect(list(db)[0]).toMatchObject({ label: 'challenge', labelSource: 'writer' });
    // The full id works too, and a label in any case.
    expect(reflect(['--db', db, 'label', entry!.id, 'Breakthrough']).stdout).toBe(`Labelled ${id} breakthrough (was challenge)\n`);
    expect(reflect(['--db', db, 'label', id, 'breakthrough']).stdout).toBe(`${id} is already labelled breakthrough; nothing changed\n`);

    const cleared = reflect(['--db', db, 'label', id, '--clear']);
    expect(cleared).toEqual({ code: 0, stdout: `Removed your label breakthrough from ${id}; reflect's proposal counts again: skill?\n`, stderr: '' });
    expect(list(db)[0]).toMatchObject({ label: 'skill', labelSource: 'model' });
    const before = dumpJournal(db);
    expect(reflect(['--db', db, 'label', id, '--clear']).stdout).toBe(`${id} has no label of yours to remove; nothing changed\n`);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('confirms a proposal as proposed, and wins in list --label and breakthroughs', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', "It isn't about the job offer, it's my fear of repeating past mistakes."]);
    const [entry] = list(db);
    expect(entry).toMatchObject({ label: 'breakthrough', labelSource: 'model' });
    expect(json(reflect(['--db', db, 'breakthroughs', '--json']).stdout).breakthroughs).toEqual([]);
    expect(reflect(['--db', db, 'label', entry!.shortId, 'breakthrough']).stdout).toBe(`Labelled ${entry!.shortId} breakthrough (as proposed)\n`);
    expect(json(reflect(['--db', db, 'breakthroughs', '--json']).stdout).breakthroughs.map((b: { id: string }) => b.id)).toEqual([entry!.id]);
    reflect(['--db', db, 'label', entry!.shortId, 'neutral']);
    expect(json(reflect(['--db', db, 'list', '--label', 'breakthrough', '--json']).stdout)).toEqual([]);
    expect(json(reflect(['--db', db, 'list', '--label', 'neutral', '--json']).stdout)).toHaveLength(1);
  });

  it('labels an entry never classified, and clearing leaves it as it was', () => {
    const db = seeded();
    const before = dumpJournal(db);
    expect(reflect(['--db', db, 'label', 'abcd1111', 'external']).stdout).toBe('Labelled abcd1111 external\n');
    expect(reflect(['--db', db, 'label', 'abcd1111', '--clear']).stdout).toBe('Removed your label external from abcd1111; it has no label now\n');
    expect(list(db).find((e) => e.shortId === 'abcd1111')).toMatchObject({ label: null, labelSource: null });
    expect(dumpJournal(db)).toEqual(before);
  });

  it('--json prints the entry as it now is', () => {
    const db = seeded();
    const run = reflect(['--db', db, 'label', 'abcd2222', 'skill', '--json']);
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toMatchObject({ id: 'abcd2222-0000-4000-8000-000000000002', text: 'second', label: 'skill', labelSource: 'writer' });
    expect(json(reflect(['--db', db, 'label', 'abcd2222', '--clear', '--json']).stdout)).toMatchObject({ label: null, labelSource: null });
  });

  it('labels a guided session’s answer by its own id', () => {
    const db = seeded();
    expect(reflect(['--db', db, 'label', '9999', 'breakthrough']).code).toBe(0);
    const session = json(reflect(['--db', db, 'show', 'eeee0000', '--json']).stdout);
    expect(session.answers[0]).toMatchObject({ label: 'breakthrough', labelSource: 'writer' });
  });
});

describe('reflect label with bad input: one line, the right exit code, the journal unchanged', () => {
  it.each([
    ['an unknown id', ['ffff0000', 'skill'], 1, /^reflect: no entry or session with id ffff0000$/],
    ['an ambiguous id', ['abcd', 'skill'], 1, /^reflect: the id abcd matches more than one entry \(abcd1111, abcd2222\); type more of it$/],
    ['something that is not an id', ['yesterday', 'skill'], 1, /^reflect: "yesterday" is not an entry id/],
    ['a session id', ['eeee0000', 'skill'], 2, /^reflect: eeee0000 is a guided session, not an entry; label one of its answers \(their ids are in `reflect show eeee0000`\)$/],
    ['an unknown label', ['abcd1111', 'epiphany'], 2, /^reflect: .*'epiphany' is invalid .*expected one of breakthrough, skill, challenge, external, neutral$/],
    ['a label and --clear', ['abcd1111', 'skill', '--clear'], 2, /^reflect: give a label or --clear, not both$/],
    ['neither a label nor --clear', ['abcd1111'], 2, /^reflect: name the label to give \(breakthrough, skill, challenge, external, neutral\), or --clear to remove yours$/],
    ['no id', [], 2, /^reflect: missing required argument 'id'; see `reflect label --help`$/],
    ['one word too many', ['abcd1111', 'skill', 'extra'], 2, /^reflect: too many arguments for 'label'/],
  ] as const)('%s', (_name, args, code, message) => {
    const db = seeded();
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'label', ...args]);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(dumpJournal(db)).toEqual(before);
  });

  it.each([
    [['abcd1234', 'skill'], 1],
    [['abcd1234', '--clear'], 1],
    [['abcd1234', 'epiphany'], 2],
    [['abcd1234'], 2],
  ])('%j on a journal that does not exist creates none', (args, code) => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'label', ...args]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(/^reflect: /);
    expect(existsSync(db)).toBe(false);
  });
});
