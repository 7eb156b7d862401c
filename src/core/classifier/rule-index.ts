import type { Rule } from './features.js';
import { firstWords, patternKey, type FirstWords } from './first-words.js';
import { RULE_WORDS } from './rule-words.js';

/**
 * The rules, indexed by the words their patterns can start with. A sentence is matched against
 * only the patterns one of its words could start, in the rules' own order, so the result is what
 * running every pattern would give (test/core/classifier/rule-index.test.ts checks that on the
 * corpus and on random text), at a fraction of the cost.
 */
export class RuleIndex {
  private readonly patterns: { rule: number; pattern: RegExp }[] = [];
  private readonly byWord = new Map<string, number[]>();
  private readonly prefixed: number[] = [];
  private readonly prefixPattern: RegExp;
  private readonly always: number[] = [];

  constructor(
    private readonly rules: readonly Rule[],
    known: Readonly<Record<string, { exact: string[]; prefixes: string[] } | null>> = RULE_WORDS,
  ) {
    const prefixes = new Set<string>();
    rules.forEach((rule, r) => {
      for (const pattern of Array.isArray(rule.pattern) ? rule.pattern : [rule.pattern]) {
        const p = this.patterns.push({ rule: r, pattern }) - 1;
        const words = wordsOf(pattern, known);
        if (!words) {
          this.always.push(p);
          continue;
        }
        for (const word of words.exact) add(this.byWord, word, p);
        if (words.prefixes.size) this.prefixed.push(p);
        for (const prefix of words.prefixes) prefixes.add(prefix);
      }
    });
    this.prefixPattern = new RegExp(String.raw`(?<![a-z0-9])(?:${[...prefixes].join('|')})`, 'i');
  }

  /** Each rule's first match in the sentence: the first of its patterns that matches, as RegExp#exec gives it. */
  match(sentence: string): { rule: Rule; match: RegExpExecArray }[] {
    const candidates = new Uint8Array(this.patterns.length);
    for (const p of this.always) candidates[p] = 1;
    // Words that start with "oh", "counsel" or a digit are rare: one test for all of them.
    if (this.prefixed.length && this.prefixPattern.test(sentence)) for (const p of this.prefixed) candidates[p] = 1;
    forEachWord(sentence, (word) => {
      const exact = this.byWord.get(word);
      if (exact) for (const p of exact) candidates[p] = 1;
    });
    const found: { rule: Rule; match: RegExpExecArray }[] = [];
    let matched = -1;
    for (let p = 0; p < this.patterns.length; p++) {
      const { rule, pattern } = this.patterns[p]!;
      // A rule's first pattern that matches is its match; its later patterns are not tried.
      if (!candidates[p] || rule === matched) continue;
      const match = pattern.exec(sentence);
      if (match) found.push({ rule: this.rules[rule]!, match }), (matched = rule);
    }
    return found;
  }
}

/**
 * Calls back with each word of the text in lower case, split as \b splits: apostrophes and hyphens
 * end a word ("i've" starts with "i"). Scanned by hand: this runs on every sentence classified.
 * Only A-Z is lowered: lowering the whole text could join two words (the Kelvin sign becomes "k").
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let start = -1;
  let upper = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const lower = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    const capital = c >= 65 && c <= 90;
    if (lower || capital) {
      if (start < 0) start = i;
      if (capital) upper = true;
    } else if (start >= 0) {
      const word = text.slice(start, i);
      visit(upper ? word.toLowerCase() : word);
      start = -1;
      upper = false;
    }
  }
}

/** From the generated table when it has the pattern; else read from the pattern now. */
function wordsOf(pattern: RegExp, known: Readonly<Record<string, { exact: string[]; prefixes: string[] } | null>>): FirstWords | null {
  const key = patternKey(pattern);
  if (!Object.hasOwn(known, key)) return firstWords(pattern);
  const words = known[key];
  return words ? { exact: new Set(words.exact), prefixes: new Set(words.prefixes) } : null;
}

function add(index: Map<string, number[]>, key: string, value: number) {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}
