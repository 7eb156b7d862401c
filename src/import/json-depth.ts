import { invalidInput } from '../core/errors.js';
import { MAX_JSON_DEPTH } from '../core/limits.js';

/**
 * Refuses JSON text that nests deeper than MAX_JSON_DEPTH, before anything parses or walks it:
 * a loop over the characters, not a recursion, so a file of a million "[" cannot overflow the
 * stack here or later. Brackets inside strings do not count.
 */
export function checkJsonDepth(text: string, where: string): void {
  // Most records hold a handful of brackets: counting them (natively) rules out deep nesting
  // without walking every character of every entry's text.
  if (!moreBracketsThan(text, MAX_JSON_DEPTH)) return;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw invalidInput(`${where} nests lists or objects more than ${MAX_JSON_DEPTH} deep; reflect reads no deeper; nothing was imported`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

function moreBracketsThan(text: string, limit: number): boolean {
  let n = 0;
  for (const bracket of ['[', '{']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1)) if (++n > limit) return true;
  }
  return false;
}
