import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { invalidInput } from '../core/errors.js';
import { normaliseTag, tagsInText } from '../core/tags.js';
import type { EntryRecord, JournalRecord } from '../export/format.js';
import { unzip } from './zip.js';

/** A stable id for an entry that had none, so importing the same file twice adds nothing. */
function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function entry(id: string, date: Date, text: string, tags: string[], starred: boolean): EntryRecord {
  const iso = date.toISOString();
  const fromText = new Set(tagsInText(text));
  const all = new Set([...tags.map(normaliseTag).filter(Boolean), ...(starred ? ['starred'] : [])]);
  return {
    id,
    date: iso,
    createdAt: iso,
    updatedAt: null,
    text,
    tags: [...new Set([...all, ...fromText])].sort().map((tag) => ({ tag, origin: fromText.has(tag) ? 'text' : 'flag' })),
    session: null,
    classification: null,
  };
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw invalidInput(`${path} is not valid JSON (${(error as Error).message.split('\n')[0]}); is it a ${what} export?`);
  }
}

/**
 * jrnl's `jrnl --export json`: {"tags": {...}, "entries": [{title, body, date, time, tags, starred}]}.
 * Tags keep their words without jrnl's tag symbol (@work -> work); starred entries get the tag "starred".
 */
export function* readJrnl(path: string): Generator<JournalRecord> {
  const data = readJson(path, 'jrnl') as { entries?: unknown };
  if (!data || typeof data !== 'object' || !Array.isArray(data.entries)) throw invalidInput(`${path} is not a jrnl JSON export (no "entries" list)`);
  for (const [i, raw] of data.entries.entries()) {
    const e = (raw ?? {}) as { title?: unknown; body?: unknown; date?: unknown; time?: unknown; tags?: unknown; starred?: unknown };
    if (typeof e.title !== 'string' || typeof e.date !== 'string') throw invalidInput(`${path}: entry ${i + 1} has no title or date; nothing was imported`);
    const body = typeof e.body === 'string' ? e.body : '';
    const when = new Date(`${e.date}T${typeof e.time === 'string' ? e.time : '09:00'}`);
    if (Number.isNaN(when.getTime()) || when.getFullYear() > 9999) throw invalidInput(`${path}: entry ${i + 1} has a date reflect can't read ("${e.date}"); nothing was imported`);
    const text = body ? `${e.title}\n${body}` : e.title;
    const tags = Array.isArray(e.tags) ? e.tags.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^[^\p{L}\p{N}]+/u, '')) : [];
    yield { kind: 'entry', record: entry(stableId('jrnl', e.date, String(e.time ?? ''), text), when, text, tags, e.starred === true) };
  }
}

/** Day One's JSON export (the .json, or the .zip holding it): entries with uuid, creationDate, text, tags, starred. */
export function* readDayOne(path: string): Generator<JournalRecord> {
  const documents: { name: string; data: unknown }[] = [];
  if (path.toLowerCase().endsWith('.zip')) {
    for (const [name, content] of unzipOrRefuse(readFileSync(path), path)) {
      if (!name.toLowerCase().endsWith('.json') || name.includes('/')) continue;
      try {
        documents.push({ name, data: JSON.parse(content.toString('utf8')) });
      } catch {
        throw invalidInput(`${path}: ${name} is not valid JSON; nothing was imported`);
      }
    }
    if (documents.length === 0) throw invalidInput(`${path} holds no Day One journal (.json) file`);
  } else {
    documents.push({ name: path, data: readJson(path, 'Day One') });
  }
  for (const { name, data } of documents) {
    const list = (data as { entries?: unknown })?.entries;
    if (!Array.isArray(list)) throw invalidInput(`${name} is not a Day One JSON export (no "entries" list)`);
    for (const [i, raw] of list.entries()) {
      const e = (raw ?? {}) as { uuid?: unknown; creationDate?: unknown; text?: unknown; tags?: unknown; starred?: unknown };
      const date = typeof e.creationDate === 'string' ? new Date(e.creationDate) : new Date(NaN);
      if (Number.isNaN(date.getTime()) || date.getFullYear() > 9999) throw invalidInput(`${name}: entry ${i + 1} has no creationDate reflect can read; nothing was imported`);
      const text = unescapeDayOne(typeof e.text === 'string' ? e.text : '');
      const uuid = typeof e.uuid === 'string' && /^[0-9a-f]{32}$/i.test(e.uuid) ? e.uuid.toLowerCase() : null;
      const id = uuid
        ? `${uuid.slice(0, 8)}-${uuid.slice(8, 12)}-${uuid.slice(12, 16)}-${uuid.slice(16, 20)}-${uuid.slice(20)}`
        : stableId('dayone', String(e.creationDate), text);
      const tags = Array.isArray(e.tags) ? e.tags.filter((t): t is string => typeof t === 'string').map((t) => t.trim().replace(/\s+/g, '-')) : [];
      yield { kind: 'entry', record: entry(id, date, text, tags, e.starred === true) };
    }
  }
}

/** Day One escapes markdown punctuation in its export ("Hello\\!"); give the writer's text back. */
function unescapeDayOne(text: string): string {
  return text.replace(/\\([.!\-()[\]#*_+>`{}])/g, '$1');
}

function unzipOrRefuse(data: Buffer, path: string): Map<string, Buffer> {
  try {
    return unzip(data, path);
  } catch (error) {
    if ((error as { kind?: string }).kind) throw error;
    throw invalidInput(`${path} is a damaged or truncated zip archive; nothing was imported`);
  }
}
