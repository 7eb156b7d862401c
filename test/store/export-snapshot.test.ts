import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORTERS } from '../../src/export/registry.js';
import { readReflectJson } from '../../src/import/reflect-json.js';
import { commitAction } from '../../src/store/actions.js';
import { addEntry } from '../../src/store/entries.js';
import { exportSnapshot } from '../../src/store/export-read.js';
import { importRecords } from '../../src/store/import-write.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import { recordAnswer } from '../../src/store/sessions.js';
import { tempJournal } from '../helpers/cli.js';

let sessions = 0;
/** What `reflect session` does as it is answered: the session row comes with its first answer. */
function saveSession(db: Db, at: Date): string {
  const id = `00000000-0000-4000-8000-${String(++sessions).padStart(12, '0')}`;
  const session = { id, setId: 'daily', setTitle: 'Daily', setVersion: '1', setHash: 'h', setSnapshot: '{"id":"daily","title":"Daily","questions":[]}', startedAt: at };
  const first = recordAnswer(db, session, { questionId: 'q1', question: 'How was it?', position: 0, depth: 0, value: 'good', text: 'good' }, at);
  recordAnswer(db, session, { questionId: 'q2', question: 'Why?', position: 1, depth: 0, value: 'rested', text: 'rested' }, at);
  commitAction(db, { text: 'sleep early', entryId: first.id, sessionId: id, dueAt: null }, at);
  return id;
}

/**
 * Reads an export a chunk at a time and, once `when` says so, lets a second connection (another
 * terminal) save a whole session, the way it would land in the middle of a long export.
 */
async function exportWithWriteMidway(format: 'json' | 'md', when: (soFar: string) => boolean) {
  const { dir, db: path } = tempJournal();
  const reader = openJournal(path, 'write');
  addEntry(reader, { text: 'before the export #kept', date: new Date('2026-01-01T09:00:00Z') });
  saveSession(reader, new Date('2026-01-01T10:00:00Z'));
  const writer = openJournal(path, 'write');
  let text = '';
  let wrote = false;
  await exportSnapshot(reader, {}, async (source) => {
    for (const chunk of EXPORTERS[format](source)) {
      text += chunk;
      if (!wrote && when(text)) {
        saveSession(writer, new Date('2026-01-01T11:00:00Z'));
        addEntry(writer, { text: 'written during the export', date: new Date('2026-01-01T12:00:00Z') });
        wrote = true;
      }
    }
  });
  expect(wrote).toBe(true);
  writer.close();
  reader.close();
  return { dir, text };
}

describe('an export reads one snapshot of the journal', () => {
  it.each([
    ['after the sessions were read', (t: string) => t.includes('"entries":[')],
    ['after the entries were read', (t: string) => t.includes('"actions":[')],
    ['before anything was read', () => true],
  ])('JSON: a session saved %s is either wholly in the file or not at all, and the file imports', async (_when, when) => {
    const { dir, text } = await exportWithWriteMidway('json', when);
    const exported = JSON.parse(text) as { sessions: { id: string }[]; entries: { text: string; session: { id: string } | null }[]; actions: { sessionId: string }[] };
    expect(exported.sessions).toHaveLength(1);
    expect(exported.entries.map((e) => e.text)).toEqual(['before the export #kept', 'good', 'rested']);
    expect(exported.actions).toHaveLength(1);
    const ids = new Set(exported.sessions.map((s) => s.id));
    for (const e of exported.entries) if (e.session) expect(ids).toContain(e.session.id);
    for (const a of exported.actions) expect(ids).toContain(a.sessionId);
    const file = join(dir, 'backup.json');
    writeFileSync(file, text);
    const fresh = openJournal(join(dir, 'fresh.db'), 'write');
    expect(importRecords(fresh, readReflectJson(file))).toMatchObject({ sessions: 1, entries: 3, actions: 1 });
    fresh.close();
  });

  it('markdown: the summary and the body agree when a session is saved between its two passes', async () => {
    const { text } = await exportWithWriteMidway('md', (t) => t.includes('# Journal'));
    expect(text).not.toContain('written during the export');
    expect(text.match(/How was it\?/g)).toHaveLength(1);
    expect(text).toMatch(/entries: 3\b/);
  });
});
