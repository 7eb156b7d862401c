import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { BIN, reflect, tempJournal } from '../helpers/cli.js';

const mode = (path: string) => statSync(path).mode & 0o777;
const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

describe('a --db that is not a journal file', () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ['a dangling symlink', (dir) => {
      symlinkSync(join(dir, 'gone', 'journal.db'), join(dir, 'link.db'));
      return join(dir, 'link.db');
    }, /^reflect: .*\/link\.db is a symlink to .*\/gone\/journal\.db, which does not exist; nothing was created\n$/],
    ['a device', () => '/dev/null', /^reflect: \/dev\/null is not a regular file \(it is a device\); --db needs a journal file\n$/],
    ['a named pipe', (dir) => {
      spawnSync('mkfifo', [join(dir, 'pipe')]);
      return join(dir, 'pipe');
    }, /^reflect: .*\/pipe is not a regular file \(it is a named pipe\); --db needs a journal file\n$/],
    ['a folder', (dir) => {
      mkdirSync(join(dir, 'folder'));
      return join(dir, 'folder');
    }, /^reflect: .*\/folder is a folder, not a journal file\n$/],
  ];
  it.each(cases.flatMap(([name, make, message]) => [['write', 'hello'], ['list']].map((args) => [name, args.join(' '), make, message] as const)))(
    '%s (reflect %s): one line naming the problem, nothing created',
    (_name, _command, make, message) => {
      const { dir } = tempJournal();
      const db = make(dir);
      const before = readdirSync(dir);
      const type = lstatSync(db).mode;
      const run = reflect(['--db', db, ...(_command as string).split(' ')]);
      expect(run.stderr).toMatch(message);
      expect(run.code).toBe(1);
      expect(readdirSync(dir)).toEqual(before);
      expect(lstatSync(db).mode).toBe(type);
    },
  );
});

describe('a journal that cannot be created', () => {
  it('on a disk that fills up: one line, and no file left behind', () => {
    const { dir, db } = tempJournal();
    // A 2 KB file size limit fails SQLite's first page the way a full disk would (without
    // being killed by SIGXFSZ); a limit is a user's right, no mount or root needed.
    const run = spawnSync('bash', ['-c', `trap "" XFSZ; ulimit -f 2; exec "${process.execPath}" "${BIN}" --db "${db}" write hello`], { encoding: 'utf8' });
    expect(run.stderr).toMatch(/^reflect: can't create the journal .*journal\.db: the disk refused the write \(full, over quota, or failing\); no file was left behind\n$/);
    expect(run.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)('in a folder the user may not write in: one line, nothing created', () => {
    const parent = mkdtempSync(join(tmpdir(), 'reflect-locked-'));
    chmodSync(parent, 0o755); // nobody may look in, but not write
    const run = reflect(['--db', join(parent, 'sub', 'journal.db'), 'write', 'hello'], { uid: 65534, gid: 65534, env: { XDG_CONFIG_HOME: '/nonexistent/config' } });
    expect(run.stderr).toMatch(/^reflect: can't create the journal .*\/sub\/journal\.db: permission denied\n$/);
    expect(run.code).toBe(1);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('the journal is kept private', () => {
  it('a journal others can read is tightened to 0600, with its WAL files', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', 'private thoughts']);
    // Another terminal has it open, so its side files stay there.
    const other = new Database(db);
    other.prepare('SELECT count(*) FROM entries').get();
    try {
      for (const file of [db, `${db}-wal`, `${db}-shm`]) chmodSync(file, 0o644);
      const run = reflect(['--db', db, 'list']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(mode(file)).toBe(0o600);
    } finally {
      other.close();
    }
  });

  it('a journal made read-only stays read-only (0444 becomes 0400)', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', 'kept']);
    chmodSync(db, 0o444);
    reflect(['--db', db, 'list']);
    expect(mode(db)).toBe(0o400);
  });

  it('an empty file adopted as the journal becomes 0600', () => {
    const { db } = tempJournal();
    writeFileSync(db, '', { mode: 0o644 });
    chmodSync(db, 0o644);
    expect(reflect(['--db', db, 'write', 'first']).code).toBe(0);
    expect(mode(db)).toBe(0o600);
  });

  it('the default folder is kept 0700', () => {
    const { dir } = tempJournal();
    const env = { REFLECT_DB: '', XDG_DATA_HOME: dir };
    expect(reflect(['write', 'first'], { env }).code).toBe(0);
    chmodSync(join(dir, 'reflect'), 0o755);
    const run = reflect(['list'], { env });
    expect(run.stderr).toBe('');
    expect(mode(join(dir, 'reflect'))).toBe(0o700);
  });

  it.each([
    ['others can write in it', 'given', 0o777, true],
    ['it is shared but sticky, as /tmp is', 'not given', 0o1777, false],
    ['only its owner writes in it', 'not given', 0o755, false],
  ])('a folder the user chose is left as it is, and when %s a warning is %s', (_name, _said, folderMode, warns) => {
    const { dir, db } = tempJournal();
    chmodSync(dir, folderMode);
    const run = reflect(['--db', db, 'write', 'hello']);
    expect(run.code).toBe(0);
    expect(statSync(dir).mode & 0o7777).toBe(folderMode);
    if (warns) {
      expect(run.stderr).toBe(`reflect: warning: others can write in ${dir}, so they could replace the journal there; chmod go-w ${dir}, or move the journal\n`);
      oneLine(run.stderr);
    } else expect(run.stderr).toBe('');
  });
});
