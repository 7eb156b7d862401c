import { invalidInput } from '../core/errors.js';
import type { JournalRecord } from '../export/format.js';

type Kind = JournalRecord['kind'];

const REQUIRED: Record<Kind, [string, 'string' | 'object' | 'array' | 'string?' | 'object?'][]> = {
  session: [['id', 'string'], ['setId', 'string'], ['setTitle', 'string'], ['setHash', 'string'], ['startedAt', 'string'], ['status', 'string'], ['finishedAt', 'string?'], ['setVersion', 'string?']],
  entry: [['id', 'string'], ['date', 'string'], ['createdAt', 'string'], ['text', 'string'], ['tags', 'array'], ['updatedAt', 'string?'], ['session', 'object?'], ['classification', 'object?']],
  action: [['id', 'string'], ['text', 'string'], ['status', 'string'], ['createdAt', 'string'], ['dueAt', 'string?'], ['history', 'array']],
};

/** Checks one record's shape so a malformed file fails with a line number instead of a database error. */
export function checkRecord(kind: Kind, value: unknown, where: string): JournalRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(`${where}: a ${kind} must be an object; nothing was imported`);
  const record = value as Record<string, unknown>;
  for (const [field, type] of REQUIRED[kind]) {
    const v = record[field];
    const ok =
      type === 'array' ? Array.isArray(v)
      : type === 'string?' ? v === null || v === undefined || typeof v === 'string'
      : type === 'object?' ? v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v))
      : typeof v === type;
    if (!ok) throw invalidInput(`${where}: the ${kind}'s "${field}" is missing or of the wrong type; nothing was imported`);
  }
  if ((kind === 'entry' || kind === 'session') && Number.isNaN(Date.parse(String(record[kind === 'entry' ? 'date' : 'startedAt'])))) {
    throw invalidInput(`${where}: the ${kind}'s date can't be read; nothing was imported`);
  }
  return { kind, record } as unknown as JournalRecord;
}
