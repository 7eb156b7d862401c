import { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { listEntries } from '../../store/entries.js';
import { MARK_END, MARK_START, searchEntries, type SearchHit } from '../../store/search.js';
import { entryJson, printJson } from '../../ui/json.js';
import { page } from '../../ui/pager.js';
import { entryLine, highlight } from '../../ui/render.js';
import { fitFor } from '../../ui/width.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, positiveInt, PROPOSED_MARK_HELP, toFilter, type FilterOptions } from '../filters.js';

export interface SearchOptions extends FilterOptions {
  query: string[];
  limit: number;
  json?: boolean;
}

export function searchCommand(): Command {
  const command = new Command('search')
    .description('full-text search, best matches first')
    .argument('[query...]', 'words to find; "exact phrase", OR, NOT and prefix* work too')
    .option('-n, --limit <n>', 'how many matches to show', positiveInt, 20)
    .option('--json', 'print one JSON array for scripts');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect search fear',
        'reflect search "afraid of failing" --from 2026-01-01',
        'reflect search trust OR reliable --tag work',
        'reflect search --tag family          # every entry with the tag',
      ) + PROPOSED_MARK_HELP,
    )
    .action(async (query: string[], options: Omit<SearchOptions, 'query'>, cmd: Command) =>
      runSearch({ ...options, query }, depsFor(cmd)),
    );
}

export async function runSearch(options: SearchOptions, deps: Deps): Promise<void> {
  const query = options.query.join(' ').trim();
  const filter = { ...(await toFilter(options, deps.now())), limit: options.limit };
  const filtered = Object.keys(filter).some((key) => key !== 'limit');
  if (!query && !filtered) throw usageError('search needs words to find, or a filter such as --tag');

  const db = await deps.journal('read');
  const hits: SearchHit[] = query
    ? searchEntries(db, query, filter)
    : listEntries(db, filter).map((entry) => ({ entry, snippet: '', score: 0 }));

  if (options.json) {
    const plain = (s: string) => s.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
    deps.stdout.write(printJson(hits.map((h) => ({ ...entryJson(h.entry), snippet: plain(h.snippet), score: h.score }))));
    return;
  }
  if (hits.length === 0) {
    deps.stderr.write('No entries match.\n');
    return;
  }
  const out = deps.stdout;
  const fit = out.isTTY ? await fitFor(hits.map((h) => `${h.entry.text}${h.entry.tags.join('')}${h.entry.session?.setId ?? ''}`)) : undefined;
  const lines = hits.map((h) =>
    entryLine(h.entry, out, { fit, ...(h.snippet ? { snippet: highlight(h.snippet, out, MARK_START, MARK_END) } : {}) }),
  );
  await page(`${lines.join('\n')}\n`, out, deps.env);
}
