import { describe, expect, it } from 'vitest';
import { runWrite, type WriteOptions } from '../../src/cli/commands/write.js';
import { getEntry, listEntries } from '../../src/store/entries.js';
import { openJournal } from '../../src/store/journal.js';
import { dumpJournal, reflect, tempJournal, type RunOptions } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';

const json = (text: string) => JSON.parse(text);
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

const BREAKTHROUGH = "It isn't about the job offer, it's my fear of repeating past mistakes.";
const SKILL = 'Finally understood how pivot tables work.';
const ASK = 'Is this a breakthrough for you?';

/** `reflect write` as if on a terminal: the prompter answers from `script` and records what it was asked. */
async function writeOnTerminal(text: string, script: unknown[], options: Partial<WriteOptions> = {}, config?: { writeReview: boolean }) {
  const { db: path } = tempJournal();
  const printed: string[] = [];
  const { prompter, asked, left } = scriptedPrompter(script);
  const { deps, opened } = testDeps(path, { print: (t) => void printed.push(t), prompter, isTTY: true, config });
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

  it.each([
    ['review: false in the config', {}, { writeReview: false }, false],
    ['--review over review: false in the config', { review: true }, { writeReview: false }, true],
    ['--no-review over review: true in the config', { review: false }, { writeReview: true }, false],
    ['review: true in the config', {}, { writeReview: true }, true],
  ])('%s: asked only when it says so', async (_, options, config, asks) => {
    const { asked, entry } = await writeOnTerminal(BREAKTHROUGH, asks ? ['skip'] : [], options, config);
    expect(asked).toEqual(asks ? [ASK] : []);
    expect(entry).toMatchObject({ label: 'breakthrough', labelSource: 'model' });
  });

  it('says nothing about a neutral entry', async () => {
    const { asked, out, entry } = await writeOnTerminal('Went to the market, then cooked dinner with Sam.', []);
    expect(asked).toEqual([]);
    expect(entry.labelSource).toBe('model');
    expect(out).toBe(`Saved ${entry.id.slice(0, 8)}\n`);
  });
});

describe('reflect write: hostile and huge text', () => {
  const MB = 1024 * 1024;
  const seeded = () => {
    const paths = tempJournal();
    reflect(['--db', paths.db, 'write', '--date', '2026-11-01 09:00', 'Kept as it was. #work']);
    return paths;
  };
  const refusals: [string, string[], RunOptions, RegExp][] = [
    ['text on stdin past the limit', [], { input: 'x'.repeat(MB + 10) }, /^reflect: stdin holds more than 1 MB; an entry may be at most 1 MB/],
    ['a huge stdin is not read to its end', ['-'], { input: Buffer.alloc(64 * MB, 0x61) }, /^reflect: stdin holds more than 1 MB/],
    ['invalid UTF-8 on stdin', ['-'], { input: Buffer.concat([Buffer.from('café '), Buffer.from([0xff, 0x41])]) }, /^reflect: stdin is not UTF-8 text \(an invalid byte at offset 6\)/],
    ['a truncated UTF-8 sequence at the end', [], { input: Buffer.from([0x68, 0x69, 0xe2, 0x82]) }, /^reflect: stdin is not UTF-8 text \(an invalid byte at offset 2\)/],
  ];
  it.each(refusals)('refuses %s in one line and changes nothing', (_name, args, options, message) => {
    const { db } = seeded();
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'write', ...args], options);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('refuses an edit past the limit, counted in UTF-8 bytes, and keeps the entry', () => {
    const { db } = seeded();
    const before = dumpJournal(db);
    const id = json(reflect(['--db', db, 'list', '--json']).stdout)[0].id;
    // 'é' is two bytes: 560,000 of them are 1.1 MB though only 560,000 characters.
    // Off a terminal the new text comes from stdin (no editor is started there).
    const run = reflect(['--db', db, 'edit', id], { input: 'é'.repeat(560_000) });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^reflect: stdin holds more than 1 MB; an entry may be at most 1 MB; nothing was saved\n$/);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('takes an entry of exactly the limit', () => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'write', '-'], { input: 'y'.repeat(MB) });
    expect(run.code).toBe(0);
    expect(reflect(['--db', db, 'list', '--json']).stdout).toContain('y'.repeat(1000));
  });

  const boms: [string, string, string][] = [
    ['a byte-order mark at the start of stdin is dropped', '\uFEFFMorning pages', 'Morning pages'],
    ['a U+FEFF at the end is the writer’s and kept', 'Morning pages\uFEFF', 'Morning pages\uFEFF'],
    ['a U+FEFF inside is kept', 'Morning\uFEFF pages \n', 'Morning\uFEFF pages'],
  ];
  it.each(boms)('%s', (_name, input, saved) => {
    const { db } = tempJournal();
    expect(reflect(['--db', db, 'write'], { input }).code).toBe(0);
    expect(json(reflect(['--db', db, 'list', '--json']).stdout)[0].text).toBe(saved);
  });
});

describe('reflect classify -: hostile stdin', () => {
  const cases: [string, Buffer, RegExp][] = [
    ['invalid UTF-8, naming the line and the byte', Buffer.concat([Buffer.from('fine\nbad '), Buffer.from([0xc3, 0x28])]), /^reflect: line 2 of stdin is not UTF-8 text \(an invalid byte at offset 9\)/],
    ['a line past the limit', Buffer.alloc(3 * 1024 * 1024, 0x62), /^reflect: line 1 of stdin is more than 1 MB/],
  ];
  it.each(cases)('refuses %s', (_name, input, message) => {
    const run = reflect(['classify', '-'], { input });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n').pop()).toMatch(message);
  });
});

describe('reflect write --date: times the clocks skip or pass twice (TZ=Europe/London)', () => {
  const london = { env: { TZ: 'Europe/London' } };
  it.each([['2026-03-29 01:30'], ['2026-03-29 01:00']])('refuses %j, which never happens there', (when) => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'write', '--date', when, 'Lost hour.'], london);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toBe(`reflect: there is no ${when} in this time zone (Europe/London): the clocks skip that hour; give a time after the change\n`);
  });
  it('takes a time the clocks pass twice as the first of the two (summer time), and an offset for the second', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', '--date', '2026-10-25 01:30', 'First.'], london);
    reflect(['--db', db, 'write', '--date', '2026-10-25 01:30+00:00', 'Second.'], london);
    const dates = json(reflect(['--db', db, 'list', '--json']).stdout).map((e: { date: string }) => e.date);
    expect(dates).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-25T00:30:00.000Z']);
  });
});
