import { Command } from 'commander';
import { LINE_PREFIX_CHARS, MAX_ENTRY_BYTES } from '../../core/limits.js';
import { listEntries } from '../../store/entries.js';
import { listRows, type ListRow } from '../../store/list-rows.js';
import { sessionSummary, type SessionSummary } from '../../store/sessions.js';
import { entryBlock, sessionBlock, sessionLine } from '../../ui/list-view.js';
import { entryJson, printJson } from '../../ui/json.js';
import { page } from '../../ui/pager.js';
import { entryLine } from '../../ui/render.js';
import { fitFor } from '../../ui/width.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, positiveInt, PROPOSED_MARK_HELP, toFilter, type FilterOptions } from '../filters.js';

export interface ListOptions extends FilterOptions {
  limit: number;
  json?: boolean;
  /** Each entry's whole text, wrapped, under its date, tags and label. */
  full?: boolean;
  /** A session's answers as rows of their own, instead of one row for the session. */
  answers?: boolean;
}

export function listCommand(): Command {
  const command = new Command('list')
    .description('list entries newest first, a guided session as one row')
    .option('-n, --limit <n>', 'how many rows to show', positiveInt, 20)
    .option('--full', "each entry's whole text, with its date, tags and label")
    .option('--answers', "a session's answers one per row (in the order asked), not one row per session")
    .option('--json', 'print one JSON array, one object per entry (stable field names) for scripts');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect list',
        'reflect list -n 50 --tag work',
        'reflect list --full --on yesterday',
        'reflect list --answers            # every answer of every session',
        'reflect list --from "last monday" --to today',
        'reflect list --on yesterday --json | jq ".[].text"',
      ) + PROPOSED_MARK_HELP,
    )
    .action(async (options: ListOptions, cmd: Command) => runList(options, depsFor(cmd)));
}

export async function runList(options: ListOptions, deps: Deps): Promise<void> {
  const filter = { ...(await toFilter(options, deps.now())), limit: options.limit };
  const db = await deps.journal('read');
  if (options.json) {
    // Scripts read entries: one object each, newest first, as before sessions were grouped.
    deps.stdout.write(printJson(listEntries(db, filter).map(entryJson)));
    return;
  }
  const out = deps.stdout;
  // In a pipe every row carries its whole text (for grep); on a terminal a row needs only its start.
  const whole = options.full || !out.isTTY;
  const { rows, total, atLeast } = listRows(db, filter, { textPrefix: whole ? MAX_ENTRY_BYTES : LINE_PREFIX_CHARS, answers: options.answers });
  if (rows.length === 0) {
    deps.stderr.write('No entries match. Write one with `reflect write`.\n');
    return;
  }
  const items = rows.map((row) => (row.kind === 'entry' ? row : { ...row, summary: sessionSummary(db, row.sessionId)! }));
  const fit = out.isTTY ? await fitFor(items.flatMap(rowTexts), { wrap: options.full }) : undefined;
  const shown = items.map((row) => {
    if (row.kind === 'entry') return options.full ? entryBlock(row.entry, out, fit) : entryLine(row.entry, out, { fit });
    return options.full ? sessionBlock(row.summary, row.answers, out, fit) : sessionLine(row.summary, out, fit);
  });
  await page(`${shown.join('\n')}\n`, out, deps.env);
  if (total > rows.length || atLeast) {
    await out.settled?.();
    deps.stderr.write(moreNote(rows.length, total, atLeast));
  }
}

/** "20 of 47 shown; …" on stderr; past the counting cap, "of over 1000", with an -n that shows more. */
function moreNote(shown: number, total: number, atLeast: boolean): string {
  if (!atLeast) return `${shown} of ${total} shown; add \`-n ${total}\` to see all.\n`;
  // Counting stopped at its cap, which a long page may pass: more match than both.
  const over = Math.max(total, shown);
  return `${shown} of over ${over} shown; add \`-n ${over > shown ? over : shown * 2}\` to see more.\n`;
}

/** The writer's text a row may show, to pick how widths are measured. */
function rowTexts(row: ListRow & { summary?: SessionSummary }): string[] {
  if (row.kind === 'entry') return [row.entry.text, ...row.entry.tags, row.entry.session?.setId ?? '', row.entry.session?.question ?? ''];
  const { summary } = row;
  return [summary!.setTitle, summary!.step?.text ?? '', ...row.answers.flatMap((a) => [a.text, a.session!.question])];
}
