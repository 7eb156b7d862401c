import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReflectError } from '../core/errors.js';
import { withoutBom } from '../core/utf8.js';

/**
 * Opens `$VISUAL`, then `$EDITOR`, then vi on a private temp file and returns what was saved.
 * The editor command may carry arguments ("code --wait"), so it runs through the shell,
 * with the file passed as "$1" so no path is ever re-parsed.
 */
export function editText(initial: string, env: NodeJS.ProcessEnv): string {
  const editor = env.VISUAL || env.EDITOR || 'vi';
  const dir = mkdtempSync(join(tmpdir(), 'reflect-'));
  const file = join(dir, 'entry.md');
  try {
    writeFileSync(file, initial, { mode: 0o600 });
    const result = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'reflect-editor', file], {
      stdio: 'inherit',
      env,
    });
    if (result.error || result.status === 127) {
      throw new ReflectError('usage', `can't start the editor "${editor}"; set $VISUAL or $EDITOR`);
    }
    if (result.status !== 0) {
      throw new ReflectError('refused', `the editor "${editor}" exited with status ${result.status}; nothing was saved`);
    }
    // A byte-order mark some editors write is the file's, not the entry's.
    return withoutBom(readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
