import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addEntry } from '../../src/store/entries.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import { listRows } from '../../src/store/list-rows.js';
import { recordAnswer } from '../../src/store/sessions.js';
import { tempJournal } from '../helpers/cli.js';

let db: Db | undefined;
afterEach(() => db?.close());

/** Five entries of their own and, between them, two sessions of three answers each. */
function journal(): Db {
  db = openJournal(join(tempJournal().dir, 'j.db'), 'write');
  const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h));
  for (const d of [1, 3, 5, 7, 9]) addEntry(db, { text: `entry on the ${d}th #day${d}`, date: day(d) });
  for (const [id, d] of [['s-4', 4], ['s-8', 8]] as const) {
    const session = { id, setId: 'daily', setTitle: 'Daily', setVersion: null, setHash: 'h', setSnapshot: '{}', startedAt: day(d) };
    // Answered in order, a minute apart: newest first would read them backwards.
    ['first', 'second', 'third'].forEach((text, position) =>
      recordAnswer(db!, session, { questionId: `q${position}`, question: `Q${position}`, position, depth: 0, value: text, text: `${text} #s${d}` }, day(d, 12 + position)),
    );
  }
  return db;
}

const shape = (rows: ReturnType<typeof listRows>['rows']) =>
  rows.map((r) => (r.kind === 'entry' ? r.entry.text.split(' ')[0] + (r.entry.session ? `@${r.entry.session.id}` : '') : `${r.sessionId}:${r.answers.length}`));

describe('list rows', () => {
  it.each([
    ['grouped, all', {}, {}, ['entry', 's-8:3', 'entry', 'entry', 's-4:3', 'entry', 'entry'], 7],
    ['grouped, -n 3', { limit: 3 }, {}, ['entry', 's-8:3', 'entry'], 7],
    ['answers, -n 4', { limit: 4 }, { answers: true }, ['entry', 'first@s-8', 'second@s-8', 'third@s-8'], 11],
    ['a tag one answer has', { tags: ['s8'] }, {}, ['s-8:3'], 1],
  ])('%s', (_name, filter, options, expected, total) => {
    const page = listRows(journal(), filter, options);
    expect(shape(page.rows)).toEqual(expected);
    expect([page.total, page.atLeast]).toEqual([total, false]);
  });

  it('a session only some answers of which match holds just those, in the order asked', () => {
    const d = journal();
    d.prepare(`UPDATE entries SET text = 'third, retagged #odd' WHERE text = 'third #s4'`).run();
    d.prepare(`INSERT INTO entry_tags (entry_seq, tag, origin) SELECT seq, 'odd', 'text' FROM entries WHERE text LIKE 'first #s%'`).run();
    d.prepare(`INSERT INTO entry_tags (entry_seq, tag, origin) SELECT seq, 'odd', 'text' FROM entries WHERE text LIKE 'third, retagged%'`).run();
    const [s8, s4] = listRows(d, { tags: ['odd'] }).rows;
    expect(s8!.kind === 'session' && s8!.answers.map((a) => a.text)).toEqual(['first #s8']);
    expect(s4!.kind === 'session' && s4!.answers.map((a) => a.text)).toEqual(['first #s4', 'third, retagged #odd']);
  });
});
