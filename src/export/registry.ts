import { exportJson } from './json.js';
import { markdownDocument, markdownFiles, type MarkdownInput } from './markdown.js';
import type { ActionRecord, EntryRecord, SessionRecord } from './format.js';

/** What every exporter gets: the selected journal, readable more than once, in flat memory. */
export interface ExportSource {
  entries: (order: 'written' | 'date') => Iterable<EntryRecord>;
  sessions: () => Iterable<SessionRecord>;
  actions: () => readonly ActionRecord[];
}

/** Exporters by name: pure functions from the journal to text. The `export` command writes it. */
export const EXPORTERS = {
  json: (source: ExportSource) => exportJson({ sessions: source.sessions(), entries: source.entries('written'), actions: source.actions() }),
  md: (source: ExportSource) => markdownDocument(markdownInput(source)),
} as const;

export type Format = keyof typeof EXPORTERS;

export function markdownInput(source: ExportSource): MarkdownInput {
  return {
    entries: () => source.entries('date'),
    sessions: new Map([...source.sessions()].map((s) => [s.id, s])),
    actions: source.actions(),
  };
}

export { markdownFiles };
