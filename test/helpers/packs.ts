import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tarStream from 'tar-stream';
import { zip } from './zip.js';

export type PackTree = Record<string, string | Buffer>;

/** A pack a coach might publish: two sets, the second without an id of its own (it is the file's name). */
export const packTree = (version = '1.2.0', more: PackTree = {}): PackTree => ({
  'pack.yaml': `id: values-pack
title: Values work
version: ${version}
author: Sam Coach
sets:
  - sets/values-compass.yaml
  - sets/values-week.yaml
`,
  'sets/values-compass.yaml': `id: values-compass\ntitle: Values compass ${version}\nversion: 3\nquestions:\n  - id: matters\n    ask: What matters most?\n`,
  'sets/values-week.yaml': `title: A week by your values\nquestions:\n  - id: lived\n    ask: Where did you live by them?\n`,
  ...more,
});

export function tempDir(prefix = 'reflect-pack-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The tree written as a folder; returns its path. */
export function packFolder(tree: PackTree, dir = join(tempDir(), 'values-pack')): string {
  for (const [name, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export interface TarEntry {
  name: string;
  content?: string | Buffer;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device';
  linkname?: string;
}

/** A .tar.gz of the entries, built with tar-stream as `tar czf` would. */
export async function tarGz(entries: TarEntry[] | PackTree): Promise<Buffer> {
  const list = Array.isArray(entries) ? entries : Object.entries(entries).map(([name, content]) => ({ name, content }));
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => pack.on('end', resolve));
  for (const e of list) {
    const type = e.type ?? 'file';
    pack.entry({ name: e.name, type, ...(e.linkname ? { linkname: e.linkname } : {}) }, type === 'file' ? (e.content ?? '') : undefined);
  }
  pack.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

/** A tar.gz whose one file's header claims `size` bytes it does not hold. */
export function tarGzClaiming(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('0', 156);
  header.write('ustar\0' + '00', 257);
  header.fill(' ', 148, 156);
  const sum = header.reduce((a, b) => a + b, 0);
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return gzipSync(Buffer.concat([header, Buffer.alloc(1024)]));
}

/** A zip of the tree, each name under `top/` when given (as GitHub release archives are). */
export const packZip = (tree: PackTree, top?: string) =>
  zip(Object.fromEntries(Object.entries(tree).map(([name, content]) => [top ? `${top}/${name}` : name, content])));

/** Marks a zip member as a Unix symbolic link, as `zip --symlinks` writes it. */
export function asSymlink(archive: Buffer, name: string): Buffer {
  const copy = Buffer.from(archive);
  for (let i = copy.indexOf(0x02014b50 & 0xff); i >= 0; i = copy.indexOf(0x50, i + 1)) {
    if (copy.readUInt32LE(i) !== 0x02014b50) continue;
    const length = copy.readUInt16LE(i + 28);
    if (copy.toString('utf8', i + 46, i + 46 + length) !== name) continue;
    copy.writeUInt16LE(0x0314, i + 4);
    copy.writeUInt32LE((0o120777 << 16) >>> 0, i + 38);
    return copy;
  }
  throw new Error(`no member ${name}`);
}
