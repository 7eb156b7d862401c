import { dueDay, stamp } from '../core/dates.js';
import { shortId, type Entry } from '../core/entry.js';
import { plural } from '../core/plural.js';
import type { Action } from '../store/actions.js';
import type { SessionSummary } from '../store/sessions.js';
import { labelBadge, labelText } from './render.js';
import { safeLine, safeText } from './safe-text.js';
import type { Terminal } from './terminal.js';
import type { Fit } from './width.js';

/** A committed step as one phrase: "Talk to Dana (due Fri 4 Dec)", "… (due Fri 4 Dec 17:00)", "… (done)". */
export function stepText(step: Action): string {
  const when = step.status !== 'open' ? step.status : step.dueAt ? `due ${dueDay(step.dueAt)}` : 'no date yet';
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
export function block(text: string, indent: string, out: Terminal, fit?: Fit, room = 0): string[] {
  const safe = safeText(text.trim());
  const wrapped = fit ? fit.wrap(safe, Math.max(20, out.columns - indent.length - room)) : safe;
  return wrapped.split('\n').map((line) => (line ? indent + line : ''));
}

/** A heading (a question) wrapped, styled line by line, with a badge after its last line. */
export function heading(text: string, indent: string, badge: { styled: string; plain: string } | null, out: Terminal, fit?: Fit): string[] {
  const lines = block(safeLine(text), indent, out, fit, badge ? badge.plain.length + 2 : 0).map((l) => indent + out.style.bold(l.slice(indent.length)));
  if (badge) lines[lines.length - 1] += `  ${badge.styled}`;
  return lines;
}

const answerBadge = (entry: Entry, out: Terminal) => {
  if (!entry.label || entry.label === 'neutral') return null;
  const proposed = entry.labelSource === 'model';
  return { styled: labelBadge(entry.label, out, proposed), plain: labelText(entry.label, proposed) };
};

/** An entry in full for `list --full`: its date, id, label and every tag, the question it answers, then the whole text. */
export function entryBlock(entry: Entry, out: Terminal, fit?: Fit): string {
  const { style } = out;
  const badge = answerBadge(entry, out);
  const head = [
    style.dim(stamp(entry.date)),
    style.yellow(shortId(entry.id)),
    badge?.styled ?? '',
    entry.session ? style.dim(`[${safeLine(entry.session.setId)}]`) : '',
    entry.tags.length ? style.cyan(safeLine(entry.tags.map((t) => `#${t}`).join(' '))) : '',
  ].filter(Boolean);
  const question = entry.session ? block(safeLine(entry.session.question), '  ', out, fit).map((l) => style.dim(l)) : [];
  return [head.join('  '), ...question, ...block(entry.text, '  ', out, fit), ''].join('\n');
}

/** A session in full for `list --full`: date, set and answers, the step, then each answer under its question. */
export function sessionBlock(session: SessionSummary, answers: readonly Entry[], out: Terminal, fit?: Fit): string {
  const { style } = out;
  const mark = breakthroughMark(session, out);
  const title = [safeLine(session.setTitle), plural(session.answers, 'answer'), session.status === 'open' ? 'unfinished' : ''].filter(Boolean).join(' · ');
  const lines = [[style.dim(stamp(session.startedAt)), style.yellow(shortId(session.id)), mark?.styled ?? '', style.bold(title)].filter(Boolean).join('  ')];
  if (session.step) lines.push(...block(`Step: ${stepText(session.step)}`, '  ', out, fit));
  for (const answer of answers) {
    const probe = answer.session!.depth > 0;
    lines.push(...heading(`${probe ? '↳ ' : ''}${answer.session!.question}`, probe ? '    ' : '  ', answerBadge(answer, out), out, fit));
    lines.push(...block(answer.text, probe ? '      ' : '    ', out, fit));
  }
  return `${lines.join('\n')}\n`;
}
