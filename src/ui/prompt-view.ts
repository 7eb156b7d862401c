import type { Elicits, PromptSet, Question } from '../core/prompt-set.js';
import { describeCondition } from '../core/condition-words.js';
import { scaleRange } from '../core/prompt-set.js';
import { safeLine as line, safeText } from './safe-text.js';
import type { Terminal } from './terminal.js';

/**
 * A prompt set's flow as a coach reads it: each question, its type, what it listens for, when it is
 * asked, its probes. A set file is someone else's text: every piece of it is made safe before styling.
 */
export function setFlow(set: PromptSet, origin: string, out: Terminal): string {
  const { style } = out;
  const lines = [style.bold(line(set.title)) + style.dim(line(`  (${set.id}${set.version ? ` v${set.version}` : ''}, ${origin})`))];
  if (set.description) lines.push(safeText(set.description));
  if (set.intro) lines.push('', style.dim('Intro:'), ...indent(set.intro));
  lines.push('');
  set.questions.forEach((q, i) => {
    lines.push(`${style.yellow(`${i + 1}.`)} ${style.bold(line(q.id))} ${style.dim(line(`[${typeOf(q)}]`))} ${line(q.ask)}`);
    if (q.hint) lines.push(style.dim(`     hint: ${line(q.hint)}`));
    if (q.elicits) lines.push(style.dim(`     ${listensFor(q.elicits)}`));
    if (q.when) lines.push(style.cyan(`     only if ${line(describeCondition(q.when))}`));
    for (const probe of q.deeper ?? []) lines.push(`     ↳ ${line(probe.ask)}${probe.elicits ? style.dim(`  (${listensFor(probe.elicits)})`) : ''}`);
  });
  if (set.outro) lines.push('', style.dim('Outro:'), ...indent(set.outro));
  const actions = Object.entries(set.actions ?? {});
  if (actions.length) {
    lines.push('', style.dim('Next actions offered:'));
    for (const [label, list] of actions) for (const action of list ?? []) lines.push(line(`  ${label}: ${action}`));
  }
  return `${lines.join('\n')}\n`;
}

function typeOf(q: Question): string {
  const optional = q.required ? '' : ', optional';
  if (q.type === 'scale') {
    const [min, max] = scaleRange(q);
    return `scale ${min}–${max}${optional}`;
  }
  if (q.type === 'choice' || q.type === 'multi') return `${q.type}: ${(q.choices ?? []).map((c) => c.value).join(' | ')}${optional}`;
  return `${q.type}${optional}`;
}

/** "listens for: a value", "listens for: an insight". */
export function listensFor(elicits: Elicits): string {
  return `listens for: ${elicits === 'insight' ? 'an' : 'a'} ${elicits}`;
}

const indent = (text: string) => safeText(text.trim()).split('\n').map((l) => `  ${l}`);
