import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runActions } from '../../src/cli/commands/actions.js';
import { followUpDue } from '../../src/cli/follow-up.js';
import { askDate } from '../../src/cli/next-step.js';
import { commitAction } from '../../src/store/actions.js';
import type { Db } from '../../src/store/journal.js';
import { testDeps } from '../helpers/deps.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

// Wednesday 25 November 2026, 15:30 (tests run with TZ=UTC).
const NOW = new Date('2026-11-25T15:30:00Z');
let opened: Db[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function setUp(script: unknown[], interactive = true) {
  const printed: string[] = [];
  const { prompter, asked } = scriptedPrompter(script);
  const made = testDeps(join(mkdtempSync(join(tmpdir(), 'reflect-due-')), 'journal.db'), { print: (t) => printed.push(t), now: NOW, ...(interactive ? { prompter } : {}) });
  opened = made.opened;
  return { deps: made.deps, asked, out: () => printed.join('') };
}

describe('"By when?" for a next step', () => {
  it('shows a dated example a week ahead, refuses the past with phrases that look ahead, and reads "friday" as the coming one', async () => {
    const { deps, asked, out } = setUp(['yesterday', '2020-01-01', 'friday 5pm']);
    const due = await askDate(deps, 'friday');
    expect(due.toISOString()).toBe('2026-11-27T17:00:00.000Z');
    expect(asked).toEqual(Array(3).fill('By when? (e.g. friday, next week, 2026-12-02)'));
    const lines = out().trim().split('\n').map((l) => l.trim());
    expect(lines).toEqual([
      '"yesterday" is in the past; a due date looks ahead (try tomorrow, friday, "friday 5pm", "in 3 days", "next week" or 2026-12-02)',
      '"2020-01-01" is in the past; a due date looks ahead (try tomorrow, friday, "friday 5pm", "in 3 days", "next week" or 2026-12-02)',
    ]);
  });

  it.each([
    ['friday', '2026-11-27T12:00:00.000Z'],
    ['wednesday', '2026-11-25T12:00:00.000Z'],
    ['tomorrow 9am', '2026-11-26T09:00:00.000Z'],
    ['this week', '2026-11-29T12:00:00.000Z'],
  ])('reads %j as %s', async (answer, iso) => {
    const { deps } = setUp([answer]);
    expect((await askDate(deps, 'friday')).toISOString()).toBe(iso);
  });
});

describe('a due time, wherever the due date is shown', () => {
  it('follow-up says the time, and a new date with a time is said back with it', async () => {
    const { deps, out } = setUp(['later', 'friday 5pm', 'done']);
    const db = await deps.journal('update');
    commitAction(db, { text: 'Call Sam', dueAt: new Date('2026-11-25T17:00:00Z') }, NOW);
    commitAction(db, { text: 'Send the draft', dueAt: new Date('2026-11-24T12:00:00Z') }, NOW);
    expect(await followUpDue(db, deps)).toBe(2);
    expect(out()).toContain('You committed to: "Send the draft" (due Tue 24 Nov)');
    expect(out()).toContain('Moved to Fri 27 Nov 17:00.');
    expect(out()).toContain('You committed to: "Call Sam" (due today 17:00)');
  });

  it('the actions list shows the time, and a step due earlier today is overdue', async () => {
    const { deps, out } = setUp([], false);
    const db = await deps.journal('write');
    commitAction(db, { text: 'Due at a time', dueAt: new Date('2026-11-27T17:00:00Z') }, NOW);
    commitAction(db, { text: 'Due on a day', dueAt: new Date('2026-11-27T12:00:00Z') }, NOW);
    commitAction(db, { text: 'Missed this morning', dueAt: new Date('2026-11-25T09:00:00Z') }, NOW);
    commitAction(db, { text: 'Later today', dueAt: new Date('2026-11-25T18:00:00Z') }, NOW);
    await runActions({}, deps);
    const lines = out().trim().split('\n');
    expect(lines.map((l) => l.replace(/^\[ \] [0-9a-f]{8} {2}/, ''))).toEqual([
      'Missed this morning  overdue 2026-11-25 09:00',
      'Later today  due 2026-11-25 18:00',
      'Due on a day  due 2026-11-27',
      'Due at a time  due 2026-11-27 17:00',
    ]);
  });
});
