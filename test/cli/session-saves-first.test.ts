import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSession } from '../../src/cli/commands/session.js';
import type { Deps } from '../../src/cli/context.js';
import { offerNextStep } from '../../src/cli/next-step.js';
import type { Reviewed } from '../../src/cli/review.js';
import type { Prompter } from '../../src/core/prompter.js';
import { listActions } from '../../src/store/actions.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import { tempJournal } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

const opened: Db[][] = [];
afterEach(() => opened.splice(0).flat().forEach((db) => db.close()));

/** A command's deps on a temp journal; `onPrint` sees every line the moment it is printed. */
function depsOn(path: string, onPrint: (text: string) => void, prompter?: Prompter): Deps {
  const made = testDeps(path, { print: onPrint, ...(prompter ? { prompter } : {}) });
  opened.push(made.opened);
  return made.deps;
}

/** What another process reading the journal right now would find. */
function savedTexts(path: string): string[] {
  const db = openJournal(path, 'read');
  try {
    return (db.prepare('SELECT text FROM entries').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

describe('session --answers prints each answer only once it is saved', () => {
  it('every "›" line shows an answer already in the journal', async () => {
    const { dir, db } = tempJournal();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'energy: 6\nmoment: A long lunch with Dana\ncare:\n  answer: Being asked\n  deeper: [That I matter]\nintention: Ask Dana about the lead role\n');
    const checked: string[] = [];
    const deps = depsOn(db, (text) => {
      for (const [, shown] of text.matchAll(/› (.+)/g)) {
        if (shown === '(skipped)') continue;
        expect(savedTexts(db), `"${shown}" was printed before it was saved`).toContain(shown);
        checked.push(shown);
      }
    });
    await runSession({ set: 'daily', answers }, deps);
    expect(checked).toEqual(['6 of 10', 'A long lunch with Dana', 'Being asked', 'That I matter', 'Ask Dana about the lead role']);
  });
});

const REVIEWED: Reviewed[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    text: 'I see it now',
    confirmed: 'breakthrough',
    proposed: {
      label: 'breakthrough',
      confidence: 0.9,
      probabilities: { breakthrough: 0.9, skill: 0.025, challenge: 0.025, external: 0.025, neutral: 0.025 },
      evidence: [],
      sentence: null,
      heldBack: null,
    },
  },
];

describe('the next step after a session', () => {
  it('keeps a step written before Ctrl-C at "By when?", without a date', async () => {
    const { db: path } = tempJournal();
    const { prompter, asked } = scriptedPrompter(['\u0000own', 'Tell Sam what I saw', 'CTRL-C']);
    const deps = depsOn(path, () => {}, prompter);
    const db = await deps.journal('write');
    addEntry(db, { id: REVIEWED[0]!.id, text: REVIEWED[0]!.text, date: deps.now() });
    await expect(offerNextStep(db, REVIEWED, { set: null, sessionId: null, answerText: () => undefined }, deps)).rejects.toMatchObject({ kind: 'interrupted' });
    expect(asked.at(-1)).toMatch(/^By when\?/);
    expect(listActions(db).map((a) => [a.text, a.status, a.dueAt])).toEqual([['Tell Sam what I saw', 'open', null]]);
  });

  it('with a date, keeps one step due then (and one "committed" event)', async () => {
    const { db: path } = tempJournal();
    const { prompter } = scriptedPrompter(['\u0000own', 'Tell Sam what I saw', 'tomorrow']);
    const deps = depsOn(path, () => {}, prompter);
    const db = await deps.journal('write');
    addEntry(db, { id: REVIEWED[0]!.id, text: REVIEWED[0]!.text, date: deps.now() });
    const action = await offerNextStep(db, REVIEWED, { set: null, sessionId: null, answerText: () => undefined }, deps);
    expect(listActions(db).map((a) => [a.text, a.dueAt?.toISOString()])).toEqual([['Tell Sam what I saw', action!.dueAt!.toISOString()]]);
    expect(action!.dueAt!.getTime()).toBeGreaterThan(deps.now().getTime());
    const events = db.prepare('SELECT kind, due_at FROM action_events').all();
    expect(events).toEqual([{ kind: 'committed', due_at: action!.dueAt!.toISOString() }]);
  });
});
