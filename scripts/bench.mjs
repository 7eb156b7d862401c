#!/usr/bin/env node
// npm run bench: builds a realistic 100,000-entry journal in a temp folder and times the
// everyday commands against bare `node -e 0`. A benchmark to read, never a timed test.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJournal, generateLines } from './bench-journal.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const BIN = join(ROOT, 'bin/reflect.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const dir = mkdtempSync(join(tmpdir(), 'reflect-bench-'));
const env = { ...process.env, NO_COLOR: '1', XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, HOME: dir };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time over RUNS runs, and the peak resident memory of one more run. */
export function measure(argv, extraEnv = {}) {
  const runEnv = { ...env, ...extraEnv };
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(argv[0], argv.slice(1), { env: runEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
  }
  let peakMb = NaN;
  if (GNU_TIME) {
    const result = spawnSync(GNU_TIME, ['-f', '%M', ...argv], { env: runEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    peakMb = Number(result.stderr.trim().split('\n').pop()) / 1024;
  }
  return { ms: median(times), peakMb };
}

export function printTable(title, rows, baseMs) {
  console.log(`\n${title}`);
  console.log('| command | median | × node -e 0 | peak memory |');
  console.log('|---|---:|---:|---:|');
  for (const [name, r] of rows) {
    const ratio = baseMs ? `${(r.ms / baseMs).toFixed(2)}×` : '';
    const mem = Number.isNaN(r.peakMb) ? 'n/a' : `${r.peakMb.toFixed(0)} MB`;
    console.log(`| \`${name}\` | ${r.ms.toFixed(0)} ms | ${ratio} | ${mem} |`);
  }
}

/** One timed run of a long command, with its peak memory: throughput matters here, not start-up. */
function once(argv, stdinFile) {
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const runner = GNU_TIME ? [GNU_TIME, '-f', '%M', ...argv] : argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(runner[0], runner.slice(1), { env, stdio: [stdin, 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (typeof stdin === 'number') closeSync(stdin);
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr.slice(-500)}`);
  const peakMb = GNU_TIME ? Number(result.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { seconds, peakMb };
}

function exportRows(db, size) {
  const json = join(dir, 'export.json');
  const n = size.toLocaleString('en');
  const rows = [
    [`reflect export --format md (${n} entries)`, once([process.execPath, BIN, '--db', db, 'export', '--out', join(dir, 'export.md')])],
    [`reflect export --format json (${n} entries)`, once([process.execPath, BIN, '--db', db, 'export', '--format', 'json', '--out', json])],
    [`reflect import (${n} entries, into an empty journal)`, once([process.execPath, BIN, '--db', join(dir, 'imported.db'), 'import', json])],
  ];
  console.log('\nExport and import');
  console.log('| command | wall time | peak memory |');
  console.log('|---|---:|---:|');
  for (const [name, r] of rows) console.log(`| \`${name}\` | ${r.seconds.toFixed(1)} s | ${Number.isNaN(r.peakMb) ? 'n/a' : `${r.peakMb.toFixed(0)} MB`} |`);
}

/** The classifier alone, in this process: what one entry costs once everything is loaded. */
async function inProcessRow(size) {
  const { classify } = await import('../dist/core/classifier/classify.js');
  const texts = generateLines(Math.min(size, 20000)).split('\n').filter(Boolean);
  for (const text of texts.slice(0, 500)) classify(text);
  const start = process.hrtime.bigint();
  for (const text of texts) classify(text);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / texts.length;
  console.log(`\nIn process: ${(ms * 1000).toFixed(0)} µs an entry (${texts.length.toLocaleString('en')} generated entries, after warm-up)`);
}

function classifyRows(db, size) {
  const lines = join(dir, 'lines.txt');
  writeFileSync(lines, generateLines(size));
  const rows = [
    [`reflect classify - (${size.toLocaleString('en')} lines on stdin)`, once([process.execPath, BIN, 'classify', '-', '--json'], lines)],
    [`reflect classify --entries (${size.toLocaleString('en')} stored entries)`, once([process.execPath, BIN, '--db', db, 'classify', '--entries', '--json'])],
  ];
  console.log('\nClassifying');
  console.log('| command | wall time | entries per second | peak memory |');
  console.log('|---|---:|---:|---:|');
  for (const [name, r] of rows) {
    const mem = Number.isNaN(r.peakMb) ? 'n/a' : `${r.peakMb.toFixed(0)} MB`;
    console.log(`| \`${name}\` | ${r.seconds.toFixed(1)} s | ${Math.round(size / r.seconds).toLocaleString('en')} | ${mem} |`);
  }
}

/**
 * The same commands on an encrypted copy of the journal, beside the plain one (both as the
 * classify rows left them, so stats here is not the table above's); the rewrite's own
 * time (encrypt, passphrase, decrypt); and what deriving the key costs on its own, in process.
 */
async function encryptedRows(plainDb, size, baseMs, word) {
  const { copyFileSync } = await import('node:fs');
  const db = join(dir, `journal-${size}-encrypted.db`);
  copyFileSync(plainDb, db);
  const pass = { REFLECT_PASSPHRASE: 'a bench passphrase' };
  const rewrite = (args, extra) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const times = [['reflect encrypt', rewrite(['encrypt'], pass)]];
  const plain = (...args) => [process.execPath, BIN, '--db', plainDb, ...args];
  const secret = (...args) => [process.execPath, BIN, '--db', db, ...args];
  printTable(`Encrypted journal of ${size.toLocaleString('en')} entries (SQLCipher 4, PBKDF2-HMAC-SHA512 256,000 iterations)`, [
    ['reflect --version (opens no journal)', measure(secret('--version'), pass)],
    ['reflect list -n 20 (plain)', measure(plain('list', '-n', '20'))],
    ['reflect list -n 20 (encrypted)', measure(secret('list', '-n', '20'), pass)],
    [`reflect search ${word} (plain)`, measure(plain('search', word))],
    [`reflect search ${word} (encrypted)`, measure(secret('search', word), pass)],
    ['reflect stats (plain)', measure(plain('stats'))],
    ['reflect stats (encrypted)', measure(secret('stats'), pass)],
    ['reflect write "…" (plain)', measure(plain('write', 'Went to the market, then cooked dinner with Sam.'))],
    ['reflect write "…" (encrypted)', measure(secret('write', 'Went to the market, then cooked dinner with Sam.'), pass)],
  ], baseMs);
  times.push(['reflect passphrase', rewrite(['passphrase'], { ...pass, REFLECT_NEW_PASSPHRASE: 'another' })]);
  times.push(['reflect decrypt --yes', rewrite(['decrypt', '--yes'], { REFLECT_PASSPHRASE: 'another' })]);
  console.log('\n| rewrite of the whole journal | wall time |\n|---|---:|');
  for (const [name, seconds] of times) console.log(`| \`${name}\` | ${seconds.toFixed(1)} s |`);
  const { openJournal } = await import('../dist/store/journal.js');
  const opening = (path, passphrase) => {
    const options = passphrase === undefined ? {} : { passphrase };
    openJournal(path, 'write', options).close();
    const ms = [];
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      openJournal(path, 'read', options).close();
      ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(ms).toFixed(1);
  };
  const encrypted = opening(join(dir, 'kdf-encrypted.db'), 'x');
  const plainOpen = opening(join(dir, 'kdf-plain.db'));
  console.log(`\nOpening a journal in process: encrypted ${encrypted} ms (the key derivation, then the first page), plain ${plainOpen} ms`);
}

try {
  console.log(`reflect bench: ${RUNS} runs each, median wall time; node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
  const base = measure([process.execPath, '-e', '0']);
  for (const size of SIZES) {
    const db = join(dir, `journal-${size}.db`);
    const started = Date.now();
    const { word, tag } = generateJournal(db, size);
    console.log(`\nGenerated ${size.toLocaleString('en')} entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const reflect = (...args) => [process.execPath, BIN, '--db', db, ...args];
    const rows = [
      ['node -e 0', base],
      ['reflect --version', measure(reflect('--version'))],
      // Start-up of a quick entry: it saves, then loads the classifier to propose a label.
      ['reflect write "…" (piped, proposes a label)', measure(reflect('write', 'Went to the market, then cooked dinner with Sam.'))],
      ['reflect list -n 20', measure(reflect('list', '-n', '20'))],
      [`reflect search ${word}`, measure(reflect('search', word))],
      [`reflect search --tag ${tag}`, measure(reflect('search', '--tag', tag))],
      ['reflect stats (piped)', measure(reflect('stats'))],
      ['reflect report --out report.html', measure(reflect('report', '--out', join(dir, 'report.html'), '--force'))],
    ];
    printTable(`Journal of ${size.toLocaleString('en')} entries`, rows, base.ms);
    if (size === Math.max(...SIZES)) {
      exportRows(db, size);
      classifyRows(db, size);
      await inProcessRow(size);
      await encryptedRows(db, size, base.ms, word);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
