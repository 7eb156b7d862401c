import type { Classification, Evidence } from '../core/classifier/classify.js';
import type { Label } from '../core/prompt-set.js';
import type { Db } from './journal.js';

/** What is stored about an entry's label: the model's proposal and, apart from it, the writer's word. */
export interface StoredLabel {
  modelLabel: Label | null;
  confidence: number | null;
  evidence: Evidence[];
  modelVersion: string | null;
  userLabel: Label | null;
}

const SAVE_MODEL_LABEL = `INSERT INTO classifications (entry_seq, model_label, model_confidence, evidence, model_version, classified_at)
     SELECT seq, ?, ?, ?, ?, ? FROM entries WHERE id = ?
     ON CONFLICT(entry_seq) DO UPDATE SET model_label = excluded.model_label, model_confidence = excluded.model_confidence,
       evidence = excluded.evidence, model_version = excluded.model_version, classified_at = excluded.classified_at`;

/**
 * What is saved of a proposal. The evidence may come as JSON already: `classify --entries` has its
 * workers write it, so the thread that holds the journal only saves.
 */
export type Proposal = Pick<Classification, 'label' | 'confidence'> & { evidence: Classification['evidence'] | string };

/** Saves proposals; prepared once a journal, since `classify --entries` saves 100,000 of them. */
export function modelLabelSaver(db: Db): (entryId: string, result: Proposal, version: string, at: Date) => void {
  const statement = db.prepare(SAVE_MODEL_LABEL);
  return (entryId, result, version, at) =>
    statement.run(result.label, result.confidence, typeof result.evidence === 'string' ? result.evidence : JSON.stringify(result.evidence), version, at.toISOString(), entryId);
}

export function saveModelLabel(db: Db, entryId: string, result: Proposal, version: string, at: Date): void {
  modelLabelSaver(db)(entryId, result, version, at);
}

/** The writer's own label; it always wins over the model's. */
export function confirmLabel(db: Db, entryId: string, label: Label, at: Date): void {
  db.prepare(
    `INSERT INTO classifications (entry_seq, user_label, confirmed_at)
     SELECT seq, ?, ? FROM entries WHERE id = ?
     ON CONFLICT(entry_seq) DO UPDATE SET user_label = excluded.user_label, confirmed_at = excluded.confirmed_at`,
  ).run(label, at.toISOString(), entryId);
}

/**
 * Takes back the writer's label, so the model's proposal (if any) counts again.
 * Returns whether there was a label of theirs to take back.
 */
export function clearLabel(db: Db, entryId: string): boolean {
  return db
    .transaction(() => {
      const seq = `(SELECT seq FROM entries WHERE id = ?)`;
      const { changes } = db
        .prepare(`UPDATE classifications SET user_label = NULL, confirmed_at = NULL WHERE entry_seq = ${seq} AND user_label IS NOT NULL`)
        .run(entryId);
      // A row with neither label says nothing: without it the entry reads as it did before it was labelled.
      db.prepare(`DELETE FROM classifications WHERE entry_seq = ${seq} AND model_label IS NULL AND user_label IS NULL`).run(entryId);
      return changes > 0;
    })
    .immediate();
}

export function getLabel(db: Db, entryId: string): StoredLabel | null {
  const row = db
    .prepare(
      `SELECT c.model_label, c.model_confidence, c.evidence, c.model_version, c.user_label
       FROM classifications c JOIN entries e ON e.seq = c.entry_seq WHERE e.id = ?`,
    )
    .get(entryId) as
    | { model_label: Label | null; model_confidence: number | null; evidence: string | null; model_version: string | null; user_label: Label | null }
    | undefined;
  if (!row) return null;
  return {
    modelLabel: row.model_label,
    confidence: row.model_confidence,
    evidence: row.evidence ? (JSON.parse(row.evidence) as Evidence[]) : [],
    modelVersion: row.model_version,
    userLabel: row.user_label,
  };
}

/**
 * How many of the writer's labels the journal's own model learns from: the latest. Its weight is
 * full from a few hundred (learned.ts), and training on every one of ten thousand labels cost
 * `write` over half a second a run on a large journal.
 */
export const LEARNED_FROM = 400;

/** The entries the writer labelled themselves, the latest confirmed first: what the journal's own model learns from. */
export function writerLabelled(db: Db, limit = LEARNED_FROM): { text: string; label: Label }[] {
  return db
    .prepare(
      `SELECT e.text, c.user_label AS label FROM classifications c JOIN entries e ON e.seq = c.entry_seq
       WHERE c.user_label IS NOT NULL ORDER BY c.confirmed_at DESC LIMIT ?`,
    )
    .all(limit) as { text: string; label: Label }[];
}
