import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalFormat } from '../../src/store/cipher.js';
import { dumpJournal, reflect, tempJournal, type Run } from '../helpers/cli.js';

const PASS = 'the lighthouse keeps its own counsel';
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const oneLine = (run: Run) => expect(run.stderr.trim().split('\n')).toHaveLength(1);
/** Every file in the journal's folder that holds these words in the clear. */
const readableIn = (dir: string, words: string) => readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(words));

/** A plain journal with two entries, and a "password manager": a command that prints the passphrase. */
function plainJournal() {
  const { dir, db } = tempJournal();
  const secret = join(dir, 'manager.txt');
  writeFileSync(secret, `${PASS}\n`, { mode: 0o600 });
  for (const text of ['I keep waiting for permission', 'My sister was right about me']) {
    expect(reflect(['--db', db, 'write', text]).code).toBe(0);
  }
  const withPass = { REFLECT_PASSPHRASE_COMMAND: `cat '${secret}'` };
  return { dir, db, withPass };
}

function encrypted() {
  const journal = plainJournal();
  expect(reflect(['--db', journal.db, 'encrypt'], { env: journal.withPass }).code).toBe(0);
  return journal;
}

describe('reflect encrypt', () => {
  it('encrypts a journal in place with the passphrase from a password manager, and says what is and is not protected', () => {
    const { dir, db, withPass } = plainJournal();
    const run = reflect(['--db', db, 'encrypt'], { env: withPass });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Encrypted ${db} (2 entries) with the passphrase from REFLECT_PASSPHRASE_COMMAND.`);
    expect(run.stdout).toContain('Copies made before (backups, exports, synced folders) are still readable.');
    expect(journalFormat(db)).toBe('encrypted');
    expect(readableIn(dir, 'waiting for permission')).toEqual([]);
  });

  it('then everything works with the passphrase: write, list, search, show, stats, export, import', () => {
    const { dir, db, withPass } = encrypted();
    const env = { env: withPass };
    expect(reflect(['--db', db, 'write', 'I chose the quiet job on purpose'], env).code).toBe(0);
    const list = JSON.parse(reflect(['--db', db, 'list', '--json'], env).stdout) as { id: string; text: string }[];
    expect(list.map((e) => e.text)).toContain('My sister was right about me');
    expect(list).toHaveLength(3);
    expect(reflect(['--db', db, 'search', 'sister'], env).stdout).toContain('My sister was right');
    expect(reflect(['--db', db, 'show', list[0]!.id.slice(0, 8)], env).stdout).toContain('quiet job');
    expect(JSON.parse(reflect(['--db', db, 'stats', '--json'], env).stdout).entries).toBe(3);
    const exported = reflect(['--db', db, 'export', '--out', '-'], env);
    expect(exported.stdout).toContain('waiting for permission');
    expect(exported.stderr).toBe(''); // the "exports are plaintext" note is for a terminal
    const jrnl = join(dir, 'jrnl.json');
    writeFileSync(jrnl, JSON.stringify({ tags: {}, entries: [{ title: 'Imported fear.', body: '', date: '2026-03-29', time: '09:00', tags: [], starred: false }] }));
    expect(reflect(['--db', db, 'import', '--from', 'jrnl', jrnl], env).stdout).toBe('Imported 1 entry.\n');
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'pull: Whether to leave\nweight: 8\nfear: That I fail where people can see\nbelief: I must be perfect\ncost: A year\ninsight: It was the trust I wanted, not the title\nstep: Talk to Dana\n');
    const session = reflect(['--db', db, 'session', 'breakthrough', '--answers', answers], env);
    expect(session.code, session.stderr).toBe(0);
    expect(JSON.parse(reflect(['--db', db, 'sessions', '--json'], env).stdout)).toHaveLength(1);
    for (const words of ['quiet job on purpose', 'Imported fear', 'sister was right', 'trust I wanted']) {
      expect(readableIn(dir, words).filter((f) => f.startsWith('journal'))).toEqual([]);
    }
  });

  it('refuses a journal that is already encrypted', () => {
    const { db, withPass } = encrypted();
    const run = reflect(['--db', db, 'encrypt'], { env: withPass });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`reflect: the journal ${db} is already encrypted; \`reflect passphrase\` changes its passphrase\n`);
  });

  it('with no journal yet, starts an encrypted one', () => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'encrypt'], { env: { REFLECT_PASSPHRASE: PASS } });
    expect(run.stdout).toBe(`Made an encrypted journal at ${db} with the passphrase from REFLECT_PASSPHRASE.\n`);
    expect(journalFormat(db)).toBe('encrypted');
    expect(reflect(['--db', db, 'list', '--json'], { env: { REFLECT_PASSPHRASE: PASS } }).stdout).toBe('[]\n');
  });

  it('never takes the passphrase on the command line', () => {
    const { db } = plainJournal();
    const run = reflect(['--db', db, 'encrypt', '--passphrase', PASS]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(PASS);
    expect(journalFormat(db)).toBe('plain');
  });
});

describe('an encrypted journal without its passphrase', () => {
  it.each([['list'], ['write', 'a new thought'], ['export', '--out', '-'], ['stats']])(
    'reflect %s with no way to ask: one line naming the three variables, exit 3, nothing changed',
    (...args) => {
      const { db, withPass } = encrypted();
      const before = dumpJournal(db, PASS);
      const run = reflect(['--db', db, ...args]);
      expect(run).toMatchObject({ code: 3, stdout: '' });
      expect(run.stderr).toBe(
        `reflect: the journal ${db} is encrypted and there is no terminal to ask on; set REFLECT_PASSPHRASE_COMMAND (a command that prints it), REFLECT_PASSPHRASE_FILE or REFLECT_PASSPHRASE\n`,
      );
      expect(dumpJournal(db, PASS)).toEqual(before);
      expect(withPass).toBeDefined();
    },
  );

  it('a wrong passphrase: one line that does not repeat it, exit 3, the file unchanged byte for byte', () => {
    const { db } = encrypted();
    const before = hash(db);
    for (const args of [['list'], ['write', 'lost?'], ['passphrase'], ['decrypt', '--yes']]) {
      const run = reflect(['--db', db, ...args], { env: { REFLECT_PASSPHRASE: 'not-it-at-all', REFLECT_NEW_PASSPHRASE: 'x' } });
      expect(run.code).toBe(3);
      expect(run.stderr).toBe(`reflect: the passphrase does not open the journal ${db}; nothing was changed\n`);
      expect(hash(db)).toBe(before);
    }
  });

  it('an empty passphrase file is refused in one line, exit 3', () => {
    const { dir, db } = encrypted();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n', { mode: 0o600 });
    const run = reflect(['--db', db, 'list'], { env: { REFLECT_PASSPHRASE_FILE: empty } });
    expect(run).toMatchObject({ code: 3, stdout: '', stderr: 'reflect: the passphrase from REFLECT_PASSPHRASE_FILE is empty\n' });
  });

  it('refuses two passphrase variables at once', () => {
    const { db, withPass } = encrypted();
    const run = reflect(['--db', db, 'list'], { env: { ...withPass, REFLECT_PASSPHRASE: PASS } });
    expect(run.code).toBe(3);
    oneLine(run);
    expect(run.stderr).toMatch(/are all set; set only one/);
  });
});

describe('reflect passphrase', () => {
  it('changes it: the new one opens the journal, the old one no longer does, a copy from before keeps the old one', () => {
    const { dir, db, withPass } = encrypted();
    const before = dumpJournal(db, PASS);
    const backup = join(dir, 'backup.db');
    copyFileSync(db, backup);
    const run = reflect(['--db', db, 'passphrase'], { env: { ...withPass, REFLECT_NEW_PASSPHRASE: 'a second secret' } });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Changed the passphrase of .*journal\.db/);
    expect(reflect(['--db', db, 'list'], { env: withPass }).code).toBe(3);
    expect(dumpJournal(db, 'a second secret')).toEqual(before);
    expect(reflect(['--db', backup, 'list', '--json'], { env: withPass }).code).toBe(0);
    expect(reflect(['--db', backup, 'list'], { env: { REFLECT_PASSPHRASE: 'a second secret' } }).code).toBe(3);
  });

  it('refuses the same passphrase, and a plain journal', () => {
    const { db, withPass } = encrypted();
    const same = reflect(['--db', db, 'passphrase'], { env: { ...withPass, REFLECT_NEW_PASSPHRASE: PASS } });
    expect(same).toMatchObject({ code: 3, stderr: 'reflect: the new passphrase is the old one; nothing was changed\n' });
    const plain = plainJournal();
    const run = reflect(['--db', plain.db, 'passphrase'], { env: { REFLECT_NEW_PASSPHRASE: 'x' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`reflect: the journal ${plain.db} is not encrypted; \`reflect encrypt\` encrypts it\n`);
  });
});

describe('reflect decrypt', () => {
  it('asks first (off a terminal it needs --yes), then makes the journal plain again', () => {
    const { db, withPass } = encrypted();
    const before = dumpJournal(db, PASS);
    const refused = reflect(['--db', db, 'decrypt'], { env: withPass });
    expect(refused).toMatchObject({ code: 1, stderr: 'reflect: not decrypting the journal without confirmation; add --yes\n' });
    expect(journalFormat(db)).toBe('encrypted');
    const run = reflect(['--db', db, 'decrypt', '--yes'], { env: withPass });
    expect(run).toMatchObject({ code: 0, stdout: `Decrypted ${db} (2 entries); it is a plain SQLite file again.\n` });
    expect(journalFormat(db)).toBe('plain');
    expect(dumpJournal(db)).toEqual(before);
    expect(reflect(['--db', db, 'decrypt', '--yes']).stderr).toBe(`reflect: the journal ${db} is not encrypted; nothing was changed\n`);
  });
});

describe('a passphrase variable and the journal', () => {
  it('with no journal yet, the first entry starts an encrypted one', () => {
    const { dir, db } = tempJournal();
    const run = reflect(['--db', db, 'write', 'Nobody gets to read this'], { env: { REFLECT_PASSPHRASE: PASS } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`reflect: made an encrypted journal at ${db}, with the passphrase from REFLECT_PASSPHRASE\n`);
    expect(journalFormat(db)).toBe('encrypted');
    expect(readableIn(dir, 'Nobody gets to read')).toEqual([]);
  });

  it('on a plain journal: a warning each time, and the journal stays plain and usable', () => {
    const { db } = plainJournal();
    const run = reflect(['--db', db, 'list'], { env: { REFLECT_PASSPHRASE: PASS } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`reflect: warning: REFLECT_PASSPHRASE is set but the journal ${db} is not encrypted; \`reflect encrypt\` encrypts it\n`);
    expect(journalFormat(db)).toBe('plain');
  });
});
