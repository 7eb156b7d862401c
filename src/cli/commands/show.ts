import { Command } from 'commander';
import { shortId } from '../../core/entry.js';
import { getEntry } from '../../store/entries.js';
import { findById } from '../../store/lookup.js';
import { sessionEntries, sessionSummary } from '../../store/sessions.js';
import { entryJson, printJson } from '../../ui/json.js';
import { block, heading, stepText } from '../../ui/list-view.js';
import { page } from '../../ui/pager.js';
import { longStamp } from '../../core/dates.js';
import { entryBadge, entryFull, labelText } from '../../ui/render.js';
import { safeLine, safeText } from '../../ui/safe-text.js';
import { fitFor } from '../../ui/width.js';
import { actionJson } from './actions.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface ShowOptions {
  id: string;
  json?: boolean;
}

export function showCommand(): Command {
  return new Command('show')
    .description('show one entry, or a whole guided session, in full')
    .argument('<id>', 'the entry or session id (the short id from `reflect list` is enough)')
    .option('--json', 'print it as JSON')
    .addHelpText('after', examples('reflect show 3f9c1a2b', 'reflect show 3f9c --json'))
    .action(async (id: string, options: Omit<ShowOptions, 'id'>, cmd: Command) => runShow({ ...options, id }, depsFor(cmd)));
}

export async function runShow(options: ShowOptions, deps: Deps): Promise<void> {
  const db = await deps.journal('read');
  const found = findById(db, options.id);
  const out = deps.stdout;
  if (found.kind === 'entry') {
    const entry = getEntry(db, found.id)!;
    if (options.json) deps.stdout.write(printJson(entryJson(entry)));
    else await page(entryFull(entry, out, out.isTTY ? await fitFor([entry.text], { wrap: true }) : undefined), out, deps.env);
    return;
  }
  const session = sessionSummary(db, found.id)!;
  const answers = sessionEntries(db, session.id);
  if (options.json) {
    deps.stdout.write(
      printJson({
        id: session.id,
        setId: session.setId,
        setTitle: session.setTitle,
        setVersion: session.setVersion,
        setHash: session.setHash,
        startedAt: session.startedAt.toISOString(),
        finishedAt: session.finishedAt?.toISOString() ?? null,
        status: session.status,
        answers: answers.map(entryJson),
        /** The next step committed at its end, as `reflect actions --json` shows it; null when none. */
        step: session.step ? actionJson(session.step) : null,
      }),
    );
    return;
  }
  const { style } = out;
  // On a terminal, questions and answers are broken between words at its width, under their
  // indents, as `list --full` shows them; in a pipe every line is whole.
  const fit = out.isTTY ? await fitFor(answers.flatMap((a) => [a.session!.question, a.text]), { wrap: true }) : undefined;
  const lines = [
    `${style.bold(safeLine(session.setTitle))}  ${style.yellow(session.id)}`,
    style.dim(
      safeLine(`${longStamp(session.startedAt)} · set ${session.setId}${session.setVersion ? ` v${session.setVersion}` : ''}`) +
        (session.status === 'open' ? ' · unfinished (resume with `reflect session --resume`)' : ''),
    ),
  ];
  if (session.step) {
    const id = shortId(session.step.id);
    lines.push(...heading(`Step: ${stepText(session.step)}`, '', { styled: style.dim(id), plain: id }, out, fit));
  }
  lines.push('');
  for (const answer of answers) {
    const id = shortId(answer.id);
    const shown = answer.label && answer.label !== 'neutral';
    const proposed = answer.labelSource === 'model';
    const badge = {
      styled: `${shown ? `${entryBadge(answer, out)}  ` : ''}${style.dim(id)}`,
      plain: `${shown ? `${labelText(answer.label!, proposed)}  ` : ''}${id}`,
    };
    const probe = answer.session!.depth > 0;
    lines.push(...heading(`${probe ? '↳ ' : ''}${answer.session!.question}`, probe ? '  ' : '', badge, out, fit));
    lines.push(...block(answer.text, probe ? '    ' : '  ', out, fit), '');
  }
  if (answers.length === 0) lines.push(style.dim('(no answers yet)'), '');
  await page(lines.join('\n'), out, deps.env);
}
