import { basename, extname, join } from 'node:path';
import { ReflectError } from '../core/errors.js';
import { MANIFEST_FILE, parsePackManifest, type PackManifest } from '../core/pack-manifest.js';
import { parsePromptSet } from '../core/prompt-parse.js';
import type { PromptSet } from '../core/prompt-set.js';
import type { PackFiles } from './pack-source.js';
import { textOf } from './text-file.js';

/** A problem in a pack, by the file it is in (a real path for a folder, the path inside an archive). */
export interface PackProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface PackSet {
  /** As listed in the manifest: sets/values.yaml. */
  path: string;
  id: string;
  set: PromptSet;
  source: string;
}

export interface CheckedPack {
  manifest: PackManifest | null;
  sets: PackSet[];
  problems: PackProblem[];
}

/**
 * Everything wrong with a pack at once: its manifest, every set it lists, and ids that clash
 * inside it or (`taken`: set id → installed pack id) with another installed pack.
 */
export function checkPack(pack: PackFiles, taken: ReadonlyMap<string, string> = new Map()): CheckedPack {
  const shown = (path: string) => (pack.folder ? join(pack.folder, path) : path);
  const problems: PackProblem[] = [];
  const add = (path: string, list: { line: number; col: number; message: string }[]) =>
    problems.push(...list.map((p) => ({ file: shown(path), ...p })));
  const text = (path: string, what: 'pack manifest' | 'prompt file'): string | null => {
    try {
      return textOf(pack.files.get(path)!, shown(path), what);
    } catch (error) {
      if (!(error instanceof ReflectError)) throw error;
      add(path, [{ line: 1, col: 1, message: error.message }]);
      return null;
    }
  };

  if (!pack.files.has(MANIFEST_FILE)) {
    add(MANIFEST_FILE, [{ line: 1, col: 1, message: `${pack.name} has no ${MANIFEST_FILE}; a pack starts with one (see the README, "Prompt packs")` }]);
    return { manifest: null, sets: [], problems };
  }
  const manifestText = text(MANIFEST_FILE, 'pack manifest');
  if (manifestText === null) return { manifest: null, sets: [], problems };
  const { manifest, problems: manifestProblems, setsAt } = parsePackManifest(manifestText);
  add(MANIFEST_FILE, manifestProblems);
  if (!manifest) return { manifest, sets: [], problems };

  const sets: PackSet[] = [];
  const byId = new Map<string, string>();
  manifest.sets.forEach((path, i) => {
    const where = (message: string) => add(MANIFEST_FILE, [{ ...setsAt[i]!, message }]);
    if (!pack.files.has(path)) return where(`${path} is listed in sets but is not in the pack`);
    const source = text(path, 'prompt file');
    if (source === null) return;
    const parsed = parsePromptSet(source, basename(path, extname(path)));
    add(path, parsed.problems);
    if (!parsed.set) return;
    const { id } = parsed.set;
    const twin = byId.get(id);
    if (twin) return where(`${path} has the set id "${id}", as ${twin} does; each set in a pack needs its own id`);
    byId.set(id, path);
    const other = taken.get(id);
    if (other && other !== manifest.id) return where(`${path}: the set "${id}" is already provided by the installed pack ${other}; uninstall it or rename the set`);
    sets.push({ path, id, set: parsed.set, source });
  });
  // pack.yaml's problems first, then each set's file in the order listed (sort is stable).
  const manifestFile = shown(MANIFEST_FILE);
  problems.sort((a, b) => Number(b.file === manifestFile) - Number(a.file === manifestFile));
  return { manifest, sets, problems };
}
