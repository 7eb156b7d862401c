import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

const json = (text: string) => JSON.parse(text);

function ok(args: string[]) {
  const run = reflect(args);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** A journal with one starred and one plain entry; returns their ids. */
function starredJournal() {
  const { dir, db } = tempJournal();
  const saved = ok(['--db', db, 'write', '--no-review', '--star', '--date', '2026-03-01', 'The day I said no and meant it. #work']);
  expect(saved.stdout).toMatch(/^Saved [0-9a-f]{8} ★ #work\n/);
  ok(['--db', db, 'write', '--no-review', '--date', '2026-03-02', 'Groceries.']);
  const [plain, starred] = json(ok(['--db', db, 'list', '--json']).stdout) as { id: string; shortId: string; starred: boolean }[];
  return { dir, db, plain: plain!, starred: starred! };
}

describe('stars', () => {
  it('write --star stars the entry: ★ in list rows and in show, starred in --json, found by --starred', () => {
    const { db, plain, starred } = starredJournal();
    expect([plain.starred, starred.starred]).toEqual([false, true]);
    const rows = ok(['--db', db, 'list']).stdout.split('\n');
    expect(rows[0]).not.toContain('★');
    // The star sits right after the id, before any label and the text.
    expect(rows[1]).toMatch(new RegExp(`^2026-03-01 12:00  ${starred.shortId}  ★  .*The day I said no`));
    // Under the date and whole id, which fill an 80-column line, with the label.
    expect(ok(['--db', db, 'show', starred.shortId]).stdout.split('\n')[1]).toContain('★ starred');
    expect(ok(['--db', db, 'show', plain.shortId]).stdout).not.toContain('★');
    expect(json(ok(['--db', db, 'list', '--json', '--starred']).stdout).map((e: { id: string }) => e.id)).toEqual([starred.id]);
    expect(json(ok(['--db', db, 'search', '--json', '--starred']).stdout).map((e: { id: string }) => e.id)).toEqual([starred.id]);
  });

  it('edit --star / --unstar change only the star, without an editor, and say when there was nothing to do', () => {
    const { db, plain } = starredJournal();
    const env = { EDITOR: '/bin/false' }; // an editor that opened would fail the command
    expect(reflect(['--db', db, 'edit', plain.shortId, '--star'], { env }).stdout).toBe(`Starred ${plain.shortId}\n`);
    expect(reflect(['--db', db, 'edit', plain.shortId, '--star'], { env }).stdout).toBe(`${plain.shortId} was already starred.\n`);
    const after = json(ok(['--db', db, 'show', plain.id, '--json']).stdout);
    expect(after).toMatchObject({ starred: true, text: 'Groceries.', updatedAt: null });
    expect(reflect(['--db', db, 'edit', plain.shortId, '--unstar'], { env }).stdout).toBe(`Unstarred ${plain.shortId}\n`);
    expect(reflect(['--db', db, 'edit', plain.shortId, '--unstar'], { env }).stdout).toBe(`${plain.shortId} was not starred.\n`);
    expect(json(ok(['--db', db, 'show', plain.id, '--json']).stdout).starred).toBe(false);
  });

  it.each([
    [['edit', 'PLAIN', '--star', '--unstar'], 2, 'reflect: give --star or --unstar, not both\n'],
    [['edit', 'ffffffff', '--star'], 1, /^reflect: .*ffffffff/],
  ])('refuses %j with one line, changing nothing', (args, code, message) => {
    const { db, plain } = starredJournal();
    const before = dumpJournal(db);
    const run = reflect(['--db', db, ...args.map((a) => (a === 'PLAIN' ? plain.shortId : a))]);
    expect(run.code).toBe(code);
    if (typeof message === 'string') expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('survive JSON export and import, byte for byte; a version 1 file imports unstarred', () => {
    const { dir, db, starred } = starredJournal();
    const file = join(dir, 'out.json');
    ok(['--db', db, 'export', '--format', 'json', '--out', file]);
    const text = readFileSync(file, 'utf8');
    const { db: copy } = tempJournal();
    ok(['--db', copy, 'import', file]);
    expect(json(ok(['--db', copy, 'list', '--json', '--starred']).stdout).map((e: { id: string }) => e.id)).toEqual([starred.id]);
    expect(ok(['--db', copy, 'export', '--format', 'json']).stdout).toBe(text);

    const old = join(dir, 'v1.json');
    writeFileSync(old, text.replace('"version":2,', '"version":1,').replaceAll(',"starred":true', '').replaceAll(',"starred":false', ''));
    const { db: fromOld } = tempJournal();
    ok(['--db', fromOld, 'import', old]);
    expect(json(ok(['--db', fromOld, 'list', '--json']).stdout).map((e: { starred: boolean }) => e.starred)).toEqual([false, false]);
  });

  it('a "starred" that is not true or false is refused on import, naming the line', () => {
    const { dir, db } = starredJournal();
    const file = join(dir, 'bad.json');
    const text = ok(['--db', db, 'export', '--format', 'json']).stdout.replace('"starred":true', '"starred":"yes"');
    writeFileSync(file, text);
    const { db: copy } = tempJournal();
    const run = reflect(['--db', copy, 'import', file]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^reflect: .*line \d+: the entry's "starred" is missing or not what reflect writes; nothing was imported\n$/);
  });

  it('show in markdown exports', () => {
    const { db } = starredJournal();
    const md = ok(['--db', db, 'export', '--format', 'md']).stdout;
    const [first, second] = md.split(/^## /m).slice(1);
    expect(first).toContain('**★ Starred**');
    expect(second).not.toContain('★');
  });
});
