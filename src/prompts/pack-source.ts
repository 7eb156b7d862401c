import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Entry } from 'yauzl';
import { invalidInput, notFound, ReflectError } from '../core/errors.js';
import { megabytes } from '../core/limits.js';
import { MANIFEST_FILE } from '../core/pack-manifest.js';
import { MAX_TEXT_BYTES } from './text-file.js';

/** Far above a real pack (a dozen sets of 2–4 KB), low enough that a hostile archive fails at once. */
export const MAX_PACK_FILES = 200;
export const MAX_PACK_FILE_BYTES = MAX_TEXT_BYTES;
export const MAX_PACK_BYTES = 10 * 1024 * 1024;

/** A pack read into memory: every file by its path from pack.yaml's folder, `/`-separated. */
export interface PackFiles {
  /** The folder or archive as the person named it. */
  name: string;
  /** A folder's files are reported by their real path; an archive's by their path inside it. */
  folder: string | null;
  files: Map<string, Buffer>;
}

/**
 * A pack folder, .zip or .tar.gz, read whole into memory before anything is checked or written,
 * so an install can be all or nothing. Archives are told apart by their first bytes, not their name.
 * `nothing` ends each refusal ("nothing was installed").
 */
export async function readPackFiles(path: string, nothing: string): Promise<PackFiles> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw notFound(`no pack folder or archive at ${path}`);
  }
  if (stat.isDirectory()) {
    // Checked before walking: a folder named by mistake (a home folder) is not read through.
    if (!existsSync(join(path, MANIFEST_FILE))) throw invalidInput(`${path} has no ${MANIFEST_FILE}; a pack folder starts with one; ${nothing}`);
    return { name: path, folder: path, files: readFolder(path, nothing) };
  }
  if (stat.size > MAX_PACK_BYTES) throw invalidInput(`${path} is ${megabytes(stat.size)}; a pack archive can be at most ${megabytes(MAX_PACK_BYTES)}; ${nothing}`);
  const bytes = readFileSync(path);
  const raw = bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))
    ? await fromZip(path, nothing)
    : bytes[0] === 0x1f && bytes[1] === 0x8b
      ? await fromTarGz(bytes, path, nothing)
      : null;
  if (!raw) throw invalidInput(`${path} is not a pack: name a folder, a .zip or a .tar.gz holding a ${MANIFEST_FILE}`);
  return { name: path, folder: null, files: atManifest(raw, path, nothing) };
}

/** A folder's .yaml files, however deep; dot-folders (.git) are not the pack's. */
function readFolder(root: string, nothing: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let total = 0;
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        walk(path, `${prefix}${name}/`);
        continue;
      }
      if (!/\.ya?ml$/i.test(name)) continue;
      if (stat.isSymbolicLink()) throw invalidInput(`${path} is a symbolic link; a pack holds its own files; ${nothing}`);
      if (!stat.isFile()) continue;
      if (files.size >= MAX_PACK_FILES) throw invalidInput(`${root} holds more than ${MAX_PACK_FILES} .yaml files; a pack can hold at most that; ${nothing}`);
      total += checkSize(`${prefix}${name}`, stat.size, total, root, nothing);
      files.set(`${prefix}${name}`, readFileSync(path));
    }
  };
  walk(root, '');
  return files;
}

function checkSize(name: string, size: number, total: number, pack: string, nothing: string): number {
  if (size > MAX_PACK_FILE_BYTES) throw invalidInput(`${pack}: ${name} is ${megabytes(size)}; a file in a pack can be at most ${megabytes(MAX_PACK_FILE_BYTES)}; ${nothing}`);
  if (total + size > MAX_PACK_BYTES) throw invalidInput(`${pack}: its files come to more than ${megabytes(MAX_PACK_BYTES)}; a pack can be at most that; ${nothing}`);
  return size;
}

async function fromZip(path: string, nothing: string): Promise<Map<string, Buffer>> {
  const { unzip } = await import('../import/zip.js');
  const seen = new Set<string>();
  const inspect = (entry: Entry) => {
    // Two members of one name: which one a tool unpacks differs, so neither is trusted.
    if (seen.has(entry.fileName)) throw invalidInput(`${path} holds ${entry.fileName} twice; ${nothing}`);
    seen.add(entry.fileName);
    // Unix permissions sit in the high half of the external attributes; 0o120000 is a symbolic link.
    if (((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000) throw unsafe(path, entry.fileName, 'is a symbolic link', nothing);
    safeName(entry.fileName, path, nothing);
  };
  const limits = { members: MAX_PACK_FILES, memberBytes: MAX_PACK_FILE_BYTES, totalBytes: MAX_PACK_BYTES, nothing, inspect };
  return unzip(path, path, () => true, limits);
}

async function fromTarGz(bytes: Buffer, path: string, nothing: string): Promise<Map<string, Buffer>> {
  const { gunzipSync } = await import('node:zlib');
  let tar: Buffer;
  try {
    // Headers and padding add a little to the files themselves; anything far beyond is a bomb.
    tar = gunzipSync(bytes, { maxOutputLength: MAX_PACK_BYTES + 2 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw invalidInput(`${path} unpacks to more than ${megabytes(MAX_PACK_BYTES)}; a pack can be at most that; ${nothing}`);
    }
    throw invalidInput(`${path} is not a .tar.gz archive (or it is damaged or truncated); ${nothing}`);
  }
  const { extract } = (await import('tar-stream')).default;
  const reader = extract();
  reader.end(tar);
  const files = new Map<string, Buffer>();
  let total = 0;
  let count = 0;
  try {
    for await (const entry of reader) {
      const { name, type, size } = entry.header;
      if (type !== 'file' && type !== 'directory' && type !== 'contiguous-file') {
        entry.resume();
        throw unsafe(path, name, `is a ${type.replace('-', ' ')}`, nothing);
      }
      safeName(name, path, nothing);
      if (type === 'directory') {
        entry.resume();
        continue;
      }
      if (++count > MAX_PACK_FILES) throw invalidInput(`${path} holds more than ${MAX_PACK_FILES} files; a pack can hold at most that; ${nothing}`);
      total += checkSize(name, size, total, path, nothing);
      if (files.has(name)) throw invalidInput(`${path} holds ${name} twice; ${nothing}`);
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      files.set(name, Buffer.concat(chunks));
    }
  } catch (error) {
    if (error instanceof ReflectError) throw error;
    throw invalidInput(`${path} is a damaged or truncated .tar.gz archive; ${nothing}`);
  } finally {
    reader.destroy();
  }
  return files;
}

const unsafe = (archive: string, name: string, what: string, nothing: string) =>
  invalidInput(`${archive}: ${JSON.stringify(name)} ${what}; a pack holds only plain files and folders; ${nothing}`);

/** Refuses a name that would land outside the pack when written: absolute, `..`, a drive, a backslash. */
function safeName(name: string, archive: string, nothing: string): void {
  const parts = name.split('/');
  const bad = name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || name.includes('\0') || parts.includes('..');
  if (bad) throw invalidInput(`${archive}: ${JSON.stringify(name)} is an unsafe path (it could point outside the pack); ${nothing}`);
}

/**
 * The files by their path from pack.yaml's folder: the archive's root, or its one top folder as
 * GitHub's release archives have (values-pack-1.2.0/pack.yaml). Two names for one file are refused.
 */
function atManifest(raw: Map<string, Buffer>, archive: string, nothing: string): Map<string, Buffer> {
  const clean = new Map<string, Buffer>();
  for (const [name, bytes] of raw) {
    if (name.endsWith('/')) continue;
    const path = name.split('/').filter((p) => p !== '' && p !== '.').join('/');
    if (clean.has(path)) throw invalidInput(`${archive} holds ${path} twice; ${nothing}`);
    clean.set(path, bytes);
  }
  if (clean.has(MANIFEST_FILE)) return clean;
  const tops = new Set([...clean.keys()].map((p) => p.split('/')[0]));
  const [top] = tops;
  if (tops.size === 1 && clean.has(`${top}/${MANIFEST_FILE}`)) {
    return new Map([...clean].filter(([p]) => p.startsWith(`${top}/`)).map(([p, b]) => [p.slice(top!.length + 1), b]));
  }
  throw invalidInput(`${archive} has no ${MANIFEST_FILE} at its root or in its one top folder; ${nothing}`);
}
