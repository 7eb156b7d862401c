import { randomUUID } from 'node:crypto';
import type { Db } from './journal.js';

export type ActionStatus = 'open' | 'done' | 'dropped';

/** A next step the writer committed to, with its history. */
export interface Action {
  id: string;
  text: string;
  label: string | null;
  entryId: string | null;
  sessionId: string | null;
  dueAt: Date | null;
  status: ActionStatus;
  createdAt: Date;
  updatedAt: Date | null;
}

interface ActionRow {
  id: string;
  text: string;
  label: string | null;
  entry_id: string | null;
  session_id: string | null;
  due_at: string | null;
  status: ActionStatus;
  created_at: string;
  updated_at: string | null;
}

const toAction = (r: ActionRow): Action => ({
  id: r.id,
  text: r.text,
  label: r.label,
  entryId: r.entry_id,
  sessionId: r.session_id,
  dueAt: r.due_at ? new Date(r.due_at) : null,
  status: r.status,
  createdAt: new Date(r.created_at),
  updatedAt: r.updated_at ? new Date(r.updated_at) : null,
});

export function commitAction(
  db: Db,
  input: { text: string; label?: string | null; entryId?: string | null; sessionId?: string | null; dueAt: Date | null; id?: string },
  at: Date,
): Action {
  const id = input.id ?? randomUUID();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO actions (id, entry_id, session_id, label, text, due_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
    ).run(id, input.entryId ?? null, input.sessionId ?? null, input.label ?? null, input.text, input.dueAt?.toISOString() ?? null, at.toISOString());
    event(db, id, 'committed', at, input.dueAt);
  }).immediate();
  return getAction(db, id)!;
}

/** The due date given as part of committing (not a postponement): the action and its "committed" event. */
export function setCommittedDue(db: Db, id: string, dueAt: Date): Action {
  db.transaction(() => {
    db.prepare('UPDATE actions SET due_at = ? WHERE id = ?').run(dueAt.toISOString(), id);
    db.prepare(`UPDATE action_events SET due_at = ? WHERE action_id = ? AND kind = 'committed'`).run(dueAt.toISOString(), id);
  }).immediate();
  return getAction(db, id)!;
}

export function getAction(db: Db, id: string): Action | null {
  const row = db.prepare('SELECT * FROM actions WHERE id = ?').get(id) as ActionRow | undefined;
  return row ? toAction(row) : null;
}

export function listActions(db: Db, status?: ActionStatus): Action[] {
  const rows = (
    status
      ? db.prepare('SELECT * FROM actions WHERE status = ? ORDER BY due_at IS NULL, due_at, created_at').all(status)
      : db.prepare(`SELECT * FROM actions ORDER BY status = 'open' DESC, due_at IS NULL, due_at, created_at`).all()
  ) as ActionRow[];
  return rows.map(toAction);
}

/** Open commitments due by `until` (the end of today): the ones to follow up. */
export function dueActions(db: Db, until: Date): Action[] {
  const rows = db
    .prepare(`SELECT * FROM actions WHERE status = 'open' AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at`)
    .all(until.toISOString()) as ActionRow[];
  return rows.map(toAction);
}

export function setActionStatus(db: Db, id: string, status: ActionStatus, at: Date): void {
  db.transaction(() => {
    db.prepare('UPDATE actions SET status = ?, updated_at = ? WHERE id = ?').run(status, at.toISOString(), id);
    event(db, id, status === 'open' ? 'reopened' : status, at, null);
  }).immediate();
}

export function postponeAction(db: Db, id: string, dueAt: Date, at: Date): void {
  db.transaction(() => {
    db.prepare('UPDATE actions SET due_at = ?, updated_at = ? WHERE id = ?').run(dueAt.toISOString(), at.toISOString(), id);
    event(db, id, 'postponed', at, dueAt);
  }).immediate();
}

/** Actions that came of the given entries (for the breakthroughs timeline). */
export function actionsForEntries(db: Db, entryIds: readonly string[]): Map<string, Action[]> {
  const byEntry = new Map<string, Action[]>();
  const query = db.prepare('SELECT * FROM actions WHERE entry_id = ? ORDER BY created_at');
  for (const id of entryIds) {
    const rows = query.all(id) as ActionRow[];
    if (rows.length) byEntry.set(id, rows.map(toAction));
  }
  return byEntry;
}


function event(db: Db, actionId: string, kind: string, at: Date, dueAt: Date | null): void {
  db.prepare('INSERT INTO action_events (action_id, at, kind, due_at) VALUES (?, ?, ?, ?)').run(actionId, at.toISOString(), kind, dueAt?.toISOString() ?? null);
}
