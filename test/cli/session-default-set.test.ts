import { describe, expect, it } from 'vitest';
import { runSession } from '../../src/cli/commands/session.js';
import { tempJournal } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

/** A bare `reflect` on a terminal, stopped with Ctrl-C at the first question: what was asked. */
async function firstQuestions(config: Parameters<typeof testDeps>[1]['config'], set?: string) {
  const { db } = tempJournal();
  const { prompter, asked } = scriptedPrompter(['CTRL-C']);
  const { deps, opened } = testDeps(db, { prompter, isTTY: true, config });
  await expect(runSession({ set }, deps)).rejects.toMatchObject({ kind: 'interrupted' });
  for (const d of opened) d.close();
  return asked;
}

describe("the config's set", () => {
  it('a bare `reflect` starts it without asking which set', async () => {
    expect(await firstQuestions({ set: { id: 'daily', at: { line: 1, col: 6 } } })).toEqual(['[1/5] How is your energy right now?']);
  });

  it('a set named on the command line wins over it', async () => {
    const asked = await firstQuestions({ set: { id: 'daily', at: { line: 1, col: 6 } } }, 'unstuck');
    expect(asked[0]).toMatch(/^\[1\/7\] What feels stuck right now\?/);
  });

  it('with none, the writer is asked which set', async () => {
    expect(await firstQuestions({})).toEqual(['Which set?']);
  });
});
