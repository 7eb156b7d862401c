/**
 * The writer's own markdown, kept as markdown inside an export, with only what would break the
 * export's structure changed. Fencing every such text (what the export did at first) kept it
 * exact, but a writer's `# Morning pages` then never rendered as a heading. What is changed, and why:
 * - headings (ATX and setext) are demoted below the export heading they sit under (`depth`), so
 *   a writer's `## 2026-01-01 · deadbeef` is never read as another entry;
 * - a thematic break of dashes or underscores is written `***`: a `---` line is never taken for
 *   the end of front matter, and a setext underline becomes the ATX heading it meant;
 * - a fence the writer left open is closed, and an HTML block that would run to the end of the
 *   document (a comment, <pre>, <script>… never closed) is escaped: neither swallows later entries;
 * - `]:` is escaped, so no line defines a link that would turn other entries' [words] into links.
 * Inside the writer's own closed fences nothing is changed. Backslash escapes render invisibly.
 */
export function safeMarkdown(text: string, depth: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let paragraph: string[] = []; // lines of the paragraph being read, still in `out` too
  // A fence inside a quote ends with the quote: it is closed inside it (`> `), or it would open anew outside.
  let fence: { char: string; length: number; quoted: string } | null = null;
  const heading = (level: number, body: string) => `${'#'.repeat(Math.min(6, level + depth))} ${body.trim()}`;
  for (const [i, line] of lines.entries()) {
    if (fence && fence.quoted && !/^ {0,3}>/.test(line)) fence = null;
    if (fence) {
      out.push(line);
      const close = /^ {0,3}(?:> ?)*(`{3,}|~{3,})[ \t\r]*$/.exec(line)?.[1];
      if (close && close[0] === fence.char && close.length >= fence.length) fence = null;
      continue;
    }
    const open = /^( {0,3}(?:> ?)*)(`{3,}|~{3,})/.exec(line);
    if (open && !(open[2]![0] === '`' && line.slice(open[0].length).includes('`'))) {
      fence = { char: open[2]![0]!, length: open[2]!.length, quoted: open[1]!.includes('>') ? '> ' : '' };
      paragraph = [];
      out.push(line);
      continue;
    }
    if (/^[ \t\r]*$/.test(line)) {
      paragraph = [];
      out.push(line);
      continue;
    }
    const setext = /^ {0,3}(=+|-+)[ \t\r]*$/.exec(line);
    if (setext && paragraph.length) {
      out.splice(out.length - paragraph.length, paragraph.length, heading(setext[1]![0] === '=' ? 1 : 2, paragraph.map((l) => l.trim()).join(' ')));
      paragraph = [];
      continue;
    }
    if (/^ {0,3}([-_])(?:[ \t]*\1){2,}[ \t\r]*$/.test(line)) {
      paragraph = [];
      out.push('***');
      continue;
    }
    const atx = /^( {0,3}(?:(?:> ?|[-*+] +|\d{1,9}[.)] +))*)(#{1,6})(?=[ \t\r]|$)(.*)$/.exec(line);
    if (atx) {
      paragraph = [];
      out.push(`${atx[1]}${heading(atx[2]!.length, atx[3]!)}`.trimEnd());
      continue;
    }
    let safe = line.replace(/\]:/g, '\\]:');
    const html = /^( {0,3}(?:> ?)*)</.exec(safe);
    if (html && paragraph.length === 0 && runsOn(safe.slice(html[1]!.length), lines.slice(i + 1))) safe = `${html[1]}\\${safe.slice(html[1]!.length)}`;
    // Lines that only start a block never continue a paragraph into a setext heading; the rest may.
    paragraph = /^ {0,3}(?:> ?|[-*+] |\d{1,9}[.)] |\|)/.test(line) || /^ {4}|^\t/.test(line) && paragraph.length === 0 ? [] : [...paragraph, safe];
    out.push(safe);
  }
  if (fence) out.push(`${fence.quoted}${fence.char.repeat(fence.length)}`);
  return out.join('\n');
}

// CommonMark's HTML blocks 1-5 end only at their own end marker, not at a blank line.
const LONG_HTML: [RegExp, string][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, '</'],
  [/^<!--/, '-->'],
  [/^<\?/, '?>'],
  [/^<![A-Za-z]/, '>'],
  [/^<!\[CDATA\[/, ']]>'],
];

/** Whether an HTML block starting with `start` would run past the end of the writer's text. */
function runsOn(start: string, rest: string[]): boolean {
  for (const [opens, ends] of LONG_HTML) {
    if (!opens.test(start)) continue;
    const end = ends === '</' ? /<\/(?:script|pre|style|textarea)>/i : null;
    return ![start, ...rest].some((l) => (end ? end.test(l) : l.includes(ends)));
  }
  return false;
}
