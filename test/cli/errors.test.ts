import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../src/store/journal.js';
import { addEntry } from '../../src/store/entries.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

/** A journal with two entries whose ids share the prefix "abcd". */
function seeded() {
  const { dir, db } = tempJournal();
  chmodSync(dir, 0o755);
  const conn = openJournal(db, 'write');
  addEntry(conn, { id: 'abcd1111-0000-4000-8000-000000000001', text: 'first', date: new Date('2026-11-01T10:00:00Z') });
  addEntry(conn, { id: 'abcd2222-0000-4000-8000-000000000002', text: 'second', date: new Date('2026-11-02T10:00:00Z') });
  conn.close();
  return { dir, db };
}

// File permissions do not stop root, so as root the "other user" cases run the CLI as nobody.
// Another user has a config of their own (none), not one in this test run's private home.
const otherUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534, env: { XDG_CONFIG_HOME: '/nonexistent/config' } } : {};

interface Case {
  name: string;
  args: (db: string) => string[];
  code: number;
  message: RegExp;
  setup?: (paths: { dir: string; db: string }) => void;
  asOtherUser?: boolean;
}

const cases: Case[] = [
  { name: 'an unknown id', args: (db) => ['--db', db, 'show', 'ffff0000'], code: 1, message: /^reflect: no entry or session with id ffff0000$/ },
  { name: 'an ambiguous short id', args: (db) => ['--db', db, 'show', 'abcd'], code: 1, message: /^reflect: the id abcd matches more than one entry \(abcd1111, abcd2222\); type more of it$/ },
  { name: 'something that is not an id', args: (db) => ['--db', db, 'delete', 'yesterday', '--yes'], code: 1, message: /^reflect: "yesterday" is not an entry id/ },
  { name: 'a bad date', args: (db) => ['--db', db, 'write', '--date', 'the 31st of never', 'text'], code: 2, message: /^reflect: can't read the date "the 31st of never" \(try 2026-11-01/ },
  { name: 'an empty date', args: (db) => ['--db', db, 'write', '--date', '', 'text'], code: 2, message: /^reflect: can't read the date ""/ },
  { name: 'an empty --from', args: (db) => ['--db', db, 'list', '--from', ''], code: 2, message: /^reflect: can't read the date ""/ },
  { name: 'an export into a folder that does not exist', args: (db) => ['--db', db, 'export', '--out', '/nonexistent-reflect-dir/x.md'], code: 1, message: /^reflect: can't write \/nonexistent-reflect-dir\/x\.md: its folder does not exist; nothing was written$/ },
  { name: 'a date too far away', args: (db) => ['--db', db, 'write', '--date', 'in 100000000 days', 'text'], code: 2, message: /^reflect: can't read the date "in 100000000 days"/ },
  { name: 'a limit too large to be a number', args: (db) => ['--db', db, 'list', '-n', '99999999999999999999'], code: 2, message: /^reflect: option '-n, --limit <n>' argument '99999999999999999999' is invalid/ },
  { name: 'a lone * in a search', args: (db) => ['--db', db, 'search', '*'], code: 2, message: /^reflect: can't search for "\*": a lone \* matches nothing/ },
  { name: 'an empty --db', args: () => ['--db', '', 'list'], code: 2, message: /^reflect: --db needs the path of a journal file$/ },
  { name: 'an impossible date', args: (db) => ['--db', db, 'list', '--from', '2026-02-30'], code: 2, message: /^reflect: can't read the date "2026-02-30"/ },
  { name: '--from after --to', args: (db) => ['--db', db, 'list', '--from', '2026-11-02', '--to', '2026-11-01'], code: 2, message: /^reflect: --from is after --to/ },
  { name: 'an unbalanced quote in a search', args: (db) => ['--db', db, 'search', '"unbalanced'], code: 2, message: /^reflect: can't search for "\\"unbalanced": a quote \(".*\) is not closed$/ },
  { name: 'a bare AND in a search', args: (db) => ['--db', db, 'search', 'AND'], code: 2, message: /^reflect: can't search for "AND": AND, OR and NOT need a word on each side$/ },
  { name: 'a search with nothing to find', args: (db) => ['--db', db, 'search'], code: 2, message: /^reflect: search needs words to find, or a filter such as --tag$/ },
  { name: 'an unknown option', args: (db) => ['--db', db, 'list', '--colour'], code: 2, message: /^reflect: unknown option '--colour'/ },
  { name: 'an unknown command', args: (db) => ['--db', db, 'lsit'], code: 2, message: /^reflect: unknown command 'lsit' \(did you mean "list"\?\); see `reflect --help`$/ },
  { name: 'a bad --limit', args: (db) => ['--db', db, 'list', '-n', 'many'], code: 2, message: /^reflect: option '-n, --limit <n>' argument 'many' is invalid\. expected a whole number/ },
  { name: 'an unknown label', args: (db) => ['--db', db, 'list', '--label', 'epiphany'], code: 2, message: /^reflect: option '--label <label>' argument 'epiphany' is invalid/ },
  { name: 'a bad tag', args: (db) => ['--db', db, 'write', '--tag', 'two words', 'text'], code: 2, message: /^reflect: "two words" is not a tag/ },
  {
    name: 'a journal from a newer version',
    setup: ({ db }) => {
      const raw = new Database(db);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
    },
    args: (db) => ['--db', db, 'write', 'text'],
    code: 1,
    message: /^reflect: the journal .* was written by a newer reflect \(schema \d+, this one knows \d+\); upgrade reflect, the journal was left untouched$/,
  },
  {
    name: 'a read-only journal',
    setup: ({ db }) => chmodSync(db, 0o644),
    asOtherUser: true,
    args: (db) => ['--db', db, 'write', 'text'],
    code: 1,
    message: /^reflect: the journal .* is read-only; nothing was saved$/,
  },
  {
    name: 'an unreadable journal',
    setup: ({ db }) => chmodSync(db, 0o600),
    asOtherUser: true,
    args: (db) => ['--db', db, 'list'],
    code: 1,
    message: /^reflect: can't read the journal .*: permission denied$/,
  },
];

describe('bad input: one line on stderr, the right exit code, the journal unchanged', () => {
  it.each(cases)('$name', ({ args, code, message, setup, asOtherUser }) => {
    const paths = seeded();
    setup?.(paths);
    const before = dumpJournal(paths.db);
    const run = reflect(args(paths.db), asOtherUser ? otherUser : {});
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(dumpJournal(paths.db)).toEqual(before);
  });

  it.each([
    ['a text file', (path: string) => writeFileSync(path, 'not a journal\n'.repeat(100)), /is not a reflect journal \(not an SQLite database\)$/],
    ['a folder', (path: string) => mkdirSync(path), /is a folder, not a journal file$/],
  ])('refuses %s given as --db', (_name, make, message) => {
    const { dir } = tempJournal();
    const path = join(dir, 'journal.db');
    make(path);
    const run = reflect(['--db', path, 'list']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(new RegExp(`^reflect: .*${message.source}`));
  });

  it('shows the stack trace with --debug or DEBUG=reflect', () => {
    const { db } = seeded();
    expect(reflect(['--db', db, '--debug', 'show', 'ffff0000']).stderr).toMatch(/\n\s+at /);
    expect(reflect(['--db', db, 'show', 'ffff0000'], { env: { DEBUG: 'reflect' } }).stderr).toMatch(/\n\s+at /);
  });
});

describe('help and version', () => {
  it.each([
    'session', 'write', 'list', 'search', 'show', 'edit', 'delete', 'classify', 'label', 'actions', 'actions done', 'breakthroughs',
    'export', 'import', 'prompts', 'prompts list', 'prompts show', 'prompts validate', 'prompts new',
  ])('%s --help shows usage and examples', (command) => {
    const run = reflect([...command.split(' '), '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: reflect ${command}`);
    expect(run.stdout).toContain('Examples:\n  $ reflect');
  });

  it('--version prints the package version', () => {
    const run = reflect(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('commands that change a journal create none when they fail', () => {
  it.each([
    [['delete', 'abcd1234', '--yes'], 1],
    [['edit', 'abcd1234'], 1],
    [['label', 'abcd1234', 'skill'], 1],
    [['actions', 'done', 'abcd1234'], 1],
    [['session', 'no-such-set', '--answers', '/nonexistent.yaml'], 1],
    [['session', 'daily', '--answers', '/nonexistent.yaml'], 1],
  ])('%j', (args, code) => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, ...args]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(/^reflect: /);
    expect(existsSync(db)).toBe(false);
  });
});
