import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classifier/classify.js';
import { evaluate } from '../../../src/core/classifier/metrics.js';
import type { Label } from '../../../src/core/prompt-set.js';
import { ROOT } from '../../helpers/cli.js';

const corpus = (part: string) =>
  readFileSync(join(ROOT, 'test/fixtures/corpus', `${part}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; label: Label; text: string });

describe('the labelled corpus', () => {
  it('has at least 400 entries over the five labels, with train and held-out parts kept apart', () => {
    const train = corpus('train');
    const heldout = corpus('heldout');
    expect(train.length + heldout.length).toBeGreaterThanOrEqual(400);
    const texts = new Set(train.map((e) => e.text));
    expect(heldout.filter((e) => texts.has(e.text))).toEqual([]);
    // Held out means new writers too: an entry's writer is the letter its id starts with.
    const trainWriters = new Set(train.map((e) => e.id[0]));
    expect(heldout.filter((e) => trainWriters.has(e.id[0]))).toEqual([]);
    for (const label of ['breakthrough', 'skill', 'challenge', 'external', 'neutral']) {
      expect(heldout.filter((e) => e.label === label).length).toBeGreaterThanOrEqual(25);
    }
  });

  // The targets: a false breakthrough cheapens the real ones, so precision matters most.
  it('meets its targets on the held-out part: breakthrough precision >= 0.90, macro-F1 >= 0.85', () => {
    const e = evaluate(corpus('heldout').map((entry) => ({ truth: entry.label, predicted: classify(entry.text).label })));
    expect(e.perLabel.breakthrough.precision).toBeGreaterThanOrEqual(0.9);
    expect(e.macroF1).toBeGreaterThanOrEqual(0.85);
  });
});
