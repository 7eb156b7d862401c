import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { addEntry } from '../../src/store/entries.js';
import { openJournal } from '../../src/store/journal.js';
import { reflect, tempJournal } from './cli.js';

/** A journal of `count` entries, one a day back from 1 November 2026, written straight to the store. */
export function journalOf(count: number, text = (i: number) => `Entry ${i} about the garden #garden`) {
  const paths = tempJournal();
  const db = openJournal(paths.db, 'write');
  for (let i = 1; i <= count; i++) addEntry(db, { text: text(i), date: new Date(Date.UTC(2026, 10, 1 - i, 12)) });
  db.close();
  return paths;
}

export const BREAKTHROUGH_ANSWERS = `
pull: Whether to take the team lead role
weight: 8
fear:
  answer: That I'd fail in front of people who trusted me
  deeper:
    - Being reliable.
belief: I have to be perfect
cost: Another year of waiting
insight:
  answer: It's the trust I care about, not the title
  label: breakthrough
step: Talk to Dana on Friday
_commit:
  action: Talk to Dana on Friday
  due: friday
`;

/** Runs a set from an answers file, as `reflect session <set> --answers` does. */
export function runSet(db: string, dir: string, set: string, answers: string): void {
  const file = join(dir, `${set}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, answers);
  const run = reflect(['--db', db, 'session', set, '--answers', file]);
  expect(run.code, run.stderr).toBe(0);
}
