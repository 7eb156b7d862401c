// Part 1: kill -9 a session, an import and an export at a random moment, then check that the
// journal opens and is intact, an import is all or nothing, a session kept a prefix of its
// answers, and an export target is absent, old, or a complete file that imports.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { dayOneExport, jrnlExport, reflectExport, zip } from './files.mjs';
import { Tally, checkJournal, copyJournal, judge, removeDir, run, tempDir, untilDeadline, withJournal } from './lib.mjs';

const IMPORT_SIZE = 3000;
const ANSWERS = {
  energy: 3,
  moment: 'The call with my sister, when she laughed for the first time in weeks.',
  care: { answer: 'That the people close to me are not alone.', deeper: ['Not much; work eats the evenings.'] },
  drain: 'The meeting that ran two hours over and decided nothing.',
  intention: 'Leave at six and call her back.',
};

const sessionTexts = (db) =>
  withJournal(db, (c) => c.prepare("SELECT e.text, s.status FROM entries e JOIN sessions s ON s.id = e.session_id WHERE s.set_id = 'daily' ORDER BY e.seq").all());

/** The scenarios, each: set up a case folder, the command to kill, and the checks afterwards. */
function scenarios(seedJournal, reference) {
  return {
    session: {
      prepare: (dir) => ({ db: copyJournal(seedJournal, dir), args: (db) => ['session', 'daily', '--answers', put(dir, 'answers.yaml', stringify(ANSWERS)), '--db', db] }),
      check: async (dir, db, faults) => {
        const texts = sessionTexts(db).map((r) => r.text);
        if (texts.some((t, i) => t !== reference.session[i])) faults.push(`saved answers are not a prefix of those given: ${JSON.stringify(texts).slice(0, 200)}`);
        const session = lastSession(db);
        const checks = [['list', '--db', db], ['session', '--resume', '--db', db], ...(session ? [['show', session, '--db', db]] : [])];
        for (const args of checks) {
          const after = await run(args);
          const problems = judge(after);
          if (args[0] !== 'session' && after.code !== 0) problems.push(`exit ${after.code}: ${after.stderr.trim()}`);
          for (const p of problems) faults.push(`after the kill, reflect ${args[0]} ${args[1]}: ${p}`);
        }
      },
    },
    ...Object.fromEntries(['reflect', 'jrnl', 'dayone', 'dayone-zip'].map((from) => [`import ${from}`, {
      prepare: (dir) => {
        const content = from === 'reflect' ? reflectExport(IMPORT_SIZE) : from === 'jrnl' ? jrnlExport(IMPORT_SIZE) : from === 'dayone' ? dayOneExport(IMPORT_SIZE) : zip({ 'Journal.json': dayOneExport(IMPORT_SIZE) });
        const file = put(dir, from === 'dayone-zip' ? 'export.zip' : 'export.json', content);
        return { db: copyJournal(seedJournal, dir), args: (db) => ['import', '--from', from.replace('-zip', ''), file, '--db', db] };
      },
      check: async (dir, db, faults) => {
        const { entries } = checkJournal(db);
        if (entries !== reference.entries && entries !== reference.entries + IMPORT_SIZE) faults.push(`import was partial: ${entries - reference.entries} of ${IMPORT_SIZE} entries`);
      },
    }])),
    'export --out': {
      prepare: (dir) => {
        put(dir, 'out.json', 'the old file');
        return { db: copyJournal(reference.big, dir), args: (db) => ['export', '--format', 'json', '--out', join(dir, 'out.json'), '--force', '--db', db] };
      },
      check: async (dir, db, faults) => {
        const text = readFileSync(join(dir, 'out.json'), 'utf8');
        if (text !== 'the old file') {
          const imported = await run(['import', join(dir, 'out.json'), '--db', join(dir, 'fresh.db')]);
          if (imported.code !== 0) faults.push(`the export target is neither old nor complete: ${imported.stderr.trim()}`);
        }
        // A SIGKILL cannot be caught, so its temp file may stay; the next export to the folder
        // must clear it (and write a complete file).
        if (readdirSync(dir).some((f) => f.endsWith('.tmp'))) {
          const again = await run(['export', '--format', 'json', '--out', join(dir, 'out.json'), '--force', '--db', db]);
          if (again.code !== 0) faults.push(`the next export failed: ${again.stderr.trim()}`);
          if (readdirSync(dir).some((f) => f.endsWith('.tmp'))) faults.push('a temp file left by the killed export outlives the next export');
        }
      },
    },
  };
}

function put(dir, name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const lastSession = (db) => withJournal(db, (c) => c.prepare('SELECT id FROM sessions ORDER BY started_at DESC LIMIT 1').pluck().get());

export async function killNine(seconds, seedJournal, bigJournal) {
  const reference = { session: [], entries: checkJournal(seedJournal).entries, big: bigJournal };
  const all = scenarios(seedJournal, reference);
  const tallies = [];
  const names = Object.keys(all);
  for (const name of names) {
    const { prepare, check } = all[name];
    const tally = new Tally(`kill -9: ${name}`);
    // One run left alone: how long the command takes, and (for a session) the answers it saves.
    const dir = tempDir('reflect-torture-kill-');
    const { db, args } = prepare(dir);
    const started = Date.now();
    const whole = await run(args(db));
    const took = Date.now() - started;
    if (name === 'session') reference.session = sessionTexts(db).map((r) => r.text);
    tally.record(judge(whole).concat(whole.code === 0 ? [] : [`the unkilled run failed: ${whole.stderr.trim()}`]), `reflect ${args(db).join(' ')}`);
    removeDir(dir);
    await untilDeadline(Date.now() + (seconds * 1000) / names.length, 2, async () => {
      const dir = tempDir('reflect-torture-kill-');
      const { db, args } = prepare(dir);
      const delay = Math.floor(Math.random() * took * 1.1);
      const result = await run(args(db), { killAfterMs: delay });
      const faults = result.killed ? [] : judge(result);
      try {
        const state = checkJournal(db);
        if (!state.ok) faults.push(`integrity_check: ${state.integrity}`);
        await check(dir, db, faults);
      } catch (error) {
        faults.push(`the journal can't be read after the kill: ${error.message}`);
      }
      tally.record(faults, `reflect ${name} killed after ${delay} ms${result.killed ? '' : ' (it had finished)'}`);
      removeDir(dir);
    });
    tallies.push(tally);
  }
  return tallies;
}
