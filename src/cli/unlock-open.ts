import type { Db, OpenMode, OpenOptions } from '../store/journal.js';
import { journalFormat } from '../store/cipher.js';
import { isWrongPassphrase, openJournal } from '../store/journal.js';
import { setVariables } from './passphrase-variables.js';
import type { Passphrases } from './unlock.js';

const TRIES_ON_A_TERMINAL = 3;

/** Runs `use` with the journal's passphrase; typed wrong on a terminal, it is asked again. */
export async function withPassphrase<T>(keys: Passphrases, use: (passphrase: string) => T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const passphrase = (await keys.current()).value;
    try {
      return use(passphrase);
    } catch (error) {
      if (!isWrongPassphrase(error) || !keys.typed() || attempt === TRIES_ON_A_TERMINAL) throw error;
      keys.forget();
      process.stderr.write('That passphrase does not open it; try again.\n');
    }
  }
}

/**
 * Opens the journal, unlocking it when it is encrypted: a passphrase typed wrong is asked again,
 * as ssh and gpg do; one from the environment is not (asking again would get the same). With a
 * passphrase variable set and no journal yet, the new journal is encrypted from its first page.
 */
export async function openUnlocked(path: string, mode: OpenMode, options: OpenOptions, keys: Passphrases, env: NodeJS.ProcessEnv, warn: (m: string) => void): Promise<Db> {
  const format = journalFormat(path);
  const variables = setVariables(env, 'current');
  if (format === 'plain' && variables.length > 0) {
    warn(`${variables[0]} is set but the journal ${path} is not encrypted; \`reflect encrypt\` encrypts it`);
  }
  if (format === 'encrypted') return withPassphrase(keys, (passphrase) => openJournal(path, mode, { ...options, passphrase }));
  const creating = (format === 'missing' || format === 'empty') && mode === 'write' && variables.length > 0;
  if (!creating) return openJournal(path, mode, options);
  const { value, from } = await keys.current();
  const db = openJournal(path, mode, { ...options, passphrase: value });
  process.stderr.write(`reflect: made an encrypted journal at ${path}, with the passphrase from ${from}\n`);
  return db;
}
