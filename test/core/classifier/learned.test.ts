import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classifier/classify.js';
import { countTerms, leaningTerms, learnedProbabilities, modelFromCounts, terms, trainLearned } from '../../../src/core/classifier/learned.js';
import { modelFromPacked, packCounts } from '../../../src/core/classifier/packed-model.js';
import type { Label } from '../../../src/core/prompt-set.js';

const examples: { text: string; label: Label }[] = [
  { text: "She's right, I keep apologising.", label: 'breakthrough' },
  { text: "She's right about me, every time.", label: 'breakthrough' },
  { text: 'Walked the dog, then lunch.', label: 'neutral' },
  { text: 'Lunch with Sam, walked home.', label: 'neutral' },
  { text: 'Practised scales for ten minutes.', label: 'skill' },
];

describe('the word model', () => {
  it('reads words, and with pairs also neighbouring words, ignoring case and curly apostrophes', () => {
    expect([...terms('She’s RIGHT again', false)]).toEqual(["she's", 'right', 'again']);
    expect([...terms('She’s RIGHT again', true)]).toEqual(["she's", 'right', 'again', "she's right", 'right again']);
  });

  it('keeps only terms seen in enough entries, counted once per entry and per label', () => {
    const counts = countTerms(examples, { pairs: true, minEntries: 2 });
    expect(counts.terms["she's right"]).toEqual([2, 0, 0, 0, 0]);
    expect(counts.terms.lunch).toEqual([0, 0, 0, 0, 2]);
    expect(counts.terms.scales).toBeUndefined();
    expect(counts.docs).toEqual([2, 1, 0, 0, 2]);
  });

  it('keeps only terms enough distinct writers used, when asked: one writer\'s names and topics are not kept', () => {
    const written = [
      { text: 'Kayla and I walked. I see now.', label: 'breakthrough' as Label, writer: 'd' },
      { text: 'Kayla again. I see it.', label: 'breakthrough' as Label, writer: 'd' },
      { text: 'I see why, at last.', label: 'breakthrough' as Label, writer: 'f' },
    ];
    const counts = countTerms(written, { minWriters: 2 });
    expect(counts.terms.kayla).toBeUndefined();
    expect(counts.terms.see).toEqual([3, 0, 0, 0, 0]);
    expect(counts.docs).toEqual([3, 0, 0, 0, 0]);
    // Without writers, each example is a writer of its own.
    expect(countTerms(written.map(({ text, label }) => ({ text, label })), { minWriters: 2 }).terms.kayla).toEqual([2, 0, 0, 0, 0]);
  });

  it('is the same model whether trained directly or rebuilt from stored counts', () => {
    const counts = JSON.parse(JSON.stringify(countTerms(examples, { pairs: true })));
    const rebuilt = modelFromCounts(counts);
    const trained = trainLearned(examples, { pairs: true });
    expect(rebuilt.prior).toEqual(trained.prior);
    for (const term of Object.keys(counts.terms)) expect(rebuilt.words.get(term)).toEqual(trained.words.get(term));
    expect(learnedProbabilities(rebuilt, "She's right, lunch.")).toEqual(learnedProbabilities(trained, "She's right, lunch."));
  });

  it('packs counts for the generated word model without losing any, however large', () => {
    const counts = { examples: 3000, pairs: true, docs: [1200, 800, 500, 300, 200], terms: { "she's right": [2999, 0, 1, 0, 0], i: [1200, 800, 499, 300, 200], '\\': [92, 34, 10, 13, 0] } };
    const packed = packCounts(counts);
    expect(packed.totals).toEqual([4291, 834, 510, 313, 200]);
    const model = modelFromPacked(JSON.parse(JSON.stringify(packed)));
    const denominators = packed.totals.map((t) => Math.log(t + 3 + 1));
    for (const [term, row] of Object.entries(counts.terms)) expect(model.words.get(term)).toEqual(row.map((n, k) => Math.log(n + 1) - denominators[k]!));
    expect(model.words.get('right')).toBeUndefined();
    // A pair is found from its two words as from the pair.
    expect(model.words.getPair("she's", 'right')).toEqual(model.words.get("she's right"));
    expect(model.words.getPair('right', "she's")).toBeUndefined();
    // ...and still once a long run has had pairs indexed on their own.
    for (let n = 0; n < 3000; n++) model.words.getPair('right', 'now');
    expect(model.words.getPair("she's", 'right')).toEqual(model.words.get("she's right"));
    expect(model.words.getPair('right', "she's")).toBeUndefined();
  });

  it('finds every term the same way before and after a long run gives its terms a Map, and in a file whose terms are out of order', () => {
    const counts = JSON.parse(JSON.stringify(countTerms(examples, { pairs: true })));
    const terms = Object.keys(counts.terms);
    const packed = packCounts(counts);
    expect(packed.terms.split('\n')).toEqual([...terms].sort());
    // The same counts, written in reverse order, as a file from before terms were sorted would be.
    const reversed = { ...packed, terms: [...packed.terms.split('\n')].reverse().join('\n'), counts: [...packed.terms.split('\n').keys()].reverse().map((i) => packed.counts.slice(i * 5, i * 5 + 5)).join('') };
    const halving = modelFromPacked(packed);
    const mapped = modelFromPacked(reversed);
    const rows = (model: ReturnType<typeof modelFromPacked>) => [...terms, 'never seen', 'zzz', ''].map((term) => model.words.get(term));
    const before = rows(halving);
    expect(before.slice(0, terms.length).every(Boolean)).toBe(true);
    expect(rows(mapped)).toEqual(before);
    for (let n = 0; n < 2100; n++) halving.words.get('never seen');
    expect(rows(halving)).toEqual(before);
  });

  it.each([
    ['with pairs', true],
    ['words only', false],
  ])("finds a text's known terms (%s) as asking for every word and pair would, once each and in that order, before and after its Maps are built", (_name, pairs) => {
    const model = trainLearned(examples, { pairs });
    const words = ["she's", 'right', 'lunch', "she's", 'right', 'never', 'walked', 'home', 'walked', 'home'];
    const oneByOne = () => {
      const found = new Map<string, readonly number[]>();
      for (const word of words) if (model.words.get(word) && !found.has(word)) found.set(word, model.words.get(word)!);
      for (let i = 0; pairs && i + 1 < words.length; i++) {
        const term = `${words[i]} ${words[i + 1]}`;
        if (model.words.get(term) && !found.has(term)) found.set(term, model.words.get(term)!);
      }
      return [...found].map(([term, row]) => ({ term, row }));
    };
    const expected = oneByOne();
    expect(expected.map((t) => t.term)).toEqual(pairs ? ["she's", 'right', 'lunch', 'walked', 'home', "she's right", 'walked home'] : ["she's", 'right', 'lunch', 'walked', 'home']);
    expect(model.words.known(words)).toEqual(expected);
    // A long run builds the Maps; the answer is the same, and the same again for the next text.
    for (let n = 0; n < 2100; n++) model.words.get('never seen');
    expect(model.words.known(words)).toEqual(expected);
    expect(model.words.known(words)).toEqual(expected);
    expect(model.words.known([])).toEqual([]);
  });

  it('knows only the terms it was trained on, whatever their name', () => {
    const model = trainLearned(examples, { pairs: true });
    expect(model.words.get('right')).toHaveLength(5);
    for (const term of ['never seen', 'constructor', '__proto__', 'toString']) expect(model.words.get(term)).toBeUndefined();
  });

  it('leans towards the label its words were seen with, and says which words', () => {
    const model = trainLearned(examples, { pairs: true });
    const p = learnedProbabilities(model, "She's right, honestly.");
    expect(p.breakthrough).toBeGreaterThan(p.neutral);
    expect(leaningTerms(model, "She's right, honestly.", 'breakthrough').map((t) => t.term)).toContain("she's right");
    expect(leaningTerms(model, 'Words it has never seen.', 'breakthrough')).toEqual([]);
  });
});

describe('word evidence in a classification', () => {
  it.each([
    ["My sister said I never ask for help. I went back through the last month and she's right: I even carried the sofa alone.", 'breakthrough'],
    ['Meal-prepped on Sunday and it saved me about an hour every evening.', 'skill'],
  ])('points at the exact words it leaned on, after the rules: %s', (text) => {
    const result = classify(text);
    const words = result.evidence.filter((e) => e.rule === 'words');
    expect(words.length).toBeGreaterThan(0);
    for (const e of words) {
      expect(text.slice(e.start, e.end)).toBe(e.span);
      expect(e.why).toContain(`"${e.span.toLowerCase().replace(/\s+/g, ' ')}"`);
    }
    const kinds = result.evidence.map((e) => (e.rule.startsWith('ends-in') ? 2 : e.rule === 'words' ? 1 : 0));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
  });
});
