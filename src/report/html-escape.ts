/**
 * Journal text into HTML. A journal may hold anything a person can paste: markup, quotes, control
 * characters, half of an emoji. Everything shown in the report passes through `esc`, in text and
 * in attribute values alike (it escapes both quote marks).
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Controls other than tab and newline are parse errors in HTML (NUL among them); lone surrogates
// are not text at all. Each becomes U+FFFD, so the reader sees that something was there.
const NOT_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function esc(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(NOT_TEXT, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
