import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { entryLine } from '../../src/ui/render.js';
import type { Terminal } from '../../src/ui/terminal.js';
import { fitFor } from '../../src/ui/width.js';

const entry = (text: string, tags: string[]): Entry => ({
  id: '3f9c1a2b-0000-4000-8000-000000000000',
  date: new Date(2026, 10, 30, 21, 3),
  createdAt: new Date(2026, 10, 30, 21, 3),
  updatedAt: null,
  text,
  tags,
  session: null,
  label: null,
  labelSource: null,
});

const terminal = (columns: number, isTTY = true): Terminal => ({ write: () => {}, isTTY, columns, style: new Chalk({ level: 0 }) });

describe('an entry as one row', () => {
  it.each([
    ['a tag written in the text is not appended again', 'Found the photos in the drawer #family', ['family'], 'Found the photos in the drawer #family'],
    ['a --tag not in the text is appended', 'Found the photos in the drawer', ['family'], 'Found the photos in the drawer  #family'],
    ['only the tags the text lacks are appended', 'Talked to #Mum about it', ['family', 'mum'], 'Talked to #Mum about it  #family'],
  ])('%s', (_name, text, tags, shown) => {
    expect(entryLine(entry(text, tags), terminal(200, false))).toBe(`2026-11-30 21:03  3f9c1a2b  ${shown}`);
  });

  it('in a pipe, holds the whole text on the row, newlines folded to spaces', () => {
    const text = `${'word '.repeat(80)}end\n\nsecond paragraph\nthird line`;
    const line = entryLine(entry(text, []), terminal(100, false));
    expect(line).toBe(`2026-11-30 21:03  3f9c1a2b  ${'word '.repeat(80)}end second paragraph third line`);
  });

  it.each([80, 160])('on a %i-column terminal, fills the width by display width, Japanese too', async (columns) => {
    const text = '引き出しの中に古い写真がありました。'.repeat(10);
    const line = entryLine(entry(text, []), terminal(columns), { fit: await fitFor([text]) });
    expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    expect(stringWidth(line)).toBeGreaterThanOrEqual(columns - 1);
    expect(line.endsWith('…')).toBe(true);
  });

  it('appends a tag the cut hid from the text, still within the width', async () => {
    const text = `${'A long day at the allotment, weeding and thinking. '.repeat(3)}#garden`;
    const line = entryLine(entry(text, ['garden']), terminal(80), { fit: await fitFor([text]) });
    expect(line).toMatch(/…  #garden$/);
    expect(line.length).toBeLessThanOrEqual(80);
  });
});
