import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';
import { zip } from '../helpers/zip.js';

const ANSWERS = 'pull: The team lead role\nweight: 8\nfear: Failing\nbelief: I must be perfect\ncost: A year\ninsight: Trust matters\nstep: Talk to Dana on Friday\n_commit: {action: Talk to Dana, due: friday}\n';
const jrnl = JSON.stringify({ tags: {}, entries: [{ title: 'From jrnl.', body: '', date: '2026-03-30', time: '21:15', tags: [], starred: false }] });
const dayOne = JSON.stringify({ metadata: { version: '1.0' }, entries: [{ uuid: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', creationDate: '2025-12-24T18:30:00Z', text: 'From Day One.', tags: [] }] });
const texts = (db: string) => JSON.parse(reflect(['--db', db, 'list', '--json']).stdout).map((e: { text: string }) => e.text);

describe('- is stdin or stdout wherever a file is read or written', () => {
  it('write - saves what is piped in, not a "-"', () => {
    const { db } = tempJournal();
    expect(reflect(['--db', db, 'write', '-'], { input: 'Piped in.\n' }).code).toBe(0);
    expect(texts(db)).toEqual(['Piped in.']);
  });

  it('export --out - writes to stdout and makes no file named -', () => {
    const { dir, db } = tempJournal();
    reflect(['--db', db, 'write', 'Exported.']);
    const run = spawnIn(dir, ['--db', db, 'export', '--format', 'json', '--out', '-']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).entries[0].text).toBe('Exported.');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it.each([
    ['a reflect export', (db: string) => reflect(['--db', db, 'export', '--format', 'json']).stdout, 'Imported 1 entry.\n'],
    ['jrnl JSON, told from its keys', () => jrnl, 'Imported 1 entry.\n'],
    ['a Day One zip, told from its first bytes', () => zip({ 'Journal.json': dayOne }), 'Imported 1 entry.\n'],
  ] as const)('import - reads %s from stdin', (_name, make, said) => {
    const source = tempJournal().db;
    reflect(['--db', source, 'write', 'From reflect.']);
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'import', '-'], { input: make(source) });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(said);
  });

  it('import - refuses a broken stdin in one line, naming stdin, importing nothing', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', 'Already here.']);
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'import', '-'], { input: '{"format":"reflect-journal","version":1,\n"sessions":[' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^reflect: stdin ends before the journal does \(truncated\?\); nothing was imported\n$/);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('prompts validate - checks a set piped in', () => {
    const good = reflect(['prompts', 'validate', '-'], { input: readFileSync('prompts/daily.yaml') });
    expect([good.code, good.stdout]).toEqual([0, 'stdin: ok\n']);
    const bad = reflect(['prompts', 'validate', '-'], { input: 'id: x\nquestions: 3\n' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^stdin:\d+:\d+: /);
  });

  it('session --answers - answers from stdin', () => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'session', 'breakthrough', '--answers', '-', '--json'], { input: ANSWERS });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).answers.length).toBeGreaterThan(5);
  });
});

describe('markdown for notes apps', () => {
  it('front matter dates are ISO 8601 in local time, with the offset', () => {
    const { dir, db } = tempJournal();
    const env = { TZ: 'America/New_York' };
    reflect(['--db', db, 'write', '--date', '2026-11-10 23:30', '# Morning pages\n\nSlept badly.'], { env });
    const out = join(dir, 'notes');
    expect(reflect(['--db', db, 'export', '--split', 'entry', '--out', out], { env }).code).toBe(0);
    const [name] = readdirSync(out);
    expect(name).toMatch(/^2026-11-10-2330-entry-/);
    const text = readFileSync(join(out, name!), 'utf8');
    expect(text).toMatch(/^---\ndate: 2026-11-10T23:30:00-05:00\n/);
    expect(text).toContain('\n### Morning pages\n\nSlept badly.\n');
    expect(reflect(['--db', db, 'export', '--format', 'markdown'], { env }).stdout).toMatch(/\nfrom: 2026-11-10T23:30:00-05:00\nto: 2026-11-10T23:30:00-05:00\n/);
  });

  it.each(['markdown', 'MD', 'Markdown'])('takes --format %s as md', (format) => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', 'x']);
    const run = reflect(['--db', db, 'export', '--format', format]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^---\ntitle: reflect journal\n/);
  });

  it('--set with a set the journal has no sessions of is one clear error naming the sets it has', () => {
    const { dir, db } = tempJournal();
    writeFileSync(join(dir, 'a.yaml'), ANSWERS);
    reflect(['--db', db, 'session', 'breakthrough', '--answers', join(dir, 'a.yaml')]);
    const run = reflect(['--db', db, 'export', '--set', 'breakthru']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('reflect: no sessions of the prompt set "breakthru" in the journal (did you mean "breakthrough"?); sets with sessions: breakthrough\n');
  });
});

describe('export --update and --dry-run', () => {
  it('writes new and changed files, leaves unchanged ones (mtime kept) and the writer’s own files alone', () => {
    const { dir, db } = tempJournal();
    const out = join(dir, 'notes');
    const first = reflect(['--db', db, 'write', '--date', '2026-11-01 09:00', 'First.']);
    reflect(['--db', db, 'write', '--date', '2026-11-02 09:00', 'Second.']);
    expect(reflect(['--db', db, 'export', '--split', 'entry', '--out', out]).stderr).toBe(`Wrote 2 files (2 entries) to ${out}\n`);
    const [a, b] = readdirSync(out).sort();
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(join(out, b!), old, old);
    writeFileSync(join(out, 'my own note.md'), 'mine');
    reflect(['--db', db, 'label', first.stdout.match(/Saved (\w+)/)![1]!, 'breakthrough']);
    reflect(['--db', db, 'write', '--date', '2026-11-03 09:00', 'Third.']);

    const plan = reflect(['--db', db, 'export', '--split', 'entry', '--out', out, '--update', '--dry-run']);
    expect(plan.stdout).toBe(`Dry run, nothing written: 3 files (3 entries) to ${out}: 1 new, 1 changed, 1 unchanged.\n  would replace: ${join(out, a!)}\n`);
    expect(readdirSync(out)).toHaveLength(3);

    const run = reflect(['--db', db, 'export', '--split', 'entry', '--out', out, '--update']);
    expect(run.stderr).toBe(`${out}: 1 new, 1 changed, 1 unchanged (3 files, 3 entries)\n`);
    expect(readFileSync(join(out, a!), 'utf8')).toContain('✦ Breakthrough');
    expect(statSync(join(out, b!)).mtime.toISOString()).toBe(old.toISOString());
    expect(readFileSync(join(out, 'my own note.md'), 'utf8')).toBe('mine');
    expect(readdirSync(out)).toHaveLength(4);
    const again = reflect(['--db', db, 'export', '--split', 'entry', '--out', out, '--update']);
    expect(again.stderr).toBe(`${out}: 0 new, 0 changed, 3 unchanged (3 files, 3 entries)\n`);
  });

  it('--update on one file writes it only when its bytes would change', () => {
    const { dir, db } = tempJournal();
    const out = join(dir, 'journal.md');
    reflect(['--db', db, 'write', 'One.']);
    expect(reflect(['--db', db, 'export', '--out', out, '--update']).stderr).toBe(`Wrote 1 entry to ${out} (new)\n`);
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(out, old, old);
    expect(reflect(['--db', db, 'export', '--out', out, '--update']).stderr).toBe(`${out} is unchanged (1 entry); left as it was\n`);
    expect(statSync(out).mtime.toISOString()).toBe(old.toISOString());
    reflect(['--db', db, 'write', 'Two.']);
    expect(reflect(['--db', db, 'export', '--out', out, '--update']).stderr).toBe(`Wrote 2 entries to ${out} (changed)\n`);
    expect(readFileSync(out, 'utf8')).toContain('Two.');
  });

  it.each([
    [['--split', 'day', '--out', '-'], 'reflect: --split writes a folder of files, not stdout: name it with --out <dir>'],
    [['--update'], 'reflect: --update is for files: name one with --out'],
    [['--dry-run'], 'reflect: --dry-run is for files: name one with --out'],
  ])('export %j is refused as a usage error', (args, message) => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'export', ...args]);
    expect([run.code, run.stderr.trim()]).toEqual([2, message]);
  });

  it('keeps an unchanged file’s mtime', () => {
    const { dir, db } = tempJournal();
    const out = join(dir, 'notes');
    reflect(['--db', db, 'write', 'Only.']);
    reflect(['--db', db, 'export', '--split', 'day', '--out', out]);
    const [name] = readdirSync(out);
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(join(out, name!), old, old);
    reflect(['--db', db, 'export', '--split', 'day', '--out', out, '--update']);
    expect(statSync(join(out, name!)).mtime.toISOString()).toBe(old.toISOString());
  });

  it('--force --dry-run names the files it would replace and writes nothing; one file says "1 file (1 entry)"', () => {
    const { dir, db } = tempJournal();
    const out = join(dir, 'notes');
    reflect(['--db', db, 'write', 'Only.']);
    expect(reflect(['--db', db, 'export', '--split', 'entry', '--out', out]).stderr).toBe(`Wrote 1 file (1 entry) to ${out}\n`);
    const [name] = readdirSync(out);
    writeFileSync(join(out, name!), 'edited');
    const run = reflect(['--db', db, 'export', '--split', 'entry', '--out', out, '--force', '--dry-run']);
    expect(run.stdout).toBe(`Dry run, nothing written: 1 file (1 entry) to ${out}: 0 new, 1 changed, 0 unchanged.\n  would replace: ${join(out, name!)}\n`);
    expect(readFileSync(join(out, name!), 'utf8')).toBe('edited');
    const single = join(dir, 'j.md');
    writeFileSync(single, 'old');
    expect(reflect(['--db', db, 'export', '--out', single, '--force', '--dry-run']).stdout).toBe(`Dry run, nothing written: ${single} (1 entry) would be replaced.\n`);
    expect(readFileSync(single, 'utf8')).toBe('old');
  });
});

describe('import --dry-run and its counts', () => {
  it('says what would be added and what is there, changing nothing; the counts add up by entries', () => {
    const { dir, db } = tempJournal();
    writeFileSync(join(dir, 'a.yaml'), ANSWERS);
    reflect(['--db', db, 'session', 'breakthrough', '--answers', join(dir, 'a.yaml')]);
    reflect(['--db', db, 'write', 'A quick note.']);
    const file = join(dir, 'backup.json');
    reflect(['--db', db, 'export', '--format', 'json', '--out', file]);
    const entries = JSON.parse(readFileSync(file, 'utf8')).entries.length;

    const target = join(dir, 'new.db');
    const plan = reflect(['--db', target, 'import', '--dry-run', file]);
    expect(plan.stdout).toBe(`Would import ${entries} entries, 1 session, 1 action; nothing was changed (dry run).\n`);
    expect(existsSync(target)).toBe(false);
    expect(reflect(['--db', target, 'import', file]).stdout).toBe(`Imported ${entries} entries, 1 session, 1 action.\n`);
    const before = dumpJournal(target);
    const again = reflect(['--db', target, 'import', '--dry-run', file]);
    expect(again.stdout).toBe(`Would import 0 entries (${entries} entries, 1 session, 1 action already in the journal, left as they were); nothing was changed (dry run).\n`);
    expect(reflect(['--db', target, 'import', file]).stdout).toBe(`Imported 0 entries (${entries} entries, 1 session, 1 action already in the journal, left as they were).\n`);
    expect(dumpJournal(target)).toEqual(before);
  });
});

describe('Day One zips', () => {
  it('reads a ZIP64 archive (its directory found through the ZIP64 end record)', () => {
    const { db } = tempJournal();
    // Made with Python's zipfile (force_zip64), its end record then written as ZIP64: counts 0xffff, offset 0xffffffff.
    const run = reflect(['--db', db, 'import', 'test/fixtures/zips/dayone-zip64.zip']);
    expect([run.stderr, run.stdout]).toEqual(['', 'Imported 1 entry.\n']);
    expect(texts(db)).toEqual(['From a ZIP64 archive.']);
  });

  it('refuses a member whose CRC-32 does not match, in one line, importing nothing', () => {
    const { dir, db } = tempJournal();
    reflect(['--db', db, 'write', 'Already here.']);
    const before = dumpJournal(db);
    const archive = zip({ 'Journal.json': dayOne });
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    archive.writeUInt32LE((archive.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
    writeFileSync(join(dir, 'd.zip'), archive);
    const run = reflect(['--db', db, 'import', join(dir, 'd.zip')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`reflect: ${join(dir, 'd.zip')}: Journal.json is damaged (its CRC-32 check fails); nothing was imported\n`);
    expect(dumpJournal(db)).toEqual(before);
  });
});

function spawnIn(dir: string, args: string[]) {
  mkdirSync(dir, { recursive: true });
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return reflect(args);
  } finally {
    process.chdir(cwd);
  }
}
