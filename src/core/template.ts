/** `{{question-id}}` in a question, hint, probe or action quotes an earlier answer. */
const REF = /\{\{\s*([a-z][a-z0-9_-]*)\s*\}\}/g;

export function refsIn(text: string): { id: string; index: number }[] {
  return [...text.matchAll(REF)].map((m) => ({ id: m[1]!, index: m.index! }));
}

/** Fills each ref with the answer's text; a ref to an unanswered question becomes "…". */
export function fill(text: string, answerText: (id: string) => string | undefined): string {
  return text.replace(REF, (_, id: string) => {
    const answer = answerText(id)?.trim();
    return answer ? firstSentence(answer) : '…';
  });
}

/** A long answer quoted inside a question reads badly: keep its first sentence, at most ~120 characters. */
function firstSentence(text: string): string {
  const line = text.split('\n')[0]!.trim();
  const sentence = /^(.{20,}?[.!?])(\s|$)/.exec(line)?.[1] ?? line;
  return sentence.length > 120 ? `${sentence.slice(0, 119).trimEnd()}…` : sentence;
}
