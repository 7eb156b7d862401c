import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { refused } from '../core/errors.js';
import { plural } from '../core/plural.js';
import { fileTarget, writeTemp, type FileWriter } from './output-file.js';

export type FileState = 'new' | 'changed' | 'unchanged';

export interface FolderOptions {
  force?: boolean;
  update?: boolean;
  dryRun?: boolean;
}

/**
 * Writes `export --split` files into `dir`. Each file goes to a temp name as it is made (memory
 * stays flat); only once all are made, and none would overwrite what is there unasked, are they
 * renamed into place. With `update`, a file whose bytes are already what the export writes is
 * left alone (its mtime kept, so sync tools see nothing new); files the export does not write
 * (the writer's own notes) are never touched, with or without --force. A dry run writes nothing.
 */
export function writeFolder(dir: string, files: Iterable<{ name: string; text: string }>, options: FolderOptions, write?: FileWriter) {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw refused(`${dir} is not a folder; --split needs a folder`);
  if (!options.dryRun) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const planned: { final: string; temp: string | null; state: FileState }[] = [];
  const names = new Set<string>();
  try {
    for (const file of files) {
      let name = file.name;
      for (let n = 2; names.has(name); n++) name = file.name.replace(/\.md$/, `-${n}.md`);
      names.add(name);
      let final = join(dir, name);
      let state: FileState = 'new';
      if (existsSync(final)) {
        // Anything there but a regular file (a folder, a device, a pipe) is refused even with --force.
        final = fileTarget(final, true, 'nothing was written');
        state = sameBytes(final, file.text) ? 'unchanged' : 'changed';
      }
      const needed = state === 'new' || state === 'changed' || (state === 'unchanged' && !options.update);
      planned.push({ final, state, temp: needed && !options.dryRun ? writeTemp(final, [file.text], write) : null });
    }
    const clashes = planned.filter((p) => p.state !== 'new');
    if (clashes.length && !options.force && !options.update) {
      throw refused(`${plural(clashes.length, 'file')} already in ${dir} (like ${basename(clashes[0]!.final)}); nothing was written. Add --update to write only new and changed ones, or --force to overwrite`);
    }
  } catch (error) {
    for (const p of planned) if (p.temp) rmSync(p.temp, { force: true });
    throw error;
  }
  for (const p of planned) if (p.temp) renameSync(p.temp, p.final);
  const count = (state: FileState) => planned.filter((p) => p.state === state).length;
  return { files: planned, new: count('new'), changed: count('changed'), unchanged: count('unchanged') };
}

/** Whether the file at `path` holds exactly `text`, read a block at a time. */
export function sameBytes(path: string, text: string): boolean {
  const want = Buffer.from(text);
  if (statSync(path).size !== want.length) return false;
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.alloc(Math.min(want.length, 1 << 16) || 1);
    for (let at = 0; at < want.length; ) {
      const read = readSync(fd, block, 0, Math.min(block.length, want.length - at), at);
      if (read === 0 || !block.subarray(0, read).equals(want.subarray(at, at + read))) return false;
      at += read;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}
