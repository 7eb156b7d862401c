/**
 * The lossless JSON journal format, version 2 (version 1 had no `starred`; it reads as unstarred): `{"format": "reflect-journal", "version": 1,
 * "sessions": [...], "entries": [...], "actions": [...]}`. Everything a journal holds, as stored:
 * times are the stored ISO strings, so export -> import -> export gives back the same bytes.
 * Documented in docs/journal-format.md. Add fields in a new version; never change these.
 */
export const FORMAT = 'reflect-journal';
export const FORMAT_VERSION = 2;

export interface SessionRecord {
  id: string;
  setId: string;
  setTitle: string;
  setVersion: string | null;
  setHash: string;
  /** The prompt set as it was run. */
  set: unknown;
  startedAt: string;
  finishedAt: string | null;
  status: 'open' | 'finished';
}

export interface EntryRecord {
  id: string;
  /** The moment the entry is about. */
  date: string;
  createdAt: string;
  updatedAt: string | null;
  text: string;
  /** Each tag with where it came from: written as #tag in the text, or given with --tag. */
  tags: { tag: string; origin: 'text' | 'flag' }[];
  session: { id: string; questionId: string; question: string; position: number; depth: number; answer: unknown } | null;
  classification: {
    modelLabel: string | null;
    confidence: number | null;
    evidence: unknown;
    modelVersion: string | null;
    classifiedAt: string | null;
    userLabel: string | null;
    confirmedAt: string | null;
  } | null;
  /** Since version 2; absent (a version 1 file) reads as false. */
  starred?: boolean;
}

export interface ActionRecord {
  id: string;
  entryId: string | null;
  sessionId: string | null;
  label: string | null;
  text: string;
  dueAt: string | null;
  status: 'open' | 'done' | 'dropped';
  createdAt: string;
  updatedAt: string | null;
  history: { at: string; kind: string; dueAt: string | null }[];
}

/** A journal as a stream of records, sessions first so every entry's session exists before it. */
export type JournalRecord =
  | { kind: 'session'; record: SessionRecord }
  | { kind: 'entry'; record: EntryRecord }
  | { kind: 'action'; record: ActionRecord };
