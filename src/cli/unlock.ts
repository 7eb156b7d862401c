import type { AskHidden, Passphrase, Which } from './passphrase.js';

/** The passphrases of one run: each asked or read at most once, kept in memory only. */
export interface Passphrases {
  /** The journal's passphrase. */
  current(): Promise<Passphrase>;
  /** One being set: by encrypt ('current': the journal has none yet) or by `reflect passphrase` ('new'). */
  chosen(which: Which): Promise<Passphrase>;
  /** Whether a wrong one can be asked for again (it was typed, not read from the environment). */
  typed(): boolean;
  forget(): void;
}

/** `asker` is asked only when a passphrase is needed: undefined when there is no terminal to type on. */
export function passphrases(env: NodeJS.ProcessEnv, journal: string, asker: () => AskHidden | undefined, warn: (m: string) => void): Passphrases {
  let known: Passphrase | undefined;
  return {
    async current() {
      // Loaded only for an encrypted journal: a plain one never pays for it.
      known ??= await (await import('./passphrase.js')).currentPassphrase(env, journal, asker(), warn);
      return known;
    },
    chosen: async (which) => (await import('./passphrase.js')).chosenPassphrase(env, which, journal, asker(), warn),
    typed: () => known?.from === 'the terminal',
    forget: () => void (known = undefined),
  };
}
