import { describe, expect, it } from 'vitest';
import { runLabel } from '../../src/cli/commands/label.js';
import { runWrite } from '../../src/cli/commands/write.js';
import { reviewMoments } from '../../src/cli/moments-review.js';
import type { Classification } from '../../src/core/classifier/classify.js';
import type { Moment } from '../../src/core/moments.js';
import { commitAction, setActionStatus } from '../../src/store/actions.js';
import { confirmLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal } from '../../src/store/journal.js';
import { reflect, tempJournal } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

const BREAKTHROUGH = "It isn't about the job offer, it's my fear of repeating past mistakes.";
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);

/** A journal with `confirmed` breakthroughs the writer already confirmed, a day apart in October, and one more entry to label. */
function seeded(confirmed: number) {
  const { db } = tempJournal();
  const conn = openJournal(db, 'write');
  for (let i = 1; i <= confirmed; i++) {
    const e = addEntry(conn, { text: `Breakthrough number ${i}`, date: local(2026, 10, i) });
    confirmLabel(conn, e.id, 'breakthrough', new Date());
  }
  const next = addEntry(conn, { id: 'abcd0000-0000-4000-8000-000000000001', text: `${BREAKTHROUGH}\nAnd more.`, date: local(2026, 11, 28) });
  conn.close();
  return { db, id: next.id };
}

function milestones(db: string): string[] {
  const conn = openJournal(db, 'read');
  try {
    return conn.prepare(`SELECT key FROM meta WHERE key LIKE 'milestone:%' ORDER BY key`).pluck().all() as string[];
  } finally {
    conn.close();
  }
}

/** `reflect label` in process, on a terminal (isTTY) or not: what it printed. */
async function label(db: string, id: string, how: { label?: 'breakthrough' | 'skill'; clear?: boolean }, isTTY = true): Promise<string> {
  const printed: string[] = [];
  const { deps, opened } = testDeps(db, { print: (t) => void printed.push(t), isTTY });
  deps.stdout.columns = 80;
  try {
    await runLabel({ id, ...how }, deps);
  } finally {
    for (const c of opened) c.close();
  }
  return printed.join('');
}

describe('celebrating a confirmed breakthrough', () => {
  it('in a pipe prints only the "Labelled" line scripts read, and marks no milestone', () => {
    const { db, id } = seeded(0);
    expect(reflect(['--db', db, 'label', id.slice(0, 8), 'breakthrough'])).toEqual({ code: 0, stdout: 'Labelled abcd0000 breakthrough\n', stderr: '' });
    expect(milestones(db)).toEqual([]);
  });

  it('with --json prints the entry only, even on a terminal, and marks nothing', async () => {
    const { db, id } = seeded(0);
    const printed: string[] = [];
    const { deps, opened } = testDeps(db, { print: (t) => void printed.push(t), isTTY: true });
    await runLabel({ id, label: 'breakthrough', json: true }, deps);
    for (const c of opened) c.close();
    expect(JSON.parse(printed.join(''))).toMatchObject({ id, label: 'breakthrough', labelSource: 'writer' });
    expect(milestones(db)).toEqual([]);
  });

  it('on a terminal says it is the first, once, and marks that milestone', async () => {
    const { db, id } = seeded(0);
    const out = await label(db, id, { label: 'breakthrough' });
    expect(out).toBe(
      'Labelled abcd0000 breakthrough\n\n✦ Your first breakthrough: “It isn\'t about the job offer, it\'s my fear of…”\n' +
        '  You saw something new and named it. It is kept: `reflect breakthroughs`.\n',
    );
    expect(milestones(db)).toEqual(['milestone:breakthrough-1']);
    // Labelling it again changes nothing, and says nothing more.
    expect(await label(db, id, { label: 'breakthrough' })).toBe('abcd0000 is already labelled breakthrough; nothing changed\n');
    // Taken back and given again, it is not "your first" a second time.
    await label(db, id, { clear: true });
    const again = await label(db, id, { label: 'breakthrough' });
    expect(again).toContain('✦ A breakthrough, your only one so far: ');
    expect(again).not.toContain('first');
    expect(milestones(db)).toEqual(['milestone:breakthrough-1']);
  });

  it('names the Nth, the time since the one before, and what became of its step', async () => {
    const { db, id } = seeded(3);
    const conn = openJournal(db, 'write');
    const previous = conn.prepare(`SELECT id FROM entries WHERE text = 'Breakthrough number 3'`).pluck().get() as string;
    const step = commitAction(conn, { text: 'Tell Sam', entryId: previous, dueAt: null }, new Date());
    setActionStatus(conn, step.id, 'done', new Date());
    conn.close();
    expect((await label(db, id, { label: 'breakthrough' })).split('\n')).toEqual([
      'Labelled abcd0000 breakthrough',
      '',
      '✦ A breakthrough, your 4th: “It isn\'t about the job offer, it\'s my fear of…”',
      '  56 days after the one before, “Breakthrough number 3”.',
      '  The step you took from it, “Tell Sam”, is done ✓',
      '',
    ]);
  });

  it('gives the 10th its milestone once: not again after taking the label back and giving it again', async () => {
    const { db, id } = seeded(9);
    // Passed in a pipe first: nobody saw it, so it is not marked given.
    await label(db, id, { label: 'breakthrough' }, false);
    expect(milestones(db)).toEqual([]);
    await label(db, id, { clear: true });
    const first = await label(db, id, { label: 'breakthrough' });
    expect(first).toContain('your 10th');
    expect(first).toContain('That makes 10: 10 times you saw something new about yourself and said so.');
    expect(milestones(db)).toEqual(['milestone:breakthrough-10']);
    await label(db, id, { label: 'skill' });
    const again = await label(db, id, { label: 'breakthrough' });
    expect(again).toContain('your 10th');
    expect(again).not.toContain('That makes 10');
  });

  it('after a session, one celebration for all the moments confirmed with one keypress', async () => {
    const { db } = seeded(1);
    const conn = openJournal(db, 'write');
    const proposed = (sentence: string): Classification => ({
      label: 'breakthrough',
      confidence: 0.9,
      probabilities: { breakthrough: 0.9, skill: 0.025, challenge: 0.025, external: 0.025, neutral: 0.025 },
      evidence: [],
      sentence,
    });
    const moments: Moment[] = ['It was the trust I cared about.', 'I never needed their permission.'].map((text, i) => {
      const e = addEntry(conn, { text, date: local(2026, 11, 30) });
      return { id: e.id, questionId: `q${i}`, question: 'What did you see?', depth: 0, text, proposed: proposed(text) };
    });
    const printed: string[] = [];
    const { prompter } = scriptedPrompter(['all']);
    const { deps, opened } = testDeps(db, { print: (t) => void printed.push(t), prompter, isTTY: true });
    deps.stdout.columns = 120;
    await reviewMoments(conn, moments, deps);
    for (const c of [conn, ...opened]) c.close();
    const out = printed.join('');
    // The badges of the two moments are ✦ too; the celebration is the one line that counts them.
    expect(out.match(/your \d+(st|nd|rd|th)/g)).toHaveLength(1);
    expect(out).toContain('✦ 2 breakthroughs, your 2nd and 3rd: “It was the trust I cared about.”, “I never needed their permission.”');
    expect(out).toContain('  About 2 months after the one before, “Breakthrough number 1”.');
  });

  it('after `reflect write`, when the writer says yes to a proposed breakthrough, before the next step is offered', async () => {
    const { db } = seeded(2);
    const printed: string[] = [];
    const { prompter, left } = scriptedPrompter(['breakthrough', '\u0000none']);
    const { deps, opened } = testDeps(db, { print: (t) => void printed.push(t), prompter, isTTY: true });
    await runWrite({ text: ['I realised I stay busy so I never have to choose.'] }, deps);
    for (const c of opened) c.close();
    const out = printed.join('');
    expect(left()).toBe(0);
    expect(out).toContain('✦ A breakthrough, your 3rd: “I realised I stay busy so I never have to choose.”');
    // The one before is the latest confirmed: 2 October, 59 days before today (30 November).
    expect(out).toContain('  59 days after the one before, “Breakthrough number 2”.');
    expect(out.indexOf('your 3rd')).toBeLessThan(out.indexOf('── Next step'));
  });
});

describe('a month of streak', () => {
  /** 29 days in a row up to yesterday (testDeps' today is 30 November 2026). */
  function streakJournal() {
    const { db } = tempJournal();
    const conn = openJournal(db, 'write');
    for (let d = 1; d <= 29; d++) addEntry(conn, { text: `Day ${d}`, date: local(2026, 11, d) });
    conn.close();
    return db;
  }

  async function write(db: string, isTTY: boolean): Promise<string> {
    const printed: string[] = [];
    const { deps, opened } = testDeps(db, { print: (t) => void printed.push(t), isTTY });
    await runWrite({ text: ['A quiet morning.'], review: false }, deps);
    for (const c of opened) c.close();
    return printed.join('');
  }

  it('is said on the write that makes it 30 days, once ever, and only on a terminal', async () => {
    const db = streakJournal();
    expect(await write(db, false)).not.toContain('in a row');
    expect(milestones(db)).toEqual([]);
    expect(await write(db, true)).toContain('✦ 30 days in a row: a month of writing, one day at a time.');
    expect(milestones(db)).toEqual(['milestone:streak-30']);
    expect(await write(db, true)).not.toContain('in a row');
  });

  it('is not said at 29 days', async () => {
    const db = streakJournal();
    const conn = openJournal(db, 'write');
    conn.prepare(`DELETE FROM entries WHERE text = 'Day 1'`).run();
    conn.close();
    expect(await write(db, true)).not.toContain('in a row');
    expect(milestones(db)).toEqual([]);
  });
});
