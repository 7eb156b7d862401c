import type { Entry, EntryFilter } from '../core/entry.js';
import { usageError } from '../core/errors.js';
import type { Db } from './journal.js';
import { ENTRY_COLUMNS, ENTRY_JOINS, rowToEntry, type EntryRow } from './entries.js';
import { filterSql } from './filter-sql.js';
import { buildSnippet, queryTerms } from './snippet.js';

export interface SearchHit {
  entry: Entry;
  /** A short excerpt around the matches; matched words sit between MARK_START and MARK_END. */
  snippet: string;
  /** bm25 score: lower is a better match. */
  score: number;
}

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Full-text search ranked by bm25, narrowed by the same filters as `list`. */
export function searchEntries(db: Db, query: string, filter: EntryFilter): SearchHit[] {
  const { where, params } = filterSql(filter);
  // Rank on rowids alone, then fetch columns for the top hits only, one by one, and cut each
  // one's snippet from a bounded window of its text (see snippet.ts). Any single query that did both walked every match
  // twice: ~150 ms when a word is in most of 100,000 entries, against ~30 ms this way.
  const ranked = db.prepare(`
    SELECT entries_fts.rowid AS seq, bm25(entries_fts) AS score
    FROM entries_fts ${where ? `JOIN entries e ON e.seq = entries_fts.rowid ${ENTRY_JOINS} ${where} AND` : 'WHERE'}
    entries_fts MATCH ?
    ORDER BY score LIMIT ?`);
  const details = db.prepare(`
    SELECT ${ENTRY_COLUMNS} FROM entries e ${ENTRY_JOINS} WHERE e.seq = ?`);
  const fts = toFtsQuery(query);
  const terms = queryTerms(fts);
  try {
    const top = ranked.all(...params, fts, filter.limit ?? -1) as { seq: number; score: number }[];
    return top.map(({ seq, score }) => {
      // A BigInt: FTS5 mis-seeks a rowid bound as a JavaScript number (a REAL).
      const row = details.get(seq) as EntryRow;
      return { entry: rowToEntry(row), snippet: buildSnippet(row.text, terms, MARK_START, MARK_END), score };
    });
  } catch (error) {
    const message = (error as Error).message;
    if (/fts5|syntax error|no such column|unterminated|special query/i.test(message)) {
      throw usageError(`can't search for ${JSON.stringify(query)}: ${explain(message)}`);
    }
    throw error;
  }
}

const OPERATOR = /^(AND|OR|NOT|NEAR)$/;
const FTS_SYNTAX = /["()*^:+]/;

/**
 * People type words, not FTS5 syntax: "can't" or "self-worth" would be syntax errors.
 * A token with punctuation but no deliberate FTS syntax is quoted as a phrase; quotes,
 * operators, prefixes (fear*) and groups are passed through for those who want them.
 */
export function toFtsQuery(query: string): string {
  return query
    .trim()
    .split(/\s+/)
    .map((token) => {
      if (OPERATOR.test(token) || FTS_SYNTAX.test(token)) return token;
      return /^[\p{L}\p{N}_]+$/u.test(token) ? token : `"${token}"`;
    })
    .join(' ');
}

function explain(message: string): string {
  if (/unterminated string/i.test(message)) return 'a quote (") is not closed';
  if (/syntax error near "(AND|OR|NOT)"/i.test(message) || /near "?$/.test(message)) {
    return 'AND, OR and NOT need a word on each side';
  }
  if (/special query/i.test(message)) return 'a lone * matches nothing; put it after a word, like fear*';
  if (/no such column/i.test(message)) return 'a word followed by ":" reads as a column name; put the word in quotes';
  const near = /syntax error near "(.*)"/.exec(message);
  if (near) return `the search syntax is wrong near "${near[1]}" (use words, "exact phrases", OR, NOT, prefix*)`;
  return 'the search syntax is wrong (use words, "exact phrases", OR, NOT, prefix*)';
}
