/** A sentence with its place in the entry, so evidence can point at exact spans. */
export interface Sentence {
  text: string;
  start: number;
}

/** Marks that end a sentence: . ! ? and their full-width forms (。！？), as Japanese and Chinese write them. */
const ENDS = new Set(['.', '!', '?', '。', '！', '？']);
/** What may close a sentence after its end mark: quotes and brackets. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', '」', '』', '）']);
/**
 * Words whose dot is not a sentence's end. Short on purpose: "etc." and "no." end sentences as
 * often as not in journals ("No. I think it was fear."), so they still split.
 */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'vs', 'e.g', 'i.e', 'cf', 'jr', 'sr']);

/**
 * Splits an entry into sentences on end marks and line breaks, keeping offsets. Hand-scanned
 * rather than Intl.Segmenter: ICU does not split "it's not the ward. i stopped letting anyone in",
 * and lower-case writing with no capitals is a voice the classifier must read. A dot is no end
 * inside a word or number ("3.5k", "gov.uk") or after a title ("Dr. Patel"); a wrong split
 * only divides one sentence's evidence in two.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  // Only the places a sentence may end are visited: this runs on every entry classified.
  const candidates = /[.!?。！？\n]/g;
  for (let found = candidates.exec(text); found; found = candidates.exec(text)) {
    const i = found.index;
    if (text[i] === '\n') {
      push(sentences, text, from, i);
      from = i + 1;
    } else if (endsHere(text, i)) {
      let end = i + 1;
      while (end < text.length && (ENDS.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
      push(sentences, text, from, end);
      from = end;
      candidates.lastIndex = end;
    }
  }
  push(sentences, text, from, text.length);
  return sentences;
}

/** Whether the end mark at `i` ends the sentence: every mark does but a dot in a word, a number or after a title. */
function endsHere(text: string, i: number): boolean {
  if (text[i] !== '.') return true;
  if (WORD_CHAR.test(text[i + 1] ?? '')) return false;
  let start = i;
  while (start > 0 && isTitleChar(text.charCodeAt(start - 1))) start--;
  return !ABBREVIATIONS.has(text.slice(start, i).toLowerCase());
}

function push(sentences: Sentence[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const trimmed = raw.trim();
  if (WORD_CHAR.test(trimmed)) sentences.push({ text: trimmed, start: from + raw.length - raw.trimStart().length });
}

/** A letter A-Z or a dot: what a title such as "Dr" or "e.g" is made of. */
const isTitleChar = (c: number) => c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
