import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';
import { zip } from '../helpers/zip.js';

const json = (text: string) => JSON.parse(text);

function journal() {
  const paths = tempJournal();
  reflect(['--db', paths.db, 'write', '--date', '2026-11-01 09:00', 'It was never about the money. #work']);
  reflect(['--db', paths.db, 'write', '--date', '2026-11-02 21:00', '# Not a heading\n---\nfront: matter?']);
  return paths;
}

describe('reflect export', () => {
  it('writes markdown to stdout and JSON to a private file', () => {
    const { dir, db } = journal();
    const md = reflect(['--db', db, 'export']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^---\ntitle: reflect journal\n/);
    expect(md.stdout).toContain('It was never about the money. #work');
    const out = join(dir, 'backup.json');
    const run = reflect(['--db', db, 'export', '--format', 'json', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Wrote 2 entries to ${out}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(json(readFileSync(out, 'utf8'))).toMatchObject({ format: 'reflect-journal', version: 2 });
  });

  it('takes the list filters', () => {
    const { db } = journal();
    const exported = json(reflect(['--db', db, 'export', '--format', 'json', '--tag', 'work']).stdout);
    expect(exported.entries.map((e: { text: string }) => e.text)).toEqual(['It was never about the money. #work']);
  });

  it('splits into one file per entry, and refuses to overwrite without --force', () => {
    const { dir, db } = journal();
    const out = join(dir, 'notes');
    expect(reflect(['--db', db, 'export', '--split', 'entry', '--out', out]).code).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^2026-11-0[12]-\d{4}-entry-[0-9a-f]{8}\.md$/);
    const again = reflect(['--db', db, 'export', '--split', 'entry', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^reflect: 2 files already in .* \(like .*\); nothing was written\. Add --update to write only new and changed ones, or --force to overwrite\n$/);
    expect(reflect(['--db', db, 'export', '--split', 'entry', '--out', out, '--force']).code).toBe(0);
  });

  it.each([
    [['export', '--split', 'day'], 2, 'reflect: --split writes a folder of files: name it with --out <dir>'],
    [['export', '--format', 'json', '--split', 'day', '--out', 'x'], 2, 'reflect: --split is for markdown; JSON is always one file'],
    [['export', '--format', 'pdf'], 2, "reflect: option '-f, --format <format>' argument 'pdf' is invalid. expected one of md (or markdown), json"],
  ])('%j is refused', (args, code, message) => {
    const { db } = journal();
    const run = reflect(['--db', db, ...args]);
    expect(run.code).toBe(code);
    expect(run.stderr.trim()).toBe(message);
  });

  it('refuses to overwrite a file', () => {
    const { dir, db } = journal();
    const out = join(dir, 'exists.md');
    writeFileSync(out, 'precious');
    const run = reflect(['--db', db, 'export', '--out', out]);
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('precious');
  });
});

describe('reflect import', () => {
  it('restores a JSON export into an empty journal, losslessly, and adds nothing the second time', () => {
    const { dir, db } = journal();
    const file = join(dir, 'backup.json');
    reflect(['--db', db, 'export', '--format', 'json', '--out', file]);
    const target = join(dir, 'restored.db');
    const first = reflect(['--db', target, 'import', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Imported 2 entries.\n');
    expect(reflect(['--db', target, 'export', '--format', 'json']).stdout).toBe(readFileSync(file, 'utf8'));
    const second = reflect(['--db', target, 'import', file]);
    expect(second.stdout).toBe('Imported 0 entries (2 entries already in the journal, left as they were).\n');
  });

  it('restores a journal with a guided session and its next step: sessions, answers and actions', () => {
    const { dir, db } = journal();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'pull: The team lead role\nweight: 8\nfear: Failing\nbelief: I must be perfect\ncost: A year\ninsight: Trust matters\nstep: Talk to Dana on Friday\n_commit: {action: Talk to Dana, due: friday}\n');
    expect(reflect(['--db', db, 'session', 'breakthrough', '--answers', answers]).code).toBe(0);
    const file = join(dir, 'backup.json');
    expect(reflect(['--db', db, 'export', '--format', 'json', '--out', file]).code).toBe(0);
    const exported = json(readFileSync(file, 'utf8'));
    expect([exported.sessions.length, exported.actions.length]).toEqual([1, 1]);
    const target = join(tempJournal().dir, 'fresh.db');
    const run = reflect(['--db', target, 'import', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(reflect(['--db', target, 'export', '--format', 'json']).stdout).toBe(readFileSync(file, 'utf8'));
  });

  const bad: [string, (exported: string) => string, RegExp][] = [
    ['malformed JSON', () => '{"format": "reflect-journal", "version": 1, "entries": [', /is not valid JSON/],
    ['a truncated export', (e) => e.slice(0, Math.floor(e.length * 0.8)), /truncated/],
    ['a future version', (e) => e.replace('"version":2,', '"version":3,'), /was written by a newer reflect \(format version 3; this one reads 2\); upgrade reflect/],
    ['another format', () => '{"format":"something-else","version":1}', /is not a reflect journal export/],
    ['a record missing its text', (e) => e.replace(/"text":"It was never[^"]*",/, ''), /the entry's "text" is missing or not what reflect writes; nothing was imported/],
    ['a date not in reflect\'s form', (e) => e.replace(/"date":"[^"]*"/, '"date":"1 January 2026"'), /the entry's "date" is missing or not what reflect writes/],
    ['a tag of the wrong shape', (e) => e.replace(/"tags":\[\{[^\]]*\]/, '"tags":["work"]'), /the entry's "tags" is missing or not what reflect writes/],
  ];
  it.each(bad)('refuses %s, importing nothing', (_name, mangle, message) => {
    const { dir, db } = journal();
    const exported = reflect(['--db', db, 'export', '--format', 'json']).stdout;
    const file = join(dir, 'bad.json');
    writeFileSync(file, mangle(exported));
    const target = tempJournal().db;
    reflect(['--db', target, 'write', 'already here']);
    const before = dumpJournal(target);
    const run = reflect(['--db', target, 'import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^reflect: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(dumpJournal(target)).toEqual(before);
  });

  it('reads jrnl’s JSON export: dates, tags without the symbol, starred as a tag', () => {
    const { dir, db } = tempJournal();
    const file = join(dir, 'jrnl.json');
    writeFileSync(
      file,
      JSON.stringify({
        tags: { '@work': 1 },
        entries: [
          { title: 'Called in sick.', body: 'Used the time to write. @work', date: '2026-03-29', time: '09:00', tags: ['@work'], starred: true },
          { title: 'Short one.', body: '', date: '2026-03-30', time: '21:15', tags: [], starred: false },
        ],
      }),
    );
    expect(reflect(['--db', db, 'import', '--from', 'jrnl', file]).stdout).toBe('Imported 2 entries.\n');
    const entries = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(entries.map((e: { text: string }) => e.text)).toEqual(['Short one.', 'Called in sick.\nUsed the time to write. @work']);
    expect(entries[1].tags).toEqual(['starred', 'work']);
    expect(entries.map((e: { starred: boolean }) => e.starred)).toEqual([false, true]);
    expect(new Date(entries[1].date).toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(reflect(['--db', db, 'import', '--from', 'jrnl', file]).stdout).toContain('(2 entries already in the journal');
  });

  it('reads a Day One export, as .json and as .zip', () => {
    const { dir, db } = tempJournal();
    const dayOne = {
      metadata: { version: '1.0' },
      entries: [
        { uuid: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', creationDate: '2025-12-24T18:30:00Z', text: 'Christmas Eve\\. Quiet\\!', tags: ['family', 'Holiday Time'], starred: true },
        { uuid: '0123456789ABCDEF0123456789ABCDEF', creationDate: '2025-12-25T08:00:00Z', text: 'Presents.', tags: [] },
      ],
    };
    const jsonFile = join(dir, 'Journal.json');
    writeFileSync(jsonFile, JSON.stringify(dayOne));
    expect(reflect(['--db', db, 'import', '--from', 'dayone', jsonFile]).stdout).toBe('Imported 2 entries.\n');
    const [latest, eve] = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(eve).toMatchObject({ id: 'a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90', text: 'Christmas Eve. Quiet!', tags: ['family', 'holiday-time', 'starred'], starred: true });
    expect(latest.text).toBe('Presents.');

    const zipped = join(dir, 'export.zip');
    writeFileSync(zipped, zip({ 'Journal.json': JSON.stringify(dayOne), 'photos/x.jpg': Buffer.from([1, 2, 3]) }));
    const other = tempJournal().db;
    expect(reflect(['--db', other, 'import', '--from', 'dayone', zipped]).stdout).toBe('Imported 2 entries.\n');
    expect(reflect(['--db', db, 'import', '--from', 'dayone', zipped]).stdout).toContain('(2 entries already in the journal');
  });

  it.each([
    ['a file that is not there', (dir: string) => join(dir, 'missing.json'), 'reflect', 1, /^reflect: no file at /],
    ['a folder', (dir: string) => { mkdirSync(join(dir, 'folder')); return join(dir, 'folder'); }, 'reflect', 2, /is a folder; name the export file/],
    ['a zip with no journal', (dir: string) => { writeFileSync(join(dir, 'e.zip'), zip({ 'photos/a.jpg': 'x' })); return join(dir, 'e.zip'); }, 'dayone', 1, /holds no Day One journal/],
    ['a jrnl file that is not one', (dir: string) => { writeFileSync(join(dir, 'j.json'), '{"hello": 1}'); return join(dir, 'j.json'); }, 'jrnl', 1, /is not a jrnl JSON export/],
  ] as const)('refuses %s clearly, importing nothing', (_name, make, from, code, message) => {
    const { dir, db } = tempJournal();
    reflect(['--db', db, 'write', 'already here']);
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'import', '--from', from, make(dir)]);
    expect(run.code).toBe(code);
    expect(run.stderr.trim()).toMatch(message);
    expect(dumpJournal(db)).toEqual(before);
  });
});

describe('reflect import: hostile and huge files', () => {
  const MB = 1024 * 1024;
  const SESSION_ID = '11111111-2222-4333-8444-555555555555';
  const ENTRY_ID = '66666666-7777-4888-8999-aaaaaaaaaaaa';
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const session = (extra: Record<string, unknown> = {}) => ({
    id: SESSION_ID, setId: 'evening', setTitle: 'Evening', setVersion: null, setHash: 'abc', set: { questions: [], ...extra },
    startedAt: '2026-11-01T20:00:00.000Z', finishedAt: null, status: 'open',
  });
  const entry = (fields: Record<string, unknown> = {}) => ({
    id: ENTRY_ID, date: '2026-11-01T09:00:00.000Z', createdAt: '2026-11-01T09:00:00.000Z', updatedAt: null,
    text: 'An imported entry.', tags: [], session: null, classification: null, ...fields,
  });
  /** A reflect export in the whole-file form another tool would write (read whole, not line by line). */
  const reflectFile = (sessions: unknown[], entries: unknown[]) => JSON.stringify({ format: 'reflect-journal', version: 1, sessions, entries, actions: [] }, null, 1);
  const jrnl = (entries: unknown[]) => JSON.stringify({ tags: {}, entries });
  const jrnlEntry = (fields: Record<string, unknown> = {}) => ({ title: 'A jrnl entry.', body: '', date: '2026-11-01', time: '09:00', tags: [], starred: false, ...fields });
  const dayOne = (entries: unknown[]) => JSON.stringify({ metadata: { version: '1.0' }, entries });
  const dayOneEntry = (fields: Record<string, unknown> = {}) => ({ uuid: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', creationDate: '2025-12-24T18:30:00Z', text: 'Day One.', tags: [], ...fields });
  const huge = 'z'.repeat(MB + 1);
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  const refusals: [string, 'reflect' | 'jrnl' | 'dayone', string, string | Buffer, RegExp][] = [
    ['a session set nested 100,000 deep', 'reflect', 'r.json', reflectFile([session({ deep: JSON.parse('[]') })], []).replace('"deep": []', `"deep": ${deep(100_000)}`), /r\.json nests lists or objects more than 64 deep/],
    ['a line of an export nested deep', 'reflect', 'r.json', '', /r\.json: line 4 nests lists or objects more than 64 deep/],
    ['Day One JSON nested deep', 'dayone', 'd.json', dayOne([dayOneEntry({ tags: JSON.parse('[]') })]).replace('"tags":[]', `"tags":${deep(100_000)}`), /d\.json nests lists or objects more than 64 deep/],
    ['a zip member that inflates past 64 MB', 'dayone', 'd.zip', zip({ 'Journal.json': Buffer.alloc(100 * MB, 0x20) }), /d\.zip: Journal\.json inflates to more than 64 MB/],
    ['zip members that inflate past 128 MB together', 'dayone', 'd.zip', zip({ 'a.json': Buffer.alloc(50 * MB, 0x20), 'b.json': Buffer.alloc(50 * MB, 0x20), 'c.json': Buffer.alloc(50 * MB, 0x20) }), /d\.zip: its files inflate to more than 128 MB together/],
    ['a zip of 50,001 files', 'dayone', 'd.zip', zip(Object.fromEntries(Array.from({ length: 50_001 }, (_, i) => [`photos/${i}.jpg`, '']))), /d\.zip holds 50001 files; reflect reads zips of at most 50000/],
    ['a reflect entry past 1 MB', 'reflect', 'r.json', reflectFile([], [entry({ text: huge })]), /r\.json: entries\[0\]: the entry's text is 1\.0 MB; an entry may be at most 1 MB/],
    ['a jrnl entry past 1 MB', 'jrnl', 'j.json', jrnl([jrnlEntry({ body: huge })]), /j\.json: entry 1's text is 1\.0 MB; an entry may be at most 1 MB/],
    ['a Day One entry past 1 MB', 'dayone', 'd.json', dayOne([dayOneEntry({ text: huge })]), /d\.json: entry 1's text is 1\.0 MB/],
    ['a jrnl tag no search could match', 'jrnl', 'j.json', jrnl([jrnlEntry({ tags: ['@UPPER Case #x'] })]), /j\.json: entry 1 has the tag "upper case #x", which is not a tag reflect can find/],
    ['a Day One tag no search could match', 'dayone', 'd.json', dayOne([dayOneEntry({ tags: ['UPPER Case #x'] })]), /d\.json: entry 1 has the tag "upper-case-#x", which is not a tag/],
    ['a reflect tag not as write stores it', 'reflect', 'r.json', reflectFile([], [entry({ tags: [{ tag: 'UPPER Case #x', origin: 'flag' }] })]), /entries\[0\]: the entry's "tags" is missing or not what reflect writes/],
    ['an entry with the id of a session in the file', 'reflect', 'r.json', reflectFile([session()], [entry({ id: SESSION_ID })]), new RegExp(`the entry ${SESSION_ID} has the id of a session \\(in the file or the journal\\)`)],
    ['a jrnl year past 9999', 'jrnl', 'j.json', jrnl([jrnlEntry({ date: '+10000-01-01' })]), /j\.json: entry 1 has a date reflect can't read \("\+10000-01-01"; reflect keeps years 0001-9999\)/],
    ['a jrnl year 0000', 'jrnl', 'j.json', jrnl([jrnlEntry({ date: '0000-06-01' })]), /entry 1 has a date reflect can't read \("0000-06-01"; reflect keeps years 0001-9999\)/],
    ['a reflect date past 9999', 'reflect', 'r.json', reflectFile([], [entry({ date: '+010000-01-01T00:00:00.000Z' })]), /the entry's "date" is missing or not what reflect writes/],
    ['a jrnl time the clocks skip', 'jrnl', 'j.json', jrnl([jrnlEntry({ date: '2026-03-29', time: '01:30' })]), /entry 1 is at 2026-03-29 01:30, a time the clocks skip in this time zone/],
    // Bytes that are not UTF-8 would become U+FFFD in the journal without a word.
    ['a jrnl file that is not UTF-8', 'jrnl', 'j.json', latin1(jrnl([jrnlEntry({ body: 'caf\u00e9' })])), /j\.json is not UTF-8 text \(an invalid byte at offset \d+\); nothing was imported/],
    ['a Day One file that is not UTF-8', 'dayone', 'd.json', latin1(dayOne([dayOneEntry({ text: 'caf\u00e9' })])), /d\.json is not UTF-8 text \(an invalid byte at offset \d+\)/],
    ['a Day One zip member that is not UTF-8', 'dayone', 'd.zip', zip({ 'Journal.json': latin1(dayOne([dayOneEntry({ text: 'caf\u00e9' })])) }), /d\.zip: Journal\.json is not UTF-8 text/],
    ['a whole-file reflect export that is not UTF-8', 'reflect', 'r.json', latin1(reflectFile([], [entry({ text: 'caf\u00e9' })])), /r\.json is not UTF-8 text/],
    ['a reflect export line that is not UTF-8', 'reflect', 'r.json', '', /r\.json is not UTF-8 text \(an invalid byte near offset \d+\)/],
  ];
  it.each(refusals)('refuses %s in one line, importing nothing', (name, from, fileName, content, message) => {
    const { dir, db } = tempJournal();
    reflect(['--db', db, 'write', '--date', '2026-10-01 09:00', 'Already here. #work']);
    const file = join(dir, fileName);
    if (name === 'a line of an export nested deep') {
      const exported = reflect(['--db', db, 'export', '--format', 'json']).stdout;
      writeFileSync(file, exported.replace('{"id"', `{"deep":${deep(100_000)},"id"`));
    } else if (name === 'a reflect export line that is not UTF-8') {
      const exported = reflect(['--db', db, 'export', '--format', 'json']).stdout;
      writeFileSync(file, latin1(exported.replace('Already here.', 'D\u00e9j\u00e0 vu.')));
    } else writeFileSync(file, content);
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'import', '--from', from, file], { env: { TZ: 'Europe/London' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^reflect: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('imports a file that holds a real U+FFFD (valid UTF-8), keeping it', () => {
    const { dir, db } = tempJournal();
    reflect(['--db', db, 'write', 'Unreadable \uFFFD sign, kept as written.']);
    const file = join(dir, 'r.json');
    writeFileSync(file, reflect(['--db', db, 'export', '--format', 'json']).stdout);
    const other = tempJournal().db;
    expect(reflect(['--db', other, 'import', file]).code).toBe(0);
    expect(JSON.parse(reflect(['--db', other, 'list', '--json']).stdout)[0].text).toBe('Unreadable \uFFFD sign, kept as written.');
  });

  it('refuses an entry with the id of a session already in the journal, and the other way round', () => {
    const { dir, db } = tempJournal();
    writeFileSync(join(dir, 's.json'), reflectFile([session()], []));
    expect(reflect(['--db', db, 'import', join(dir, 's.json')]).code).toBe(0);
    const before = dumpJournal(db);
    writeFileSync(join(dir, 'e.json'), reflectFile([], [entry({ id: SESSION_ID })]));
    const run = reflect(['--db', db, 'import', join(dir, 'e.json')]);
    expect(run.stderr).toMatch(new RegExp(`^reflect: the entry ${SESSION_ID} has the id of a session`));
    expect(dumpJournal(db)).toEqual(before);

    const other = tempJournal().db;
    writeFileSync(join(dir, 'e2.json'), reflectFile([], [entry()]));
    expect(reflect(['--db', other, 'import', join(dir, 'e2.json')]).code).toBe(0);
    writeFileSync(join(dir, 's2.json'), reflectFile([{ ...session(), id: ENTRY_ID }], []));
    expect(reflect(['--db', other, 'import', join(dir, 's2.json')]).stderr).toMatch(new RegExp(`^reflect: the session ${ENTRY_ID} has the id of an entry`));
  });

  it('never inflates the zip members it skips (a damaged photo does not stop the import)', () => {
    const { dir, db } = tempJournal();
    const archive = zip({ 'Journal.json': dayOne([dayOneEntry()]), 'photos/a.jpg': 'x' });
    // Garble the photo's deflated bytes: inflating them would fail.
    const at = archive.indexOf('photos/a.jpg') + 'photos/a.jpg'.length;
    archive.fill(0xff, at, at + 3);
    writeFileSync(join(dir, 'd.zip'), archive);
    const run = reflect(['--db', db, 'import', '--from', 'dayone', join(dir, 'd.zip')]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Imported 1 entry.\n');
  });

  it('takes years 0001-0099 from jrnl and prints them with four digits, as --date does', () => {
    const { dir, db } = tempJournal();
    writeFileSync(join(dir, 'j.json'), `\uFEFF${jrnl([jrnlEntry({ date: '0050-06-01', time: '10:00' })])}`);
    expect(reflect(['--db', db, 'import', '--from', 'jrnl', join(dir, 'j.json')]).code).toBe(0);
    expect(reflect(['--db', db, 'write', '--date', '0099-12-31 08:00', 'Late first century.']).code).toBe(0);
    const lines = reflect(['--db', db, 'list']).stdout.trim().split('\n');
    expect(lines.map((l) => l.slice(0, 16))).toEqual(['0099-12-31 08:00', '0050-06-01 10:00']);
  });
});
