import { statSync } from 'node:fs';
import { Command } from 'commander';
import { notFound, usageError } from '../../core/errors.js';
import { depsFor, type Deps } from '../context.js';
import { examples, oneOf } from '../filters.js';

export interface ImportOptions {
  file: string;
  from: 'reflect' | 'jrnl' | 'dayone';
}

const SOURCES = ['reflect', 'jrnl', 'dayone'] as const;

export function importCommand(): Command {
  return new Command('import')
    .description('bring entries in: a reflect JSON export (lossless), jrnl or Day One; all or nothing, never twice')
    .argument('<file>', 'the export file (Day One: the .json or the .zip)')
    .option('--from <tool>', `where the file comes from: ${SOURCES.join(', ')}`, oneOf(SOURCES), 'reflect')
    .addHelpText(
      'after',
      examples('reflect import backup.json', 'jrnl --export json > jrnl.json && reflect import --from jrnl jrnl.json', 'reflect import --from dayone "Day One export.zip"'),
    )
    .action(async (file: string, options: Omit<ImportOptions, 'file'>, cmd: Command) => runImport({ ...options, file }, depsFor(cmd)));
}

export async function runImport(options: ImportOptions, deps: Deps): Promise<void> {
  try {
    if (statSync(options.file).isDirectory()) throw usageError(`${options.file} is a folder; name the export file`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(`no file at ${options.file}`);
    throw error;
  }
  const { importRecords } = await import('../../store/import-write.js');
  const records =
    options.from === 'reflect'
      ? (await import('../../import/reflect-json.js')).readReflectJson(options.file)
      : options.from === 'jrnl'
        ? (await import('../../import/other-journals.js')).readJrnl(options.file)
        : (await import('../../import/other-journals.js')).readDayOne(options.file);
  const db = await deps.journal('write');
  const show = deps.stderr.isTTY;
  const counts = importRecords(db, records, (done) => show && deps.stderr.write(`\r${done.toLocaleString('en')} records…`));
  if (show) deps.stderr.write('\r\u001b[2K');
  const parts = [`${counts.entries} entr${counts.entries === 1 ? 'y' : 'ies'}`];
  if (counts.sessions) parts.push(`${counts.sessions} session${counts.sessions === 1 ? '' : 's'}`);
  if (counts.actions) parts.push(`${counts.actions} action${counts.actions === 1 ? '' : 's'}`);
  deps.stdout.write(`Imported ${parts.join(', ')}${counts.skipped ? ` (${counts.skipped} already in the journal, left as they were)` : ''}.\n`);
}
