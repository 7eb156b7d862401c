import { shortId, type Entry } from '../core/entry.js';
import { escapeJsonText } from './safe-text.js';

/**
 * The stable JSON shape of an entry for `--json`. Field names are a contract with
 * scripts: add fields, never rename or remove them.
 */
export function entryJson(entry: Entry) {
  return {
    id: entry.id,
    shortId: shortId(entry.id),
    date: entry.date.toISOString(),
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt?.toISOString() ?? null,
    text: entry.text,
    tags: entry.tags,
    label: entry.label,
    sessionId: entry.session?.id ?? null,
    setId: entry.session?.setId ?? null,
    questionId: entry.session?.questionId ?? null,
    question: entry.session?.question ?? null,
    /** Whose label `label` is: 'writer' (theirs), 'model' (proposed, not confirmed), or null. */
    labelSource: entry.labelSource,
    starred: entry.starred,
  };
}

/** JSON for stdout, pretty-printed, with the characters a terminal would obey escaped (see safe-text). */
export const printJson = (value: unknown) => `${escapeJsonText(JSON.stringify(value, null, 2))}\n`;

/** One JSON line for stdout (--jsonl and classify --json), escaped as printJson is. */
export const printJsonLine = (value: unknown) => `${escapeJsonText(JSON.stringify(value))}\n`;
