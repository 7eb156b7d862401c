/**
 * The one sanitiser for text shown to a person. Entries, imported journals and coaches' prompt
 * sets are text from someone else: a raw ESC, BEL or CSI in them would be obeyed by the terminal
 * (set the window title, clear the screen, hide what follows). Each such character is shown
 * visibly instead, so nothing is hidden and the reader can see something odd was there:
 *
 * - C0 controls and DEL as their Unicode control pictures (ESC → ␛, BEL → ␇, DEL → ␡): one
 *   column wide, like the character they stand for, so widths and truncation stay right.
 * - C1 controls (U+0080–U+009F, among them the one-byte CSI U+009B) as `\u009b`: they have no
 *   pictures, and U+FFFD would say "bad encoding" and lose which character it was.
 * - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) as `\u202e`: an
 *   unclosed override reverses everything after it on the line (the tags, the next column), and
 *   right-to-left writing reads rightly without them.
 *
 * Tab and newline stay; CRLF reads as a newline; a lone CR (which lets later text overwrite
 * earlier text) is a control like any other. Only ever applied to the data, before our own
 * styling: the styled string carries our ESC sequences on purpose. What is stored is never changed.
 */

// The CR of a CRLF is dropped first, so every CR left here is a lone one.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ANY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** How one unsafe character is shown. */
export function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return unicodeEscape(char);
}

/** `\u009b`: how a character with no picture is written, in text and in JSON alike. */
const unicodeEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Multi-line text (an entry in full, a set's intro), safe to print: tabs and newlines kept. */
export function safeText(text: string): string {
  if (!UNSAFE_ANY.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, visible);
}

/** Text inside a one-line view (a list line, a prompt's title, an error message): newlines become spaces. */
export function safeLine(text: string): string {
  return safeText(text.replace(/\r?\n|[\u2028\u2029]/g, ' '));
}

/**
 * JSON text for stdout with DEL, the C1 controls and the JS line/paragraph separators written as
 * `\uXXXX`: JSON.stringify escapes C0 but leaves these raw, and a terminal obeys U+009B. These
 * characters only ever appear inside JSON strings, so the result parses back to the same value.
 */
export function escapeJsonText(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, unicodeEscape);
}

// Our own styling (chalk's SGR codes), which the writer's text never holds once made safe.
const STYLE = /\x1b\[[0-9;]*m/g;

/** Text without our styling: what a reader sees, to measure or to search. */
export const unstyled = (text: string) => text.replace(STYLE, '');
