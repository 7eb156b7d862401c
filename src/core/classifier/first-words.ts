/**
 * The words a match of (part of) a regular expression can start with, read from its source
 * (`wordsFrom`). A pattern that starts with "because", "comes from" or "rooted in" cannot match a
 * sentence that has none of those words. word-conditions.ts asks this of every place in a pattern
 * where a word starts, so the classifier runs a rule's pattern only on sentences with the words it needs.
 *
 * The answer is always safe to act on: a pattern is only skipped when none of its first words is
 * in the sentence. Where the source says too little (a pattern that starts with ".", a class such
 * as [a-z], a repeat of letters), the answer is a prefix ("oh" for "oh+") or `null`: run always.
 */
export interface FirstWords {
  /** The first word is exactly one of these (lower case, letters and digits). */
  exact: Set<string>;
  /** ...or starts with one of these. */
  prefixes: Set<string>;
}

export type Atom = { kind: 'char'; char: string } | { kind: 'class'; chars: string[] | null } | { kind: 'zero'; ends: boolean } | { kind: 'group'; alternatives: Piece[][] };
export interface Piece {
  atom: Atom;
  min: number;
  max: number;
}

/** What is left to read of a pattern, as a list that shares its tail: walking never copies it. */
export type Rest = { piece: Piece; after: Rest } | null;
export const prepend = (pieces: readonly Piece[], after: Rest): Rest => pieces.reduceRight<Rest>((next, piece) => ({ piece, after: next }), after);

/** What follows a repeat read once: any character, so a word not ended yet is only known by its start. */
const ANYTHING: Rest = { piece: { atom: { kind: 'class', chars: null }, min: 1, max: 1 }, after: null };

export const WORD = /^[a-z0-9]$/;
/** Exploring every way through a pattern is cut short here: past it, the pattern always runs. */
const BUDGET = 20_000;

/** How a pattern is known in the generated table (rule-words.ts). */
export const patternKey = (pattern: RegExp) => `/${pattern.source}/${pattern.flags}`;

/** The pattern's alternatives as pieces, or null where its grammar is more than the parser reads. */
export function parse(pattern: RegExp): Piece[][] | null {
  try {
    return new Parser(pattern.source).alternatives();
  } catch {
    return null;
  }
}

/** The words a match of what is left to read can start with, when it starts at the start of a word. */
export function wordsFrom(start: Rest): FirstWords | null {
  const found: FirstWords = { exact: new Set(), prefixes: new Set() };
  let steps = 0;
  let unknown = false;
  const walk = (rest: Rest, partial: string): void => {
    if (unknown || ++steps > BUDGET) return void (unknown = true);
    // Whatever comes next, the word starts with what has been read so far.
    const startsWith = () => (partial ? void found.prefixes.add(partial) : void (unknown = true));
    const ends = () => (partial ? void found.exact.add(partial) : void (unknown = true));
    if (!rest) return startsWith();
    const { piece, after } = rest;
    const { atom, min, max } = piece;
    if (min > 1 || max > 1) {
      // A repeat: read once, after which only how the word starts is known ("oh+" starts with "oh");
      // "\s+" after a word still ends it, and "( [a-z]+){0,3}" after "i" ends "i".
      if (min === 0) walk(after, partial);
      return walk({ piece: { atom, min: 1, max: 1 }, after: ANYTHING }, partial);
    }
    // Optional: the word may go on without it.
    if (min === 0) walk(after, partial);
    switch (atom.kind) {
      case 'zero':
        // A word boundary or the end, after letters, ends the word; before any, it says nothing.
        return atom.ends && partial ? ends() : walk(after, partial);
      case 'char':
        return WORD.test(atom.char) ? walk(after, partial + atom.char) : ends();
      case 'class':
        if (atom.chars === null) return startsWith();
        if (atom.chars.every((c) => WORD.test(c))) return atom.chars.forEach((c) => walk(after, partial + c));
        return atom.chars.some((c) => WORD.test(c)) ? startsWith() : ends();
      case 'group':
        return atom.alternatives.forEach((alternative) => walk(prepend(alternative, after), partial));
    }
  };
  walk(start, '');
  return unknown ? null : found;
}

// Sticky: read where the parser stands, without copying the rest of the source.
const LOOKAROUND = /\?<?[=!]/y;
const REPEAT = /\{(\d+)(,(\d*))?\}/y;

/** Just enough of the regular-expression grammar for the rules' patterns; anything else throws. */
class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  alternatives(): Piece[][] {
    const alternatives: Piece[][] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      alternatives.push(this.sequence());
    }
    if (this.at < this.source.length && this.source[this.at] !== ')') throw new Error('unexpected');
    return alternatives;
  }

  private sequence(): Piece[] {
    const pieces: Piece[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      pieces.push({ atom, ...this.quantifier() });
    }
    return pieces;
  }

  private atom(): Atom {
    const c = this.source[this.at++]!;
    if (c === '(') {
      LOOKAROUND.lastIndex = this.at;
      const lookaround = LOOKAROUND.exec(this.source);
      if (lookaround) this.at += lookaround[0].length;
      else if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (this.source[this.at] === '?') throw new Error('named groups are not read');
      const alternatives = this.alternatives();
      if (this.source[this.at++] !== ')') throw new Error('unclosed group');
      // A lookaround takes no characters: it can only rule matches out.
      return lookaround ? { kind: 'zero', ends: false } : { kind: 'group', alternatives };
    }
    if (c === '[') return this.characterClass();
    if (c === '.') return { kind: 'class', chars: null };
    if (c === '^') return { kind: 'zero', ends: false };
    if (c === '$') return { kind: 'zero', ends: true };
    if (c === '\\') return this.escape();
    if ('*+?{'.includes(c)) throw new Error('quantifier without an atom');
    return { kind: 'char', char: c.toLowerCase() };
  }

  private escape(): Atom {
    const c = this.source[this.at++]!;
    if (c === 'b') return { kind: 'zero', ends: true };
    if (c === 'B') return { kind: 'zero', ends: false };
    if (c === 's') return { kind: 'class', chars: [' ', '\t', '\n'] };
    if (c === 'd') return { kind: 'class', chars: [...'0123456789'] };
    if ('wDWS'.includes(c) || /[0-9a-z]/i.test(c)) return { kind: 'class', chars: null };
    return { kind: 'char', char: c };
  }

  private characterClass(): Atom {
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const chars: string[] = [];
    let wide = false;
    while (this.source[this.at] !== ']') {
      if (this.at >= this.source.length) throw new Error('unclosed class');
      let c = this.source[this.at++]!;
      if (c === '\\') {
        c = this.source[this.at++]!;
        if (/[a-z]/i.test(c)) return this.skipClass();
      }
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']') {
        const to = this.source[this.at + 1]!;
        this.at += 2;
        if (to.charCodeAt(0) - c.charCodeAt(0) > 12) wide = true;
        else for (let code = c.charCodeAt(0); code <= to.charCodeAt(0); code++) chars.push(String.fromCharCode(code).toLowerCase());
      } else chars.push(c.toLowerCase());
    }
    this.at++;
    // [a-z] is as good as "any letter": only a small class of letters ([sz]) is worth spelling out.
    return { kind: 'class', chars: negated || wide || chars.length > 12 ? null : [...new Set(chars)] };
  }

  private skipClass(): Atom {
    while (this.source[this.at] !== ']') this.at += this.source[this.at] === '\\' ? 2 : 1;
    this.at++;
    return { kind: 'class', chars: null };
  }

  private quantifier(): { min: number; max: number } {
    const c = this.source[this.at];
    let range = { min: 1, max: 1 };
    if (c === '?') range = { min: 0, max: 1 };
    else if (c === '*') range = { min: 0, max: Infinity };
    else if (c === '+') range = { min: 1, max: Infinity };
    else if (c === '{') {
      REPEAT.lastIndex = this.at;
      const m = REPEAT.exec(this.source);
      if (!m) throw new Error('bad repeat');
      this.at += m[0].length - 1;
      range = { min: Number(m[1]), max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1]) };
    } else return range;
    this.at++;
    if (this.source[this.at] === '?') this.at++;
    return range;
  }
}
