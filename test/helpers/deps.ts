import { Chalk } from 'chalk';
import type { Deps } from '../../src/cli/context.js';
import type { Prompter } from '../../src/core/prompter.js';
import { openUnlocked } from '../../src/cli/unlock-open.js';
import { passphrases } from '../../src/cli/unlock.js';
import type { Db } from '../../src/store/journal.js';
import type { Terminal } from '../../src/ui/terminal.js';
import { NO_CONFIG, type Config } from '../../src/core/config.js';

export interface TestDepsOptions {
  /** Sees everything printed, on stdout and stderr alike. */
  print?: (text: string) => void;
  /** Stands in for the terminal's prompts; without one the command runs as off a terminal. */
  prompter?: Prompter;
  /** Whether the output is a terminal (colour stays off either way). */
  isTTY?: boolean;
  now?: Date;
  /** The environment the command sees: REFLECT_PASSPHRASE for an encrypted journal. */
  env?: NodeJS.ProcessEnv;
  /** What the config file says (default: there is none). */
  config?: Partial<Config>;
}

/**
 * A command's deps on a journal at `path`, for calling a `runX` in process. Every journal the
 * command opens is listed in `opened`, to be closed by the test.
 */
export function testDeps(path: string, options: TestDepsOptions = {}): { deps: Deps; opened: Db[] } {
  const terminal: Terminal = { write: options.print ?? (() => {}), isTTY: options.isTTY ?? false, columns: 100, style: new Chalk({ level: 0 }) };
  const opened: Db[] = [];
  const env = options.env ?? {};
  const warn = (message: string) => terminal.write(`reflect: warning: ${message}\n`);
  const deps: Deps = {
    env,
    now: () => options.now ?? new Date('2026-11-30T17:00:00Z'),
    stdout: terminal,
    stderr: terminal,
    stdin: process.stdin,
    interactive: Boolean(options.prompter),
    journalPath: path,
    journalChoice: { path, from: 'db-flag', name: null, privateFolder: false },
    config: { path: '/nonexistent/reflect/config.yaml', exists: Boolean(options.config), config: { ...NO_CONFIG, ...options.config } },
    passphrases: passphrases(env, path, () => undefined, warn),
    journal: async (mode) => {
      const db = await openUnlocked(path, mode, {}, deps.passphrases, env, warn);
      opened.push(db);
      return db;
    },
    editText: async () => {
      throw new Error('no editor in this test');
    },
    prompter: async () => {
      if (!options.prompter) throw new Error('no prompts in this test');
      return options.prompter;
    },
  };
  return { deps, opened };
}
