import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenPassphrase, currentPassphrase, passphraseFromEnv } from '../../src/cli/passphrase.js';

const dir = mkdtempSync(join(tmpdir(), 'reflect-pass-'));
const file = (name: string, text: string, mode = 0o600) => {
  const path = join(dir, name);
  writeFileSync(path, text, { mode });
  chmodSync(path, mode);
  return path;
};
const noWarn = () => {
  throw new Error('no warning expected');
};

describe('passphraseFromEnv', () => {
  const cases: [string, NodeJS.ProcessEnv, string, string][] = [
    ['the variable itself, spaces kept', { REFLECT_PASSPHRASE: ' two words ' }, ' two words ', 'REFLECT_PASSPHRASE'],
    ['a file, less one trailing newline', { REFLECT_PASSPHRASE_FILE: file('p1', 'from a file\n') }, 'from a file', 'REFLECT_PASSPHRASE_FILE'],
    ['a file with CRLF', { REFLECT_PASSPHRASE_FILE: file('p2', 'windows\r\n') }, 'windows', 'REFLECT_PASSPHRASE_FILE'],
    ['a file whose passphrase ends in a blank line', { REFLECT_PASSPHRASE_FILE: file('p3', 'two\n\n') }, 'two\n', 'REFLECT_PASSPHRASE_FILE'],
    ['a command, by the shell', { REFLECT_PASSPHRASE_COMMAND: "printf 'from %s\\n' pass" }, 'from pass', 'REFLECT_PASSPHRASE_COMMAND'],
    ['an empty variable counts as unset', { REFLECT_PASSPHRASE: '', REFLECT_PASSPHRASE_COMMAND: 'echo x' }, 'x', 'REFLECT_PASSPHRASE_COMMAND'],
  ];
  it.each(cases)('%s', (_name, env, value, from) => {
    expect(passphraseFromEnv(env, 'current', noWarn)).toEqual({ value, from });
  });

  it('reads the new passphrase from the REFLECT_NEW_ variables, not the current ones', () => {
    const env = { REFLECT_PASSPHRASE: 'old', REFLECT_NEW_PASSPHRASE: 'new' };
    expect(passphraseFromEnv(env, 'new', noWarn)).toEqual({ value: 'new', from: 'REFLECT_NEW_PASSPHRASE' });
    expect(passphraseFromEnv({}, 'current', noWarn)).toBeNull();
  });

  const refused: [string, NodeJS.ProcessEnv, RegExp][] = [
    ['two variables set', { REFLECT_PASSPHRASE: 'a', REFLECT_PASSPHRASE_FILE: '/x' }, /^REFLECT_PASSPHRASE and REFLECT_PASSPHRASE_FILE are all set; set only one$/],
    ['a file that is not there', { REFLECT_PASSPHRASE_FILE: join(dir, 'gone') }, /^can't read REFLECT_PASSPHRASE_FILE \(.*gone\): there is no such file$/],
    ['an empty file', { REFLECT_PASSPHRASE_FILE: file('empty', '\n') }, /^the passphrase from REFLECT_PASSPHRASE_FILE is empty$/],
    ['a command that fails', { REFLECT_PASSPHRASE_COMMAND: 'echo secret-value; exit 3' }, /^REFLECT_PASSPHRASE_COMMAND failed \(exit 3\); nothing was opened$/],
    ['a command that prints nothing', { REFLECT_PASSPHRASE_COMMAND: 'true' }, /^the passphrase from REFLECT_PASSPHRASE_COMMAND is empty$/],
    ['a command that does not exist', { REFLECT_PASSPHRASE_COMMAND: 'no-such-password-manager' }, /^REFLECT_PASSPHRASE_COMMAND failed \(exit 127\)/],
  ];
  it.each(refused)('refuses %s in one line that never holds the passphrase', (_name, env, message) => {
    let error: Error | undefined;
    try {
      passphraseFromEnv(env, 'current', () => {});
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('secret-value');
    expect((error as { kind?: string }).kind).toBe('passphrase');
  });

  it('warns when the passphrase file can be read by others', () => {
    const warnings: string[] = [];
    passphraseFromEnv({ REFLECT_PASSPHRASE_FILE: file('loose', 'p\n', 0o644) }, 'current', (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(/others on this machine can read; chmod 600 /)]);
  });
});

/** Stands in for the hidden terminal prompt: answers in order, and records what was asked. */
function typing(...answers: string[]) {
  const asked: string[] = [];
  const ask = async (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`nothing scripted for ${message}`);
    return answers.shift()!;
  };
  return { ask, asked };
}

describe('currentPassphrase', () => {
  it('asks on the terminal when no variable is set', async () => {
    const { ask, asked } = typing('typed');
    expect(await currentPassphrase({}, '/j.db', ask, noWarn)).toEqual({ value: 'typed', from: 'the terminal' });
    expect(asked).toEqual(['Passphrase for /j.db:']);
  });
  it('with no terminal, names the three variables', async () => {
    await expect(currentPassphrase({}, '/j.db', undefined, noWarn)).rejects.toThrow(
      'the journal /j.db is encrypted and there is no terminal to ask on; set REFLECT_PASSPHRASE_COMMAND (a command that prints it), REFLECT_PASSPHRASE_FILE or REFLECT_PASSPHRASE',
    );
  });
  it('refuses an empty one typed', async () => {
    await expect(currentPassphrase({}, '/j.db', typing('').ask, noWarn)).rejects.toThrow(/no passphrase was typed/);
  });
});

describe('chosenPassphrase', () => {
  it('takes one typed the same twice', async () => {
    const { ask, asked } = typing('new one', 'new one');
    expect(await chosenPassphrase({}, 'new', '/j.db', ask, noWarn)).toEqual({ value: 'new one', from: 'the terminal' });
    expect(asked).toEqual(['New passphrase:', 'The same again:']);
  });
  it('asks again when the two differ, and gives up after three tries', async () => {
    const again = typing('a', 'b', 'c', 'c');
    expect((await chosenPassphrase({}, 'current', '/j.db', again.ask, noWarn)).value).toBe('c');
    expect(again.asked[2]).toMatch(/^The two differed\./);
    await expect(chosenPassphrase({}, 'new', '/j.db', typing('a', 'b', 'c', 'd', 'e', 'f').ask, noWarn)).rejects.toThrow(/differ; nothing was changed/);
  });
  it('refuses an empty passphrase', async () => {
    await expect(chosenPassphrase({}, 'new', '/j.db', typing('').ask, noWarn)).rejects.toThrow(/cannot be empty/);
  });
  it('takes the environment as it is, without asking', async () => {
    const { ask, asked } = typing();
    expect(await chosenPassphrase({ REFLECT_NEW_PASSPHRASE: 'env' }, 'new', '/j.db', ask, noWarn)).toEqual({ value: 'env', from: 'REFLECT_NEW_PASSPHRASE' });
    expect(asked).toEqual([]);
  });
});
