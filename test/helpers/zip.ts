import { zip as writeZip } from '../../scripts/torture/files.mjs';

/** A minimal zip writer (deflate), to build Day One–shaped archives; the one `npm run torture` uses. */
export const zip = (files: Record<string, string | Buffer>): Buffer => writeZip(files);
