import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSession, type SessionOptions } from '../../src/cli/commands/session.js';
import type { Classification } from '../../src/core/classifier/classify.js';
import type { Prompter } from '../../src/core/prompter.js';
import { saveModelLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import { tempJournal } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

const opened: Db[][] = [];
afterEach(() => opened.splice(0).flat().forEach((db) => db.close()));

/** testDeps' now: Monday 30 November 2026. */
const NOW = new Date('2026-11-30T17:00:00Z');
const weeksAgo = (w: number) => new Date(NOW.getTime() - w * 7 * 86_400_000 - 3_600_000);
const OFFER = 'Work on it now?';
const FIRST_UNSTUCK = '[1/7] What feels stuck right now?';

/** A journal where "budget review" came up as a challenge in three weeks, among ordinary days. */
function journalWithLoop(): { dir: string; db: string } {
  const paths = tempJournal();
  const db = openJournal(paths.db, 'write');
  for (let d = 1; d < 120; d += 3) addEntry(db, { text: 'Work today, then dinner and a walk.', date: new Date(NOW.getTime() - d * 86_400_000) });
  for (const [w, note] of [[4, 'slept badly'], [2, 'rain all day'], [1, 'Dana was late']] as const) addChallenge(db, weeksAgo(w), `The budget review again; ${note}.`);
  db.close();
  return paths;
}

function addChallenge(db: Db, date: Date, text: string) {
  const { id } = addEntry(db, { text, date });
  saveModelLabel(db, id, { label: 'challenge', confidence: 0.9, evidence: [] } as unknown as Classification, 'test', date);
}

/** A scripted prompter that also notes each one-line question's pre-filled answer; 'ENTER' keeps it. */
function recording(script: unknown[]) {
  const scripted = scriptedPrompter(script);
  const initials: (string | undefined)[] = [];
  const ask = scripted.prompter.ask;
  const prompter: Prompter = {
    ...scripted.prompter,
    ask: async (question) => {
      initials.push(question.initial);
      const value = await ask(question);
      return value === 'ENTER' ? (question.initial ?? '') : value;
    },
  };
  return { ...scripted, prompter, initials };
}

async function session(path: string, script: unknown[], options: Partial<SessionOptions> = {}, now = NOW) {
  const printed: string[] = [];
  const run = recording(script);
  const made = testDeps(path, { prompter: run.prompter, print: (t) => printed.push(t), now });
  opened.push(made.opened);
  const result = await runSession(options, made.deps).then(
    () => null,
    (error: { kind?: string; message: string }) => error,
  );
  return { ...run, printed: printed.join(''), error: result };
}

const read = (path: string, sql: string) => {
  const db = openJournal(path, 'read');
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('the loop offer at the start of a session', () => {
  it('says the loop and its latest entry, and asks', async () => {
    const { db } = journalWithLoop();
    const run = await session(db, ['CTRL-C']);
    expect(run.asked).toEqual([OFFER]);
    expect(run.printed).toMatch(/“budget review” has come up in 3 weeks since .+ \(3 entries\)\./);
    expect(run.printed).toContain('Latest: “The budget review again; Dana was late.”');
  });

  it('Ctrl-C at the offer stops like anywhere in a session: nothing saved', async () => {
    const { db } = journalWithLoop();
    const run = await session(db, ['CTRL-C']);
    expect(run.error).toMatchObject({ kind: 'interrupted' });
    expect(read(db, 'SELECT * FROM sessions')).toEqual([]);
  });

  it('accepting runs the unstuck set with the theme as the first answer, ready to keep', async () => {
    const { db } = journalWithLoop();
    const run = await session(db, ['unstuck', 'ENTER', 'CTRL-C']);
    expect(run.asked.slice(0, 2)).toEqual([OFFER, FIRST_UNSTUCK]);
    expect(run.initials[0]).toBe('budget review');
    expect(read(db, "SELECT s.set_id, e.text FROM entries e JOIN sessions s ON s.id = e.session_id")).toEqual([{ set_id: 'unstuck', text: 'budget review' }]);
  });

  it('"Not now" goes on to the set picker, and the loop is not offered again until it comes up in a new week', async () => {
    const { db } = journalWithLoop();
    expect((await session(db, ['later', 'CTRL-C'])).asked).toEqual([OFFER, 'Which set?']);
    expect((await session(db, ['CTRL-C'])).asked).toEqual(['Which set?']);
    // Again in the week it was last seen in: still put off.
    const journal = openJournal(db, 'write');
    addChallenge(journal, new Date(weeksAgo(1).getTime() + 86_400_000), 'The budget review, same again.');
    journal.close();
    expect((await session(db, ['CTRL-C'])).asked).toEqual(['Which set?']);
    // In a new week: offered again.
    const later = openJournal(db, 'write');
    addChallenge(later, new Date(NOW.getTime() - 3_600_000), 'The budget review: still.');
    later.close();
    expect((await session(db, ['CTRL-C'])).asked).toEqual([OFFER]);
  });

  it('is not offered when a set is named', async () => {
    const { db } = journalWithLoop();
    const run = await session(db, ['CTRL-C'], { set: 'daily' });
    expect(run.asked).not.toContain(OFFER);
    expect(run.printed).not.toContain('has come up');
  });

  it('is not offered with --answers', async () => {
    const { dir, db } = journalWithLoop();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'energy: 6\nmoment: A long lunch\ncare: Being asked\nintention: Rest\n');
    const run = await session(db, [], { set: 'daily', answers });
    expect(run.error).toBeNull();
    expect(run.asked).toEqual([]);
    expect(run.printed).not.toContain('has come up');
  });

  it('is not offered without a loop', async () => {
    const { db } = tempJournal();
    expect((await session(db, ['CTRL-C'])).asked).toEqual(['Which set?']);
  });

  it('when the unstuck set cannot be used, says so in one line and goes on to the picker', async () => {
    const { dir, db } = journalWithLoop();
    const prompts = join(dir, 'prompts');
    mkdirSync(prompts);
    writeFileSync(join(prompts, 'unstuck.yaml'), 'id: unstuck\ntitle: Broken\n');
    const run = await session(db, ['unstuck', 'CTRL-C'], { prompts });
    expect(run.asked).toEqual([OFFER, 'Which set?']);
    expect(run.printed).toContain("The unstuck set can't be read (see `reflect prompts validate`); choose a set instead.");
  });
});
