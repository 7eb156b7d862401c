import { inJournalRange } from '../core/dates.js';
import { invalidInput } from '../core/errors.js';
import { checkEntrySize } from '../core/limits.js';
import { isValidTag, normaliseTag } from '../core/tags.js';
import type { JournalRecord } from '../export/format.js';

type Kind = JournalRecord['kind'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A time exactly as reflect stores it: ISO 8601 in UTC, so ordering and filters keep working. */
const isTime = (v: unknown) => {
  if (typeof v !== 'string') return false;
  const d = new Date(v);
  return !Number.isNaN(d.getTime()) && d.toISOString() === v && inJournalRange(d);
};
/** A tag as `write` stores it, so `--tag` can find it. */
const isTag = (v: unknown) => typeof v === 'string' && isValidTag(v) && normaliseTag(v) === v;

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const optional = (check: Check): Check => (v) => v === null || v === undefined || check(v);
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const uuid: Check = (v) => typeof v === 'string' && UUID.test(v);
const int: Check = (v) => Number.isInteger(v);
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const LABEL = oneOf('breakthrough', 'skill', 'challenge', 'external', 'neutral');
const object = (shape: Record<string, Check>): Check => (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(shape).every(([k, check]) => check((v as Record<string, unknown>)[k]));
const list = (item: Check): Check => (v) => Array.isArray(v) && v.every(item);

const SHAPES: Record<Kind, Record<string, Check>> = {
  session: {
    id: uuid, setId: str, setTitle: str, setVersion: optional(str), setHash: str, set: object({ questions: Array.isArray }),
    startedAt: isTime, finishedAt: optional(isTime), status: oneOf('open', 'finished'),
  },
  entry: {
    id: uuid, date: isTime, createdAt: isTime, updatedAt: optional(isTime), text: str,
    tags: list(object({ tag: isTag, origin: oneOf('text', 'flag') })),
    session: optional(object({ id: uuid, questionId: str, question: str, position: int, depth: int })),
    classification: optional(object({
      modelLabel: optional(LABEL), confidence: optional(num), modelVersion: optional(str), classifiedAt: optional(isTime),
      userLabel: optional(LABEL), confirmedAt: optional(isTime),
    })),
    starred: optional((v) => typeof v === 'boolean'),
  },
  action: {
    id: uuid, entryId: optional(uuid), sessionId: optional(uuid), label: optional(str), text: str, dueAt: optional(isTime),
    status: oneOf('open', 'done', 'dropped'), createdAt: isTime, updatedAt: optional(isTime),
    history: list(object({ at: isTime, kind: oneOf('committed', 'done', 'postponed', 'dropped', 'reopened'), dueAt: optional(isTime) })),
  },
};

/** Checks one record's whole shape, so a malformed file fails with its line number and nothing is imported. */
export function checkRecord(kind: Kind, value: unknown, where: string): JournalRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(`${where}: a ${kind} must be an object; nothing was imported`);
  const record = value as Record<string, unknown>;
  for (const [field, check] of Object.entries(SHAPES[kind])) {
    if (!check(record[field])) throw invalidInput(`${where}: the ${kind}'s "${field}" is missing or not what reflect writes; nothing was imported`);
  }
  if (kind === 'entry') checkEntrySize(record.text as string, `${where}: the entry's text`);
  return { kind, record } as unknown as JournalRecord;
}
