import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORTERS } from '../../src/export/registry.js';
import { readReflectJson } from '../../src/import/reflect-json.js';
import { commitAction, setActionStatus } from '../../src/store/actions.js';
import { confirmLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { exportSource } from '../../src/store/export-read.js';
import { importRecords } from '../../src/store/import-write.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import { createSession, recordAnswer } from '../../src/store/sessions.js';
import { tempJournal } from '../helpers/cli.js';

const exportJson = (db: Db) => [...EXPORTERS.json(exportSource(db, {}))].join('');

const TRICKY = ['', '---\ntitle: not front matter\n---', '# A heading', '> quoted', '```\ncode\n```', '## 2026-01-01 00:00 · abcdef12', '<!-- open comment', 'tabs\tand\r\nCRLF', '🙂👩🏽‍💻 emoji', 'ünïcödé ĉĥâŕś', '\\ backslash "quotes"', ' leading space', 'x'.repeat(20_000)];
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom(...TRICKY));
const when = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true });
const tags = fc.uniqueArray(fc.constantFrom('work', 'family', 'café', 'deep-work', 'x_y'), { maxLength: 3 });
const label = fc.constantFrom('breakthrough', 'skill', 'challenge', 'external', 'neutral');

const journal = fc.record({
  entries: fc.array(fc.record({ text, date: when, tags, label: fc.option(label) }), { maxLength: 12 }),
  sessions: fc.array(fc.record({ answers: fc.array(fc.record({ text, depth: fc.nat(2) }), { minLength: 1, maxLength: 4 }), started: when }), { maxLength: 3 }),
  actions: fc.array(fc.record({ text, status: fc.constantFrom('open', 'done', 'dropped') as fc.Arbitrary<'open' | 'done' | 'dropped'>, due: fc.option(when) }), { maxLength: 3 }),
});

function build(db: Db, j: fc.RecordValue<typeof journal> extends infer T ? T : never) {
  const ids: string[] = [];
  for (const e of j.entries) {
    const entry = addEntry(db, { text: e.text, date: e.date, tags: e.tags, createdAt: e.date });
    if (e.label) confirmLabel(db, entry.id, e.label as 'skill', e.date);
    ids.push(entry.id);
  }
  j.sessions.forEach((s, i) => {
    const session = { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, setId: 'daily', setTitle: 'Daily', setVersion: '1', setHash: 'h', setSnapshot: JSON.stringify({ id: 'daily', title: 'Daily', questions: [] }), startedAt: s.started };
    s.answers.forEach((a, k) => {
      const entry = recordAnswer(db, session, { questionId: `q${k}`, question: `Question ${k}?`, position: k, depth: a.depth, value: k % 2 ? 7 : a.text, text: a.text }, s.started);
      ids.push(entry.id);
    });
  });
  for (const a of j.actions) {
    const action = commitAction(db, { text: a.text, entryId: ids[0] ?? null, dueAt: a.due }, new Date('2026-01-01'));
    if (a.status !== 'open') setActionStatus(db, action.id, a.status, new Date('2026-01-02'));
  }
}

describe('the JSON export', () => {
  it('survives export -> import into an empty journal -> export unchanged (property)', () => {
    fc.assert(
      fc.property(journal, (j) => {
        const { dir, db: first } = tempJournal();
        const source = openJournal(first, 'write');
        build(source, j);
        const exported = exportJson(source);
        JSON.parse(exported); // one valid JSON document
        const file = join(dir, 'export.json');
        writeFileSync(file, exported);
        const target = openJournal(join(dir, 'second.db'), 'write');
        importRecords(target, readReflectJson(file));
        expect(exportJson(target)).toBe(exported);
        // Importing again adds nothing.
        const again = importRecords(target, readReflectJson(file));
        expect(again.entries + again.sessions + again.actions).toBe(0);
        expect(exportJson(target)).toBe(exported);
        source.close();
        target.close();
      }),
      { numRuns: 25 },
    );
  });

  it('reads the same journal pretty-printed by another tool', () => {
    const { dir, db } = tempJournal();
    const source = openJournal(db, 'write');
    addEntry(source, { text: 'hello #world', date: new Date('2026-01-01T10:00:00Z') });
    const exported = exportJson(source);
    const file = join(dir, 'pretty.json');
    writeFileSync(file, JSON.stringify(JSON.parse(exported), null, 2));
    const target = openJournal(join(dir, 't.db'), 'write');
    expect(importRecords(target, readReflectJson(file)).entries).toBe(1);
    expect(exportJson(target)).toBe(exported);
  });
});
