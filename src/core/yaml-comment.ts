/**
 * Someone else's text (a coach's question, a choice, a title) written into a YAML file we
 * generate, where it must stay inert: a comment that a newline in the text could end would let
 * the rest of the text become a key. So every line break the YAML reader knows ends our line and
 * the next one starts with `# ` again, and characters YAML forbids in a file (controls, lone
 * surrogates, a stray byte-order mark) are shown visibly, or the whole file would not read back.
 */

// Line breaks to YAML 1.2 are \n and \r; YAML 1.1 readers (and editors) also break at NEL, LS and PS.
const BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;
// Not printable to YAML, or reorders what follows on the line in an editor (bidi controls).
const UNPRINTABLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** C0 controls as their control pictures (ESC → ␛), one column like the character; the rest as \uXXXX. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text's lines, each safe inside a comment: no breaks, tabs as spaces, nothing YAML refuses. */
export function printableLines(text: string): string[] {
  return text.replace(BREAKS, '\n').replace(/\t/g, ' ').replace(UNPRINTABLE, visible).split('\n');
}

/** Greedy word wrap at `width` code points; a word longer than a line is cut. */
function wrap(line: string, width: number): string[] {
  const length = (s: string) => Array.from(s).length;
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ').filter(Boolean)) {
    if (current && length(current) + 1 + length(word) <= width) {
      current += ` ${word}`;
      continue;
    }
    if (current) out.push(current);
    const chars = Array.from(word);
    while (chars.length > width) out.push(chars.splice(0, width).join(''));
    current = chars.join('');
  }
  if (current) out.push(current);
  return out;
}

export interface CommentShape {
  /** Written after `# ` on every line (an indent, say). */
  lead?: string;
  /** Written after the lead on the first line only (`3. `); later lines are indented to match. */
  first?: string;
  maxLines?: number;
  width?: number;
}

/**
 * `text` as comment lines, wrapped to `width` columns, at most `maxLines` of them (the last
 * ends with … when text was left out). Blank lines in the text are dropped.
 */
export function commentLines(text: string, shape: CommentShape = {}): string[] {
  const { lead = '', first = '', maxLines = Infinity, width = 78 } = shape;
  const room = Math.max(width - 2 - lead.length - first.length, 20);
  const lines = printableLines(text).flatMap((l) => wrap(l.trim(), room));
  if (lines.length > maxLines) {
    lines.length = maxLines;
    const last = Array.from(lines[maxLines - 1]!);
    lines[maxLines - 1] = `${last.slice(0, room - 1).join('').trimEnd()}…`;
  }
  const hang = ' '.repeat(first.length);
  return lines.map((l, i) => `# ${lead}${i === 0 ? first : hang}${l}`);
}

// Plain words read as something other than text: by YAML 1.2 (null, true, false), or by YAML 1.1 tools.
const NOT_TEXT = new Set(['null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n']);

/** A map key that reads back as exactly `key`: plain when it is a safe id, else double-quoted with escapes. */
export function yamlKey(key: string): string {
  if (/^[a-z][a-z0-9_-]*$/.test(key) && !NOT_TEXT.has(key)) return key;
  let quoted = '"';
  for (const char of key) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') quoted += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) quoted += char;
    else if (code <= 0xffff) quoted += `\\u${code.toString(16).padStart(4, '0')}`;
    else quoted += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${quoted}"`;
}

/** A word for a POSIX shell command line, quoted only when it needs to be. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
