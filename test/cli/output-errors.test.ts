import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport, type ExportOptions } from '../../src/cli/commands/export.js';
import { ReflectError } from '../../src/core/errors.js';
import { BIN, reflect, tempJournal } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';

function journal() {
  const paths = tempJournal();
  for (let i = 0; i < 300; i++) reflect(['--db', paths.db, 'write', `entry ${i} ${'words '.repeat(50)}`]);
  return paths;
}
const shared = journal();

/** Runs the built CLI with its stdout opened on `path` (as `> path` would). */
function reflectInto(path: string, args: string[]) {
  const out = openSync(path, 'w');
  try {
    const run = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: 20_000 });
    return { code: run.status, stderr: String(run.stderr) };
  } finally {
    closeSync(out);
  }
}

describe('output that cannot be written', () => {
  it.each([['list'], ['export'], ['export', '--format', 'json']])('reflect %s > /dev/full: one plain line and exit 1', (...args) => {
    const run = reflectInto('/dev/full', ['--db', shared.db, ...args]);
    expect(run.stderr).toBe('reflect: cannot write the output: no space left on device\n');
    expect(run.code).toBe(1);
  });

  it('a reader that stops early is still no error (`reflect export | head`)', () => {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --db "${shared.db}" export | head -c 10 > /dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(run.stderr).toBe('exit 0\n');
  });
});

/** runExport with a disk that fills up after `room` bytes. */
async function exportOntoFullDisk(db: string, options: Partial<ExportOptions>) {
  const { deps, opened } = testDeps(db, { now: new Date() });
  let room = 10_000;
  const full = (fd: number, text: string) => {
    if (text.length > room) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    room -= text.length;
    writeFileSync(fd, text);
  };
  try {
    await runExport({ format: 'json', tag: [], ...options } as ExportOptions, deps, full);
    return null;
  } catch (error) {
    return error;
  } finally {
    for (const open of opened) open.close();
  }
}

describe('export --out on a full disk', () => {
  it.each([
    ['a new file', false],
    ['an existing file, with --force', true],
  ])('%s: one plain line, no partial file, no temp file, what was there untouched', async (_name, existing) => {
    const { dir } = tempJournal();
    const out = join(dir, 'backup.json');
    if (existing) writeFileSync(out, 'the last good backup');
    const error = await exportOntoFullDisk(shared.db, { out, force: existing });
    expect(error).toBeInstanceOf(ReflectError);
    expect((error as ReflectError).message).toBe(`can't write ${out}: no space left on device; nothing was written`);
    expect(readdirSync(dir)).toEqual(existing ? ['backup.json'] : []);
    if (existing) expect(readFileSync(out, 'utf8')).toBe('the last good backup');
  });

  it('--split: no file and no temp file is left in the folder', async () => {
    const { dir } = tempJournal();
    const error = await exportOntoFullDisk(shared.db, { format: 'md', split: 'entry', out: join(dir, 'notes') });
    expect((error as ReflectError).message).toMatch(/^can't write .*: no space left on device; nothing was written$/);
    expect(readdirSync(join(dir, 'notes'))).toEqual([]);
  });
});

describe('export --out onto something that is not a regular file', () => {
  it.each([
    ['a device', () => '/dev/null', /^reflect: \/dev\/null is a device, not a file; to write to it, use > \/dev\/null\n$/],
    ['a named pipe', (dir: string) => {
      const fifo = join(dir, 'pipe');
      spawnSync('mkfifo', [fifo]);
      return fifo;
    }, /^reflect: .*\/pipe is a named pipe, not a file; to write into it, use > .*\/pipe\n$/],
    ['a folder', (dir: string) => dir, /^reflect: .* is a folder; name a file, or use --split\n$/],
    ['a dangling symlink', (dir: string) => {
      symlinkSync(join(dir, 'gone.json'), join(dir, 'link.json'));
      return join(dir, 'link.json');
    }, /^reflect: .*\/link\.json is a symlink to .*\/gone\.json, which does not exist; nothing was written\n$/],
  ])('%s is refused, even with --force, and left as it was', (_name, make, message) => {
    const { dir } = tempJournal();
    const target = make(dir);
    const before = lstatSync(target);
    const run = reflect(['--db', shared.db, 'export', '--out', target, '--force']);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(1);
    const after = lstatSync(target);
    expect([after.ino, after.mode, after.rdev]).toEqual([before.ino, before.mode, before.rdev]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a symlink to a file is written through with --force: the link stays a link', () => {
    const { dir } = tempJournal();
    const real = join(dir, 'real.json');
    writeFileSync(real, 'old');
    symlinkSync(real, join(dir, 'link.json'));
    const run = reflect(['--db', shared.db, 'export', '--format', 'json', '--out', join(dir, 'link.json'), '--force']);
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).entries).toHaveLength(300);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, 'gone'))).toBe(false);
  });
});

describe('a temp file left by an export that was killed outright', () => {
  it('is removed by the next export to that folder; one of a running export is left alone', () => {
    const { dir } = tempJournal();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has ended
    const stale = join(dir, `.${gone}-1.reflect-export.tmp`);
    const running = join(dir, `.${process.pid}-1.reflect-export.tmp`);
    writeFileSync(stale, 'half a backup');
    writeFileSync(running, 'being written');
    const run = reflect(['--db', shared.db, 'export', '--format', 'json', '--out', join(dir, 'backup.json')]);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`.${process.pid}-1.reflect-export.tmp`, 'backup.json'].sort());
  });
});
