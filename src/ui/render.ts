import { shortId, type Entry } from '../core/entry.js';
import { tagsInText } from '../core/tags.js';
import { longStamp, stamp } from '../core/dates.js';
import { safeLine, safeText, unstyled } from './safe-text.js';
import type { Terminal } from './terminal.js';
import type { Fit } from './width.js';

/** How a one-line view is fitted: cut to the terminal by display width, or (in a pipe) never cut. */
export interface LineOptions {
  /** A search snippet, already highlighted and short: shown as it is, in place of the text. */
  snippet?: string;
  /** Cut to `out.columns` with this; without it the whole text is on the row (for grep). */
  fit?: Fit;
}

/** An entry's text on one line: newlines and runs of space folded to one space. */
export const oneLine = (text: string) => safeLine(text).replace(/\s+/g, ' ').trim();

/**
 * One line per entry: date, short id, ★ when starred, label, set, text, and the tags the text
 * does not already show. Every piece of the writer's text is made safe before it is styled or measured.
 */
export function entryLine(entry: Entry, out: Terminal, { snippet, fit }: LineOptions = {}): string {
  const { style } = out;
  const proposed = entry.labelSource === 'model';
  const shown = entry.label && entry.label !== 'neutral' ? entry.label : null;
  const head = [style.dim(stamp(entry.date)), style.yellow(shortId(entry.id))];
  const headText = [stamp(entry.date), shortId(entry.id)];
  if (entry.starred) {
    head.push(style.yellow(STAR));
    headText.push(STAR);
  }
  if (shown) {
    head.push(labelBadge(shown, out, proposed));
    headText.push(labelText(shown, proposed));
  }
  if (entry.session) {
    const setId = `[${safeLine(entry.session.setId)}]`;
    head.push(style.dim(setId));
    headText.push(setId);
  }
  const full = snippet ?? oneLine(entry.text);
  const inText = snippet === undefined ? entry.text : unstyled(snippet);
  const { text, tags } = fitText(full, tagsNotIn(entry.tags, inText), fit && snippet === undefined ? { fit, room: out.columns - lineWidth(headText, fit) } : null);
  return [...head, text, tags.length ? style.cyan(safeLine(tags.map((t) => `#${t}`).join(' '))) : ''].filter(Boolean).join('  ');
}

/** The mark of a starred entry, in list rows, `show` and markdown exports. */
export const STAR = '★';

/** The tags to append after the text: those it does not already show as #tag. */
export function tagsNotIn(tags: readonly string[], text: string): string[] {
  const inText = new Set(tagsInText(text));
  return tags.filter((t) => !inText.has(t));
}

/** The width of pieces joined by two spaces, plus the two before what follows them. */
const lineWidth = (pieces: readonly string[], fit: Fit) => pieces.reduce((sum, p) => sum + fit.width(p) + 2, 0);

/**
 * Cuts the text into the room left on the line. A #tag the cut hides is appended instead, so
 * every tag stays visible; appending takes room, so cut again until nothing more is hidden.
 */
function fitText(full: string, tags: string[], room: { fit: Fit; room: number } | null): { text: string; tags: string[] } {
  if (!room) return { text: full, tags };
  const { fit } = room;
  let shownTags = tags;
  for (;;) {
    const tagWidth = shownTags.length ? fit.width(safeLine(shownTags.map((t) => `#${t}`).join(' '))) + 2 : 0;
    const text = fit.cut(full, Math.max(10, room.room - tagWidth));
    if (text === full) return { text, tags: shownTags };
    const hidden = tags.concat(tagsInText(full)).filter((t, i, all) => all.indexOf(t) === i && !tagsInText(text.replace(/…$/, '')).includes(t));
    if (hidden.length === shownTags.length) return { text, tags: shownTags };
    shownTags = hidden.sort();
  }
}

/** Cuts by code points; for short fixed-width quotes where display width does not matter. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text;
}

/**
 * A label as the writer reads it. Their own label is shown plainly; one the classifier proposed
 * and they have not confirmed is dimmed and ends in "?", so it reads as a question without colour too.
 */
export function labelBadge(label: string, out: Terminal, proposed = false): string {
  const { style } = out;
  const text = labelText(label, proposed);
  const colour =
    label === 'breakthrough' ? style.magenta : label === 'skill' ? style.green : label === 'challenge' ? style.red : label === 'external' ? style.blue : null;
  if (!colour) return style.dim(text);
  if (proposed) return colour.dim(text);
  return label === 'breakthrough' ? colour.bold(text) : colour(text);
}

/** The badge's words without colour: "✦ breakthrough", "skill", and a trailing "?" when only proposed. */
export function labelText(label: string, proposed = false): string {
  return `${label === 'breakthrough' ? '✦ ' : ''}${safeLine(label)}${proposed ? '?' : ''}`;
}

/** An entry's label badge, marked as proposed when the label is the classifier's; '' when it has none. */
export const entryBadge = (entry: Entry, out: Terminal): string =>
  entry.label ? labelBadge(entry.label, out, entry.labelSource === 'model') : '';

/** An entry in full for `show`; with `fit` (on a terminal) its text is broken between words at the terminal's width. */
export function entryFull(entry: Entry, out: Terminal, fit?: Fit): string {
  const { style } = out;
  // The date and the whole id fill most of an 80-column line: the star and label go on the next.
  const marks = [entry.starred ? style.yellow(`${STAR} starred`) : '', entryBadge(entry, out)].filter(Boolean);
  const lines = [`${style.bold(longStamp(entry.date))}  ${style.yellow(entry.id)}`];
  if (marks.length) lines.push(marks.join('  '));
  if (entry.session) lines.push(style.dim(`From session ${shortId(entry.session.id)} (${safeLine(entry.session.setId)}): ${safeLine(entry.session.question)}`));
  if (entry.tags.length) lines.push(style.cyan(safeLine(entry.tags.map((t) => `#${t}`).join(' '))));
  if (entry.updatedAt) lines.push(style.dim(`edited ${stamp(entry.updatedAt)}`));
  if (entry.labelSource === 'model' && entry.label !== 'neutral') {
    lines.push(style.dim(`label proposed by reflect; yours with \`reflect label ${shortId(entry.id)} <label>\``));
  }
  lines.push('', fit ? fit.wrap(safeText(entry.text), Math.max(20, out.columns - 1)) : safeText(entry.text), '');
  return lines.join('\n');
}

/**
 * Replaces the search snippet's match markers with highlighting (or nothing, without colour).
 * The markers are control characters themselves, so the text between them is made safe piece by
 * piece, after the markers are found and before the highlight is applied.
 */
export function highlight(snippet: string, out: Terminal, start: string, end: string): string {
  const pattern = new RegExp(`${start}(.*?)${end}`, 'gs');
  const flat = (text: string) => safeLine(text.replace(/\s+/g, ' '));
  let shown = '';
  let at = 0;
  for (const match of snippet.matchAll(pattern)) {
    shown += flat(snippet.slice(at, match.index)) + out.style.bold.underline(flat(match[1]!));
    at = match.index + match[0].length;
  }
  return (shown + flat(snippet.slice(at))).replace(/ {2,}/g, ' ');
}

/** A commitment's status as a task-list box: [x] done, [-] dropped, [ ] open. */
export function actionBox(status: 'open' | 'done' | 'dropped', out: Terminal): string {
  return status === 'done' ? out.style.green('[x]') : status === 'dropped' ? out.style.dim('[-]') : '[ ]';
}
