import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, type Rule } from '../../../src/core/classifier/features.js';
import { patternKey } from '../../../src/core/classifier/first-words.js';
import { RuleIndex } from '../../../src/core/classifier/rule-index.js';
import { RULE_WORDS } from '../../../src/core/classifier/rule-words.js';
import { splitSentences } from '../../../src/core/classifier/sentences.js';
import { wordConditions } from '../../../src/core/classifier/word-conditions.js';

/** What the index must give: every pattern of every rule run on the sentence, in order. */
function everyPattern(sentence: string) {
  return RULES.flatMap((rule: Rule) => {
    for (const pattern of Array.isArray(rule.pattern) ? rule.pattern : [rule.pattern]) {
      const match = pattern.exec(sentence);
      if (match) return [{ rule: rule.id, at: match.index, text: match[0] }];
    }
    return [];
  });
}

const index = new RuleIndex(RULES);
const viaIndex = (sentence: string) => index.match(sentence).map(({ rule, match }) => ({ rule: rule.id, at: match.index, text: match[0] }));

const corpus = ['train', 'heldout'].flatMap((part) =>
  readFileSync(new URL(`../../fixtures/corpus/${part}.jsonl`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text),
);

// Words the rules are made of, glued by the marks that end or split words.
const words = [...new Set(RULES.flatMap((r) => (Array.isArray(r.pattern) ? r.pattern : [r.pattern]).flatMap((p) => p.source.match(/[a-z']{2,}/gi) ?? [])))];
const sentence = fc
  .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' ', ', ', "'", '-', '_', '’', ' 3 ', 'K', 'İ')), { maxLength: 14 })
  .map((parts) => parts.map(([word, glue]) => word + glue).join(''))
  .chain((text) => fc.constantFrom(text, text.toUpperCase(), `oh. ${text}`, `${text}?`));

describe('the rule index', () => {
  it('finds in every sentence of the corpus exactly what running every pattern finds', () => {
    for (const text of corpus) {
      for (const { text: s } of splitSentences(text.replace(/[’‘]/g, "'"))) expect(viaIndex(s), s).toEqual(everyPattern(s));
    }
  });

  it('is built from a table of the words each pattern needs that matches the rules as they are (else: npm run rule-words)', () => {
    // A way's sets, in any order: the table puts the rarest first.
    const asRead = (sets: [string[], string[]][]) => sets.map(([exact, prefixes]) => JSON.stringify([exact, prefixes])).sort();
    for (const rule of RULES) {
      for (const pattern of Array.isArray(rule.pattern) ? rule.pattern : [rule.pattern]) {
        const stored = RULE_WORDS.patterns[patternKey(pattern)];
        const read = wordConditions(pattern);
        expect(stored === undefined, `${rule.id}: the table is stale; run npm run rule-words`).toBe(false);
        expect(stored?.map((way) => asRead(way.map((s) => RULE_WORDS.sets[s]!))) ?? null, `${rule.id}: the table is stale; run npm run rule-words`).toEqual(
          read?.map((way) => asRead(way.map((s) => [[...s.exact].sort(), [...s.prefixes].sort()]))) ?? null,
        );
      }
    }
  });

  it('reads a pattern missing from the table from the pattern itself, so a stale table is never wrong', () => {
    const fresh = new RuleIndex(RULES, { sets: [], patterns: {} });
    for (const text of corpus.slice(0, 300)) expect(fresh.match(text).map((m) => m.rule.id)).toEqual(index.match(text).map((m) => m.rule.id));
  });

  it('finds the same in sentences made of the rules own words', () => {
    fc.assert(fc.property(sentence, (s) => {
        expect(viaIndex(s)).toEqual(everyPattern(s));
      }), { numRuns: 3000 });
  });
});
