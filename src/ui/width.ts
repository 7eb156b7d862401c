/**
 * How many terminal columns text takes, and text cut or wrapped to a width. string-width and
 * wrap-ansi know wide (CJK, emoji) and zero-width characters, but cost start-up (~25 ms each,
 * measured unbundled), so they load only when some text on the page is not plain ASCII; for
 * ASCII, one character is one column and the cheap version below is exact.
 */
export interface Fit {
  width(text: string): number;
  /** The text in at most `columns` columns, ending in … when it was cut. */
  cut(text: string, columns: number): string;
  /** The text broken into lines of at most `columns` columns, at spaces where it can be. */
  wrap(text: string, columns: number): string;
}

const PLAIN = /^[\x20-\x7e\n]*$/;
// Our own styling (SGR codes) takes no columns.
const STYLE = /\x1b\[[0-9;]*m/g;

const asciiFit: Fit = {
  width: (text) => text.replace(STYLE, '').length,
  cut: (text, columns) => (text.length > columns ? `${text.slice(0, Math.max(0, columns - 1))}…` : text),
  wrap: (text, columns) => text.split('\n').map((line) => wrapAscii(line, columns)).join('\n'),
};

/** The cheapest Fit that is exact for all of `texts` (unstyled text: styling is added after fitting). */
export async function fitFor(texts: Iterable<string>): Promise<Fit> {
  for (const text of texts) if (!PLAIN.test(text)) return wideFit();
  return asciiFit;
}

async function wideFit(): Promise<Fit> {
  const [{ default: stringWidth }, { default: wrapAnsi }] = await Promise.all([import('string-width'), import('wrap-ansi')]);
  const graphemes = new Intl.Segmenter();
  return {
    width: (text) => stringWidth(text),
    // Not cli-truncate: its slice-ansi 5 counts an emoji as one column, so 🌱 rows overflow.
    // The text is cut before it is styled, so whole graphemes measured by string-width suffice.
    cut: (text, columns) => {
      if (stringWidth(text) <= columns) return text;
      let kept = '';
      let used = 0;
      for (const { segment } of graphemes.segment(text)) {
        const width = stringWidth(segment);
        if (used + width > columns - 1) break;
        kept += segment;
        used += width;
      }
      return `${kept}…`;
    },
    wrap: (text, columns) => wrapAnsi(text, columns, { hard: true }),
  };
}

function wrapAscii(line: string, columns: number): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > columns) {
    const space = rest.lastIndexOf(' ', columns);
    const at = space > 0 ? space : columns;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(space > 0 ? at + 1 : at);
  }
  out.push(rest);
  return out.join('\n');
}
