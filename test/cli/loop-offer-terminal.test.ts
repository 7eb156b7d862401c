import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Classification } from '../../src/core/classifier/classify.js';
import { saveModelLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal } from '../../src/store/journal.js';
import { BIN, reflect, tempJournal } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

/** "budget review" as a challenge in three of the last five weeks, among ordinary days (dates from the real now: the CLI reads its own clock). */
function journalWithLoop() {
  const { dir, db } = tempJournal();
  const journal = openJournal(db, 'write');
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
  for (let d = 1; d < 100; d += 3) addEntry(journal, { text: 'Work today, then dinner and a walk.', date: daysAgo(d) });
  for (const [d, note] of [[30, 'slept badly'], [16, 'rain all day'], [2, 'Dana was late']] as const) {
    const { id } = addEntry(journal, { text: `The budget review again; ${note}.`, date: daysAgo(d) });
    saveModelLabel(journal, id, { label: 'challenge', confidence: 0.9, evidence: [] } as unknown as Classification, 'test', daysAgo(d));
  }
  journal.close();
  const env = { REFLECT_DB: db, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), TERM: 'xterm-256color', TZ: 'UTC' };
  return { db, env };
}

describe('the loop offer in a real terminal', () => {
  it('runs the unstuck set with the theme filled in, Enter keeping it', async () => {
    const { db, env } = journalWithLoop();
    terminal = new Terminal(`${process.execPath} ${BIN}`, env);
    const offer = await terminal.waitFor('Run the unstuck set on it');
    expect(offer).toMatch(/“budget review” has come up in 3 weeks since .+ \(3 entries\)\./);
    expect(offer).toContain('Latest: “The budget review again; Dana was late.”');
    terminal.type('Enter');
    await terminal.waitFor(/What feels stuck right now\?[\s\S]*\(budget review\)/);
    terminal.type('Enter');
    await terminal.waitFor('[2/7] What have you already tried?');
    terminal.type('C-c');
    expect(await terminal.waitFor('[exited 130]')).toContain('reflect: stopped; 1 answer is saved.');
    const [answer] = JSON.parse(reflect(['--db', db, 'list', '--json']).stdout);
    expect(answer).toMatchObject({ text: 'budget review' });
  });

  it('"Not now" goes on to the set picker, and the next start does not offer it again', async () => {
    const { env } = journalWithLoop();
    terminal = new Terminal(`${process.execPath} ${BIN}`, env);
    await terminal.waitFor('Not now');
    terminal.type('Down', 'Enter');
    await terminal.waitFor('Which set?');
    terminal.type('C-c');
    await terminal.waitFor('[exited 130]');
    terminal.close();
    terminal = new Terminal(`${process.execPath} ${BIN}`, env);
    const picker = await terminal.waitFor('Which set?');
    expect(picker).not.toContain('has come up');
  });
});
