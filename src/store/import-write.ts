import { invalidInput } from '../core/errors.js';
import type { JournalRecord } from '../export/format.js';
import type { Db } from './journal.js';

export interface ImportCounts {
  sessions: number;
  entries: number;
  actions: number;
  /** Records already in the journal (same id), left as they were, by kind: what the user means by "already there". */
  skipped: { sessions: number; entries: number; actions: number };
}

/** Thrown inside the transaction to undo a dry run, carrying what it would have done. */
class DryRun {
  constructor(readonly counts: ImportCounts) {}
}

/**
 * Writes records into the journal in ONE transaction: any error (a malformed record, a truncated
 * file) rolls everything back, so a failed import leaves the journal exactly as it was.
 * Records whose id is already there are skipped, so importing the same file twice adds nothing.
 * A dry run does all of it and rolls it back, so what it reports is what the import would do.
 */
export function importRecords(db: Db, records: Iterable<JournalRecord>, progress?: (done: number) => void, dryRun = false): ImportCounts {
  const counts: ImportCounts = { sessions: 0, entries: 0, actions: 0, skipped: { sessions: 0, entries: 0, actions: 0 } };
  const insertSession = db.prepare(
    `INSERT INTO sessions (id, set_id, set_title, set_version, set_hash, set_snapshot, started_at, finished_at, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO entries (id, occurred_at, created_at, updated_at, text, session_id, question_id, question, position, depth, answer_json, starred)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
  );
  const insertTag = db.prepare('INSERT INTO entry_tags (entry_seq, tag, origin) VALUES (?, ?, ?)');
  const insertLabel = db.prepare(
    `INSERT INTO classifications (entry_seq, model_label, model_confidence, evidence, model_version, classified_at, user_label, confirmed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAction = db.prepare(
    `INSERT INTO actions (id, entry_id, session_id, label, text, due_at, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
  );
  const insertEvent = db.prepare('INSERT INTO action_events (action_id, at, kind, due_at) VALUES (?, ?, ?, ?)');
  // `show` and `delete` find entries and sessions by one id: the same id on both would make
  // either one unreachable ("ambiguous"), so such a file is refused, naming the id. Checked once,
  // at the end of the transaction (sessions are few: the join walks them), not per record.
  const sameId = db.prepare('SELECT e.id, e.seq FROM sessions s JOIN entries e ON e.id = s.id LIMIT 1');
  const clash = (id: string, kind: string, other: string) =>
    invalidInput(`the ${kind} ${id} has the id of ${other} (in the file or the journal); ids must differ so \`reflect show\` can tell them apart; nothing was imported`);
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

  const write = db.transaction(() => {
    // Indexing each entry as it arrives is the slow part of a large import: pause the insert
    // trigger and index the new entries in one statement at the end, inside the same transaction.
    const trigger = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_fts_insert'`).pluck().get() as string;
    const lastBefore = (db.prepare('SELECT coalesce(max(seq), 0) FROM entries').pluck().get() as number);
    db.exec('DROP TRIGGER entries_fts_insert');
    let done = 0;
    for (const { kind, record: r } of records) {
      if (kind === 'session') {
        const added = insertSession.run(r.id, r.setId, r.setTitle, r.setVersion, r.setHash, JSON.stringify(r.set), r.startedAt, r.finishedAt, r.status).changes;
        added ? counts.sessions++ : counts.skipped.sessions++;
      } else if (kind === 'entry') {
        const s = r.session;
        const result = insertEntry.run(r.id, r.date, r.createdAt, r.updatedAt, r.text, s?.id ?? null, s?.questionId ?? null, s?.question ?? null, s?.position ?? null, s?.depth ?? 0, json(s?.answer), r.starred ? 1 : 0);
        if (!result.changes) {
          counts.skipped.entries++;
        } else {
          const seq = Number(result.lastInsertRowid);
          for (const t of r.tags) insertTag.run(seq, t.tag, t.origin);
          const c = r.classification;
          if (c) insertLabel.run(seq, c.modelLabel, c.confidence, json(c.evidence), c.modelVersion, c.classifiedAt, c.userLabel, c.confirmedAt);
          counts.entries++;
        }
      } else {
        const added = insertAction.run(r.id, r.entryId, r.sessionId, r.label, r.text, r.dueAt, r.status, r.createdAt, r.updatedAt).changes;
        if (added) {
          for (const h of r.history) insertEvent.run(r.id, h.at, h.kind, h.dueAt);
          counts.actions++;
        } else counts.skipped.actions++;
      }
      if (progress && ++done % 5000 === 0) progress(done);
    }
    const both = sameId.get() as { id: string; seq: number } | undefined;
    // An entry imported now met a session; or a session imported now met an entry already here.
    if (both) throw both.seq > lastBefore ? clash(both.id, 'entry', 'a session') : clash(both.id, 'session', 'an entry');
    if (counts.entries) db.prepare('INSERT INTO entries_fts (rowid, text) SELECT seq, text FROM entries WHERE seq > ?').run(lastBefore);
    db.exec(trigger);
    // Every check ran and every row went in: a dry run now undoes it all, knowing exactly what it would add.
    if (dryRun) throw new DryRun(counts);
  });
  try {
    write.immediate();
  } catch (error) {
    if (error instanceof DryRun) return error.counts;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      throw invalidInput(`a record breaks the journal's rules (${(error as Error).message}); nothing was imported`);
    }
    throw error;
  }
  return counts;
}
