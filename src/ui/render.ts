import { firstLine, shortId, type Entry } from '../core/entry.js';
import { longStamp, stamp } from '../core/dates.js';
import { safeLine, safeText } from './safe-text.js';
import type { Terminal } from './terminal.js';

/**
 * One line per entry: date, short id, ★ when starred, label, first line of text, tags. The text is cut to the
 * terminal's width; a search snippet (already highlighted, and short) is shown as it is. Every
 * piece of the writer's text is made safe before it is styled or measured.
 */
export function entryLine(entry: Entry, out: Terminal, snippet?: string): string {
  const { style } = out;
  const tags = safeLine(entry.tags.map((t) => `#${t}`).join(' '));
  const proposed = entry.labelSource === 'model';
  const shown = entry.label && entry.label !== 'neutral' ? entry.label : null;
  const label = shown ? labelBadge(shown, out, proposed) : '';
  const setId = entry.session ? safeLine(entry.session.setId) : '';
  const set = entry.session ? style.dim(`[${setId}]`) : '';
  let text = snippet;
  if (text === undefined) {
    const used = 16 + 2 + 8 + 2 + (tags ? tags.length + 2 : 0) + (shown ? labelText(shown, proposed).length + 2 : 0) +
      (entry.session ? setId.length + 3 : 0) + (entry.starred ? 3 : 0);
    text = truncate(safeLine(firstLine(entry.text)), Math.max(20, out.columns - used - 1));
  }
  const star = entry.starred ? style.yellow(STAR) : '';
  return [style.dim(stamp(entry.date)), style.yellow(shortId(entry.id)), star, label, set, text, tags ? style.cyan(tags) : '']
    .filter(Boolean)
    .join('  ');
}

/** The mark of a starred entry, in list rows, `show` and markdown exports. */
export const STAR = '★';

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

/** The whole entry, as `show` prints it. */
export function entryFull(entry: Entry, out: Terminal): string {
  const { style } = out;
  const head = [
    style.bold(longStamp(entry.date)),
    style.yellow(entry.id),
    entry.starred ? style.yellow(`${STAR} starred`) : '',
    entryBadge(entry, out),
  ].filter(Boolean);
  const lines = [head.join('  ')];
  if (entry.session) lines.push(style.dim(`From session ${shortId(entry.session.id)} (${safeLine(entry.session.setId)}): ${safeLine(entry.session.question)}`));
  if (entry.tags.length) lines.push(style.cyan(safeLine(entry.tags.map((t) => `#${t}`).join(' '))));
  if (entry.updatedAt) lines.push(style.dim(`edited ${stamp(entry.updatedAt)}`));
  if (entry.labelSource === 'model' && entry.label !== 'neutral') {
    lines.push(style.dim(`label proposed by reflect; confirm or change it: \`reflect label ${shortId(entry.id)} <label>\``));
  }
  lines.push('', safeText(entry.text), '');
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
