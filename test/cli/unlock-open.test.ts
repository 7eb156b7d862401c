import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openUnlocked } from '../../src/cli/unlock-open.js';
import { passphrases } from '../../src/cli/unlock.js';
import { openJournal } from '../../src/store/journal.js';

function encryptedJournal(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'reflect-unlock-')), 'journal.db');
  openJournal(path, 'write', { passphrase: 'right' }).close();
  return path;
}

/** The terminal, typing these in turn; `asked` counts the questions. */
function terminal(...typed: string[]) {
  const state = { asked: 0 };
  const ask = async () => {
    state.asked++;
    return typed.shift() ?? '';
  };
  return { state, asker: () => ask };
}

const noWarn = () => {};

describe('openUnlocked on an encrypted journal', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks again when a typed passphrase is wrong, and opens with the right one', async () => {
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const path = encryptedJournal();
    const { state, asker } = terminal('wrong', 'right');
    const db = await openUnlocked(path, 'read', {}, passphrases({}, path, asker, noWarn), {}, noWarn);
    db.close();
    expect(state.asked).toBe(2);
    expect(said).toHaveBeenCalledWith('That passphrase does not open it; try again.\n');
  });

  it('gives up after three wrong tries', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const path = encryptedJournal();
    const { state, asker } = terminal('a', 'b', 'c', 'right');
    await expect(openUnlocked(path, 'read', {}, passphrases({}, path, asker, noWarn), {}, noWarn)).rejects.toThrow(/does not open the journal/);
    expect(state.asked).toBe(3);
  });

  it('does not ask again for a wrong one from the environment: it would read the same', async () => {
    const path = encryptedJournal();
    const env = { REFLECT_PASSPHRASE: 'wrong' };
    const { state, asker } = terminal('right');
    await expect(openUnlocked(path, 'write', {}, passphrases(env, path, asker, noWarn), env, noWarn)).rejects.toThrow(/does not open the journal/);
    expect(state.asked).toBe(0);
  });

  it('asks once per run, however many times the journal is opened', async () => {
    const path = encryptedJournal();
    const { state, asker } = terminal('right');
    const keys = passphrases({}, path, asker, noWarn);
    for (const mode of ['read', 'update'] as const) (await openUnlocked(path, mode, {}, keys, {}, noWarn)).close();
    expect(state.asked).toBe(1);
  });
});
