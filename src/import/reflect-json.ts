import { readFileSync } from 'node:fs';
import { decodeUtf8, withoutBom } from '../core/utf8.js';
import { invalidInput } from '../core/errors.js';
import { FORMAT, FORMAT_VERSION, type JournalRecord } from '../export/format.js';
import { checkRecord } from './check-record.js';
import { checkJsonDepth } from './json-depth.js';
import { linesOf } from './lines.js';

const SECTIONS = ['sessions', 'entries', 'actions'] as const;
const KIND = { sessions: 'session', entries: 'entry', actions: 'action' } as const;

/**
 * Reads a reflect JSON export. Files in the layout `export` writes (one record a line) stream
 * in flat memory; any other valid JSON of the format (say, pretty-printed by another tool) is
 * read whole. A wrong format, a future version, malformed JSON or a truncated file is an error.
 */
export function* readReflectJson(path: string, name = path): Generator<JournalRecord> {
  const lines = linesOf(path, name);
  const first = lines.next();
  if (!first.done) first.value = withoutBom(first.value);
  const header = first.done ? null : /^\{"format":("(?:[^"\\]|\\.)*"),"version":(-?\d+(?:\.\d+)?),$/.exec(first.value);
  if (!header) {
    yield* readWhole(path, name);
    return;
  }
  checkHeader(JSON.parse(header[1]!), Number(header[2]), name);
  let section = -1; // the index in SECTIONS of the array being read, or of the last one closed
  let open = false;
  let lineNumber = 1;
  for (const line of lines) {
    lineNumber++;
    const start = /^"(sessions|entries|actions)":\[(\]?),?$/.exec(line);
    if (start && !open) {
      const index = SECTIONS.indexOf(start[1] as (typeof SECTIONS)[number]);
      if (index !== section + 1) throw invalidInput(`${name}: line ${lineNumber}: "${start[1]}" is out of place; the file is not a reflect export`);
      section = index;
      open = !start[2];
      continue;
    }
    if (open && (line === ']' || line === '],')) {
      open = false;
      continue;
    }
    if (!open && line === '}' && section === SECTIONS.length - 1) {
      for (const rest of lines) if (rest.trim()) throw invalidInput(`${name}: text after the end of the journal`);
      return;
    }
    if (open && line.startsWith('{')) {
      let value: unknown;
      checkJsonDepth(line, `${name}: line ${lineNumber}`);
      try {
        value = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      } catch {
        throw invalidInput(`${name}: line ${lineNumber} is not valid JSON (is the file truncated?); nothing was imported`);
      }
      yield checkRecord(KIND[SECTIONS[section]!], value, `${name}: line ${lineNumber}`);
      continue;
    }
    if (line.trim() === '') continue;
    throw invalidInput(`${name}: line ${lineNumber} is not valid here (is the file truncated or edited?); nothing was imported`);
  }
  throw invalidInput(`${name} ends before the journal does (truncated?); nothing was imported`);
}

function* readWhole(path: string, name: string): Generator<JournalRecord> {
  let data: unknown;
  const text = withoutBom(decodeUtf8(readFileSync(path), name, 'nothing was imported'));
  checkJsonDepth(text, name);
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalidInput(`${name} is not valid JSON (${(error as Error).message.split('\n')[0]}); nothing was imported`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalidInput(`${name} is not a reflect journal export`);
  const journal = data as Record<string, unknown>;
  checkHeader(journal.format, journal.version, name);
  for (const section of SECTIONS) {
    const list = journal[section] ?? [];
    if (!Array.isArray(list)) throw invalidInput(`${name}: "${section}" must be a list`);
    for (const [i, value] of list.entries()) yield checkRecord(KIND[section], value, `${name}: ${section}[${i}]`);
  }
}

function checkHeader(format: unknown, version: unknown, name: string): void {
  if (format !== FORMAT) throw invalidInput(`${name} is not a reflect journal export (its "format" is ${JSON.stringify(format)}); use --from jrnl or --from dayone for those`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw invalidInput(`${name} has an unreadable format version ${JSON.stringify(version)}`);
  if (version > FORMAT_VERSION) {
    throw invalidInput(`${name} was written by a newer reflect (format version ${version}; this one reads ${FORMAT_VERSION}); upgrade reflect`);
  }
}
