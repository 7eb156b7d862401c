import { Command } from 'commander';
import { LINE_PREFIX_CHARS } from '../../core/limits.js';
import { listEntries } from '../../store/entries.js';
import { entryLine } from '../../ui/render.js';
import { entryJson, printJson } from '../../ui/json.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, positiveInt, PROPOSED_MARK_HELP, toFilter, type FilterOptions } from '../filters.js';

export interface ListOptions extends FilterOptions {
  limit: number;
  json?: boolean;
}

export function listCommand(): Command {
  const command = new Command('list')
    .description('list entries, newest first')
    .option('-n, --limit <n>', 'how many entries to show', positiveInt, 20)
    .option('--json', 'print one JSON array (stable field names) for scripts');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect list',
        'reflect list -n 50 --tag work',
        'reflect list --from "last monday" --to today',
        'reflect list --on yesterday --json | jq ".[].text"',
      ) + PROPOSED_MARK_HELP,
    )
    .action(async (options: ListOptions, cmd: Command) => runList(options, depsFor(cmd)));
}

export async function runList(options: ListOptions, deps: Deps): Promise<void> {
  const filter = { ...(await toFilter(options, deps.now())), limit: options.limit };
  const db = await deps.journal('read');
  const entries = listEntries(db, filter, options.json ? undefined : LINE_PREFIX_CHARS);
  if (options.json) {
    deps.stdout.write(printJson(entries.map(entryJson)));
    return;
  }
  if (entries.length === 0) {
    deps.stderr.write('No entries match. Write one with `reflect write`.\n');
    return;
  }
  deps.stdout.write(`${entries.map((e) => entryLine(e, deps.stdout)).join('\n')}\n`);
}
