import { Command } from 'commander';
import { tagCounts } from '../../store/tags.js';
import { printJson } from '../../ui/json.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, toFilter, type FilterOptions } from '../filters.js';

export interface TagsOptions extends FilterOptions {
  json?: boolean;
}

export function tagsCommand(): Command {
  const command = new Command('tags')
    .description('every tag with how many entries carry it, most used first')
    .option('--json', 'print one JSON array, [{"tag": "work", "count": 12}], for scripts');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect tags',
        'reflect tags --from 2026-01-01          # the tags of this year only',
        'reflect tags --tag work                 # what goes with #work',
        'reflect tags --json | jq ".[0].tag"',
      ),
    )
    .action(async (options: TagsOptions, cmd: Command) => runTags(options, depsFor(cmd)));
}

export async function runTags(options: TagsOptions, deps: Deps): Promise<void> {
  const filter = await toFilter(options, deps.now());
  const db = await deps.journal('read');
  const tags = tagCounts(db, filter);
  if (options.json) {
    deps.stdout.write(printJson(tags));
    return;
  }
  if (tags.length === 0) {
    const filtered = Object.keys(filter).length > 0;
    deps.stderr.write(filtered ? 'No tagged entries match.\n' : 'No tags yet: write #work in an entry, or `reflect write --tag work`.\n');
    return;
  }
  const width = String(tags[0]!.count).length;
  const { style } = deps.stdout;
  deps.stdout.write(`${tags.map((t) => `${String(t.count).padStart(width)}  ${style.cyan(`#${safeLine(t.tag)}`)}`).join('\n')}\n`);
}
