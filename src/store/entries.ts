import { randomUUID } from 'node:crypto';
import type { Entry, EntryFilter, LabelSource } from '../core/entry.js';
import { checkEntrySize } from '../core/limits.js';
import { tagsInText, mergeTags } from '../core/tags.js';
import type { Db } from './journal.js';
import { filterSql, LABELS_JOIN, tagPlan } from './filter-sql.js';

export interface NewEntry {
  text: string;
  date: Date;
  /** Tags given with --tag; tags written as #word in the text are added automatically. */
  tags?: readonly string[];
  id?: string;
  createdAt?: Date;
  session?: { id: string; questionId: string; question: string; position: number; depth: number };
  answer?: unknown;
  starred?: boolean;
}

/** Columns every entry query selects, in the shape `rowToEntry` reads. */
export const ENTRY_COLUMNS = `
  e.seq, e.id, e.occurred_at, e.created_at, e.updated_at, e.text,
  e.session_id, e.question_id, e.question, e.position, e.depth, e.starred, s.set_id,
  (SELECT group_concat(tag, ' ') FROM entry_tags t WHERE t.entry_seq = e.seq) AS tags,
  COALESCE(c.user_label, c.model_label) AS label,
  CASE WHEN c.user_label IS NOT NULL THEN 'writer' WHEN c.model_label IS NOT NULL THEN 'model' END AS label_source`;

export const ENTRY_JOINS = `
  LEFT JOIN sessions s ON s.id = e.session_id
  ${LABELS_JOIN}`;

/** The entries table's own columns, as every entry query returns them. */
export interface EntryColumnsRow {
  seq: number;
  id: string;
  occurred_at: string;
  created_at: string;
  updated_at: string | null;
  text: string;
  session_id: string | null;
  question_id: string | null;
  question: string | null;
  position: number | null;
  depth: number;
  starred: number;
}

export interface EntryRow extends EntryColumnsRow {
  set_id: string | null;
  tags: string | null;
  label: string | null;
  label_source: LabelSource | null;
}

export function rowToEntry(row: EntryRow): Entry {
  return {
    id: row.id,
    date: new Date(row.occurred_at),
    createdAt: new Date(row.created_at),
    updatedAt: row.updated_at ? new Date(row.updated_at) : null,
    text: row.text,
    tags: row.tags ? row.tags.split(' ').sort() : [],
    session: row.session_id
      ? {
          id: row.session_id,
          setId: row.set_id ?? '',
          questionId: row.question_id ?? '',
          question: row.question ?? '',
          position: row.position ?? 0,
          depth: row.depth,
        }
      : null,
    label: row.label,
    labelSource: row.label_source,
    starred: row.starred === 1,
  };
}

export function addEntry(db: Db, input: NewEntry): Entry {
  // Every way in (write, a session's answer) checks this first; here it guards the journal itself.
  checkEntrySize(input.text, input.session ? 'the answer' : 'the entry');
  const id = input.id ?? randomUUID();
  const createdAt = (input.createdAt ?? new Date()).toISOString();
  const insert = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO entries (id, occurred_at, created_at, text, session_id, question_id, question, position, depth, answer_json, starred)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.date.toISOString(),
        createdAt,
        input.text,
        input.session?.id ?? null,
        input.session?.questionId ?? null,
        input.session?.question ?? null,
        input.session?.position ?? null,
        input.session?.depth ?? 0,
        input.answer === undefined ? null : JSON.stringify(input.answer),
        input.starred ? 1 : 0,
      );
    writeTags(db, Number(lastInsertRowid), input.text, input.tags ?? []);
  });
  insert.immediate();
  return getEntry(db, id)!;
}

export function getEntry(db: Db, id: string): Entry | null {
  const row = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM entries e ${ENTRY_JOINS} WHERE e.id = ?`).get(id);
  return row ? rowToEntry(row as EntryRow) : null;
}

/**
 * With `textPrefix`, each entry's text is only its first characters: a one-line view needs no
 * more, and an entry of many megabytes (stored before the size limit) then costs no more than any.
 */
export function listEntries(db: Db, filter: EntryFilter, textPrefix?: number): Entry[] {
  const { where, params } = filterSql(filter, tagPlan(db, filter));
  const columns = withPrefix(textPrefix);
  const rows = db
    .prepare(
      `SELECT ${columns} FROM entries e ${ENTRY_JOINS}
       ${where} ORDER BY e.occurred_at DESC, e.seq DESC LIMIT ?`,
    )
    .all(...params, filter.limit ?? -1) as EntryRow[];
  return rows.map(rowToEntry);
}

/** The columns with only the text's first `textPrefix` characters, ending in … where it goes on. */
export const withPrefix = (textPrefix?: number) => {
  if (!textPrefix) return ENTRY_COLUMNS;
  const n = Math.floor(textPrefix);
  return ENTRY_COLUMNS.replace('e.text,', `CASE WHEN length(e.text) > ${n} THEN substr(e.text, 1, ${n}) || '…' ELSE e.text END AS text,`);
};

/** Saves new text only when it really changed; returns whether it did. Text tags follow the text. */
export function updateEntryText(db: Db, id: string, text: string, now: Date): boolean {
  checkEntrySize(text, 'the edited entry');
  return db
    .transaction(() => {
      const row = db.prepare('SELECT seq, text FROM entries WHERE id = ?').get(id) as
        | { seq: number; text: string }
        | undefined;
      if (!row || row.text === text) return false;
      db.prepare('UPDATE entries SET text = ?, updated_at = ? WHERE seq = ?').run(text, now.toISOString(), row.seq);
      db.prepare(`DELETE FROM entry_tags WHERE entry_seq = ? AND origin = 'text'`).run(row.seq);
      writeTags(db, row.seq, text, []);
      return true;
    })
    .immediate();
}

/** Stars or unstars an entry; returns whether anything changed. A star is not an edit: updated_at stays. */
export function setStarred(db: Db, id: string, starred: boolean): boolean {
  return db.prepare('UPDATE entries SET starred = ? WHERE id = ? AND starred <> ?').run(starred ? 1 : 0, id, starred ? 1 : 0).changes > 0;
}

/** Moves an entry to another date; its text, tags and label stay. False when the date was already that. */
export function updateEntryDate(db: Db, id: string, date: Date, now: Date): boolean {
  const { changes } = db
    .prepare('UPDATE entries SET occurred_at = ?, updated_at = ? WHERE id = ? AND occurred_at <> ?')
    .run(date.toISOString(), now.toISOString(), id, date.toISOString());
  return changes > 0;
}

export function deleteEntry(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM entries WHERE id = ?').run(id).changes > 0;
}

function writeTags(db: Db, seq: number, text: string, flagTags: readonly string[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO entry_tags (entry_seq, tag, origin) VALUES (?, ?, ?)');
  for (const tag of mergeTags(flagTags)) insert.run(seq, tag, 'flag');
  for (const tag of tagsInText(text)) insert.run(seq, tag, 'text');
}
