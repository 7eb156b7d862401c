// Part 3b: a sample of the same random inputs through the real CLI, with a journal to spoil.
// A refused command (non-zero exit) must leave every table of the journal exactly as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import * as A from './arbitraries.mjs';
import { reflectExport, zip, zipBomb } from './files.mjs';
import { Tally, copyJournal, dumpJournal, judge, removeDir, run, tempDir, untilDeadline } from './lib.mjs';

/** Each case: a name, and how to make the files and the command from one random input. */
const CASES = [
  ['prompts validate', A.setValue().map((v) => stringify(v)), (text, dir) => ['prompts', 'validate', put(dir, 'set.yaml', text)]],
  ['session <random set>', A.setValue().map((v) => stringify(v)), (text, dir, db) => ['session', put(dir, 'set.yaml', text), '--answers', put(dir, 'a.yaml', '{}'), '--db', db]],
  ['prompts validate (deep)', A.deepText(), (text, dir) => ['prompts', 'validate', put(dir, 'set.yaml', text)]],
  ['session --answers', fc.tuple(A.validSetValue(), A.yamlValue(3)), ([set, answers], dir, db) => ['session', put(dir, 'set.yaml', stringify(set)), '--answers', put(dir, 'a.yaml', stringify(answers)), '--db', db]],
  ['import reflect', fc.oneof(A.brokenRecord(), A.yamlValue(3)).map((r) => `{"format":"reflect-journal","version":1,\n"sessions":[],\n"entries":[\n${JSON.stringify(r)}\n],\n"actions":[]\n}\n`), (text, dir, db) => ['import', put(dir, 'in.json', text), '--db', db]],
  ['import reflect (truncated)', fc.nat(), (cut, dir, db) => {
    const text = reflectExport(20, 'cut');
    return ['import', put(dir, 'in.json', text.slice(0, cut % text.length)), '--db', db];
  }],
  ['import jrnl', A.yamlValue(3).map((v) => JSON.stringify({ entries: [v] })), (text, dir, db) => ['import', '--from', 'jrnl', put(dir, 'j.json', text), '--db', db]],
  ['import dayone zip', A.yamlValue(3).map((v) => zip({ 'Journal.json': JSON.stringify({ entries: [v] }) })), (bytes, dir, db) => ['import', '--from', 'dayone', put(dir, 'd.zip', bytes), '--db', db]],
  ['write --date', A.dateText(), (text, _dir, db) => ['write', '--date', text, '--no-review', 'a line', '--db', db]],
  ['list --from', A.dateText(), (text, _dir, db) => ['list', '--from', text, '--db', db]],
];

function put(dir, name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs one command on a copy of the seed journal and judges it. */
async function once(tally, args, dir, db, input, timeoutMs = 20_000, maxMb = Infinity) {
  const before = dumpJournal(db);
  const result = await run(args, { timeoutMs });
  const faults = judge(result);
  if (result.peakMb > maxMb) faults.push(`used ${result.peakMb} MB of memory (more than ${maxMb})`);
  if (result.code !== 0 && !result.hung && dumpJournal(db) !== before) faults.push('journal changed on refusal');
  const shown = args.map((a) => (a.startsWith(dir) ? a.slice(dir.length + 1) : a)).join(' ');
  tally.record(faults, `reflect ${shown} -> exit ${result.code}${result.signal ? ` (${result.signal})` : ''}: ${result.stderr.trim().split('\n').slice(0, 2).join(' | ').slice(0, 200)}; input ${input}`);
  return result;
}

export async function fuzzCli(seconds, seed, seedJournal) {
  const tallies = [];
  const share = (seconds * 1000) / (CASES.length + 1);
  for (const [name, arbitrary, command] of CASES) {
    const tally = new Tally(`cli: ${name}`);
    const inputs = fc.sample(arbitrary, { numRuns: 400, seed });
    await untilDeadline(Date.now() + share, 2, async (i) => {
      const dir = tempDir('reflect-torture-cli-');
      const db = copyJournal(seedJournal, dir);
      const args = command(inputs[i % inputs.length], dir, db);
      const input = inputs[i % inputs.length];
      await once(tally, args, dir, db, Buffer.isBuffer(input) ? `<${input.length} bytes>` : fc.stringify(input).slice(0, 300));
      removeDir(dir);
    }, inputs.length);
    tallies.push(tally);
  }
  tallies.push(await bombs(seedJournal));
  return tallies;
}

/** Day One zips that inflate far beyond their size: refused in words, not a crash or a stall. */
async function bombs(seedJournal) {
  const tally = new Tally('cli: import dayone zip bomb');
  for (const megabytes of [64, 600]) {
    const dir = tempDir('reflect-torture-bomb-');
    const db = copyJournal(seedJournal, dir);
    await once(tally, ['import', '--from', 'dayone', put(dir, 'bomb.zip', await zipBomb(megabytes)), '--db', db], dir, db, `<zip of ${megabytes} MB of spaces>`, 60_000, 400);
    removeDir(dir);
  }
  return tally;
}
