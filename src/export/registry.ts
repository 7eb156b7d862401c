import { exportJson, type JournalParts } from './json.js';
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

/**
 * A share for a coach: the same formats, so `reflect import` takes the JSON as it takes a backup.
 * The markdown says what it is: answers chosen to be shared, not a whole journal. The entries
 * come in reading order (each session's answers together), as `export` reads them for markdown.
 */
export const SHARE_EXPORTERS: Record<Format, (share: JournalParts & { sessions: SessionRecord[] }) => Iterable<string>> = {
  json: (share) => exportJson(share),
  md: (share) =>
    markdownDocument(
      { entries: () => share.entries, sessions: new Map(share.sessions.map((s) => [s.id, s])), actions: [...share.actions] },
      { front: 'shared from reflect', heading: 'Shared answers' },
    ),
};

export function markdownInput(source: ExportSource): MarkdownInput {
  return {
    entries: () => source.entries('date'),
    sessions: new Map([...source.sessions()].map((s) => [s.id, s])),
    actions: source.actions(),
  };
}

export { markdownFiles };
