import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';
import Database from 'better-sqlite3-multiple-ciphers';
import { buildSnippet, queryTerms } from '../../src/store/snippet.js';
import { toFtsQuery } from '../../src/store/search.js';

const json = (text: string) => JSON.parse(text);

function journalWith(...entries: [string, ...string[]][]) {
  const { dir, db } = tempJournal();
  for (const [text, ...flags] of entries) {
    const run = reflect(['--db', db, 'write', ...flags, text]);
    expect(run.code, run.stderr).toBe(0);
  }
  return { dir, db };
}

describe('reflect write', () => {
  it('saves text from arguments with #tags and --tag, lower-cased', () => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'write', '--tag', 'Family', 'Long talk with Mum about the garden. #Work']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Saved [0-9a-f]{8} #family #work\n$/);
    const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(entry.text).toBe('Long talk with Mum about the garden. #Work');
    expect(entry.tags).toEqual(['family', 'work']);
  });

  it('reads text piped on stdin, keeping its lines', () => {
    const { db } = tempJournal();
    expect(reflect(['--db', db, 'write'], { input: 'First line\n\nSecond paragraph\n' }).code).toBe(0);
    expect(json(reflect(['--db', db, 'list', '--json']).stdout)[0].text).toBe('First line\n\nSecond paragraph');
  });

  it('dates an entry with --date in plain words', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', '--date', '2026-11-01 21:00', 'evening walk']);
    reflect(['--db', db, 'write', '--date', '3 days ago', 'older']);
    const entries = json(reflect(['--db', db, 'list', '--json']).stdout);
    const walk = entries.find((e: { text: string }) => e.text === 'evening walk');
    expect(walk.date).toBe('2026-11-01T21:00:00.000Z');
    const older = entries.find((e: { text: string }) => e.text === 'older');
    const days = (Date.now() - new Date(older.date).getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(2);
    expect(days).toBeLessThan(4);
  });

  it('uses REFLECT_DB, and creates the journal 0600 in a 0700 folder', () => {
    const { dir } = tempJournal();
    const db = join(dir, 'private', 'journal.db');
    expect(reflect(['write', 'hello'], { env: { REFLECT_DB: db } }).code).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'private')).mode & 0o777).toBe(0o700);
  });

  it('falls back to $XDG_DATA_HOME/reflect/journal.db', () => {
    const { dir } = tempJournal();
    expect(reflect(['write', 'hello'], { env: { REFLECT_DB: undefined, XDG_DATA_HOME: dir } }).code).toBe(0);
    expect(existsSync(join(dir, 'reflect', 'journal.db'))).toBe(true);
  });

  it('refuses an empty entry and saves nothing', () => {
    const { db } = journalWith(['kept']);
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'write'], { input: '  \n\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('reflect: the entry is empty; nothing was saved\n');
    expect(dumpJournal(db)).toEqual(before);
  });
});

describe('reflect list', () => {
  it('shows newest first, limited with -n, and filters by all given tags', () => {
    const { db } = journalWith(
      ['old #work', '--date', '2026-01-01'],
      ['middle #work #family', '--date', '2026-06-01'],
      ['new #family', '--date', '2026-11-01'],
    );
    const texts = (args: string[]) => json(reflect(['--db', db, 'list', '--json', ...args]).stdout).map((e: { text: string }) => e.text);
    expect(texts([])).toEqual(['new #family', 'middle #work #family', 'old #work']);
    expect(texts(['-n', '1'])).toEqual(['new #family']);
    expect(texts(['--tag', 'work', '--tag', 'FAMILY'])).toEqual(['middle #work #family']);
    expect(texts(['--from', '2026-02-01', '--to', '2026-10-31'])).toEqual(['middle #work #family']);
    expect(texts(['--on', '2026-01-01'])).toEqual(['old #work']);
  });

  it('prints stable JSON field names', () => {
    const { db } = journalWith(['hello #x']);
    const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(Object.keys(entry)).toEqual([
      'id', 'shortId', 'date', 'createdAt', 'updatedAt', 'text', 'tags', 'label', 'sessionId', 'setId', 'questionId', 'question', 'labelSource', 'starred',
    ]);
  });

  it('says whose label it is in every --json: the model’s until the writer gives one', () => {
    const { db } = journalWith(['Finally understood how pivot tables work.']);
    const written = json(reflect(['--db', db, 'write', '--json', 'Went to the market, then cooked dinner with Sam.']).stdout);
    expect(written).toMatchObject({ label: expect.any(String), labelSource: 'model' });
    const [first] = json(reflect(['--db', db, 'search', 'pivot', '--json']).stdout);
    expect(first).toMatchObject({ label: 'skill', labelSource: 'model' });
    reflect(['--db', db, 'label', first.shortId, 'breakthrough']);
    const sources = (args: string[]) => json(reflect(['--db', db, ...args]).stdout).map((e: { labelSource: string }) => e.labelSource);
    expect(sources(['list', '--json'])).toEqual(['model', 'writer']);
    expect(sources(['search', 'pivot', '--json'])).toEqual(['writer']);
    expect(json(reflect(['--db', db, 'show', first.shortId, '--json']).stdout)).toMatchObject({ label: 'breakthrough', labelSource: 'writer' });
    expect(json(reflect(['--db', db, 'breakthroughs', '--json']).stdout).breakthroughs[0]).toMatchObject({ labelSource: 'writer' });
  });

  it('is plain when piped or with NO_COLOR, coloured when forced', () => {
    const { db } = journalWith(['hello #x']);
    expect(reflect(['--db', db, 'list']).stdout).not.toContain('\u001b[');
    expect(reflect(['--db', db, 'list'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(reflect(['--db', db, 'list'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(reflect(['--db', db, 'list']).stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}[0-9a-f]{8} {2}hello #x\n$/);
  });

  it('on a journal that does not exist yet says so and creates nothing', () => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'list']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('No entries');
    expect(existsSync(db)).toBe(false);
    expect(json(reflect(['--db', db, 'list', '--json']).stdout)).toEqual([]);
  });
});

describe('reflect search', () => {
  it('ranks matches, highlights them on a terminal, and takes the list filters', () => {
    const { db } = journalWith(
      ["I can't shake the fear of failing #work", '--date', '2026-03-01'],
      ['fear came up again at dinner #family', '--date', '2026-09-01'],
      ['nothing to see here'],
    );
    const hits = json(reflect(['--db', db, 'search', 'fear', '--json']).stdout);
    expect(hits).toHaveLength(2);
    expect(hits[0].snippet).toContain('fear');
    expect(json(reflect(['--db', db, 'search', 'fear', '--tag', 'family', '--json']).stdout)).toHaveLength(1);
    expect(json(reflect(['--db', db, 'search', 'fear', '--from', '2026-06-01', '--json']).stdout)[0].text).toContain('dinner');
    // Apostrophes and hyphens are words, not syntax errors.
    expect(json(reflect(['--db', db, 'search', "can't", '--json']).stdout)).toHaveLength(1);
    const coloured = reflect(['--db', db, 'search', 'dinner'], { env: { FORCE_COLOR: '1' } }).stdout;
    expect(coloured).toContain('\u001b[1m\u001b[4mdinner');
  });

  it('with only a filter, lists what matches it', () => {
    const { db } = journalWith(['one #work'], ['two']);
    expect(json(reflect(['--db', db, 'search', '--tag', 'work', '--json']).stdout).map((e: { text: string }) => e.text)).toEqual(['one #work']);
  });
});

describe('reflect show', () => {
  it('shows an entry by its short id, in full and as JSON', () => {
    const { db } = journalWith(['first line\nsecond line #deep']);
    const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
    const shown = reflect(['--db', db, 'show', entry.shortId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('first line\nsecond line #deep');
    expect(shown.stdout).toContain(entry.id);
    expect(json(reflect(['--db', db, 'show', entry.id.slice(0, 6), '--json']).stdout).text).toBe(entry.text);
  });
});

describe('reflect delete', () => {
  it('deletes with --yes, and the entry is gone from list and search', () => {
    const { db } = journalWith(['to remove'], ['to keep']);
    const entry = json(reflect(['--db', db, 'list', '--json']).stdout).find((e: { text: string }) => e.text === 'to remove');
    const run = reflect(['--db', db, 'delete', entry.shortId, '--yes']);
    expect(run.code).toBe(0);
    expect(json(reflect(['--db', db, 'list', '--json']).stdout).map((e: { text: string }) => e.text)).toEqual(['to keep']);
    expect(json(reflect(['--db', db, 'search', 'remove', '--json']).stdout)).toEqual([]);
  });

  it('refuses without a terminal and without --yes, and deletes nothing', () => {
    const { db } = journalWith(['still here']);
    const before = dumpJournal(db);
    const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
    const run = reflect(['--db', db, 'delete', entry.shortId]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^reflect: not deleting entry [0-9a-f]{8} without confirmation; add --yes\n$/);
    expect(dumpJournal(db)).toEqual(before);
  });
});

describe('a journal already holding a huge entry (stored before the size limit)', () => {
  it('search and list still answer with a sensible line, for a 4 MB entry inserted directly', () => {
    const { db } = journalWith(['A small note about the garden.', '--date', '2026-11-01']);
    const conn = new Database(db);
    // 4 MB of words, one match near the end, all on one line.
    const huge = `${'filler words go on and on '.repeat(160_000)}then the lighthouse appeared at last and the rest of it ${'more words '.repeat(2_000)}`;
    conn.prepare(`INSERT INTO entries (id, occurred_at, created_at, text) VALUES ('99999999-8888-4777-8666-555555555555', '2026-11-02T09:00:00.000Z', '2026-11-02T09:00:00.000Z', ?)`).run(huge);
    conn.close();
    const found = reflect(['--db', db, 'search', 'lighthouse']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toMatch(/^2026-11-02 09:00 {2}99999999 {2}…and on then the lighthouse appeared at last and the rest of it more words more…\n$/);
    const listed = reflect(['--db', db, 'list'], { env: { COLUMNS: '80' } });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^2026-11-02 09:00 {2}99999999 {2}filler words go on and on filler words .*…$/);
  });
});

describe('search snippets', () => {
  it.each([
    ['fear', 'I can’t shake the fear of failing', 'I can’t shake the [fear] of failing'],
    ['fear', 'Fears again, and fear.', '[Fears] again, and [fear].'],
    ['fail*', 'one two three four five six seven failing eight', 'one two three four five six seven [failing] eight'],
    ['fail*', `${'w '.repeat(20)}failing eight`, `…${'w '.repeat(14)}[failing] eight`],
    ['father', 'I see now that it was never about the job, it was about proving my father wrong.', '…see now that it was never about the job, it was about proving my [father] wrong.'],
    ['lighthouse', `${'a '.repeat(50)}lighthouse ${'b '.repeat(50)}`, '…a a a a [lighthouse] b b b b b b b b b b b…'],
    ['café', 'A cafe at noon', 'A [cafe] at noon'],
  ])('%j in %j reads %j', (query, text, expected) => {
    const snippet = buildSnippet(text, queryTerms(toFtsQuery(query)), '[', ']');
    expect(snippet).toBe(expected);
  });
});
