import { FORMAT, FORMAT_VERSION, type ActionRecord, type EntryRecord, type SessionRecord } from './format.js';

export interface JournalParts {
  sessions: Iterable<SessionRecord>;
  entries: Iterable<EntryRecord>;
  actions: Iterable<ActionRecord>;
}

/**
 * The lossless JSON export, as a stream of text. One record per line inside each array: still
 * one valid JSON document, and `import` can read it back a line at a time in flat memory.
 */
export function* exportJson(journal: JournalParts): Generator<string> {
  yield `{"format":${JSON.stringify(FORMAT)},"version":${FORMAT_VERSION},\n`;
  yield* array('sessions', journal.sessions, ',\n');
  yield* array('entries', journal.entries, ',\n');
  yield* array('actions', journal.actions, '\n');
  yield '}\n';
}

function* array(name: string, items: Iterable<unknown>, after: string): Generator<string> {
  yield `"${name}":[`;
  let first = true;
  for (const item of items) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
    first = false;
  }
  yield `${first ? '' : '\n'}]${after}`;
}
