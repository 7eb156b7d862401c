// Part 2: several processes write to one journal while others list and export it. Nothing may be
// lost, no writer may be told the journal is busy, and every export taken meanwhile must import.
import { join } from 'node:path';
import { Tally, judge, removeDir, run, tempDir, withJournal } from './lib.mjs';

const WRITERS = 4;
const WRITES_EACH = 4;

export async function concurrentWriters(seconds) {
  const tally = new Tally('concurrent writers + readers');
  const deadline = Date.now() + seconds * 1000;
  let round = 0;
  while (Date.now() < deadline) {
    const dir = tempDir('reflect-torture-conc-');
    const db = join(dir, 'journal.db');
    const exports = [];
    let writing = true;
    const record = (result, what) => {
      const faults = judge(result);
      if (result.code !== 0) faults.push(`exit ${result.code}: ${result.stderr.trim().slice(0, 160)}`);
      if (/busy/i.test(result.stderr)) faults.push('busy error');
      tally.record(faults, `round ${round}: ${what}`);
    };
    const writer = async (w) => {
      for (let i = 0; i < WRITES_EACH; i++) record(await run(['write', '--no-review', `writer ${w} entry ${i} #w${w}`, '--db', db]), `writer ${w} entry ${i}`);
    };
    const reader = async (r) => {
      for (let i = 0; writing; i++) {
        const out = join(dir, `export-${r}-${i}.json`);
        record(await run(i % 2 ? ['list', '--json', '--db', db] : ['export', '--format', 'json', '--out', out, '--db', db]), i % 2 ? 'list' : 'export');
        if (i % 2 === 0) exports.push(out);
      }
    };
    const readers = [reader(0), reader(1)];
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await Promise.all(readers);
    const saved = withJournal(db, (c) => c.prepare("SELECT count(*) FROM entries WHERE text LIKE 'writer % entry %'").pluck().get());
    tally.record(saved === WRITERS * WRITES_EACH ? [] : [`lost writes: ${WRITERS * WRITES_EACH - saved} of ${WRITERS * WRITES_EACH}`], `round ${round}: count`);
    for (const [i, file] of exports.entries()) {
      const imported = await run(['import', file, '--db', join(dir, `check-${i}.db`)]);
      record(imported, `import of an export taken during the writes`);
    }
    removeDir(dir);
    round++;
  }
  return [tally];
}
