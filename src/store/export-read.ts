import type { EntryFilter } from '../core/entry.js';
import type { ActionRecord, EntryRecord, SessionRecord } from '../export/format.js';
import type { ExportSource } from '../export/registry.js';
import type { Db } from './journal.js';
import { ENTRY_JOINS, type EntryColumnsRow } from './entries.js';
import { filterSql } from './filter-sql.js';

const PAGE = 500;

const ENTRY_SELECT = `
  SELECT e.seq, e.id, e.occurred_at, e.created_at, e.updated_at, e.text, e.session_id, e.question_id, e.question,
         e.position, e.depth, e.answer_json, e.starred,
         c.entry_seq AS classified, c.model_label, c.model_confidence, c.evidence, c.model_version, c.classified_at,
         c.user_label, c.confirmed_at,
         (SELECT json_group_array(json_object('tag', t.tag, 'origin', t.origin)) FROM entry_tags t WHERE t.entry_seq = e.seq) AS tags
  FROM entries e ${ENTRY_JOINS}`;

interface EntryRow extends EntryColumnsRow {
  answer_json: string | null;
  classified: number | null;
  model_label: string | null;
  model_confidence: number | null;
  evidence: string | null;
  model_version: string | null;
  classified_at: string | null;
  user_label: string | null;
  confirmed_at: string | null;
  tags: string;
}

function toRecord(r: EntryRow): EntryRecord {
  return {
    id: r.id,
    date: r.occurred_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    text: r.text,
    tags: JSON.parse(r.tags) as EntryRecord['tags'],
    session: r.session_id
      ? {
          id: r.session_id,
          questionId: r.question_id ?? '',
          question: r.question ?? '',
          position: r.position ?? 0,
          depth: r.depth,
          answer: r.answer_json === null ? null : (JSON.parse(r.answer_json) as unknown),
        }
      : null,
    classification:
      r.classified === null
        ? null
        : {
            modelLabel: r.model_label,
            confidence: r.model_confidence,
            evidence: r.evidence === null ? null : (JSON.parse(r.evidence) as unknown),
            modelVersion: r.model_version,
            classifiedAt: r.classified_at,
            userLabel: r.user_label,
            confirmedAt: r.confirmed_at,
          },
    starred: r.starred === 1,
  };
}

/**
 * The entries a filter selects, a page at a time so memory stays flat: in the order they were
 * written (for the lossless JSON), or for reading (markdown): by date, with each session's
 * answers together, in question order, at the moment the session started.
 */
export function entryRecords(db: Db, filter: EntryFilter, order: 'written' | 'date'): Iterable<EntryRecord> {
  if (order === 'written') return pages(db, filter, 'TRUE', 'e.seq', (r) => [r.seq]);
  return mergeByTime(
    // The unary + keeps SQLite on the date index: the session index would find every standalone
    // entry and sort them all again for every page.
    pages(db, filter, '+e.session_id IS NULL', 'e.occurred_at, e.seq', (r) => [r.occurred_at, r.seq]),
    sessionsByStart(db, filter),
  );
}

function* pages(db: Db, filter: EntryFilter, only: string, orderBy: string, cursorOf: (r: EntryRow) => unknown[]): Generator<EntryRecord> {
  const { where, params } = filterSql({ ...filter, limit: undefined });
  const columns = orderBy.split(', ');
  const after = columns.length === 1 ? `${columns[0]} > ?` : `(${orderBy}) > (${columns.map(() => '?').join(', ')})`;
  const page = db.prepare(`${ENTRY_SELECT} ${where ? `${where} AND` : 'WHERE'} ${only} AND ${after} ORDER BY ${orderBy} LIMIT ${PAGE}`);
  let cursor: unknown[] = columns.length === 1 ? [0] : ['', 0];
  for (;;) {
    const rows = page.all(...params, ...cursor) as EntryRow[];
    for (const row of rows) yield toRecord(row);
    if (rows.length < PAGE) return;
    cursor = cursorOf(rows[rows.length - 1]!);
  }
}

/** Each selected session's answers as one group, sessions in the order they started. */
function* sessionsByStart(db: Db, filter: EntryFilter): Generator<{ at: string; entries: EntryRecord[] }> {
  const { where, params } = filterSql({ ...filter, limit: undefined });
  const answers = db.prepare(`${ENTRY_SELECT} ${where ? `${where} AND` : 'WHERE'} e.session_id = ? ORDER BY e.position, e.depth, e.seq`);
  const sessions = db.prepare('SELECT id, started_at FROM sessions ORDER BY started_at, seq').all() as { id: string; started_at: string }[];
  for (const session of sessions) {
    const entries = (answers.all(...params, session.id) as EntryRow[]).map(toRecord);
    if (entries.length) yield { at: session.started_at, entries };
  }
}

function* mergeByTime(standalone: Iterable<EntryRecord>, sessions: Iterable<{ at: string; entries: EntryRecord[] }>): Generator<EntryRecord> {
  const groups = sessions[Symbol.iterator]();
  let group = groups.next();
  for (const entry of standalone) {
    while (!group.done && group.value.at <= entry.date) {
      yield* group.value.entries;
      group = groups.next();
    }
    yield entry;
  }
  while (!group.done) {
    yield* group.value.entries;
    group = groups.next();
  }
}

/** The sessions that the selected entries belong to (all of them when nothing is filtered). */
export function* sessionRecords(db: Db, filter: EntryFilter): Generator<SessionRecord> {
  const { where, params } = filterSql({ ...filter, limit: undefined });
  const rows = db
    .prepare(
      `SELECT * FROM sessions WHERE ${where ? `id IN (SELECT e.session_id FROM entries e ${ENTRY_JOINS} ${where})` : '1'} ORDER BY seq`,
    )
    .iterate(...params) as IterableIterator<Record<string, string | null>>;
  const all = [...rows]; // sessions are few next to entries
  for (const r of all) {
    yield {
      id: r.id!,
      setId: r.set_id!,
      setTitle: r.set_title!,
      setVersion: r.set_version ?? null,
      setHash: r.set_hash!,
      set: JSON.parse(r.set_snapshot!) as unknown,
      startedAt: r.started_at!,
      finishedAt: r.finished_at ?? null,
      status: r.status as SessionRecord['status'],
    };
  }
}

/** Actions tied to the selected entries or their sessions, each with its history. */
export function actionRecords(db: Db, filter: EntryFilter): ActionRecord[] {
  const { where, params } = filterSql({ ...filter, limit: undefined });
  const selected = `SELECT e.id FROM entries e ${ENTRY_JOINS} ${where}`;
  const rows = db
    .prepare(
      where
        ? `SELECT * FROM actions WHERE entry_id IN (${selected}) OR session_id IN (SELECT e.session_id FROM entries e ${ENTRY_JOINS} ${where}) ORDER BY seq`
        : 'SELECT * FROM actions ORDER BY seq',
    )
    .all(...(where ? [...params, ...params] : [])) as Record<string, string | null>[];
  const history = db.prepare('SELECT at, kind, due_at FROM action_events WHERE action_id = ? ORDER BY seq');
  return rows.map((r) => ({
    id: r.id!,
    entryId: r.entry_id ?? null,
    sessionId: r.session_id ?? null,
    label: r.label ?? null,
    text: r.text!,
    dueAt: r.due_at ?? null,
    status: r.status as ActionRecord['status'],
    createdAt: r.created_at!,
    updatedAt: r.updated_at ?? null,
    history: (history.all(r.id) as { at: string; kind: string; due_at: string | null }[]).map((h) => ({ at: h.at, kind: h.kind, dueAt: h.due_at })),
  }));
}

export function countEntries(db: Db, filter: EntryFilter): number {
  const { where, params } = filterSql({ ...filter, limit: undefined });
  return db
    .prepare(`SELECT count(*) FROM entries e ${ENTRY_JOINS} ${where}`)
    .pluck()
    .get(...params) as number;
}

/**
 * Everything an exporter reads, for the entries a filter selects; each part can be read again.
 * Read it inside `exportSnapshot`: on its own, each page sees the journal as it is at that
 * moment, so a session saved mid-export could appear as answers without their session.
 */
export function exportSource(db: Db, filter: EntryFilter) {
  return {
    entries: (order: 'written' | 'date') => entryRecords(db, filter, order),
    sessions: () => sessionRecords(db, filter),
    actions: () => actionRecords(db, filter),
  };
}

/**
 * Runs a whole export (counting, every exporter's passes, streaming) against ONE snapshot of the
 * journal: a read transaction, pinned by its first read, so what other terminals save meanwhile
 * is wholly outside the export and the file restores as it is. The journal is WAL, so writers
 * are not held up; only the checkpoint waits until the export ends.
 */
export async function exportSnapshot<T>(db: Db, filter: EntryFilter, use: (source: ExportSource, total: number) => Promise<T> | T): Promise<T> {
  if (db.inTransaction) return use(exportSource(db, filter), countEntries(db, filter));
  db.exec('BEGIN');
  try {
    // A deferred BEGIN takes its snapshot at the first read: this one.
    const total = countEntries(db, filter);
    return await use(exportSource(db, filter), total);
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK'); // nothing was written: ending a read is all this does
  }
}

/** The prompt sets the journal has sessions of, for `export --set` to name when one is mistyped. */
export function sessionSetIds(db: Db): string[] {
  return db.prepare('SELECT DISTINCT set_id FROM sessions ORDER BY set_id').pluck().all() as string[];
}
