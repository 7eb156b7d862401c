import type { Evidence } from '../core/classifier/classify.js';
import { truncate } from './render.js';
import { safeLine } from './safe-text.js';

/**
 * The reasons for a proposed label, as the writer reads them: each rule with the words it matched,
 * then the words the word model leaned on, together on one line (listed one by one they read as
 * noise, and a word already inside a listed pair says nothing new).
 */
export function reasonLines(evidence: readonly Evidence[], rules = 4): string[] {
  // "The entry ends on a new understanding" over the very words already shown says nothing new.
  const spans = new Set(evidence.filter((e) => e.rule !== 'words' && !e.rule.startsWith('ends-in')).map((e) => e.span));
  const lines = evidence
    .filter((e) => e.rule !== 'words' && !(e.rule.startsWith('ends-in') && spans.has(e.span)))
    .slice(0, rules)
    .map((e) => (e.span ? `${e.why} — "${truncate(safeLine(e.span), 60)}"` : e.why));
  const words = evidence.filter((e) => e.rule === 'words').map((e) => e.span);
  const shown = words.filter((word, i) => !words.some((other, j) => j !== i && other.length > word.length && containsWord(other, word)));
  if (shown.length) lines.push(`words often seen with this label: ${shown.map((w) => `"${w}"`).join(', ')}`);
  // The spans (and the reasons that quote them) are the writer's words: made safe here, before any styling.
  return lines.map(safeLine);
}

function containsWord(phrase: string, word: string): boolean {
  return ` ${phrase.toLowerCase()} `.includes(` ${word.toLowerCase()} `);
}

/**
 * A quoted answer, wrapped between words at `width` (a terminal wraps it mid-word), its later
 * lines indented by `indent`. `head` (a badge, a quote mark) starts the first line. wrap-ansi is
 * loaded here, only once a review has something to show.
 */
export async function wrapQuote(head: string, quote: string, width: number, indent: string): Promise<string> {
  const { default: wrapAnsi } = await import('wrap-ansi');
  return wrapAnsi(`${head}${quote}`, Math.max(20, width - indent.length), { hard: true }).split('\n').join(`\n${indent}`);
}
