import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Classification } from '../../src/core/classifier/classify.js';
import type { EntryFilter } from '../../src/core/entry.js';
import type { Label } from '../../src/core/prompt-set.js';
import { confirmLabel, saveModelLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import { createSession } from '../../src/store/sessions.js';
import { readLoops } from '../../src/store/loops.js';
import { tempJournal } from '../helpers/cli.js';

let db: Db | undefined;
afterEach(() => db?.close());

const NOW = new Date(2026, 10, 30, 18);
/** Local noon `weeks` weeks before NOW's week (plus `days`). */
const ago = (weeks: number, days = 0) => new Date(2026, 10, 30 - weeks * 7 + days, 12);
const proposal = (label: Label) => ({ label, confidence: 0.8, evidence: [] }) as unknown as Classification;

interface Spec {
  at: Date;
  text: string;
  model?: Label;
  writer?: Label;
  tags?: string[];
}

function journal(specs: Spec[]): Db {
  db = openJournal(join(tempJournal().dir, 'j.db'), 'write');
  // The everyday: two ordinary entries a week for a year and a half.
  for (let w = 0; w < 78; w++) for (const d of [1, 4]) addEntry(db, { text: 'Work today, then dinner and a walk.', date: ago(w, d) });
  for (const s of specs) {
    const { id } = addEntry(db, { text: s.text, date: s.at, tags: s.tags });
    if (s.model) saveModelLabel(db, id, proposal(s.model), 'test', NOW);
    if (s.writer) confirmLabel(db, id, s.writer, NOW);
  }
  return db;
}

const budget = (at: Date, more: Partial<Spec> = { model: 'challenge' }): Spec => ({ at, text: 'The budget review again.', ...more });
const terms = (filter: EntryFilter = {}) => readLoops(db!, filter, NOW).map((l) => l.terms);

describe('readLoops', () => {
  it('finds a loop in the last 52 weeks, with its entries oldest first', () => {
    journal([budget(ago(1)), budget(ago(5)), budget(ago(3))]);
    const [loop] = readLoops(db!, {}, NOW);
    expect(loop?.terms).toEqual(['budget review']);
    expect(loop?.weeks).toBe(3);
    expect(loop?.first).toEqual(ago(5));
    expect(loop?.last).toEqual(ago(1));
  });

  it.each([
    ['a challenge older than 52 weeks is outside the default window', {}, []],
    ['--from reaches back to it', { from: ago(70) }, [['budget review']]],
    ['--to alone looks 52 weeks back from it', { to: ago(20) }, []],
  ])('%s', (_name, filter: EntryFilter, expected) => {
    journal([budget(ago(1)), budget(ago(3)), budget(ago(60))]);
    expect(terms(filter)).toEqual(expected);
  });

  it("the writer's label counts over the model's", () => {
    journal([budget(ago(1)), budget(ago(2)), budget(ago(3), { model: 'challenge', writer: 'neutral' }), budget(ago(4), { writer: 'challenge' })]);
    expect(readLoops(db!, {}, NOW)[0]?.entries).toHaveLength(3);
  });

  it('other filters apply too', () => {
    journal([budget(ago(1)), budget(ago(2)), budget(ago(3), { model: 'challenge', tags: ['old'] })]);
    expect(terms()).toEqual([['budget review']]);
    expect(terms({ notTags: ['old'] })).toEqual([]);
  });

  it('a breakthrough on the theme closes the loop, whoever labelled it', () => {
    journal([budget(ago(4)), budget(ago(3)), budget(ago(2)), { at: ago(1), text: 'The budget review is not about me.', writer: 'breakthrough' }]);
    expect(terms()).toEqual([]);
  });

  it("a breakthrough in a session closes a theme the session's other answers name", () => {
    journal([budget(ago(4)), budget(ago(3)), budget(ago(2))]);
    const session = { id: 'aaaa0000-0000-4000-8000-000000000000', setId: 'unstuck', setTitle: 'Getting unstuck', setVersion: '1', setHash: 'h', setSnapshot: '{"questions":[]}', startedAt: ago(1) };
    createSession(db!, session);
    const answer = (position: number, text: string) =>
      addEntry(db!, { text, date: new Date(ago(1).getTime() + position * 60_000), session: { id: session.id, questionId: `q${position}`, question: 'Q?', position, depth: 0 } });
    answer(0, 'The budget review, again.');
    const insight = answer(1, 'I see now that I redo it because I am afraid of being found out.');
    expect(terms()).toEqual([['budget review']]);
    confirmLabel(db!, insight.id, 'breakthrough', NOW);
    expect(terms()).toEqual([]);
  });

  it('an empty journal has no loops', () => {
    db = openJournal(join(tempJournal().dir, 'j.db'), 'write');
    expect(readLoops(db, {}, NOW)).toEqual([]);
  });
});
