/** A sentence with its place in the entry, so evidence can point at exact spans. */
export interface Sentence {
  text: string;
  start: number;
}

/**
 * Splits an entry into sentences on . ! ? and line breaks, keeping offsets. Abbreviations are
 * rare in journals; a wrong split only divides one sentence's evidence in two.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const pattern = /[^.!?\n]+(?:[.!?]+["'”’)]*|\n|$)/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) sentences.push({ text: trimmed, start: match.index! + lead });
  }
  return sentences;
}
