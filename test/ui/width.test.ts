import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitFor } from '../../src/ui/width.js';

const JAPANESE = '引き出しの中に古い写真がありました。家族の思い出がたくさん詰まっています。';

describe('fitting text to the terminal by display width', () => {
  it.each([
    ['plain ASCII', 'The drawer was full of old letters from grandmother', 20],
    ['Japanese (two columns a character)', JAPANESE, 21],
    ['emoji', '🌱🌱🌱 a small start 🌱🌱🌱 and more words after it', 15],
    ['accents', 'Café crème, déjà vu, naïve résumé and so on and on', 18],
    ['typographic quotes and dashes', '“It’s fine” — she said… and it wasn’t, not really, not at all', 17],
    ['a soft hyphen and a combining accent', 'co\u00adoperation and Cafe\u0301 and more words after them', 14],
  ])('cuts %s to at most the width, ending in …', async (_name, text, columns) => {
    const fit = await fitFor([text]);
    const cut = fit.cut(text, columns);
    expect(stringWidth(cut)).toBeLessThanOrEqual(columns);
    expect(stringWidth(cut)).toBeGreaterThanOrEqual(columns - 1); // a wide character may leave one column
    expect(cut.endsWith('…')).toBe(true);
    expect(fit.width(text)).toBe(stringWidth(text));
  });

  it.each([
    ['ASCII', 'naming what you have been doing ("I have been apologising for…") and more'],
    ['Japanese', '「いつも謝ってばかり…」と書いたことに気づいた'],
  ])('never ends a cut %s text in two ellipses when the cut falls on its own …', async (_name, text) => {
    // Just room for the text up to its own … and one more column: where a second … would go.
    const columns = stringWidth(text.slice(0, text.indexOf('…') + 1)) + 1;
    const cut = (await fitFor([text])).cut(text, columns);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/…\s*…$/u);
  });

  it('leaves text that fits as it is', async () => {
    for (const text of ['short', '短い']) expect((await fitFor([text])).cut(text, 10)).toBe(text);
  });

  it.each([
    ['plain ASCII', 'one two three four five six seven eight nine ten eleven twelve', 16],
    ['Japanese', JAPANESE, 16],
    ['emoji', '🌱🌱🌱 a small start 🌱🌱🌱 and more words after it', 12],
    ['a word longer than the line', 'a supercalifragilisticexpialidocious word', 10],
  ])('wraps %s into lines no wider than the width, losing no word', async (_name, text, columns) => {
    const fit = await fitFor([text], { wrap: true });
    const lines = fit.wrap(text, columns).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
