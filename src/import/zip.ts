import { inflateRawSync } from 'node:zlib';
import { invalidInput } from '../core/errors.js';

/**
 * The files in a zip archive (stored or deflated), read from its central directory. Enough for
 * Day One's export archives; ZIP64 and encrypted archives are refused with a clear message.
 */
export function unzip(data: Buffer, name: string): Map<string, Buffer> {
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw invalidInput(`${name} is not a zip archive (or it is truncated)`);
  const count = data.readUInt16LE(end + 10);
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
    if (fileName.endsWith('/')) continue;
    if (flags & 1) throw invalidInput(`${name} is encrypted; export it again without a password`);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressedSize);
    if (method === 0) files.set(fileName, raw);
    else if (method === 8) files.set(fileName, inflateRawSync(raw));
    else throw invalidInput(`${name}: ${fileName} uses a compression reflect can't read`);
  }
  return files;
}
