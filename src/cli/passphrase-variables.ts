/**
 * The names of the passphrase variables, apart from reading them (passphrase.ts runs commands and
 * reads files): opening any journal asks which are set, and that should cost nothing to load.
 */
/** The journal's passphrase, or, for `reflect passphrase`, the one it changes to. */
export type Which = 'current' | 'new';

const PREFIX: Record<Which, string> = { current: 'REFLECT_', new: 'REFLECT_NEW_' };

/** The three variables, as restic has them: the passphrase itself, a file holding it, a command printing it. */
export function passphraseVariables(which: Which): { plain: string; file: string; command: string } {
  const p = `${PREFIX[which]}PASSPHRASE`;
  return { plain: p, file: `${p}_FILE`, command: `${p}_COMMAND` };
}

/** Which of the variables are set (an empty one counts as not set). */
export function setVariables(env: NodeJS.ProcessEnv, which: Which): string[] {
  return Object.values(passphraseVariables(which)).filter((name) => Boolean(env[name]));
}
