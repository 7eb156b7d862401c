import { statSync } from 'node:fs';
import { Command } from 'commander';
import { notFound, usageError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import type { ImportCounts } from '../../store/import-write.js';
import { depsFor, type Deps } from '../context.js';
import { examples, oneOf } from '../filters.js';

export interface ImportOptions {
  file: string;
  /** Left out: told from the file's content (a zip is Day One's; JSON by its first keys). */
  from?: Source;
  dryRun?: boolean;
}

type Source = 'reflect' | 'jrnl' | 'dayone';
const SOURCES = ['reflect', 'jrnl', 'dayone'] as const;
const ALIASES: Record<string, Source> = { json: 'reflect', 'reflect-json': 'reflect', 'day-one': 'dayone', day1: 'dayone' };

export const parseSource = (value: string): Source => oneOf(SOURCES)(ALIASES[value.trim().toLowerCase()] ?? value.trim().toLowerCase());

export function importCommand(): Command {
  return new Command('import')
    .description('bring entries in: a reflect JSON export (lossless), jrnl or Day One; all or nothing, never twice')
    .argument('<file>', 'the export file (Day One: the .json or the .zip); - reads it from stdin')
    .option('--from <tool>', `where the file comes from: ${SOURCES.join(', ')} (default: told from the file)`, parseSource)
    .option('--dry-run', 'say what would be added and what is already there; change nothing')
    .addHelpText(
      'after',
      examples(
        'reflect import backup.json',
        'jrnl --export json | reflect import -',
        'reflect import --from dayone "Day One export.zip"',
        'reflect import --dry-run backup.json',
      ),
    )
    .action(async (file: string, options: Omit<ImportOptions, 'file'>, cmd: Command) => runImport({ ...options, file }, depsFor(cmd)));
}

export async function runImport(options: ImportOptions, deps: Deps): Promise<void> {
  const fromStdin = options.file === '-';
  if (!fromStdin) {
    try {
      if (statSync(options.file).isDirectory()) throw usageError(`${options.file} is a folder; name the export file`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(`no file at ${options.file}`);
      throw error;
    }
  } else if (deps.stdin.isTTY) throw usageError('import - reads an export from stdin: pipe one in (jrnl --export json | reflect import -)');
  const spooled = fromStdin ? await (await import('../stdin-text.js')).stdinToFile(deps.stdin) : null;
  try {
    const path = spooled?.path ?? options.file;
    const name = fromStdin ? 'stdin' : options.file;
    const from = options.from ?? (await import('../../import/sniff.js')).sniffSource(path) ?? 'reflect';
    const records =
      from === 'reflect'
        ? (await import('../../import/reflect-json.js')).readReflectJson(path, name)
        : from === 'jrnl'
          ? (await import('../../import/other-journals.js')).readJrnl(path, name)
          : await (await import('../../import/other-journals.js')).readDayOne(path, name);
    const { importRecords } = await import('../../store/import-write.js');
    // A dry run reads the journal and rolls its own writes back: a missing journal is not created.
    const db = await deps.journal(options.dryRun ? 'read' : 'write');
    const show = deps.stderr.isTTY;
    const counts = importRecords(db, records, (done) => show && deps.stderr.write(`\r${done.toLocaleString('en')} records…`), options.dryRun);
    if (show) deps.stderr.write('\r\u001b[2K');
    deps.stdout.write(summary(counts, Boolean(options.dryRun)));
  } finally {
    spooled?.remove();
  }
}

/**
 * "Imported 3 entries, 1 session (27 entries already in the journal, left as they were)."
 * Counted by kind, so the entries added and the entries already there add up to the file's.
 */
export function summary(counts: ImportCounts, dryRun: boolean): string {
  const parts = [plural(counts.entries, 'entry', 'entries')];
  if (counts.sessions) parts.push(plural(counts.sessions, 'session'));
  if (counts.actions) parts.push(plural(counts.actions, 'action'));
  const kept = [
    counts.skipped.entries ? plural(counts.skipped.entries, 'entry', 'entries') : '',
    counts.skipped.sessions ? plural(counts.skipped.sessions, 'session') : '',
    counts.skipped.actions ? plural(counts.skipped.actions, 'action') : '',
  ].filter(Boolean);
  const already = kept.length ? ` (${kept.join(', ')} already in the journal, left as they were)` : '';
  return dryRun ? `Would import ${parts.join(', ')}${already}; nothing was changed (dry run).\n` : `Imported ${parts.join(', ')}${already}.\n`;
}
