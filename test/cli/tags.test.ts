import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

const json = (text: string) => JSON.parse(text);

/** A journal of [date, text, ...flags] entries, written with the CLI. */
function journal(...entries: [string, string, ...string[]][]): string {
  const { db } = tempJournal();
  for (const [date, text, ...flags] of entries) {
    const run = reflect(['--db', db, 'write', '--no-review', '--date', date, ...flags, text]);
    expect(run.code, run.stderr).toBe(0);
  }
  return db;
}

const texts = (db: string, ...args: string[]) => {
  const run = reflect(['--db', db, 'list', '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return json(run.stdout).map((e: { text: string }) => e.text);
};

const db = journal(
  ['2026-03-15', 'this year #work #deep'],
  ['2025-03-15 23:30', 'last year, late #work'],
  ['2025-03-16', 'the day after #family'],
  ['2024-03-15', 'two years back #family #work'],
  ['2024-02-29', 'leap day #rest'],
  ['2023-01-02', 'winter #rest'],
);

describe('reflect tags', () => {
  it('counts every tag, most used first, ties by name', () => {
    const run = reflect(['--db', db, 'tags']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('3  #work\n2  #family\n2  #rest\n1  #deep\n');
    expect(json(reflect(['--db', db, 'tags', '--json']).stdout)).toEqual([
      { tag: 'work', count: 3 },
      { tag: 'family', count: 2 },
      { tag: 'rest', count: 2 },
      { tag: 'deep', count: 1 },
    ]);
  });

  it.each([
    ['--from', ['--from', '2025-01-01'], [{ tag: 'work', count: 2 }, { tag: 'deep', count: 1 }, { tag: 'family', count: 1 }]],
    ['--tag (what goes with it)', ['--tag', 'family'], [{ tag: 'family', count: 2 }, { tag: 'work', count: 1 }]],
    ['--not-tag', ['--not-tag', 'work'], [{ tag: 'rest', count: 2 }, { tag: 'family', count: 1 }]],
    ['--on-this-day', ['--on-this-day', '2026-03-15'], [{ tag: 'work', count: 2 }, { tag: 'family', count: 1 }]],
  ])('counts only what the filters select: %s', (_name, args, expected) => {
    expect(json(reflect(['--db', db, 'tags', '--json', ...args]).stdout)).toEqual(expected);
  });

  it('says so when nothing is tagged, on stderr', () => {
    const { db: empty } = tempJournal();
    const run = reflect(['--db', empty, 'tags']);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toMatch(/^No tags yet/);
    expect(reflect(['--db', db, 'tags', '--from', '2030-01-01']).stderr).toBe('No tagged entries match.\n');
  });
});

describe('tag logic: --tag (all), --any-tag (one of), --not-tag (none of)', () => {
  it.each([
    [['--tag', 'work', '--tag', 'family'], ['two years back #family #work']],
    [['--any-tag', 'family', '--any-tag', 'rest'], ['the day after #family', 'two years back #family #work', 'leap day #rest', 'winter #rest']],
    [['--not-tag', 'work', '--not-tag', 'rest'], ['the day after #family']],
    [['--any-tag', 'family', '--any-tag', 'deep', '--not-tag', 'work'], ['the day after #family']],
    [['--tag', 'work', '--any-tag', 'deep', '--any-tag', 'family'], ['this year #work #deep', 'two years back #family #work']],
    [['--not-tag', '#Work'], ['the day after #family', 'leap day #rest', 'winter #rest']],
  ])('list %j', (args, expected) => {
    expect(texts(db, ...args)).toEqual(expected);
  });

  it('search and export take the same flags', () => {
    const search = reflect(['--db', db, 'search', '--json', '--not-tag', 'work', '--any-tag', 'rest']);
    expect(json(search.stdout).map((e: { text: string }) => e.text)).toEqual(['leap day #rest', 'winter #rest']);
    const exported = reflect(['--db', db, 'export', '--format', 'json', '--not-tag', 'work', '--not-tag', 'rest']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(json(exported.stdout).entries.map((e: { text: string }) => e.text)).toEqual(['the day after #family']);
  });

  it.each([
    [['--tag', 'work', '--not-tag', 'work'], 'reflect: --not-tag work contradicts --tag work; nothing could match\n'],
    [['--any-tag', 'Rest', '--not-tag', 'rest'], 'reflect: --not-tag rest contradicts --any-tag rest; nothing could match\n'],
    [['--not-tag', '1st'], /^reflect: .*--not-tag <tag>.*a tag is a word starting with a letter/],
    [['--on', 'today', '--on-this-day'], 'reflect: --on cannot be combined with --on-this-day (give the day to --on-this-day)\n'],
    [['--on-this-day', 'someday'], 'reflect: --on-this-day takes an optional date, and "someday" is not one; put words to search before it: reflect search <words> --on-this-day\n'],
  ])('refuses %j with one usage line, changing nothing', (args, message) => {
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'list', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof message === 'string') expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('help shows no "(default: [])" for repeatable flags', () => {
    for (const command of ['list', 'search', 'export', 'tags', 'write', 'classify']) {
      const help = reflect([command, '--help']).stdout;
      expect(help).toContain('--tag <tag>');
      expect(help, command).not.toContain('default: []');
    }
  });
});

describe('list --on-this-day', () => {
  it.each([
    ['a date: that month and day in earlier years, newest first', ['2026-03-15'], ['last year, late #work', 'two years back #family #work']],
    ['29 February: the leap days before it', ['2028-02-29'], ['leap day #rest']],
    ['28 February of a common year also shows earlier 29ths', ['2027-02-28'], ['leap day #rest']],
    ['with other filters', ['2026-03-15', '--tag', 'family'], ['two years back #family #work']],
    ['a day nothing happened on', ['2026-07-04'], []],
  ])('%s', (_name, args, expected) => {
    expect(texts(db, '--on-this-day', ...args)).toEqual(expected);
  });

  it('bare, it means today', () => {
    const today = new Date();
    const lastYear = `${today.getFullYear() - 1}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const db2 = journal([lastYear, 'a year ago today'], ['2020-01-01', 'Jan 1 2020']);
    expect(texts(db2, '--on-this-day').includes('a year ago today')).toBe(true);
  });

  it('reads the day in local time, where the writer lives', () => {
    const { db: local } = tempJournal();
    const env = { TZ: 'America/New_York' };
    // 22:30 on 15 March in New York is 16 March in UTC.
    expect(reflect(['--db', local, 'write', '--no-review', '--date', '2025-03-15 22:30', 'late in New York'], { env }).code).toBe(0);
    const run = (day: string) => json(reflect(['--db', local, 'list', '--json', '--on-this-day', day], { env }).stdout).length;
    expect(run('2026-03-15')).toBe(1);
    expect(run('2026-03-16')).toBe(0);
  });
});
