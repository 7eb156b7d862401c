import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalidInput, notFound, outputError, refused } from '../core/errors.js';
import { suggestion } from '../core/did-you-mean.js';
import { MANIFEST_FILE, type PackManifest } from '../core/pack-manifest.js';
import { plural } from '../core/plural.js';
import { loadLibrary } from './library.js';
import { checkPack, type PackSet } from './pack-check.js';
import { readPackFiles } from './pack-source.js';
import { brokenPacks, installedPacks, packSources } from './packs.js';

const NOTHING = 'nothing was installed';

export interface InstallResult {
  manifest: PackManifest;
  sets: PackSet[];
  /** The version it replaced, if any. */
  previous: string | null;
  /** `unchanged`: that very version was installed already (and --force was not given). */
  outcome: 'installed' | 'updated' | 'reinstalled' | 'downgraded' | 'unchanged';
}

/**
 * Installs the pack at `path` into `dir` (the packs folder) all or nothing: it is read and every
 * set checked in memory, written to a temporary folder beside the others, and only then renamed
 * into place. A crash leaves the old pack or the new one, never half of one.
 */
export async function installPack(path: string, dir: string, force: boolean): Promise<InstallResult> {
  const files = await readPackFiles(path, NOTHING);
  cleanStale(dir);
  const installed = installedPacks(dir);
  const { manifest, sets, problems } = checkPack(files, takenIds(dir));
  if (!manifest || problems.length) {
    throw invalidInput(
      `${path} has ${plural(problems.length, 'problem')}; ${NOTHING}:`,
      problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`),
    );
  }
  const previous = installed.find((p) => p.manifest.id === manifest.id)?.manifest.version ?? null;
  let outcome: InstallResult['outcome'] = 'installed';
  if (previous !== null) {
    const { compare } = (await import('semver')).default;
    const order = compare(manifest.version, previous);
    outcome = order > 0 ? 'updated' : order === 0 ? 'reinstalled' : 'downgraded';
    if (order === 0 && !force) return { manifest, sets, previous, outcome: 'unchanged' };
    if (order < 0 && !force) {
      throw refused(`${manifest.id} ${manifest.version} is older than the installed ${previous}; ${NOTHING} (--force installs it anyway)`);
    }
  }
  let temp: string | null = null;
  try {
    // reflect's data folder also holds the journal: private when made here, as the journal makes it.
    mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    temp = mkdtempSync(join(dir, `.tmp-${manifest.id}-`));
    // mkdtemp makes 0700; a pack is not private, and others on the machine may read the sets.
    chmodSync(temp, 0o755);
    writeFileSync(join(temp, MANIFEST_FILE), files.files.get(MANIFEST_FILE)!, { mode: 0o644 });
    for (const set of sets) {
      mkdirSync(dirname(join(temp, set.path)), { recursive: true, mode: 0o755 });
      writeFileSync(join(temp, set.path), files.files.get(set.path)!, { mode: 0o644 });
    }
    swapIn(temp, join(dir, manifest.id));
  } catch (error) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw outputError(`can't write ${dir}: ${code === 'EACCES' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message}; ${NOTHING}`);
  }
  return { manifest, sets, previous, outcome };
}

/** Set ids the installed packs provide, with the pack each is in. */
function takenIds(dir: string): Map<string, string> {
  return new Map(loadLibrary(packSources(dir)).map((f) => [f.id, f.pack!.id]));
}

/** The new folder renamed into place; one already there is renamed aside first, then removed. */
function swapIn(temp: string, target: string): void {
  if (!existsSync(target)) return renameSync(temp, target);
  const aside = asideName(target, 'old');
  renameSync(target, aside);
  try {
    renameSync(temp, target);
  } catch (error) {
    renameSync(aside, target);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** `old` is a replaced pack (put back after a crash), `gone` an uninstalled one (never put back). */
const asideName = (target: string, why: 'old' | 'gone') => join(dirname(target), `.${why}-${basename(target)}-${randomBytes(3).toString('hex')}`);

/**
 * Folders an interrupted install or uninstall left: a temporary one is removed; one renamed aside
 * is put back if the crash came before its successor was renamed in, else removed.
 */
export function cleanStale(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith('.tmp-') || name.startsWith('.gone-')) rmSync(path, { recursive: true, force: true });
    const aside = /^\.old-(.+)-[0-9a-f]{6}$/.exec(name);
    if (!aside) continue;
    const target = join(dir, aside[1]!);
    if (existsSync(target)) rmSync(path, { recursive: true, force: true });
    else renameSync(path, target);
  }
}

/**
 * Removes an installed pack (or a broken one: a folder whose pack.yaml no longer reads, so it has
 * no version to say): renamed aside at once, so it is gone in one step, then deleted.
 */
export function uninstallPack(id: string, dir: string): { id: string; version: string | null; sets: readonly string[] } {
  const installed = installedPacks(dir);
  const broken = brokenPacks(dir).find((p) => p.id === id);
  const pack = installed.find((p) => p.manifest.id === id) ?? (broken ? { dir: broken.dir, manifest: { id, version: null, sets: [] } } : undefined);
  if (!pack) {
    const ids = installed.map((p) => p.manifest.id);
    const known = ids.length ? `; installed: ${ids.join(', ')}` : '; no packs are installed';
    throw notFound(`no installed pack "${id}"${suggestion(id, ids)}${known}`);
  }
  cleanStale(dir);
  const aside = asideName(pack.dir, 'gone');
  renameSync(pack.dir, aside);
  rmSync(aside, { recursive: true, force: true });
  return pack.manifest;
}
