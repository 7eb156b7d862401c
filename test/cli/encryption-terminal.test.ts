import { afterEach, describe, expect, it } from 'vitest';
import { journalFormat } from '../../src/store/cipher.js';
import { BIN, reflect, tempJournal } from '../helpers/cli.js';
import { Terminal, terminalEnv } from '../helpers/tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const SECRET = 'moss-under-the-bridge';

const envFor = terminalEnv;

describe('an encrypted journal in a real terminal', () => {
  it('encrypt asks twice without echo; later commands ask once, again after a wrong one, even with stdin piped', async () => {
    const { dir, db } = tempJournal();
    const env = envFor(dir, db);
    expect(reflect(['--db', db, 'write', '--no-review', 'The dream I gave up was my own'], { env }).code).toBe(0);

    terminal = new Terminal(`${process.execPath} ${BIN} encrypt`, env);
    await terminal.waitFor('Passphrase to encrypt the journal with:');
    terminal.type(SECRET, 'Enter');
    await terminal.waitFor('The same again:');
    terminal.type(SECRET, 'Enter');
    const encrypted = await terminal.waitFor('[exited 0]');
    expect(encrypted).toContain('Encrypted ');
    expect(encrypted).not.toContain(SECRET);
    terminal.close();
    expect(journalFormat(db)).toBe('encrypted');

    terminal = new Terminal(`${process.execPath} ${BIN} list`, env);
    await terminal.waitFor('Passphrase for');
    terminal.type('not-it', 'Enter');
    await terminal.waitFor('That passphrase does not open it; try again.');
    terminal.type(SECRET, 'Enter');
    const listed = await terminal.waitFor('[exited 0]');
    expect(listed).toContain('The dream I gave up was my own');
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain('not-it');
    terminal.close();

    // With stdin a pipe, the passphrase is read from the terminal itself.
    terminal = new Terminal(`sh -c "echo 'A second entry, piped' | ${process.execPath} ${BIN} write --no-review -"`, env);
    await terminal.waitFor('Passphrase for');
    terminal.type(SECRET, 'Enter');
    expect(await terminal.waitFor('[exited 0]')).toMatch(/Saved [0-9a-f]{8}/);
    expect(reflect(['--db', db, 'list', '--json'], { env: { REFLECT_PASSPHRASE: SECRET } }).stdout).toContain('A second entry, piped');
  });
});
