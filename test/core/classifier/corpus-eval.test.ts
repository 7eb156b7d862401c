import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classifier/classify.js';
import { evaluate } from '../../../src/core/classifier/metrics.js';
import type { Elicits, Label } from '../../../src/core/prompt-set.js';
import { ROOT } from '../../helpers/cli.js';

const corpus = (part: string) =>
  readFileSync(join(ROOT, 'test/fixtures/corpus', `${part}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; label: Label; text: string; question?: string; elicits?: Elicits; previous?: { question?: string; text: string }[] });

describe('the labelled corpus', () => {
  it('has plain entries and answers to questions over the five labels, with train and held-out parts kept apart', () => {
    const train = corpus('train');
    const heldout = corpus('heldout');
    expect(train.length + heldout.length).toBeGreaterThanOrEqual(400);
    // At least a third are answers to questions, with their question.
    expect(train.filter((e) => e.question).length * 3).toBeGreaterThanOrEqual(train.length);
    // No held-out entry is in training: the same words, to the same question (or as a plain entry).
    // ("not sure" may be an answer in both parts, to different questions.)
    const key = (e: { text: string; question?: string }) => `${e.question ?? ''}\n${e.text.trim().toLowerCase()}`;
    const seen = new Set(train.map(key));
    expect(heldout.filter((e) => seen.has(key(e)))).toEqual([]);
    // Held out means new writers too: an entry's writer is the letter its id starts with.
    const trainWriters = new Set(train.map((e) => e.id[0]));
    expect(heldout.filter((e) => trainWriters.has(e.id[0]))).toEqual([]);
    for (const label of ['breakthrough', 'skill', 'challenge', 'external', 'neutral']) {
      expect(heldout.filter((e) => e.label === label).length).toBeGreaterThanOrEqual(25);
      expect(heldout.filter((e) => e.label === label && e.question).length).toBeGreaterThanOrEqual(25);
    }
  });

  // The floors, under the targets of 0.90 / 0.93 (plain entries meet the targets; answers meet the floors, not yet the targets).
  // A false breakthrough cheapens the real ones, so breakthrough precision has the higher floor.
  it.each([
    ['plain entries', 0.85, false],
    ['answers given in a session, read with their question', 0.85, true],
  ])('holds its floor on the held-out %s: breakthrough precision >= 0.90, macro-F1 >= %s', (_part, floor, inSession) => {
    const part = corpus('heldout').filter((e) => Boolean(e.question) === inSession);
    const e = evaluate(part.map((entry) => ({ truth: entry.label, predicted: classify(entry.text, { context: entry.question ? entry : null }).label })));
    expect(e.perLabel.breakthrough.precision).toBeGreaterThanOrEqual(0.9);
    expect(e.macroF1).toBeGreaterThanOrEqual(floor);
  });

  it('reads answers better with their question than without', () => {
    const part = corpus('heldout').filter((e) => e.question);
    const score = (withQuestion: boolean) =>
      evaluate(part.map((entry) => ({ truth: entry.label, predicted: classify(entry.text, { context: withQuestion ? entry : null }).label }))).macroF1;
    expect(score(true)).toBeGreaterThan(score(false));
  });
});
