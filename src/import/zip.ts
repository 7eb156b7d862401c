import * as zlib from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { invalidInput, ReflectError } from '../core/errors.js';
import { MAX_ZIP_MEMBER_BYTES, MAX_ZIP_MEMBERS, MAX_ZIP_TOTAL_BYTES, megabytes } from '../core/limits.js';

/** How much one caller lets a zip hold: an import takes big journals, a prompt pack is small. */
export interface ZipLimits {
  members: number;
  memberBytes: number;
  totalBytes: number;
  /** Ends each refusal: what was left undone ("nothing was imported"). */
  nothing: string;
  /** Sees every entry, folders included, before it is read; throws to refuse the archive (a symlink, an unsafe name). */
  inspect?: (entry: Entry) => void;
}

const IMPORT_LIMITS: ZipLimits = {
  members: MAX_ZIP_MEMBERS,
  memberBytes: MAX_ZIP_MEMBER_BYTES,
  totalBytes: MAX_ZIP_TOTAL_BYTES,
  nothing: 'nothing was imported',
};

/**
 * The files in a zip archive that `wanted` picks, read with yauzl from its central directory
 * (ZIP64 included) one entry at a time: only wanted members are inflated, and only they are held.
 * A zip can claim any size in its headers, so none is trusted: inflating stops at the limits in
 * core/limits.ts. Each member's CRC-32 is checked (yauzl does not), so a damaged byte is refused,
 * not imported. `name` is what messages call the archive (the path, or "stdin").
 */
export async function unzip(
  path: string,
  name: string,
  wanted: (fileName: string) => boolean = () => true,
  limits: ZipLimits = IMPORT_LIMITS,
): Promise<Map<string, Buffer>> {
  const { default: yauzl } = await import('yauzl');
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true });
  } catch {
    throw invalidInput(`${name} is not a zip archive (or it is damaged or truncated); ${limits.nothing}`);
  }
  try {
    if (zip.entryCount > limits.members) throw invalidInput(`${name} holds ${zip.entryCount} files; reflect reads zips of at most ${limits.members}; ${limits.nothing}`);
    const files = new Map<string, Buffer>();
    let inflated = 0;
    for (let entry = await next(zip); entry; entry = await next(zip)) {
      limits.inspect?.(entry);
      if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) continue;
      if (entry.isEncrypted()) throw invalidInput(`${name} is encrypted; export it again without a password`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw invalidInput(`${name}: ${entry.fileName} uses a compression reflect can't read`);
      const content = await read(zip, entry, name, limits, limits.totalBytes - inflated);
      inflated += content.length;
      files.set(entry.fileName, content);
    }
    return files;
  } catch (error) {
    if (error instanceof ReflectError) throw error;
    // yauzl refuses these names itself; said as what they are, not as damage.
    const unsafe = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec((error as Error).message);
    if (unsafe) throw invalidInput(`${name}: ${JSON.stringify(unsafe[1])} is an unsafe path (it could point outside the archive); ${limits.nothing}`);
    throw invalidInput(`${name} is a damaged or truncated zip archive; ${limits.nothing}`);
  } finally {
    zip.close();
  }
}

function next(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/** One member, inflated as it streams: stopped at the first byte past its room, and its CRC-32 checked at the end. */
async function read(zip: ZipFile, entry: Entry, name: string, limits: ZipLimits, totalRoom: number): Promise<Buffer> {
  const byTotal = totalRoom < limits.memberBytes;
  const room = byTotal ? totalRoom : limits.memberBytes;
  const tooBig = () => invalidInput(byTotal
    ? `${name}: its files inflate to more than ${megabytes(limits.totalBytes)} together; reflect reads at most that from a zip; ${limits.nothing}`
    : `${name}: ${entry.fileName} inflates to more than ${megabytes(limits.memberBytes)}; reflect reads files of at most that from a zip; ${limits.nothing}`);
  // Its header's claim is refused up front; a member that lies is stopped as it inflates.
  if (entry.uncompressedSize > room) throw tooBig();
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > room) throw tooBig();
      crc = crc32(chunk, crc);
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  if (size !== entry.uncompressedSize || crc !== entry.crc32) {
    throw invalidInput(`${name}: ${entry.fileName} is damaged (its CRC-32 check fails); ${limits.nothing}`);
  }
  return Buffer.concat(chunks);
}

/** zlib.crc32 came in Node 20.15; reflect runs on any Node 20, so older ones get this table-driven twin. */
export const crc32: (data: Uint8Array, value?: number) => number =
  (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32 ?? tableCrc32;

let table: Uint32Array | undefined;

export function tableCrc32(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~value >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
