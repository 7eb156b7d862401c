import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { errnoWords } from '../core/errno-words.js';
import { passphraseError } from '../core/errors.js';
import { passphraseVariables, setVariables, type Which } from './passphrase-variables.js';

export type { Which } from './passphrase-variables.js';

/** Asks on the terminal without echo; absent when there is no terminal to ask on. */
export type AskHidden = (message: string) => Promise<string>;

/** Where a passphrase came from, named as the user set it: for messages, never the passphrase itself. */
export interface Passphrase {
  value: string;
  from: string;
}

/**
 * The passphrase from the environment, or null when none of the variables is set. Set twice over
 * is refused rather than guessed at. What a file or command gives loses one trailing newline
 * (`pass show` prints one) and nothing else: spaces may be part of a passphrase.
 */
export function passphraseFromEnv(env: NodeJS.ProcessEnv, which: Which, warn: (message: string) => void): Passphrase | null {
  const set = setVariables(env, which);
  if (set.length === 0) return null;
  if (set.length > 1) throw passphraseError(`${set.join(' and ')} are all set; set only one`);
  const names = passphraseVariables(which);
  const from = set[0]!;
  const value = from === names.command ? fromCommand(env[from]!, from) : from === names.file ? fromFile(env[from]!, from, warn) : env[from]!;
  if (value === '') throw passphraseError(`the passphrase from ${from} is empty`);
  return { value, from };
}

function fromFile(path: string, variable: string, warn: (message: string) => void): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
    if (statSync(path).mode & 0o077) warn(`${variable} names ${path}, which others on this machine can read; chmod 600 ${path}`);
  } catch (error) {
    const words = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : errnoWords(error);
    throw passphraseError(`can't read ${variable} (${path}): ${words}`);
  }
  return withoutNewline(text);
}

/**
 * Run by the shell, as restic and git run theirs. Its stderr, and stdin when it is a terminal,
 * stay the user's, so a password manager can ask for its own unlock; a piped stdin is not its to
 * read (it may be the entry being written). Only its stdout is read, and it is never shown.
 */
function fromCommand(command: string, variable: string): string {
  const stdin = process.stdin.isTTY ? 'inherit' : 'ignore';
  const run = spawnSync(command, { shell: true, stdio: [stdin, 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.error) throw passphraseError(`can't run ${variable}: ${errnoWords(run.error)}`);
  if (run.signal) throw passphraseError(`${variable} was stopped by ${run.signal}; nothing was opened`);
  if (run.status !== 0) throw passphraseError(`${variable} failed (exit ${run.status}); nothing was opened`);
  return withoutNewline(run.stdout);
}

const withoutNewline = (text: string) => text.replace(/\r?\n$/, '');

/**
 * The passphrase for a journal: from the environment, else asked on the terminal, else an error
 * that names the three ways to give one.
 */
export async function currentPassphrase(env: NodeJS.ProcessEnv, journal: string, ask: AskHidden | undefined, warn: (m: string) => void): Promise<Passphrase> {
  const given = passphraseFromEnv(env, 'current', warn);
  if (given) return given;
  if (!ask) throw noWayToAsk(journal, 'current');
  const value = await ask(`Passphrase for ${journal}:`);
  if (value === '') throw passphraseError('no passphrase was typed; nothing was opened');
  return { value, from: 'the terminal' };
}

/** A passphrase being set: from the environment as it is, or typed twice on the terminal. */
export async function chosenPassphrase(env: NodeJS.ProcessEnv, which: Which, journal: string, ask: AskHidden | undefined, warn: (m: string) => void): Promise<Passphrase> {
  const given = passphraseFromEnv(env, which, warn);
  if (given) return given;
  if (!ask) throw noWayToAsk(journal, which);
  const first = which === 'new' ? 'New passphrase:' : 'Passphrase to encrypt the journal with:';
  for (let attempt = 1; ; attempt++) {
    const value = await ask(attempt === 1 ? first : `The two differed. ${first}`);
    if (value === '') throw passphraseError('a passphrase cannot be empty; nothing was changed');
    if ((await ask('The same again:')) === value) return { value, from: 'the terminal' };
    if (attempt === 3) throw passphraseError('the two passphrases typed differ; nothing was changed');
  }
}

function noWayToAsk(journal: string, which: Which): Error {
  const { plain, file, command } = passphraseVariables(which);
  const what = which === 'new' ? 'a new passphrase is needed' : `the journal ${journal} is encrypted`;
  return passphraseError(`${what} and there is no terminal to ask on; set ${command} (a command that prints it), ${file} or ${plain}`);
}
