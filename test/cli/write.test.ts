import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { runWrite, type WriteOptions } from '../../src/cli/commands/write.js';
import type { Deps } from '../../src/cli/context.js';
import { getEntry, listEntries } from '../../src/store/entries.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import type { Terminal } from '../../src/ui/terminal.js';
import { tempJournal } from '../helpers/cli.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

const BREAKTHROUGH = "It isn't about the job offer, it's my fear of repeating past mistakes.";
const SKILL = 'Finally understood how pivot tables work.';
const ASK = 'Is this a breakthrough for you?';

/** `reflect write` as if on a terminal: the prompter answers from `script` and records what it was asked. */
async function writeOnTerminal(text: string, script: unknown[], options: Partial<WriteOptions> = {}) {
  const { db: path } = tempJournal();
  const printed: string[] = [];
  const terminal: Terminal = { write: (t) => void printed.push(t), isTTY: true, columns: 100, style: new Chalk({ level: 0 }) };
  const { prompter, asked, left } = scriptedPrompter(script);
  const opened: Db[] = [];
  const deps: Deps = {
    env: {},
    now: () => new Date('2026-11-30T17:00:00Z'),
    stdout: terminal,
    stderr: terminal,
    stdin: process.stdin,
    interactive: true,
    journalPath: path,
    journal: async (mode) => {
      const db = openJournal(path, mode);
      opened.push(db);
      return db;
    },
    editText: async () => {
      throw new Error('no editor in this test');
    },
    prompter: async () => prompter,
  };
  await runWrite({ text: [text], tag: [], ...options }, deps);
  for (const db of opened) db.close();
  const db = openJournal(path, 'read');
  const [entry] = listEntries(db, {});
  const saved = getEntry(db, entry!.id)!;
  db.close();
  expect(left()).toBe(0);
  return { asked, out: printed.join(''), entry: saved };
}

describe('reflect write on a terminal', () => {
  it('asks about a proposed breakthrough, and keeps the writer’s answer', async () => {
    const { asked, out, entry } = await writeOnTerminal(BREAKTHROUGH, ['breakthrough', '\u0000none']);
    expect(asked).toEqual([ASK, 'Pick one, or write your own:']);
    expect(entry).toMatchObject({ label: 'breakthrough', labelSource: 'writer' });
    expect(out).not.toContain('Proposed label');
  });

  it('does not ask about any other label: it stays the model’s, with a note on how to change it', async () => {
    const { asked, out, entry } = await writeOnTerminal(SKILL, []);
    expect(asked).toEqual([]);
    expect(entry).toMatchObject({ label: 'skill', labelSource: 'model' });
    expect(out).toBe(`Saved ${entry.id.slice(0, 8)}\nProposed label: skill (to change it: \`reflect label ${entry.id.slice(0, 8)} <label>\`)\n`);
  });

  it('a skipped breakthrough stays proposed, with the command that confirms it', async () => {
    const { asked, out, entry } = await writeOnTerminal(BREAKTHROUGH, ['skip']);
    expect(asked).toEqual([ASK]);
    expect(entry).toMatchObject({ label: 'breakthrough', labelSource: 'model' });
    expect(out).toContain(`Proposed label: breakthrough (to confirm it: \`reflect label ${entry.id.slice(0, 8)} breakthrough\`)\n`);
  });

  it('--no-review never asks, not even about a breakthrough', async () => {
    const { asked, out, entry } = await writeOnTerminal(BREAKTHROUGH, [], { review: false });
    expect(asked).toEqual([]);
    expect(entry).toMatchObject({ label: 'breakthrough', labelSource: 'model' });
    expect(out).toContain('Proposed label: breakthrough (to confirm it:');
  });

  it('says nothing about a neutral entry', async () => {
    const { asked, out, entry } = await writeOnTerminal('Went to the market, then cooked dinner with Sam.', []);
    expect(asked).toEqual([]);
    expect(entry.labelSource).toBe('model');
    expect(out).toBe(`Saved ${entry.id.slice(0, 8)}\n`);
  });
});
