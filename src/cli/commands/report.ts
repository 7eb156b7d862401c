import { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, toFilter, type FilterOptions } from '../filters.js';
import { fileTarget, writeAtomically, type FileWriter } from '../output-file.js';
import { notePlaintext } from '../encryption-help.js';

export interface ReportOptions extends FilterOptions {
  out?: string;
  force?: boolean;
  title?: string;
}

export function reportCommand(): Command {
  const command = new Command('report')
    .description('one HTML page of your patterns over time, to keep or hand to a coach: streaks, a calendar, labels by month, breakthroughs, loops, follow-through')
    .option('-o, --out <file>', 'write the page to this file (private to you, like export); - is stdout')
    .option('--force', 'overwrite the file if it is already there')
    .option('--title <text>', 'the title at the top of the page (default: Patterns over time)');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect report --out report.html',
        'reflect report --from "1 year ago" --out year.html --force',
        'reflect report --tag work --title "Work, this year" --out work.html',
        'reflect report --out - | gzip > report.html.gz',
      ) + '\nThe page is self-contained: no script, nothing loaded from the network.\nOpen it in any browser, or print it.\n',
    )
    .action(async (options: ReportOptions, cmd: Command) => runReport(options, depsFor(cmd)));
}

/** `write` is how bytes reach the file: the tests hand in a full disk. */
export async function runReport(options: ReportOptions, deps: Deps, write?: FileWriter): Promise<void> {
  if (options.out === undefined) throw usageError('name the page to write: --out report.html (or --out - for stdout)');
  if (options.out.trim() === '') throw usageError('--out needs a file name');
  const out = options.out === '-' ? undefined : options.out;
  if (!out && options.force) throw usageError('--force is for files: name one with --out');
  const now = deps.now();
  const filter = await toFilter(options, now);
  // As export does: a file already there (or a folder, a device, a pipe) is refused before anything is read.
  if (out) fileTarget(out, Boolean(options.force));
  const db = await deps.journal('read');
  await notePlaintext(deps, 'the report');
  const [{ readStats }, { readLoops }, { reportBreakthroughs }, { reportHtml }] = await Promise.all([
    import('../../store/stats.js'),
    import('../../store/loops.js'),
    import('../../store/report-read.js'),
    import('../../report/html.js'),
  ]);
  const stats = readStats(db, filter, now);
  const html = reportHtml({
    stats,
    loops: readLoops(db, filter, now),
    breakthroughs: reportBreakthroughs(db, filter),
    generatedAt: now,
    period: { from: filter.from ?? null, to: filter.to ?? null },
    ...(options.title !== undefined ? { title: options.title } : {}),
  });
  if (!out) {
    deps.stdout.write(html);
    return;
  }
  writeAtomically(out, [html], Boolean(options.force), write);
  const what = stats.entries === 0 ? 'no entries match; the page says so' : plural(stats.entries, 'entry', 'entries');
  deps.stderr.write(`Wrote the report (${what}) to ${out}\n`);
}
