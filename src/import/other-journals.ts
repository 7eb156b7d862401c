import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { decodeUtf8, withoutBom } from '../core/utf8.js';
import { invalidInput } from '../core/errors.js';
import { inJournalRange } from '../core/dates.js';
import { checkEntrySize } from '../core/limits.js';
import { isValidTag, normaliseTag, tagsInText } from '../core/tags.js';
import { localDate } from '../core/when.js';
import { checkJsonDepth } from './json-depth.js';
import type { EntryRecord, JournalRecord } from '../export/format.js';

/** A stable id for an entry that had none, so importing the same file twice adds nothing. */
function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function entry(id: string, date: Date, text: string, tags: string[], starred: boolean, where: string): EntryRecord {
  checkEntrySize(text, `${where}'s text`);
  const iso = date.toISOString();
  const fromText = new Set(tagsInText(text));
  // The same tags `write` takes: lower-case words; one reflect could never match is refused, not kept.
  const flagged = tags.map(normaliseTag).filter(Boolean);
  const bad = flagged.find((t) => !isValidTag(t));
  if (bad !== undefined) throw invalidInput(`${where} has the tag "${bad}", which is not a tag reflect can find (a word starting with a letter, like work or deep-work); nothing was imported`);
  const all = new Set([...flagged, ...(starred ? ['starred'] : [])]);
  return {
    id,
    date: iso,
    createdAt: iso,
    updatedAt: null,
    text,
    tags: [...new Set([...all, ...fromText])].sort().map((tag) => ({ tag, origin: fromText.has(tag) ? 'text' : 'flag' })),
    session: null,
    classification: null,
    starred,
  };
}

function readJson(path: string, what: string, name: string): unknown {
  const text = withoutBom(decodeUtf8(readFileSync(path), name, 'nothing was imported'));
  checkJsonDepth(text, name);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidInput(`${name} is not valid JSON (${(error as Error).message.split('\n')[0]}); is it a ${what} export?`);
  }
}

/**
 * jrnl's `jrnl --export json`: {"tags": {...}, "entries": [{title, body, date, time, tags, starred}]}.
 * Tags keep their words without jrnl's tag symbol (@work -> work); starred entries get the tag "starred".
 */
export function* readJrnl(path: string, name = path): Generator<JournalRecord> {
  const data = readJson(path, 'jrnl', name) as { entries?: unknown };
  if (!data || typeof data !== 'object' || !Array.isArray(data.entries)) throw invalidInput(`${name} is not a jrnl JSON export (no "entries" list)`);
  for (const [i, raw] of data.entries.entries()) {
    const e = (raw ?? {}) as { title?: unknown; body?: unknown; date?: unknown; time?: unknown; tags?: unknown; starred?: unknown };
    if (typeof e.title !== 'string' || typeof e.date !== 'string') throw invalidInput(`${name}: entry ${i + 1} has no title or date; nothing was imported`);
    const body = typeof e.body === 'string' ? e.body : '';
    const when = jrnlTime(e.date, typeof e.time === 'string' ? e.time : '09:00');
    if (when === 'skipped') throw invalidInput(`${name}: entry ${i + 1} is at ${e.date} ${String(e.time)}, a time the clocks skip in this time zone; nothing was imported`);
    if (!when || !inJournalRange(when)) throw invalidInput(`${name}: entry ${i + 1} has a date reflect can't read ("${e.date}"; reflect keeps years 0001-9999); nothing was imported`);
    const text = body ? `${e.title}\n${body}` : e.title;
    const tags = Array.isArray(e.tags) ? e.tags.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^[^\p{L}\p{N}]+/u, '')) : [];
    yield { kind: 'entry', record: entry(stableId('jrnl', e.date, String(e.time ?? ''), text), when, text, tags, e.starred === true, `${name}: entry ${i + 1}`) };
  }
}

/** jrnl's local "2026-11-01" and "21:03", read as `--date` reads them (JavaScript's own parser moves a skipped time). */
function jrnlTime(date: string, time: string): Date | 'skipped' | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const at = localDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  return at === 'no-such-day' ? null : at;
}


/**
 * Day One's JSON export (the .json, or the .zip holding it, told apart by its first bytes):
 * entries with uuid, creationDate, text, tags, starred. The zip is read before the import's
 * transaction starts (yauzl reads asynchronously); `name` is what messages call the file.
 */
export async function readDayOne(path: string, name = path): Promise<Generator<JournalRecord>> {
  const documents: { name: string; data: unknown }[] = [];
  if (name.toLowerCase().endsWith('.zip') || isZip(path)) {
    const { unzip } = await import('./zip.js');
    // Only the journal's own .json files at the top are read; photos and the rest are never inflated.
    for (const [member, content] of await unzip(path, name, (n) => n.toLowerCase().endsWith('.json') && !n.includes('/'))) {
      const where = `${name}: ${member}`;
      const text = withoutBom(decodeUtf8(content, where, 'nothing was imported'));
      checkJsonDepth(text, where);
      try {
        documents.push({ name: where, data: JSON.parse(text) });
      } catch {
        throw invalidInput(`${where} is not valid JSON; nothing was imported`);
      }
    }
    if (documents.length === 0) throw invalidInput(`${name} holds no Day One journal (.json) file`);
  } else {
    documents.push({ name, data: readJson(path, 'Day One', name) });
  }
  return dayOneRecords(documents);
}

/** A zip archive starts with a local file header (or, empty, with the end of its directory). */
export function isZip(path: string): boolean {
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, head, 0, 4, 0);
    return read === 4 && (head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50);
  } finally {
    closeSync(fd);
  }
}

function* dayOneRecords(documents: { name: string; data: unknown }[]): Generator<JournalRecord> {
  for (const { name, data } of documents) {
    const list = (data as { entries?: unknown })?.entries;
    if (!Array.isArray(list)) throw invalidInput(`${name} is not a Day One JSON export (no "entries" list)`);
    for (const [i, raw] of list.entries()) {
      const e = (raw ?? {}) as { uuid?: unknown; creationDate?: unknown; text?: unknown; tags?: unknown; starred?: unknown };
      const date = typeof e.creationDate === 'string' ? new Date(e.creationDate) : new Date(NaN);
      if (!inJournalRange(date)) throw invalidInput(`${name}: entry ${i + 1} has no creationDate reflect can read (reflect keeps years 0001-9999); nothing was imported`);
      const text = unescapeDayOne(typeof e.text === 'string' ? e.text : '');
      const uuid = typeof e.uuid === 'string' && /^[0-9a-f]{32}$/i.test(e.uuid) ? e.uuid.toLowerCase() : null;
      const id = uuid
        ? `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20)}`
        : stableId('dayone', String(e.creationDate), text);
      const tags = Array.isArray(e.tags) ? e.tags.filter((t): t is string => typeof t === 'string').map((t) => t.trim().replace(/\s+/g, '-')) : [];
      yield { kind: 'entry', record: entry(id, date, text, tags, e.starred === true, `${name}: entry ${i + 1}`) };
    }
  }
}

/** Day One escapes markdown punctuation in its export ("Hello\\!"); give the writer's text back. */
function unescapeDayOne(text: string): string {
  return text.replace(/\\([.!\-()[\]#*_+>`{}])/g, '$1');
}
