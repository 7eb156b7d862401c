// Import files of a known size and content, in each format reflect reads, so a test can tell a
// complete import from a partial one by counting.
import { createHash } from 'node:crypto';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

const hex = (seed, i) => createHash('sha256').update(`${seed}:${i}`).digest('hex');
const uuidOf = (h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
const dayOf = (i) => new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();

/** A reflect JSON export (the layout `export` writes) with `n` entries; `seed` keeps ids apart. */
export function reflectExport(n, seed = 'r') {
  const lines = ['{"format":"reflect-journal","version":1,', '"sessions":[],', '"entries":['];
  for (let i = 0; i < n; i++) {
    const record = { id: uuidOf(hex(seed, i)), date: dayOf(i), createdAt: dayOf(i), updatedAt: null, text: `entry ${seed} ${i} about #work and the long road home`, tags: [{ tag: 'work', origin: 'text' }], session: null, classification: null };
    lines.push(JSON.stringify(record) + (i < n - 1 ? ',' : ''));
  }
  lines.push('],', '"actions":[]', '}', '');
  return lines.join('\n');
}

export function jrnlExport(n, seed = 'j') {
  const entries = Array.from({ length: n }, (_, i) => ({ title: `jrnl ${seed} ${i}`, body: 'a body line', date: dayOf(i).slice(0, 10), time: `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, tags: ['@work'], starred: i % 7 === 0 }));
  return JSON.stringify({ tags: { '@work': n }, entries });
}

export function dayOneExport(n, seed = 'd') {
  const entries = Array.from({ length: n }, (_, i) => ({ uuid: hex(seed, i).slice(0, 32).toUpperCase(), creationDate: dayOf(i).replace('.000', ''), text: `Day One ${seed} ${i}\\!`, tags: ['a tag'], starred: false }));
  return JSON.stringify({ metadata: { version: '1.0' }, entries });
}

/** A minimal zip writer (deflate), for the harness and the tests (test/helpers/zip.ts); a member given as `{ packed, size }` may lie about its size. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = content.packed ?? deflateRawSync(data);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(content.packed ? 0 : crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(content.size ?? data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(content.packed ? 0 : crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE((content.size ?? data.length) >>> 0, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A Day One zip whose journal.json inflates to `megabytes` of spaces: a zip bomb, built in flat memory. */
export async function zipBomb(megabytes) {
  const deflate = createDeflateRaw({ level: 9 });
  const parts = [];
  deflate.on('data', (d) => parts.push(d));
  const done = new Promise((ok) => deflate.on('end', ok));
  const mb = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(mb)) await new Promise((ok) => deflate.once('drain', ok));
  deflate.end();
  await done;
  const file = Object.assign(Buffer.alloc(0), { packed: Buffer.concat(parts), size: megabytes * (1 << 20) });
  return zip({ 'Journal.json': file });
}
