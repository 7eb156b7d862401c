// The labelled corpus: test/fixtures/corpus/train.jsonl (rules are tuned on it) and
// heldout.jsonl (only ever measured). One {"id", "label", "text", "case"} per line.
import { readFileSync } from 'node:fs';

export function readCorpus(part) {
  return readFileSync(new URL(`../test/fixtures/corpus/${part}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}
