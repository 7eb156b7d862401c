#!/usr/bin/env node
// `npm run torture`: a bounded reliability run against the built CLI (see README, Development).
// kill -9 at random moments, concurrent writers, and property-based fuzzing of every loader.
// Budget: TORTURE_SECONDS (default 180) or --seconds N; TORTURE_SEED or --seed N to replay.
// Exit code 1 when anything failed, so CI can run it on a schedule.
import { join } from 'node:path';
import { concurrentWriters } from './torture/concurrent.mjs';
import { reflectExport } from './torture/files.mjs';
import { fuzzCli } from './torture/fuzz-cli.mjs';
import { fuzzInProcess } from './torture/fuzz-inprocess.mjs';
import { killNine } from './torture/kill.mjs';
import { removeDir, run, tempDir } from './torture/lib.mjs';
import { writeFileSync } from 'node:fs';

const flag = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const seconds = Number(flag('seconds') ?? process.env.TORTURE_SECONDS ?? 180);
const seed = Number(flag('seed') ?? process.env.TORTURE_SEED ?? Date.now() % 1_000_000);
if (!(seconds > 0) || !Number.isInteger(seed)) {
  process.stderr.write('torture: --seconds must be a positive number and --seed a whole number\n');
  process.exit(2);
}
// Shares of the budget: spawning is what costs, and the fuzzers find the most.
const SHARES = { kill: 0.3, concurrent: 0.15, inProcess: 0.25, cli: 0.3 };

/** Two seed journals: a small one with a session and entries, a bigger one for exports. */
async function seedJournals(dir) {
  const small = join(dir, 'seed.db');
  const big = join(dir, 'big.db');
  const setup = [
    ['write', '--no-review', 'A first entry about #work and the move.', '--db', small],
    ['write', '--no-review', '--date', 'yesterday', 'Second thoughts on the move.', '--db', small],
    ['import', writeTo(dir, 'big.json', reflectExport(3000, 'big')), '--db', big],
  ];
  for (const args of setup) {
    const result = await run(args, { timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`setting up the seed journals failed: reflect ${args.join(' ')}: ${result.stderr}`);
  }
  return { small, big };
}

function writeTo(dir, name, content) {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

const started = Date.now();
process.stdout.write(`torture: ${seconds} s budget, seed ${seed} (replay with --seed ${seed})\n`);
const dir = tempDir('reflect-torture-seed-');
const { small, big } = await seedJournals(dir);
const tallies = [];
const part = async (label, work) => {
  const t = Date.now();
  const done = await work();
  tallies.push(...done);
  process.stdout.write(`  ${label}: ${done.reduce((n, x) => n + x.cases, 0)} cases in ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
};
await part('kill -9', () => killNine(seconds * SHARES.kill, small, big));
await part('concurrent writers', () => concurrentWriters(seconds * SHARES.concurrent));
await part('fuzz in process', () => fuzzInProcess(seconds * SHARES.inProcess, seed));
await part('fuzz through the CLI', () => fuzzCli(seconds * SHARES.cli, seed, small));
removeDir(dir);

const columns = ['part', 'cases', 'failures', 'stack traces', 'hangs', 'journals changed on refusal'];
const rows = tallies.map((t) => [t.part, t.cases, t.failures, t.stackTraces, t.hangs, t.changedOnRefusal].map(String));
const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
process.stdout.write(`\n${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}\n`);

const failing = tallies.filter((t) => t.failures);
if (failing.length) {
  process.stdout.write('\nDistinct failures (count, what, shortest example):\n');
  for (const t of failing) {
    for (const [what, { count, example }] of t.distinct) process.stdout.write(`- [${t.part}] ${count}x ${what}\n    e.g. ${example}\n`);
  }
}
process.stdout.write(`\ntorture: ${tallies.reduce((n, t) => n + t.cases, 0)} cases, ${failing.reduce((n, t) => n + t.failures, 0)} failures in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})\n`);
process.exitCode = failing.length ? 1 : 0;
