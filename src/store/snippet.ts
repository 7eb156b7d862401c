/**
 * A search snippet built from a bounded window of the text, in FTS5 snippet()'s look: about 16
 * words around the first match, matched words between the markers, "…" where text is cut.
 * FTS5's own snippet() re-reads the whole entry (56 s on an 8 MB one); this reads words only
 * up to the first match, and never more than a window of them after it.
 */
const WORD = /[\p{L}\p{N}_]+/gu;
const WINDOW_WORDS = 16;
const BEFORE_WORDS = 4;

export interface Term {
  text: string;
  prefix: boolean;
}

/** The words a query looks for (operators, quotes and column names set aside). */
export function queryTerms(fts: string): Term[] {
  const terms: Term[] = [];
  for (const m of fts.matchAll(/([\p{L}\p{N}_]+)(\*)?/gu)) {
    if (/^(AND|OR|NOT|NEAR)$/.test(m[1]!)) continue;
    terms.push({ text: fold(m[1]!), prefix: m[2] === '*' });
  }
  return terms;
}

/** As the index compares words: lower case, no accents. */
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The index stems words (porter): "fears" and "feared" find "fear". A rough stem is enough to highlight. */
const stem = (word: string) => word.replace(/(ing|ed|es|s|e|ly)$/, '') || word;

function matches(word: string, terms: Term[]): boolean {
  const w = fold(word);
  return terms.some((t) => (t.prefix ? w.startsWith(t.text) : w === t.text || stem(w) === stem(t.text)));
}

export function buildSnippet(text: string, terms: Term[], start: string, end: string): string {
  const words: { at: number; to: number; hit: boolean }[] = [];
  let first = -1;
  let dropped = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const hit = matches(m[0], terms);
    words.push({ at: m.index, to: m.index + m[0].length, hit });
    if (hit && first < 0) first = words.length - 1;
    // Before the first match only the last few words are kept; after it, the window's worth.
    if (first < 0 && words.length > BEFORE_WORDS * 64) dropped += words.splice(0, words.length - BEFORE_WORDS).length;
    if (first >= 0 && words.length - first >= WINDOW_WORDS) break;
    if (first < 0 && words.length >= WINDOW_WORDS && terms.length === 0) break;
  }
  if (words.length === 0) return text.slice(0, 200);
  // No word matched as this rough stemming reads them: show the start, as FTS5 would.
  if (first < 0 && terms.length) return buildSnippet(text, [], start, end);
  // A match early on is shown from the very start, as FTS5 does; a later one with a few words before it.
  const natural = first < 0 || (dropped === 0 && first < WINDOW_WORDS - BEFORE_WORDS) ? 0 : first - BEFORE_WORDS;
  // A match near the end takes the words before it to fill the window, rather than show a stub.
  const from = Math.max(0, Math.min(natural, words.length - WINDOW_WORDS));
  const shown = words.slice(from, from + WINDOW_WORDS);
  let out = '';
  let cursor = shown[0]!.at;
  for (const w of shown) {
    out += text.slice(cursor, w.at) + (w.hit ? `${start}${text.slice(w.at, w.to)}${end}` : text.slice(w.at, w.to));
    cursor = w.to;
  }
  const last = shown[shown.length - 1]!;
  const head = shown[0]!.at > 0 && /[\p{L}\p{N}_]/u.test(text.slice(0, shown[0]!.at)) ? '…' : '';
  const rest = text.slice(last.to, last.to + 200);
  const tail = /[\p{L}\p{N}_]/u.test(rest) ? '…' : rest.trimEnd();
  return `${head}${out}${tail}`;
}
