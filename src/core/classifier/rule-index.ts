import type { Rule } from './features.js';
import { patternKey } from './first-words.js';
import { RULE_WORDS, type RuleWords } from './rule-words.js';
import { wordConditions } from './word-conditions.js';

/** A word's number in the sets (-1: in none), and the ways to try when a sentence has it. */
interface WordInfo {
  id: number;
  ways: number[];
}

/** Words remembered at most: a flood of one-off words (ids, numbers) must not grow memory without end. */
const MOST_WORDS_KEPT = 200_000;

/**
 * The rules, indexed by the words their patterns need (see word-conditions.ts). Each way a
 * pattern can match is filed under one of the word sets it needs, the rarest (chosen when the
 * table is generated); a sentence with a word of that set then has the way's other sets checked,
 * and only a pattern with a way whose sets are all met is run, in the rules' own order. The
 * result is what running every pattern would give (test/core/classifier/rule-index.test.ts checks
 * that on the corpus and on random text), at a fraction of the cost.
 */
export class RuleIndex {
  private readonly patterns: { rule: number; pattern: RegExp }[] = [];
  private readonly always: number[] = [];
  private readonly ways: { pattern: number; sets: number[] }[] = [];
  /** Each set's words, by their number in `vocabulary`, and its prefixes. */
  private readonly sets: { exact: Int32Array; prefixes: readonly string[] }[] = [];
  /** The ways filed under each set (the set each way needs that is rarest). */
  private readonly filedUnder: number[][] = [];
  /** Every word of a set: its number, and the sets with that word some way is filed under. */
  private readonly vocabulary = new Map<string, { id: number; filed: number[] }>();
  /** A prefix's first letter -> the prefixes ("oh" for "oh+", a digit) and the sets with each some way is filed under. */
  private readonly filedUnderPrefix = new Map<number, { prefix: string; sets: number[] }[]>();
  /** What is known of each word met so far (see infoOf). */
  private readonly seenWords = new Map<string, WordInfo>();
  /** The marks (not letters or digits) some set needs, such as "?". */
  private readonly marks: string[] = [];
  // Scratch for one sentence, marked with the sentence's number instead of being cleared.
  private sentence = 0;
  /** The words of the sentence matched last, as `wordsOf` splits them (and any mark a set needs). */
  words: readonly string[] = [];
  private readonly wayTried: Uint32Array;
  private readonly wordSeen: Uint32Array;
  private readonly setTried: Uint32Array;
  private readonly setMet: Uint8Array;
  private readonly patternDue: Uint32Array;

  constructor(
    private readonly rules: readonly Rule[],
    known: RuleWords = RULE_WORDS,
  ) {
    // The table's sets, then those of any pattern it lacks, read from the pattern now.
    const sets = [...known.sets];
    rules.forEach((rule, r) => {
      for (const pattern of Array.isArray(rule.pattern) ? rule.pattern : [rule.pattern]) {
        const p = this.patterns.push({ rule: r, pattern }) - 1;
        const ways = waysOf(pattern, known, sets);
        if (!ways) this.always.push(p);
        else for (const way of ways) this.ways.push({ pattern: p, sets: way });
      }
    });
    // Plain loops and no destructuring: this runs at every start, before V8 has optimised anything.
    // Ways are filed under their set, not under each of its words: a set's words are filed once.
    for (let s = 0; s < sets.length; s++) this.filedUnder.push([]);
    for (let w = 0; w < this.ways.length; w++) this.filedUnder[this.ways[w]!.sets[0]!]!.push(w);
    for (let s = 0; s < sets.length; s++) {
      const words = sets[s]![0];
      const prefixes = sets[s]![1];
      const filed = this.filedUnder[s]!.length > 0;
      const exact = new Int32Array(words.length);
      for (let i = 0; i < words.length; i++) {
        const entry = this.entry(words[i]!);
        exact[i] = entry.id;
        if (filed) entry.filed.push(s);
        const c = words[i]!.charCodeAt(0);
        const mark = !((c >= 97 && c <= 122) || (c >= 48 && c <= 57));
        if (mark && !this.marks.includes(words[i]!)) this.marks.push(words[i]!);
      }
      this.sets.push({ exact, prefixes });
      if (!filed) continue;
      for (const prefix of prefixes) {
        const start = prefix.charCodeAt(0);
        let sameStart = this.filedUnderPrefix.get(start);
        if (!sameStart) this.filedUnderPrefix.set(start, (sameStart = []));
        let entry = sameStart.find((e) => e.prefix === prefix);
        if (!entry) sameStart.push((entry = { prefix, sets: [] }));
        entry.sets.push(s);
      }
    }
    this.wordSeen = new Uint32Array(this.vocabulary.size);
    this.wayTried = new Uint32Array(this.ways.length);
    this.setTried = new Uint32Array(this.sets.length);
    this.setMet = new Uint8Array(this.sets.length);
    this.patternDue = new Uint32Array(this.patterns.length);
  }

  /** Each rule's first match in the sentence: the first of its patterns that matches, as RegExp#exec gives it. */
  match(sentence: string): { rule: Rule; match: RegExpExecArray }[] {
    if (++this.sentence === 0xffffffff) this.restart();
    const now = this.sentence;
    const words = wordsOf(sentence);
    this.words = words;
    // A mark a way needs ("?") is looked up as if it were a word of the sentence.
    for (const mark of this.marks) if (sentence.includes(mark)) words.push(mark);
    // The patterns to run, as they are found due; sorted at the end into the rules' own order.
    const due: number[] = [];
    for (const p of this.always) (this.patternDue[p] = now), due.push(p);
    // The sentence's words first, so a way's sets can then be checked by number.
    const infos: WordInfo[] = [];
    for (const word of words) {
      const info = this.infoOf(word);
      if (info.id >= 0) this.wordSeen[info.id] = now;
      infos.push(info);
    }
    for (const info of infos) for (const w of info.ways) if (this.tryWay(w, now)) due.push(this.ways[w]!.pattern);
    const found: { rule: Rule; match: RegExpExecArray }[] = [];
    if (due.length > 1) due.sort((a, b) => a - b);
    let matched = -1;
    for (const p of due) {
      // A rule's first pattern that matches is its match; its later patterns are not tried.
      const { rule, pattern } = this.patterns[p]!;
      if (rule === matched) continue;
      const match = pattern.exec(sentence);
      if (match) found.push({ rule: this.rules[rule]!, match }), (matched = rule);
    }
    return found;
  }

  /**
   * A word's number in the sets, and the ways filed under it or under a prefix of it, worked out
   * once a word: a journal uses the same few thousand words again and again.
   */
  private infoOf(word: string): WordInfo {
    let info = this.seenWords.get(word);
    if (info) return info;
    const entry = this.vocabulary.get(word);
    const ways: number[] = [];
    for (const s of entry?.filed ?? []) ways.push(...this.filedUnder[s]!);
    for (const { prefix, sets } of this.filedUnderPrefix.get(word.charCodeAt(0)) ?? []) if (word.startsWith(prefix)) for (const s of sets) ways.push(...this.filedUnder[s]!);
    info = { id: entry ? entry.id : -1, ways };
    if (this.seenWords.size < MOST_WORDS_KEPT) this.seenWords.set(word, info);
    return info;
  }

  /** Marks the way's pattern to be run if the sentence meets every set the way needs; true when that newly makes it due. */
  private tryWay(w: number, now: number): boolean {
    if (this.wayTried[w] === now) return false;
    this.wayTried[w] = now;
    const { pattern, sets } = this.ways[w]!;
    if (this.patternDue[pattern] === now) return false;
    // The first set is the one the way was found by (a prefix only says some word starts so).
    for (let i = 1; i < sets.length; i++) if (!this.meets(sets[i]!, now)) return false;
    this.patternDue[pattern] = now;
    return true;
  }

  private meets(s: number, now: number): boolean {
    if (this.setTried[s] === now) return this.setMet[s] === 1;
    const { exact, prefixes } = this.sets[s]!;
    let met = false;
    for (let i = 0; i < exact.length && !met; i++) met = this.wordSeen[exact[i]!] === now;
    if (!met && prefixes.length) met = this.words.some((word) => prefixes.some((prefix) => word.startsWith(prefix)));
    this.setTried[s] = now;
    this.setMet[s] = met ? 1 : 0;
    return met;
  }

  private entry(word: string): { id: number; filed: number[] } {
    let entry = this.vocabulary.get(word);
    if (!entry) this.vocabulary.set(word, (entry = { id: this.vocabulary.size, filed: [] }));
    return entry;
  }

  private restart(): void {
    for (const marks of [this.wordSeen, this.wayTried, this.setTried, this.patternDue]) marks.fill(0);
    this.sentence = 1;
  }
}

/**
 * The words of the text in lower case, split as \b splits: apostrophes and hyphens end a word
 * ("i've" is "i" and "ve"). Scanned by hand: this runs on every sentence classified. Only A-Z is
 * lowered: lowering the whole text could join two words (the Kelvin sign becomes "k").
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
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
      words.push(upper ? word.toLowerCase() : word);
      start = -1;
      upper = false;
    }
  }
  return words;
}

/**
 * The pattern's ways, each as its sets by their place in `sets`: from the generated table when it
 * has the pattern; else read from the pattern now (its sets added to `sets`), filed under its last set.
 */
function waysOf(pattern: RegExp, known: RuleWords, sets: [string[], string[]][]): number[][] | null {
  const key = patternKey(pattern);
  if (Object.hasOwn(known.patterns, key)) return known.patterns[key] ?? null;
  const ways = wordConditions(pattern);
  return ways && ways.map((way) => [...way].reverse().map((s) => sets.push([[...s.exact], [...s.prefixes]]) - 1));
}
