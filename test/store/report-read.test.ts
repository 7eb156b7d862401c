import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitAction, setActionStatus } from '../../src/store/actions.js';
import { confirmLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import { reportBreakthroughs } from '../../src/store/report-read.js';
import { recordAnswer } from '../../src/store/sessions.js';
import { tempJournal } from '../helpers/cli.js';

let db: Db | undefined;
afterEach(() => db?.close());

const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h));

/** Breakthroughs on the 3rd (tagged #work, with steps) and the 9th (an answer in a session); a challenge on the 5th. */
function journal(): Db {
  db = openJournal(join(tempJournal().dir, 'j.db'), 'write');
  const early = addEntry(db, { text: 'It was never about the money. #work', date: day(3) });
  confirmLabel(db, early.id, 'breakthrough', day(3));
  const challenge = addEntry(db, { text: 'The budget review again.', date: day(5) });
  confirmLabel(db, challenge.id, 'challenge', day(5));
  const session = { id: 's-9', setId: 'daily', setTitle: 'Daily', setVersion: null, setHash: 'h', setSnapshot: '{}', startedAt: day(9) };
  const answer = recordAnswer(db, session, { questionId: 'q0', question: 'What did you see?', position: 0, depth: 0, value: 'I can say no.', text: 'I can say no.' }, day(9));
  confirmLabel(db, answer.id, 'breakthrough', day(9));
  const done = commitAction(db, { text: 'Book the meeting', entryId: early.id, dueAt: day(6) }, day(3));
  setActionStatus(db, done.id, 'done', day(4));
  setActionStatus(db, done.id, 'open', day(4, 13));
  setActionStatus(db, done.id, 'done', day(7));
  commitAction(db, { text: 'Write it down', entryId: early.id, dueAt: null }, day(3, 13));
  return db;
}

describe('reportBreakthroughs', () => {
  it('gives the confirmed breakthroughs newest first, with the question, the steps and when each was last done', () => {
    const list = reportBreakthroughs(journal(), {});
    expect(list.map((b) => [b.text, b.question ?? null])).toEqual([
      ['I can say no.', 'What did you see?'],
      ['It was never about the money. #work', null],
    ]);
    expect(list[1]!.steps).toEqual([
      { text: 'Book the meeting', status: 'done', dueAt: day(6), doneAt: day(7) },
      { text: 'Write it down', status: 'open', dueAt: null, doneAt: null },
    ]);
    expect(list[0]!.steps).toEqual([]);
  });

  it.each([
    ['a date range', { from: day(1), to: day(4) }, ['It was never about the money. #work']],
    ['a tag', { tags: ['work'] }, ['It was never about the money. #work']],
    ['a prompt set', { setId: 'daily' }, ['I can say no.']],
    ['a label other than breakthrough', { label: 'challenge' }, []],
  ])('keeps to the filter: %s', (_name, filter, texts) => {
    expect(reportBreakthroughs(journal(), filter).map((b) => b.text)).toEqual(texts);
  });
});
