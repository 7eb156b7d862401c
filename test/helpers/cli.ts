import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { unlock } from '../../src/store/cipher.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/reflect.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  uid?: number;
  gid?: number;
}

/** Runs the built CLI as a user would, with no terminal attached. */
export function reflect(args: string[], options: RunOptions = {}): Run {
  const spawnOptions: SpawnSyncOptions = {
    input: options.input ?? '',
    env: { ...withoutPassphrases(process.env), ...options.env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 256 * 1024 * 1024,
  };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  if (options.gid !== undefined) spawnOptions.gid = options.gid;
  const result = spawnSync(process.execPath, [BIN, ...args], spawnOptions);
  // A command that refuses huge stdin stops reading it: the rest of the input has nowhere to go.
  const stoppedReading = (result.error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE' && result.status !== null;
  if (result.error && !stoppedReading) throw result.error;
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A passphrase in the developer's own environment must not reach the journals tests make. */
function withoutPassphrases(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^REFLECT_(NEW_)?PASSPHRASE/.test(name)));
}

/** A fresh folder with a journal path in it (the journal itself is not created). */
export function tempJournal(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'reflect-e2e-'));
  return { dir, db: join(dir, 'journal.db') };
}

/** Writes an executable fake editor that replaces the file with `text` (or leaves it, for null). */
export function fakeEditor(dir: string, text: string | null, exitCode = 0): string {
  const path = join(dir, `editor-${Math.random().toString(36).slice(2)}.sh`);
  const body = text === null ? '' : `cat > "$1" <<'REFLECT_EOF'\n${text}\nREFLECT_EOF\n`;
  writeFileSync(path, `#!/bin/sh\n${body}exit ${exitCode}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Everything a user saved, as plain rows: compare before and after a failing command. */
export function dumpJournal(db: string, passphrase?: string): unknown {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    if (passphrase !== undefined) unlock(conn, passphrase);
    const tables = ['entries', 'entry_tags', 'sessions', 'classifications', 'actions', 'action_events', 'meta'];
    return Object.fromEntries(tables.map((t) => [t, conn.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
  } finally {
    conn.close();
  }
}

export function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
