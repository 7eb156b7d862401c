import { inflateRawSync } from 'node:zlib';
import { invalidInput } from '../core/errors.js';
import { MAX_ZIP_MEMBER_BYTES, MAX_ZIP_MEMBERS, MAX_ZIP_TOTAL_BYTES, megabytes } from '../core/limits.js';

/**
 * The files in a zip archive (stored or deflated) that `wanted` picks, read from its central
 * directory. Enough for Day One's export archives; ZIP64 and encrypted archives are refused with
 * a clear message. A zip can claim any size in its headers, so none is trusted: inflating stops
 * at the limits in core/limits.ts, and members nobody wants are never inflated at all.
 */
export function unzip(data: Buffer, name: string, wanted: (fileName: string) => boolean = () => true): Map<string, Buffer> {
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw invalidInput(`${name} is not a zip archive (or it is truncated)`);
  const count = data.readUInt16LE(end + 10);
  if (count > MAX_ZIP_MEMBERS) throw invalidInput(`${name} holds ${count} files; reflect reads zips of at most ${MAX_ZIP_MEMBERS}; nothing was imported`);
  let inflated = 0;
  let offset = data.readUInt32LE(end + 16);
  if (offset === 0xffffffff) throw invalidInput(`${name} is a ZIP64 archive, which reflect can't read; unzip it and import the .json file`);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw invalidInput(`${name}: the zip directory is damaged`);
    const flags = data.readUInt16LE(offset + 8);
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const local = data.readUInt32LE(offset + 42);
    const fileName = data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (fileName.endsWith('/') || !wanted(fileName)) continue;
    if (flags & 1) throw invalidInput(`${name} is encrypted; export it again without a password`);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressedSize);
    const byTotal = MAX_ZIP_TOTAL_BYTES - inflated < MAX_ZIP_MEMBER_BYTES;
    const room = byTotal ? MAX_ZIP_TOTAL_BYTES - inflated : MAX_ZIP_MEMBER_BYTES;
    const tooBig = () => invalidInput(byTotal
      ? `${name}: its files inflate to more than ${megabytes(MAX_ZIP_TOTAL_BYTES)} together; reflect reads at most that from a zip; nothing was imported`
      : `${name}: ${fileName} inflates to more than ${megabytes(MAX_ZIP_MEMBER_BYTES)}; reflect reads files of at most that from a zip; nothing was imported`);
    let content: Buffer;
    if (method === 0) {
      if (raw.length > room) throw tooBig();
      content = raw;
    } else if (method === 8) {
      try {
        content = inflateRawSync(raw, { maxOutputLength: Math.max(1, room) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        throw error;
      }
    } else throw invalidInput(`${name}: ${fileName} uses a compression reflect can't read`);
    inflated += content.length;
    files.set(fileName, content);
  }
  return files;
}
