import type { Command } from 'commander';
import type { Prompter } from '../core/prompter.js';
import type { Db, OpenMode } from '../store/journal.js';
import { NO_CONFIG } from '../core/config.js';
import { configPath, type LoadedConfig } from './config-file.js';
import { chooseJournal, type JournalChoice } from './journal-choice.js';
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
  /** Which journal that is, and why (`reflect config` says). */
  journalChoice: JournalChoice;
  /** The config file in force (none: every setting at its default). */
  config: LoadedConfig;
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
  journal?: string;
  debug?: boolean;
}

const configs = new WeakMap<Command, LoadedConfig>();

/** Called once, before any command runs, with the config read (asynchronously, so YAML loads only when needed). */
export function rememberConfig(root: Command, loaded: LoadedConfig): void {
  configs.set(root, loaded);
}

export function depsFor(command: Command): Deps {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const env = process.env;
  let root = command;
  while (root.parent) root = root.parent;
  const config = configs.get(root) ?? { path: configPath(env), exists: false, config: NO_CONFIG };
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return; // a command may open the journal more than once
    warned.add(message);
    process.stderr.write(`reflect: warning: ${message}\n`);
  };
  const journalChoice = chooseJournal(globals, env, config, warn);
  const path = journalChoice.path;
  const opened: Db[] = [];
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
    journalChoice,
    config,
    passphrases: passphrases(env, path, () => (canAskHidden() ? askHidden : undefined), warn),
    async journal(mode) {
      const { openUnlocked } = await import('./unlock-open.js');
      const db = await openUnlocked(path, mode, { privateFolder: journalChoice.privateFolder, warn }, deps.passphrases, env, warn);
      opened.push(db);
      return db;
    },
    async editText(initial) {
      const { editText } = await import('../ui/editor.js');
      return editText(initial, env, config.config.editor ?? undefined);
    },
    async prompter() {
      const { inquirerPrompter } = await import('../ui/inquirer-prompter.js');
      return inquirerPrompter((initial) => deps.editText(initial));
    },
  };
  return deps;
}
