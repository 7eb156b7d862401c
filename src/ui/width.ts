import { unstyled } from './safe-text.js';

/**
 * How many terminal columns text takes, and text cut or wrapped to a width. string-width and
 * wrap-ansi know wide (CJK, emoji) and zero-width characters, but cost start-up (~20 ms for
 * string-width's chunk, measured), so they load only when some text on the page needs them. In
 * ASCII, Latin accents and typographic punctuation (’ “ — …) every UTF-16 unit is one column, so
 * the cheap version below is exact for them.
 */
export interface Fit {
  width(text: string): number;
  /** The text in at most `columns` columns, ending in … when it was cut. */
  cut(text: string, columns: number): string;
  /** The text broken into lines of at most `columns` columns, at spaces where it can be. */
  wrap(text: string, columns: number): string;
}

// Printable ASCII, Latin-1 and Latin Extended-A/B letters (not the soft hyphen, which takes no
// column), and General Punctuation's dashes, quotes, bullets and ellipsis: one column each.
const NARROW = /^[\x20-\x7e\n\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027]*$/;

const narrowFit: Fit = {
  width: (text) => unstyled(text).length,
  cut: (text, columns) => (text.length > columns ? ellipsis(text.slice(0, Math.max(0, columns - 1))) : text),
  wrap: (text, columns) => text.split('\n').map((line) => wrapAscii(line, columns)).join('\n'),
};

/**
 * The cheapest Fit that is exact for all of `texts` (unstyled text: styling is added after
 * fitting). `wrap` loads wrap-ansi too, for views that wrap (`list --full`).
 */
export async function fitFor(texts: Iterable<string>, { wrap = false } = {}): Promise<Fit> {
  for (const text of texts) if (!NARROW.test(text)) return wideFit(wrap);
  return narrowFit;
}

/** Breaks text between words at the terminal's width, the first line after `first`, the rest under `rest`. */
export type Wrapper = (text: string, first: string, rest?: string) => string;

/** A Wrapper for `out`: on a terminal it wraps `texts` (and text like them); off one, lines stay whole, for grep. */
export async function wrapperFor(out: { isTTY: boolean; columns: number }, texts: Iterable<string>): Promise<Wrapper> {
  const fit = out.isTTY ? await fitFor(texts, { wrap: true }) : null;
  return (text, first, rest = ' '.repeat(first.length)) =>
    (fit ? fit.wrap(text, Math.max(20, out.columns - rest.length - 1)).split('\n') : [text]).map((line, i) => `${i === 0 ? first : rest}${line}`).join('\n');
}

async function wideFit(wrap: boolean): Promise<Fit> {
  const [{ default: stringWidth }, wrapAnsi] = await Promise.all([
    import('string-width'),
    wrap ? import('wrap-ansi').then((m) => m.default) : null,
  ]);
  const graphemes = new Intl.Segmenter();
  // string-width runs an emoji pattern over what it measures (~5 ms for 2,000 characters), so it
  // is asked about each distinct grapheme once, and only as far into a text as a row can show.
  const known = new Map<string, number>();
  const widthOf = (g: string) => {
    if (g.length === 1 && g >= ' ' && g <= '~') return 1;
    let width = known.get(g);
    if (width === undefined) known.set(g, (width = stringWidth(g)));
    return width;
  };
  const measure = (text: string, limit = Infinity) => {
    let used = 0;
    for (const { segment } of graphemes.segment(text)) if ((used += widthOf(segment)) > limit) break;
    return used;
  };
  return {
    width: (text) => measure(unstyled(text)),
    // Not cli-truncate: its slice-ansi 5 counts an emoji as one column, so 🌱 rows overflow.
    // The text is cut before it is styled, so whole graphemes are all there is to count.
    cut: (text, columns) => {
      if (measure(text, columns) <= columns) return text;
      let kept = '';
      let used = 0;
      for (const { segment } of graphemes.segment(text)) {
        const width = widthOf(segment);
        if (used + width > columns - 1) break;
        kept += segment;
        used += width;
      }
      return ellipsis(kept);
    },
    wrap: (text, columns) => (wrapAnsi ? wrapAnsi(text, columns, { hard: true }) : narrowFit.wrap(text, columns)),
  };
}

/** Cut text with its … mark; a cut that ends on the text's own … (or a space) does not get a second. */
const ellipsis = (kept: string) => `${kept.replace(/[\s…]+$/u, '')}…`;

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
