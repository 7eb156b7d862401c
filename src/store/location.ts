import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { usageError } from '../core/errors.js';

/**
 * Where the journal lives: `--db`, then `REFLECT_DB`, then the XDG data folder
 * (`$XDG_DATA_HOME/reflect/journal.db`, falling back to `~/.local/share`).
 */
export function journalPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag !== undefined && flag.trim() === '') throw usageError('--db needs the path of a journal file');
  const chosen = flag ?? (env.REFLECT_DB || undefined);
  if (chosen) return resolve(chosen);
  return join(dataDir(env), 'journal.db');
}

/** reflect's data folder (`$XDG_DATA_HOME/reflect`): the default journal and installed prompt packs. */
export function dataDir(env: NodeJS.ProcessEnv): string {
  return join(xdgDir('XDG_DATA_HOME', '.local/share', env), 'reflect');
}

/** The user's config folder for reflect (prompt sets live under it). */
export function configDir(env: NodeJS.ProcessEnv): string {
  return join(xdgDir('XDG_CONFIG_HOME', '.config', env), 'reflect');
}

/** reflect's cache folder: what can be made again from other files (a parsed config). */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  return join(xdgDir('XDG_CACHE_HOME', '.cache', env), 'reflect');
}

function xdgDir(variable: string, fallback: string, env: NodeJS.ProcessEnv): string {
  const value = env[variable];
  // The XDG spec says relative paths in these variables are invalid and must be ignored.
  if (value && isAbsolute(value)) return value;
  return join(env.HOME || homedir(), fallback);
}
