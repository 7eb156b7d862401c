import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput, journalError } from '../core/errors.js';
import { NO_CONFIG, type Config } from '../core/config.js';
import { plural } from '../core/plural.js';
import { errnoWords } from '../core/errno-words.js';
import { cacheDir, configDir } from '../store/location.js';

export interface LoadedConfig {
  path: string;
  exists: boolean;
  config: Config;
}

export const configPath = (env: NodeJS.ProcessEnv) => join(configDir(env), 'config.yaml');

/**
 * The config in force. Reading YAML costs ~35 ms of start-up (the library's load), so the parsed
 * config is cached as JSON beside the text it came from, and the YAML library is loaded only when
 * the file changed since: most commands pay one small read. No file at all is no config.
 */
export async function loadConfig(env: NodeJS.ProcessEnv): Promise<LoadedConfig> {
  const path = configPath(env);
  const source = readConfigText(path);
  if (source === null) return { path, exists: false, config: NO_CONFIG };
  const cache = join(cacheDir(env), 'config.json');
  const cached = readCache(cache, path, source);
  if (cached) return { path, exists: true, config: cached };
  const { parseConfig } = await import('../core/config-parse.js');
  const { config, problems } = parseConfig(source);
  if (!config) {
    const [first, ...rest] = problems.map((p) => `${path}:${p.line}:${p.col}: ${p.message}`);
    throw invalidInput(rest.length ? `${first} (and ${plural(rest.length, 'more problem')})` : first!, rest);
  }
  writeCache(cache, path, source, config);
  return { path, exists: true, config };
}

function readConfigText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'EISDIR') throw invalidInput(`${path} is a folder; the config is a file`);
    // Unreadable is not "none": running on defaults would quietly write to another journal.
    throw journalError(`can't read the config ${path}: ${errnoWords(error)}; fix its permissions, or set XDG_CONFIG_HOME to another folder`);
  }
}

interface CacheFile {
  path: string;
  source: string;
  config: Config;
}

function readCache(cache: string, path: string, source: string): Config | null {
  try {
    const parsed = JSON.parse(readFileSync(cache, 'utf8')) as CacheFile;
    return parsed.path === path && parsed.source === source ? parsed.config : null;
  } catch {
    return null;
  }
}

/** Best effort: a cache that can't be written only costs the next command the parse again. */
function writeCache(cache: string, path: string, source: string, config: Config): void {
  try {
    mkdirSync(join(cache, '..'), { recursive: true, mode: 0o700 });
    const temp = `${cache}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ path, source, config } satisfies CacheFile), { mode: 0o600 });
    renameSync(temp, cache);
  } catch {
    // nothing to do: the config itself was read
  }
}
