import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ReflectError } from '../core/errors.js';
import { withoutBom } from '../core/utf8.js';
import { childEnv } from './child-env.js';
import { editorCommand } from './editor-command.js';

/**
 * Opens the config's editor, else `$VISUAL`, then `$EDITOR`, then vi (notepad on Windows), on a
 * private temp file and returns what was saved.
 */
export function editText(initial: string, env: NodeJS.ProcessEnv, configured?: string): string {
  const dir = privateDraftFolder(env);
  const file = join(dir, 'entry.md');
  try {
    writeFileSync(file, initial, { mode: 0o600 });
    const { command, args, shell } = editorCommand(file, env, process.platform, configured);
    const shown = shell ? command.slice(0, -file.length - 3) : [command, ...args.slice(0, -1)].join(' ');
    const result = spawnSync(command, args, { stdio: 'inherit', env: childEnv(env), shell });
    // 127 and 9009 are "no such command" from sh and cmd.exe; ENOENT and EACCES, from a direct start.
    if (result.error || result.status === 127 || result.status === 9009) {
      throw new ReflectError('usage', `can't start the editor "${shown}"; ${configured ? 'change editor: in the config (reflect config)' : 'set $VISUAL or $EDITOR'}`);
    }
    if (result.status !== 0) {
      throw new ReflectError('refused', `the editor "${shown}" exited with status ${result.status ?? result.signal}; nothing was saved`);
    }
    // A byte-order mark some editors write is the file's, not the entry's.
    return withoutBom(readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The draft is in the clear while it is edited, whatever the journal is: in $XDG_RUNTIME_DIR
 * when there is one (memory, on most Linux systems, and the user's alone), else the temp folder.
 */
function privateDraftFolder(env: NodeJS.ProcessEnv): string {
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && isAbsolute(runtime)) {
    try {
      return mkdtempSync(join(runtime, 'reflect-'));
    } catch {
      // Not there or not ours: the temp folder will do.
    }
  }
  return mkdtempSync(join(tmpdir(), 'reflect-'));
}
