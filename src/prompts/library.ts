import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReflectError, invalidInput, notFound } from '../core/errors.js';
import { suggestion } from '../core/did-you-mean.js';
import { parsePromptSet, type Problem } from '../core/prompt-parse.js';
import type { PromptSet } from '../core/prompt-set.js';
import { configDir } from '../store/location.js';
import { packSources, packsDir } from './packs.js';
import { readTextFile } from './text-file.js';
import { plural } from '../core/plural.js';

export type Origin = 'built-in' | 'pack' | 'user' | 'custom';

/** Where sets are searched for; a pack's set files carry the pack they came in. */
export interface Source {
  origin: Origin;
  path: string;
  pack?: { id: string; version: string };
}

/** A prompt file found on disk: its set when valid, its problems when not. */
export interface SetFile {
  id: string;
  path: string;
  origin: Origin;
  source: string;
  hash: string;
  set: PromptSet | null;
  problems: Problem[];
  /** Set when this file hides a set of the same id from an earlier origin (a user's `daily` over the built-in). */
  overrides?: Origin;
  /** The installed pack the set came in. */
  pack?: { id: string; version: string };
}

// dist/prompts/ and dist/bundle/ both sit two folders below the package root.
export const BUILT_IN_DIR = resolve(fileURLToPath(import.meta.url), '../../../prompts');
export const SCHEMA_FILE = resolve(fileURLToPath(import.meta.url), '../../../schema/prompt-set.schema.json');

/** Where sets are searched, later ones winning: built-in, installed packs, the user's, then --prompts / REFLECT_PROMPTS. */
export function promptSources(flag: string | undefined, env: NodeJS.ProcessEnv): Source[] {
  const sources: Source[] = [
    { origin: 'built-in', path: BUILT_IN_DIR },
    ...packSources(packsDir(env)),
    { origin: 'user', path: join(configDir(env), 'prompts') },
  ];
  const custom = flag ?? (env.REFLECT_PROMPTS || undefined);
  if (custom) {
    if (!existsSync(custom)) throw notFound(`no prompt folder or file at ${custom}`);
    sources.push({ origin: 'custom', path: resolve(custom) });
  }
  return sources;
}

export function readSetFile(path: string, origin: Origin): SetFile {
  const source = readTextFile(path, 'prompt file');
  const fileId = basename(path, extname(path));
  const { set, problems } = parsePromptSet(source, fileId);
  const hash = createHash('sha256').update(source).digest('hex');
  return { id: set?.id ?? fileId, path, origin, source, hash, set, problems };
}

/** Every prompt file in the given folders (or single files), the last one with an id winning. */
export function loadLibrary(sources: Source[]): SetFile[] {
  const byId = new Map<string, SetFile>();
  for (const { origin, path, pack } of sources) {
    for (const file of yamlFiles(path)) {
      const found = readListed(file, origin);
      if (pack) found.pack = pack;
      const earlier = byId.get(found.id);
      if (earlier && earlier.origin !== origin) found.overrides = earlier.origin;
      byId.set(found.id, found);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A file in a prompts folder that can't even be read (a folder named x.yaml, binary, too big) is
 * listed as invalid, never thrown: one bad file must not take `prompts list` and every session with it.
 */
function readListed(path: string, origin: Origin): SetFile {
  try {
    return readSetFile(path, origin);
  } catch (error) {
    const message = error instanceof ReflectError ? error.message : `reflect could not check it (${(error as Error).message})`;
    const id = basename(path, extname(path));
    return { id, path, origin, source: '', hash: '', set: null, problems: [{ line: 1, col: 1, message }] };
  }
}

/** A set named by id (from the library) or by path (a .yaml file). Invalid sets are refused with every problem. */
export function findSet(name: string, library: SetFile[]): SetFile & { set: PromptSet } {
  const looksLikePath = /[/\\]/.test(name) || /\.ya?ml$/i.test(name);
  const file = looksLikePath ? readSetFile(resolve(name), 'custom') : library.find((f) => f.id === name);
  if (!file) {
    throw notFound(`no prompt set "${name}"${suggestion(name, library.map((f) => f.id))}; see \`reflect prompts list\``);
  }
  if (!file.set) {
    throw invalidInput(
      `the prompt set ${file.path} has ${plural(file.problems.length, 'problem')}:`,
      file.problems.map((p) => `${file.path}:${p.line}:${p.col}: ${p.message}`),
    );
  }
  return file as SetFile & { set: PromptSet };
}

function yamlFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(path, name));
}
