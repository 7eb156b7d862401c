// The labelled corpus: test/fixtures/corpus/train.jsonl (the weights are fitted on it) and
// heldout.jsonl (only ever measured). One {"id", "label", "text", "case"} per line; answers given
// in a session also carry "question", "elicits" and "previous" (the earlier answers of the chain).
import { readFileSync } from 'node:fs';

export function readCorpus(part) {
  return readFileSync(new URL(`../test/fixtures/corpus/${part}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/** What an entry answered, as classify() takes it; null for a plain entry. */
export const contextOf = (e) => (e.question ? { question: e.question, elicits: e.elicits, previous: e.previous } : null);

/** The two parts the targets are set on: plain entries, and answers given in a session. */
export const inSession = (e) => Boolean(e.question);
