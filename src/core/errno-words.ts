/**
 * The plain words for what the operating system said, for one-line messages: "ENOSPC: no
 * space left on device, write" is for a programmer; "no space left on device" is for a person.
 */
const WORDS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'over the disk quota',
  EFBIG: 'the file would be too large',
  EIO: 'input/output error (a failing disk or a lost connection)',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EBADF: 'the output is closed',
  EAGAIN: 'the output is not ready (non-blocking)',
  ENXIO: 'no such device',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symlinks',
};

export function errnoWords(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && WORDS[code]) return WORDS[code]!;
  const message = error instanceof Error ? error.message : String(error);
  // Node's form is "CODE: words, syscall 'path'"; keep the words.
  return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
}
