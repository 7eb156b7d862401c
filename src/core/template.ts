/** `{{question-id}}` in a question, hint, probe or action quotes an earlier answer. */
const REF = /\{\{\s*([a-z][a-z0-9_-]*)\s*\}\}/g;

export function refsIn(text: string): { id: string; index: number }[] {
  return [...text.matchAll(REF)].map((m) => ({ id: m[1]!, index: m.index! }));
}

/**
 * Fills each ref with the answer's text, fitted into the sentence around it; a ref to an
 * unanswered question becomes "…". An answer is a sentence of its own ("The quarterly report.")
 * and the template goes on after it, so:
 * - where the template goes on, the answer's closing . , ; : goes ("You said: "The quarterly
 *   report". Instead…"), and after a closing ? ! or … the template's own "." or "," goes;
 * - in the middle of a sentence, and not inside quote marks, a leading capital is lowered when the
 *   first word is one that only starts a sentence ("about whether to say yes…"); "I", names and
 *   anything unsure keep theirs.
 */
export function fill(text: string, answerText: (id: string) => string | undefined): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(REF)) {
    out += text.slice(at, m.index);
    at = m.index! + m[0].length;
    const answer = answerText(m[1]!)?.trim();
    if (!answer) {
      out += '…';
      continue;
    }
    const before = text.slice(0, m.index);
    const after = text.slice(at);
    const quoted = /["“'‘]$/.test(before);
    const closing = quoted ? (/^["”'’]/.exec(after)?.[0] ?? '') : '';
    const rest = after.slice(closing.length);
    let quote = firstSentence(answer);
    if (rest.trim() !== '') {
      quote = quote.replace(/[.,;:]+$/, '');
      if (/[?!…]$/.test(quote) && /^[.,]/.test(rest)) {
        out += quote + closing;
        at += closing.length + 1;
        continue;
      }
    }
    if (!quoted && midSentence(before)) quote = lowerFirstWord(quote);
    out += quote;
  }
  return out + text.slice(at);
}

/** A long answer quoted inside a question reads badly: keep its first sentence, at most ~120 characters. */
function firstSentence(text: string): string {
  const line = text.split('\n')[0]!.trim();
  const sentence = /^(.{20,}?[.!?])(\s|$)/.exec(line)?.[1] ?? line;
  return sentence.length > 120 ? `${sentence.slice(0, 119).trimEnd()}…` : sentence;
}

const midSentence = (before: string) => /[\p{L}\p{N},;)]\s*$/u.test(before);

/**
 * Words that are capitalised only because they start the answer. A name ("Sam", "Berlin") cannot
 * be told from a common noun without a dictionary, so only these (and -ing words) are lowered.
 */
const SENTENCE_STARTERS = new Set(
  (
    'a an the my your our their his her its this that these those there here it what whether when where why how who which ' +
    'if not no nothing something someone somebody everything everyone all some any every each one ' +
    'to for with about from in on at of by into over under after before and but or so because maybe probably perhaps ' +
    'just still also even only again feeling finally we you they he she me us them myself yourself ' +
    // a next step is often an order to oneself: "how could you make call Sam easier?"
    'ask call tell talk write send book finish start stop go say take make try look find read quit apply plan spend ' +
    'learn leave move put get give set keep speak email text sit walk do be have'
  ).split(' '),
);

function lowerFirstWord(quote: string): string {
  const word = /^(\p{Lu}\p{Ll}+)(?![\p{L}'’-]*\p{Lu})/u.exec(quote)?.[1];
  if (!word) return quote;
  const lower = word.toLowerCase();
  const gerund = lower.length > 5 && lower.endsWith('ing');
  return SENTENCE_STARTERS.has(lower) || gerund ? lower + quote.slice(word.length) : quote;
}
