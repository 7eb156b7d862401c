import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { notFound, usageError } from '../core/errors.js';
import { suggestion } from '../core/did-you-mean.js';
import { journalPath } from '../store/location.js';
import type { LoadedConfig } from './config-file.js';

/** Which journal a command uses, and why: `reflect config` says it, and the folder's care depends on it. */
export interface JournalChoice {
  path: string;
  from: 'db-flag' | 'REFLECT_DB' | 'journal-flag' | 'config-default' | 'default-location';
  /** The journal's name in the config, when it has one. */
  name: string | null;
  /** The folder is reflect's own (the default location), so it is kept 0700. */
  privateFolder: boolean;
}

/**
 * `--db`, then `REFLECT_DB`, then `--journal NAME`, then the config's `default`, then the XDG
 * default. The explicit paths win over names, as the issue asks, so a script that sets
 * REFLECT_DB keeps working whatever a config says.
 */
export function chooseJournal(flags: { db?: string; journal?: string }, env: NodeJS.ProcessEnv, loaded: LoadedConfig, warn: (m: string) => void): JournalChoice {
  if (flags.db !== undefined && flags.journal !== undefined) throw usageError('--db and --journal both name a journal; use one');
  if (flags.journal !== undefined && flags.journal.trim() === '') throw usageError('--journal needs the name of a journal from the config');
  const named = (name: string) => ({ name, path: namedPath(name, loaded, env) });
  if (flags.db !== undefined) return { path: journalPath(flags.db, env), from: 'db-flag', name: null, privateFolder: false };
  if (env.REFLECT_DB) {
    if (flags.journal !== undefined) warn(`REFLECT_DB is set, so it is used, not --journal ${flags.journal}; unset REFLECT_DB to use the named journal`);
    return { path: journalPath(undefined, env), from: 'REFLECT_DB', name: null, privateFolder: false };
  }
  if (flags.journal !== undefined) return { ...named(flags.journal), from: 'journal-flag', privateFolder: false };
  const fallback = loaded.config.default?.name;
  if (fallback) return { ...named(fallback), from: 'config-default', privateFolder: false };
  return { path: journalPath(undefined, env), from: 'default-location', name: null, privateFolder: true };
}

function namedPath(name: string, loaded: LoadedConfig, env: NodeJS.ProcessEnv): string {
  const found = loaded.config.journals.find((j) => j.name === name);
  if (found) return expandPath(found.path, dirname(loaded.path), env);
  const names = loaded.config.journals.map((j) => j.name);
  if (!loaded.exists) throw notFound(`no journal "${name}": there is no config file at ${loaded.path} to name journals in; see \`reflect config --help\``);
  const where = loaded.config.journalsAt ? `${loaded.path}:${loaded.config.journalsAt.line}:${loaded.config.journalsAt.col}` : loaded.path;
  const known = names.length ? `the journals there are ${names.join(', ')}` : 'it names no journals';
  throw notFound(`no journal "${name}" in ${where}${suggestion(name, names)}; ${known}`);
}

/** `~/x` from $HOME; a relative path from the config's own folder, so the file reads the same wherever reflect runs. */
export function expandPath(path: string, base: string, env: NodeJS.ProcessEnv): string {
  if (path === '~' || path.startsWith('~/')) return join(env.HOME || homedir(), path.slice(1));
  return isAbsolute(path) ? resolve(path) : resolve(base, path);
}
