import { shortDay, stamp } from '../core/dates.js';
import { shortId, type Entry } from '../core/entry.js';
import { plural } from '../core/plural.js';
import type { Action } from '../store/actions.js';
import type { SessionSummary } from '../store/sessions.js';
import { labelBadge } from './render.js';
import { safeLine, safeText } from './safe-text.js';
import type { Terminal } from './terminal.js';
import type { Fit } from './width.js';

/** A committed step as one phrase: "Talk to Dana (due Fri 4 Dec)", "… (done)". */
export function stepText(step: Action): string {
  const when = step.status !== 'open' ? step.status : step.dueAt ? `due ${shortDay(step.dueAt)}` : 'no date yet';
  return `${safeLine(step.text)} (${when})`;
}

/** ✦ when an answer is a breakthrough; ✦? when every one of them is only reflect's proposal. */
function breakthroughMark(session: SessionSummary, out: Terminal): { styled: string; plain: string } | null {
  if (!session.breakthroughs) return null;
  const proposed = session.confirmedBreakthroughs === 0;
  return { styled: proposed ? out.style.magenta.dim('✦?') : out.style.magenta.bold('✦'), plain: proposed ? '✦?' : '✦' };
}

/** What a session row says after its date and id: set, how many answers, the step. */
const sessionBody = (session: SessionSummary) =>
  [safeLine(session.setTitle), plural(session.answers, 'answer'), session.step ? `step: ${stepText(session.step)}` : '', session.status === 'open' ? 'unfinished' : '']
    .filter(Boolean)
    .join(' · ');

/** A guided session as one row of `list` and `sessions`, cut to the terminal with `fit`. */
export function sessionLine(session: SessionSummary, out: Terminal, fit?: Fit): string {
  const { style } = out;
  const mark = breakthroughMark(session, out);
  const head = [stamp(session.startedAt), shortId(session.id), ...(mark ? [mark.plain] : [])];
  let body = sessionBody(session);
  if (fit) body = fit.cut(body, Math.max(10, out.columns - head.reduce((sum, p) => sum + fit.width(p) + 2, 0)));
  return [style.dim(head[0]!), style.yellow(head[1]!), mark?.styled ?? '', body].filter(Boolean).join('  ');
}

/** Text as a block under its heading: indented, wrapped to the terminal with `fit`. */
function block(text: string, indent: string, out: Terminal, fit?: Fit): string[] {
  const safe = safeText(text.trim());
  const wrapped = fit ? fit.wrap(safe, Math.max(20, out.columns - indent.length)) : safe;
  return wrapped.split('\n').map((line) => (line ? indent + line : ''));
}

/** An entry in full for `list --full`: its date, id, label, set and every tag, then the whole text. */
export function entryBlock(entry: Entry, out: Terminal, fit?: Fit): string {
  const { style } = out;
  const shown = entry.label && entry.label !== 'neutral' ? entry.label : null;
  const head = [
    style.dim(stamp(entry.date)),
    style.yellow(shortId(entry.id)),
    shown ? labelBadge(shown, out, entry.labelSource === 'model') : '',
    entry.session ? style.dim(`[${safeLine(entry.session.setId)}] ${safeLine(entry.session.question)}`) : '',
    entry.tags.length ? style.cyan(safeLine(entry.tags.map((t) => `#${t}`).join(' '))) : '',
  ].filter(Boolean);
  return [head.join('  '), ...block(entry.text, '  ', out, fit), ''].join('\n');
}

/** A session in full for `list --full`: its row, then each answer under its question. */
export function sessionBlock(session: SessionSummary, answers: readonly Entry[], out: Terminal, fit?: Fit): string {
  const { style } = out;
  const lines = [sessionLine(session, out)];
  for (const answer of answers) {
    const probe = answer.session!.depth > 0;
    const label = answer.label && answer.label !== 'neutral' ? `  ${labelBadge(answer.label, out, answer.labelSource === 'model')}` : '';
    lines.push(`${probe ? '    ↳ ' : '  '}${style.bold(safeLine(answer.session!.question))}${label}`);
    lines.push(...block(answer.text, probe ? '      ' : '    ', out, fit));
  }
  return `${lines.join('\n')}\n`;
}
