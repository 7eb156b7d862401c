// What every torture part needs: spawning the built CLI with a hard timeout, reading a journal
// back, and judging a run (stack traces, "unexpected error", hangs, a changed journal).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/reflect.js');
export const TABLES = ['entries', 'entry_tags', 'sessions', 'classifications', 'actions', 'action_events', 'meta'];

/** A home of its own for every child, so no torture run can reach the real journal or config. */
const HOME = mkdtempSync(join(tmpdir(), 'reflect-torture-home-'));
export const CHILD_ENV = {
  ...process.env,
  HOME,
  XDG_DATA_HOME: join(HOME, 'data'),
  XDG_CONFIG_HOME: join(HOME, 'config'),
  XDG_STATE_HOME: join(HOME, 'state'),
  REFLECT_DB: join(HOME, 'default-journal.db'),
  TZ: 'UTC',
  NO_COLOR: '1',
  REFLECT_PROMPTS: '',
  DEBUG: '',
  VISUAL: '',
  EDITOR: '',
};

export function tempDir(prefix = 'reflect-torture-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Runs `reflect args` and resolves with what happened. A child still running after `timeoutMs`
 * is a hang: it is killed and reported as such. `killAfterMs` kills it on purpose (kill -9 tests).
 */
export function run(args, { input = '', timeoutMs = 20_000, killAfterMs = null, env = {} } = {}) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...CHILD_ENV, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    let killed = false;
    child.stdout.on('data', (d) => (stdout.length < 1 << 20 ? (stdout += d) : null));
    child.stderr.on('data', (d) => (stderr.length < 1 << 20 ? (stderr += d) : null));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    const hang = setTimeout(() => ((hung = true), child.kill('SIGKILL')), timeoutMs);
    const kill = killAfterMs === null ? null : setTimeout(() => ((killed = true), child.kill('SIGKILL')), killAfterMs);
    // Peak memory, where Linux shows it: a refusal that needs a gigabyte is a defect too.
    let peakMb = 0;
    const watch = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakMb = Math.max(peakMb, Math.round(Number(hwm[1]) / 1024));
      } catch {}
    }, 100);
    child.on('close', (code, signal) => {
      clearTimeout(hang);
      clearInterval(watch);
      if (kill) clearTimeout(kill);
      done({ args, code, signal, stdout, stderr, hung, peakMb, killed: killed && signal === 'SIGKILL' });
    });
  });
}

/** Every row a user saved, as text: equal before and after means the journal was not touched. */
export function dumpJournal(db) {
  if (!existsSync(db)) return 'absent';
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(TABLES.map((t) => conn.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
  } finally {
    conn.close();
  }
}

/** Opens the journal as a fresh reader would (after a crash: recovers the WAL) and checks it. */
export function checkJournal(db) {
  const conn = new Database(db, { fileMustExist: true });
  try {
    const integrity = conn.pragma('integrity_check', { simple: true });
    const count = (table) => conn.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    return { ok: integrity === 'ok', integrity, entries: count('entries'), sessions: count('sessions') };
  } finally {
    conn.close();
  }
}

export function withJournal(db, read) {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return read(conn);
  } finally {
    conn.close();
  }
}

/** A private copy of a seed journal (and its WAL, if one was left), for one case to spoil. */
export function copyJournal(seed, dir) {
  const db = join(dir, 'journal.db');
  copyFileSync(seed, db);
  for (const side of ['-wal', '-shm']) if (existsSync(seed + side)) copyFileSync(seed + side, db + side);
  return db;
}

export const removeDir = (dir) => rmSync(dir, { recursive: true, force: true });

/**
 * What is wrong with a run that was not killed on purpose, as short words (empty: nothing).
 * Non-zero exits must say one `reflect:` line first; `prompts validate` lists problems on stdout.
 */
export function judge(result) {
  const faults = [];
  if (result.hung) return ['hang'];
  if (/^\s+at /m.test(result.stderr)) faults.push('stack trace');
  if (/unexpected error/.test(result.stderr)) faults.push(`unexpected error: ${firstLine(result.stderr).slice(0, 160)}`);
  if (result.signal) faults.push(`died of ${result.signal}`);
  else if (![0, 1, 2].includes(result.code)) faults.push(`exit code ${result.code}`);
  if (result.code !== 0 && !result.signal && !/^reflect: /.test(result.stderr)) faults.push(`stderr does not start with "reflect:": ${JSON.stringify(result.stderr.slice(0, 120))}`);
  return faults;
}

export const firstLine = (text) => text.trim().split('\n')[0] ?? '';

/** Runs `work(i)` for i = 0, 1, ... on `width` workers until `deadline` (ms since epoch). */
export async function untilDeadline(deadline, width, work, maxCases = Infinity) {
  let next = 0;
  const worker = async () => {
    while (Date.now() < deadline && next < maxCases) await work(next++);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** Counts for the closing table, and the first few examples of each distinct failure. */
export class Tally {
  constructor(part) {
    this.part = part;
    this.cases = 0;
    this.failures = 0;
    this.stackTraces = 0;
    this.hangs = 0;
    this.changedOnRefusal = 0;
    this.distinct = new Map();
  }

  /** One case: `faults` are short descriptions; an empty list is a pass. */
  record(faults, example) {
    this.cases++;
    if (!faults.length) return;
    this.failures++;
    if (faults.some((f) => f === 'stack trace')) this.stackTraces++;
    if (faults.includes('hang')) this.hangs++;
    if (faults.some((f) => f.startsWith('journal changed'))) this.changedOnRefusal++;
    for (const fault of faults) {
      const key = fault.replace(/\/tmp\/[^\s"']+/g, 'FILE').replace(/\d{3,}/g, 'N');
      const seen = this.distinct.get(key);
      if (seen) seen.count++;
      // Keep the shortest example: it is the one a person can read.
      if (!seen || example.length < seen.example.length) this.distinct.set(key, { count: seen ? seen.count : 1, example });
    }
  }
}
