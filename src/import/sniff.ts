import { closeSync, openSync, readSync } from 'node:fs';

export type Source = 'reflect' | 'jrnl' | 'dayone';

/**
 * Which tool wrote an export, told from its first bytes, for `import` without `--from` (and
 * `import -`, where there is no file name to go by): a zip is Day One's; JSON is told by its
 * first key as each tool writes it (reflect: "format"; Day One: "metadata"; jrnl: "tags"), or
 * by the first entry's keys. Null when it can't tell: the caller falls back to reflect's own
 * format, whose reader says what it expected.
 */
export function sniffSource(path: string): Source | null {
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read >= 4 && (head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50)) return 'dayone';
  return sniffJson(head.subarray(0, read).toString('utf8'));
}

export function sniffJson(text: string): Source | null {
  const first = /^\uFEFF?\s*\{\s*"(format|metadata|tags|entries)"\s*:/.exec(text)?.[1];
  if (first === 'format') return 'reflect';
  if (first === 'metadata') return 'dayone';
  if (first === 'tags') return 'jrnl';
  if (first !== 'entries') return null;
  // The first entry's first key: Day One's carry a uuid and a creationDate, jrnl's a title and a date.
  const key = /^\s*\[\s*\{\s*"([^"]*)"/.exec(text.slice(text.indexOf(':') + 1))?.[1];
  if (key === undefined) return null;
  if (['uuid', 'creationDate', 'modifiedDate', 'timeZone', 'text', 'richText'].includes(key)) return 'dayone';
  if (['title', 'body', 'date', 'time'].includes(key)) return 'jrnl';
  return null;
}
