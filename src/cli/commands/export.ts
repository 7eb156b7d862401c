import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { refused, usageError } from '../../core/errors.js';
import { depsFor, type Deps } from '../context.js';
import { fileTarget, writeAtomically, writeTemp, type FileWriter } from '../output-file.js';
import { addFilterOptions, examples, oneOf, toFilter, type FilterOptions } from '../filters.js';
import { escapeJsonText, safeText } from '../../ui/safe-text.js';
import { plural } from '../../core/plural.js';

export interface ExportOptions extends FilterOptions {
  format: 'md' | 'json';
  out?: string;
  split?: 'day' | 'session' | 'entry';
  force?: boolean;
  set?: string;
}

export function exportCommand(): Command {
  const command = new Command('export')
    .description('export your journal: markdown to read, or lossless JSON to back up and move')
    .option('-f, --format <format>', 'md or json', oneOf(['md', 'json'] as const), 'md')
    .option('-o, --out <file|dir>', 'write to this file (or folder, with --split) instead of stdout')
    .option('--split <unit>', 'markdown: one file per day, session or entry, in the --out folder', oneOf(['day', 'session', 'entry'] as const))
    .option('--force', 'overwrite files that are already there')
    .option('--set <id>', 'only answers from sessions of this prompt set');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect export > journal.md',
        'reflect export --split entry --out ~/notes/journal',
        'reflect export --format json --out backup.json',
        'reflect export --label breakthrough --from 2026-01-01 --out breakthroughs.md',
      ),
    )
    .action(async (options: ExportOptions, cmd: Command) => runExport(options, depsFor(cmd)));
}

/** `write` is how bytes reach a file: the tests hand in a full disk. */
export async function runExport(options: ExportOptions, deps: Deps, write?: FileWriter): Promise<void> {
  if (options.out !== undefined && options.out.trim() === '') throw usageError('--out needs a file or folder name');
  if (options.split && options.format !== 'md') throw usageError('--split is for markdown; JSON is always one file');
  if (options.split && !options.out) throw usageError('--split writes a folder of files: name it with --out <dir>');
  const filter = { ...(await toFilter(options, deps.now())), ...(options.set ? { setId: options.set } : {}) };
  const { EXPORTERS, markdownFiles, markdownInput } = await import('../../export/registry.js');
  const { exportSnapshot } = await import('../../store/export-read.js');
  const db = await deps.journal('read');
  // Refused before anything is read: a device, a pipe or a folder is never replaced.
  if (options.out && !options.split) fileTarget(options.out, Boolean(options.force), 'name a file, or use --split');

  await exportSnapshot(db, filter, async (plain, total) => {
    const progress = progressBar(deps, total);
    const source = { ...plain, entries: (order: 'written' | 'date') => counted(plain.entries(order), progress) };
    if (options.split) {
      const dir = options.out!;
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw refused(`${dir} is not a folder; --split needs a folder`);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Each file goes to a temp name as it is made (memory stays flat); only once all are made,
      // and none would overwrite what is there without --force, are they renamed into place.
      const written: { temp: string; final: string }[] = [];
      const names = new Set<string>();
      try {
        for (const file of markdownFiles(markdownInput(source), options.split)) {
          let name = file.name;
          for (let n = 2; names.has(name); n++) name = file.name.replace(/\.md$/, `-${n}.md`);
          names.add(name);
          const final = join(dir, name);
          written.push({ temp: writeTemp(final, [file.text], write), final });
        }
        const clashes = written.filter((w) => existsSync(w.final));
        // Anything there but a regular file (a folder, a device, a pipe) is refused even with --force.
        for (const w of clashes) w.final = fileTarget(w.final, true, 'nothing was written');
        if (clashes.length && !options.force) {
          throw refused(`${clashes.length} file${clashes.length === 1 ? '' : 's'} already in ${dir} (like ${basename(clashes[0]!.final)}); nothing was written. Add --force to overwrite`);
        }
      } catch (error) {
        for (const w of written) rmSync(w.temp, { force: true });
        throw error;
      }
      for (const w of written) renameSync(w.temp, w.final);
      progress.done();
      deps.stderr.write(`Wrote ${plural(written.length, 'file')} (${plural(total, 'entry', 'entries')}) to ${dir}\n`);
      return;
    }
    const chunks = EXPORTERS[options.format](source);
    if (options.out) {
      writeAtomically(options.out, chunks, Boolean(options.force), write);
      progress.done();
      deps.stderr.write(`Wrote ${plural(total, 'entry', 'entries')} to ${options.out}\n`);
      return;
    }
    // Read on a terminal, the journal is shown safely (its controls made visible); to a pipe or a
    // file the export stays exact, byte for byte, as a backup must.
    const shown = !deps.stdout.isTTY ? null : options.format === 'json' ? escapeJsonText : safeText;
    await writeStdout(chunks, shown);
    progress.done();
  });
}

/** Streams to stdout in 64 KB batches, waiting when the reader is slower, so memory stays flat. */
async function writeStdout(chunks: Iterable<string>, shown: ((text: string) => string) | null): Promise<void> {
  let batch = '';
  const flush = async (last = false) => {
    // A CR at a batch's end may be half of a CRLF: it waits for the next batch to be judged.
    const held = shown && !last && batch.endsWith('\r') ? '\r' : '';
    const text = held ? batch.slice(0, -1) : batch;
    if (!process.stdout.write(shown ? shown(text) : text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    batch = held;
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length > 1 << 16) await flush();
  }
  await flush(true);
}

function* counted<T>(items: Iterable<T>, progress: { tick(): void }): Generator<T> {
  for (const item of items) {
    progress.tick();
    yield item;
  }
}

/** A progress line on stderr, only on a terminal and only when the work is long. */
export function progressBar(deps: Deps, total: number) {
  const show = deps.stderr.isTTY && total >= 5000;
  let done = 0;
  return {
    tick() {
      done++;
      if (show && done % 2000 === 0) deps.stderr.write(`\r${Math.min(100, Math.round((100 * done) / total))}% (${done.toLocaleString('en')} entries)`);
    },
    done() {
      if (show) deps.stderr.write('\r\u001b[2K');
    },
  };
}

