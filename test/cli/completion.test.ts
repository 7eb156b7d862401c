import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, reflect } from '../helpers/cli.js';
import { packFolder, packTree } from '../helpers/packs.js';

const installed = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

/** A folder with `reflect` on it (the built CLI), as a user's PATH has it, and the bash script in it. */
function bashSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'reflect-completion-'));
  writeFileSync(join(dir, 'reflect'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, 'reflect'), 0o755);
  writeFileSync(join(dir, 'reflect.bash'), reflect(['completion', 'bash']).stdout);
  return dir;
}

/** What bash offers for the line `words` (the last word is the one being completed), one per line. */
function bashOffers(dir: string, words: string[]): string[] {
  const array = words.map((w) => `'${w}'`).join(' ');
  const script = `source "${dir}/reflect.bash"; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _reflect; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['--norc', '-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
  return out.split('\n').filter(Boolean);
}

describe('reflect completion', () => {
  it.each([
    ['bash', ['-n'], 'complete -F _reflect reflect'],
    ['zsh', ['-n'], 'compdef _reflect reflect'],
    ['fish', ['--no-execute'], "complete -c reflect -f -a '(__reflect_complete)'"],
  ])('prints a %s script that the shell can parse', (shell, check, registers) => {
    const run = reflect(['completion', shell]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(registers);
    expect(run.stdout).toContain('reflect __complete -- ');
    if (shell === 'bash' || installed(shell)) {
      const dir = mkdtempSync(join(tmpdir(), 'reflect-completion-'));
      writeFileSync(join(dir, 'script'), run.stdout);
      expect(spawnSync(shell, [...check, join(dir, 'script')], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    }
  });

  it('bash: reflect li<TAB> completes to list, and flags and labels complete too', () => {
    const dir = bashSetup();
    expect(bashOffers(dir, ['reflect', 'li'])).toEqual(['list']);
    expect(bashOffers(dir, ['reflect', 'prompts', ''])).toEqual(['list', 'show', 'answers', 'validate', 'new', 'install', 'uninstall']);
    expect(bashOffers(dir, ['reflect', 'list', '--label', 'b'])).toEqual(['breakthrough']);
    expect(bashOffers(dir, ['reflect', 'session', 'dai'])).toEqual(['daily']);
    writeFileSync(join(dir, 'answers.yaml'), 'x: y\n');
    expect(bashOffers(dir, ['reflect', 'session', 'daily', '--answers', 'ans'])).toEqual(['answers.yaml']);
  });

  it('bash: prompts uninstall <TAB> offers the installed packs', () => {
    const dir = bashSetup();
    process.env.XDG_DATA_HOME = join(dir, 'data');
    try {
      expect(reflect(['prompts', 'install', packFolder(packTree())]).code).toBe(0);
      expect(bashOffers(dir, ['reflect', 'prompts', 'uninstall', ''])).toEqual(['values-pack']);
      expect(bashOffers(dir, ['reflect', 'prompts', 'uninstall', 'x'])).toEqual([]);
    } finally {
      process.env.XDG_DATA_HOME = join(process.env.HOME!, 'data');
    }
  });

  it("bash: --journal <TAB> offers the config's journal names", () => {
    const dir = bashSetup();
    mkdirSync(join(dir, 'config', 'reflect'), { recursive: true });
    writeFileSync(join(dir, 'config', 'reflect', 'config.yaml'), 'journals:\n  ana: a.db\n  ben: b.db\n  anton: c.db\n');
    process.env.XDG_CONFIG_HOME = join(dir, 'config');
    try {
      expect(bashOffers(dir, ['reflect', '-j', 'an'])).toEqual(['ana', 'anton']);
      expect(bashOffers(dir, ['reflect', 'list', '--journal', ''])).toEqual(['ana', 'ben', 'anton']);
    } finally {
      process.env.XDG_CONFIG_HOME = join(process.env.HOME!, 'config');
    }
  });
});
