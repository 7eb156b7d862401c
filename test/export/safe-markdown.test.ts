import { lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { safeMarkdown } from '../../src/export/safe-markdown.js';

// The writer's markdown under an export heading of depth 2: [text, what the export writes].
const CASES: [string, string, string][] = [
  ['a setext h1 becomes an ATX heading below the entry', 'Title\n===\nbody', '### Title\nbody'],
  ['a setext heading of two lines is one heading', 'one\ntwo\n---', '#### one two'],
  ['a heading in a list item or a quote is demoted too', '- # in a list\n> ## in a quote', '- ### in a list\n> #### in a quote'],
  ['a heading too deep to demote stays at level 6', '##### five\n###### six', '###### five\n###### six'],
  ['an underscore break is written ***', '___', '***'],
  ['a closed HTML comment is kept', '<!-- note --> and on', '<!-- note --> and on'],
  ['an unclosed <pre> is escaped', '<pre>\nno end', '\\<pre>\nno end'],
  ['a <pre> closed later is kept', '<pre>\nx\n</pre>', '<pre>\nx\n</pre>'],
  ['nothing changes inside a closed fence', '```\n# not a heading\n---\n[a]: b\n```', '```\n# not a heading\n---\n[a]: b\n```'],
  ['a fence opened in a quote and left open is closed inside it', '> ```\n> code', '> ```\n> code\n> ```'],
  ['a fence in a quote ends with the quote', '> ```\n> code\n# after', '> ```\n> code\n### after'],
  ['a line after a table row is not a setext heading', '| a |\n---', '| a |\n***'],
  ['#hashtags are not headings', '#work and #life', '#work and #life'],
];

describe('safeMarkdown', () => {
  it.each(CASES)('%s', (_name, text, exported) => {
    expect(safeMarkdown(text, 2)).toBe(exported);
  });

  it.each(CASES)('%s: under an entry heading, nothing reads as a heading at its level or above', (_name, text) => {
    const doc = `## entry\n\n${safeMarkdown(text, 2)}\n\n## next entry\n\nafter\n`;
    const tokens = lexer(doc);
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings.filter((h) => h.depth <= 2).map((h) => h.text)).toEqual(['entry', 'next entry']);
    expect(tokens.at(-1)).toMatchObject({ type: 'paragraph', text: 'after' });
    expect(tokens.links).toEqual({});
  });
});
