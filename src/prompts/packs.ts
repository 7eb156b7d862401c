import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, parsePackManifest, type PackManifest } from '../core/pack-manifest.js';
import { dataDir } from '../store/location.js';
import { readTextFile } from './text-file.js';

/** Installed packs: each a copy of the pack in `$XDG_DATA_HOME/reflect/packs/<pack-id>/`. */
export const packsDir = (env: NodeJS.ProcessEnv) => join(dataDir(env), 'packs');

export interface InstalledPack {
  dir: string;
  manifest: PackManifest;
}

/**
 * The packs in place, in id order. Names starting with "." are an install's temporary folders
 * (or one a crash left): never a pack. A pack whose manifest no longer reads (edited by hand)
 * is left out rather than failing every session; reinstalling it mends it.
 */
export function installedPacks(dir: string): InstalledPack[] {
  if (!existsSync(dir)) return [];
  const packs: InstalledPack[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name, MANIFEST_FILE);
    try {
      const { manifest } = parsePackManifest(readTextFile(path, 'prompt file'));
      if (manifest && manifest.id === name) packs.push({ dir: join(dir, name), manifest });
    } catch {
      // Unreadable: not a pack (see above).
    }
  }
  return packs;
}

/**
 * Folders in the packs folder that are no pack any more (a pack.yaml edited by hand until it no
 * longer reads): left out of the library, but named by `prompts list --packs`, and removable
 * with `prompts uninstall`.
 */
export function brokenPacks(dir: string): { id: string; dir: string }[] {
  if (!existsSync(dir)) return [];
  const good = new Set(installedPacks(dir).map((p) => p.manifest.id));
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !good.has(d.name))
    .map((d) => ({ id: d.name, dir: join(dir, d.name) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Each installed pack's listed set files, for the library. */
export function packSources(dir: string) {
  return installedPacks(dir).flatMap(({ dir: packDir, manifest }) =>
    manifest.sets.map((set) => ({ origin: 'pack' as const, path: join(packDir, set), pack: { id: manifest.id, version: manifest.version } })),
  );
}
