import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { journalFormat } from '../../src/store/cipher.js';
import { openJournal } from '../../src/store/journal.js';
import { BIN, reflect } from '../helpers/cli.js';

/**
 * kill -9 during encrypt, passphrase and decrypt, at moments spread over each command's run and
 * at the moments its copy and the copy's rollback journal appear. Whatever the moment, the path
 * must hold one whole journal (the old or the new), with every entry, and the next start must
 * leave nothing else beside it. REFLECT_CRASH_POINTS raises the number of timed kills.
 */
const TIMED_POINTS = Number(process.env.REFLECT_CRASH_POINTS ?? 5);
const ENTRIES = 1500;
const A = 'first passphrase';
const B = 'second passphrase';
const MARK = 'marker-of-a-private-thought';

const OPERATIONS = [
  { name: 'encrypt', args: ['encrypt'], env: { REFLECT_PASSPHRASE: A }, from: null, to: A },
  { name: 'passphrase', args: ['passphrase'], env: { REFLECT_PASSPHRASE: A, REFLECT_NEW_PASSPHRASE: B }, from: A, to: B },
  { name: 'decrypt', args: ['decrypt', '--yes'], env: { REFLECT_PASSPHRASE: A }, from: A, to: null },
] as const;

const templates = { plain: '', encrypted: '' };
const folder = () => mkdtempSync(join(tmpdir(), 'reflect-crash-'));

beforeAll(() => {
  const dir = folder();
  const file = join(dir, 'jrnl.json');
  const entries = Array.from({ length: ENTRIES }, (_, i) => ({
    title: `Entry ${i}: ${MARK} number ${i}.`,
    body: 'I noticed that I wait for permission before I let myself want anything. '.repeat(3),
    date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    time: '09:00',
    tags: [],
    starred: false,
  }));
  writeFileSync(file, JSON.stringify({ tags: {}, entries }));
  templates.plain = join(dir, 'plain.db');
  expect(reflect(['--db', templates.plain, 'import', '--from', 'jrnl', file], { env: {} }).code).toBe(0);
  templates.encrypted = join(dir, 'encrypted.db');
  copyFileSync(templates.plain, templates.encrypted);
  expect(reflect(['--db', templates.encrypted, 'encrypt'], { env: { REFLECT_PASSPHRASE: A } }).code).toBe(0);
}, 120_000);

/** After a delay; when a file appears; or when it appears and then goes (the copy renamed into place). */
type KillAt = { afterMs: number } | { whenExists: string; thenGone?: boolean };

/** Runs the command and kills it with SIGKILL at the moment asked; resolves once it is gone. */
async function runAndKill(db: string, op: (typeof OPERATIONS)[number], at: KillAt): Promise<void> {
  const child = spawn(process.execPath, [BIN, '--db', db, ...op.args], { env: { ...process.env, ...op.env }, stdio: 'ignore' });
  let gone = false;
  const exited = new Promise<void>((done) => child.on('exit', () => ((gone = true), done())));
  if ('afterMs' in at) {
    setTimeout(() => child.kill('SIGKILL'), at.afterMs);
  } else {
    const until = Date.now() + 20_000;
    const waitFor = async (there: boolean) => {
      while (!gone && Date.now() < until && existsSync(at.whenExists) !== there) await new Promise((r) => setImmediate(r));
    };
    await waitFor(true);
    if (at.thenGone) await waitFor(false);
    child.kill('SIGKILL');
  }
  await exited;
}

/** Which journal survived: 'old' or 'new', checked whole with every entry. */
function survivor(db: string, op: (typeof OPERATIONS)[number]): 'old' | 'new' {
  const tries: ['old' | 'new', string | null][] = [['old', op.from], ['new', op.to]];
  for (const [which, passphrase] of tries) {
    if (journalFormat(db) !== (passphrase === null ? 'plain' : 'encrypted')) continue;
    try {
      const conn = openJournal(db, 'read', passphrase === null ? {} : { passphrase });
      try {
        expect(conn.pragma('quick_check', { simple: true })).toBe('ok');
        expect(conn.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(ENTRIES);
        return which;
      } finally {
        conn.close();
      }
    } catch (error) {
      if (!/passphrase does not open/.test(String(error))) throw error;
    }
  }
  throw new Error(`after the kill, ${db} is neither the old journal nor the new one`);
}

describe('kill -9 during encrypt, passphrase and decrypt', () => {
  it.each(OPERATIONS)('$name: always one whole journal, and nothing left beside it after the next start', async (op) => {
    const dir = folder();
    const start = op.from === null ? templates.plain : templates.encrypted;
    const time = (() => {
      const db = join(dir, 'timing.db');
      copyFileSync(start, db);
      const t = Date.now();
      expect(reflect(['--db', db, ...op.args], { env: op.env }).code).toBe(0);
      return Date.now() - t;
    })();
    // Timed kills from a fifth of the run (Node starting, the key being derived) to past its end.
    const points: KillAt[] = [
      { whenExists: 'journal.db.reflect-new' },
      { whenExists: 'journal.db.reflect-new-journal' },
      { whenExists: 'journal.db.reflect-new', thenGone: true },
      ...Array.from({ length: TIMED_POINTS }, (_, i) => ({ afterMs: Math.round((0.2 + (i / Math.max(1, TIMED_POINTS - 1)) * 1.0) * time) })),
    ];
    const tally = { old: 0, new: 0 };
    for (const point of points) {
      const caseDir = folder();
      const db = join(caseDir, 'journal.db');
      copyFileSync(start, db);
      const at = 'whenExists' in point ? { ...point, whenExists: join(caseDir, point.whenExists) } : point;
      await runAndKill(db, op, at);
      const which = survivor(db, op);
      tally[which]++;
      const passphrase = which === 'old' ? op.from : op.to;
      // The next start, whatever command it is, clears what the killed one left.
      const next = reflect(['--db', db, 'list', '-n', '1'], { env: passphrase === null ? {} : { REFLECT_PASSPHRASE: passphrase } });
      expect(next.code).toBe(0);
      expect(readdirSync(caseDir).filter((f) => !/^journal\.db(-wal|-shm)?$/.test(f))).toEqual([]);
      if (passphrase !== null) {
        expect(readdirSync(caseDir).filter((f) => readFileSync(join(caseDir, f)).includes(MARK))).toEqual([]);
      }
    }
    if (process.env.REFLECT_CRASH_POINTS) console.log(`${op.name}: ${points.length} kills, ${tally.old} left the old journal, ${tally.new} the new one`);
    expect(tally.old + tally.new).toBe(points.length);
  }, 300_000);
});
