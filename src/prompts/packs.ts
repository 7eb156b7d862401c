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

/** Each installed pack's listed set files, for the library. */
export function packSources(dir: string) {
  return installedPacks(dir).flatMap(({ dir: packDir, manifest }) =>
    manifest.sets.map((set) => ({ origin: 'pack' as const, path: join(packDir, set), pack: { id: manifest.id, version: manifest.version } })),
  );
}
