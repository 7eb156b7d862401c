import { firstLine, shortId, type Entry } from '../core/entry.js';
import { longStamp, stamp } from '../core/dates.js';
import type { Terminal } from './terminal.js';

/**
 * One line per entry: date, short id, label, first line of text, tags. The text is cut to the
 * terminal's width; a search snippet (already highlighted, and short) is shown as it is.
 */
export function entryLine(entry: Entry, out: Terminal, snippet?: string): string {
  const { style } = out;
  const tags = entry.tags.map((t) => `#${t}`).join(' ');
  const label = entry.label && entry.label !== 'neutral' ? labelBadge(entry.label, out) : '';
  const set = entry.session ? style.dim(`[${entry.session.setId}]`) : '';
  let text = snippet;
  if (text === undefined) {
    const used = 16 + 2 + 8 + 2 + (tags ? tags.length + 2 : 0) + (entry.label ? entry.label.length + 4 : 0) +
      (entry.session ? entry.session.setId.length + 3 : 0);
    text = truncate(firstLine(entry.text), Math.max(20, out.columns - used - 1));
  }
  return [style.dim(stamp(entry.date)), style.yellow(shortId(entry.id)), label, set, text, tags ? style.cyan(tags) : '']
    .filter(Boolean)
    .join('  ');
}

export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text;
}

export function labelBadge(label: string, out: Terminal): string {
  const { style } = out;
  if (label === 'breakthrough') return style.bold.magenta('✦ breakthrough');
  if (label === 'skill') return style.green('skill');
  if (label === 'challenge') return style.red('challenge');
  if (label === 'external') return style.blue('external');
  return style.dim(label);
}

/** The whole entry, as `show` prints it. */
export function entryFull(entry: Entry, out: Terminal): string {
  const { style } = out;
  const head = [
    style.bold(longStamp(entry.date)),
    style.yellow(entry.id),
    entry.label ? labelBadge(entry.label, out) : '',
  ].filter(Boolean);
  const lines = [head.join('  ')];
  if (entry.session) lines.push(style.dim(`From session ${shortId(entry.session.id)} (${entry.session.setId}): ${entry.session.question}`));
  if (entry.tags.length) lines.push(style.cyan(entry.tags.map((t) => `#${t}`).join(' ')));
  if (entry.updatedAt) lines.push(style.dim(`edited ${stamp(entry.updatedAt)}`));
  lines.push('', entry.text, '');
  return lines.join('\n');
}

/** Replaces the search snippet's match markers with highlighting (or nothing, without colour). */
export function highlight(snippet: string, out: Terminal, start: string, end: string): string {
  const pattern = new RegExp(`${start}(.*?)${end}`, 'gs');
  return snippet.replace(pattern, (_, word: string) => out.style.bold.underline(word)).replace(/\s+/g, ' ');
}

/** A commitment's status as a task-list box: [x] done, [-] dropped, [ ] open. */
export function actionBox(status: 'open' | 'done' | 'dropped', out: Terminal): string {
  return status === 'done' ? out.style.green('[x]') : status === 'dropped' ? out.style.dim('[-]') : '[ ]';
}
