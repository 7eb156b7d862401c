import type { Command } from 'commander';
import type { Prompter } from '../core/prompter.js';
import type { Db, OpenMode } from '../store/journal.js';
import { isDefaultJournal, journalPath } from '../store/location.js';
import { terminalFor, type Terminal } from '../ui/terminal.js';
import { canAskHidden } from '../ui/controlling-terminal.js';
import { passphrases, type Passphrases } from './unlock.js';

/** Everything a command touches outside itself, so tests can hand in their own. */
export interface Deps {
  env: NodeJS.ProcessEnv;
  now(): Date;
  stdout: Terminal;
  stderr: Terminal;
  stdin: NodeJS.ReadStream;
  /** True when a person can answer questions (stdin and stdout are terminals). */
  interactive: boolean;
  journalPath: string;
  /** Opens the journal (unlocking it if encrypted); the SQLite driver is loaded only when a command asks for it. */
  journal(mode: OpenMode): Promise<Db>;
  /** An encrypted journal's passphrase, and ones being set: from REFLECT_PASSPHRASE* or typed hidden. */
  passphrases: Passphrases;
  editText(initial: string): Promise<string>;
  /** The prompt library is loaded only when a command asks for it. */
  prompter(): Promise<Prompter>;
}

export interface GlobalOptions {
  db?: string;
  debug?: boolean;
}

export function depsFor(command: Command): Deps {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const env = process.env;
  const path = journalPath(globals.db, env);
  const opened: Db[] = [];
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return; // a command may open the journal more than once
    warned.add(message);
    process.stderr.write(`reflect: warning: ${message}\n`);
  };
  // Asked on stderr, so it can be typed while stdout goes to a file; whether it can be is only
  // looked into when an encrypted journal needs it.
  const askHidden = async (message: string) => (await import('../ui/passphrase-prompt.js')).askHidden(message);
  const deps: Deps = {
    env,
    now: () => new Date(),
    stdout: terminalFor(process.stdout, env),
    stderr: terminalFor(process.stderr, env),
    stdin: process.stdin,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    journalPath: path,
    passphrases: passphrases(env, path, () => (canAskHidden() ? askHidden : undefined), warn),
    async journal(mode) {
      const { openUnlocked } = await import('./unlock-open.js');
      const db = await openUnlocked(path, mode, { privateFolder: isDefaultJournal(globals.db, env), warn }, deps.passphrases, env, warn);
      opened.push(db);
      return db;
    },
    async editText(initial) {
      const { editText } = await import('../ui/editor.js');
      return editText(initial, env);
    },
    async prompter() {
      const { inquirerPrompter } = await import('../ui/inquirer-prompter.js');
      return inquirerPrompter((initial) => deps.editText(initial));
    },
  };
  return deps;
}
