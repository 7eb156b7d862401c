import { shortId } from '../core/entry.js';
import type { Label, PromptSet } from '../core/prompt-set.js';
import { safeLine, safeText } from './safe-text.js';
import type { Terminal } from './terminal.js';
import { plural } from '../core/plural.js';

/** The words around a guided session: its opening, its close, and where the answers went. */
export function intro(set: PromptSet, out: Terminal): string {
  const lines = ['', out.style.bold(safeLine(set.title))];
  if (set.intro) lines.push('', ...safeText(set.intro.trim()).split('\n').map((l) => `  ${out.style.italic(l)}`));
  lines.push(out.style.dim('  (Ctrl-C stops at any time; every answer is saved as you give it.)'), '');
  return `${lines.join('\n')}\n`;
}

export function outro(set: PromptSet, out: Terminal): string {
  return set.outro ? `\n${safeText(set.outro.trim()).split('\n').map((l) => `  ${out.style.italic(l)}`).join('\n')}\n` : '';
}

/** A label as a sentence says it, article and all: "a breakthrough", "neutral", "someone else’s conclusion (external)". */
export function labelPhrase(label: Label): string {
  if (label === 'external') return 'someone else’s conclusion (external)';
  return label === 'neutral' ? 'neutral' : `a ${label}`;
}

export function savedLine(sessionId: string, answers: number, out: Terminal, extra = ''): string {
  const id = shortId(sessionId);
  return `\n${out.style.green('Saved:')} session ${out.style.yellow(id)} (${plural(answers, 'answer')}${extra}). ${out.style.dim(`\`reflect show ${id}\``)}\n`;
}
