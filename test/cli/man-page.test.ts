import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allNodes, commandTree } from '../../src/cli/command-tree.js';
import { buildProgram } from '../../src/cli/program.js';
import { ROOT } from '../helpers/cli.js';

const nodes = allNodes(commandTree(buildProgram())).slice(1);

/** The page as `npm run build` writes it (scripts/man.mjs, from the compiled command tree). */
function built(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'reflect-man-')), 'reflect.1');
  execFileSync(process.execPath, [join(ROOT, 'scripts/man.mjs'), out], { cwd: ROOT });
  return out;
}

describe('man/reflect.1', () => {
  const path = built();
  const page = readFileSync(path, 'utf8');

  it('has the sections a man page has, and one for every command', () => {
    expect(page).toMatch(/^\.TH REFLECT 1 /);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'COMMANDS', 'ENVIRONMENT', 'EXIT STATUS']) expect(page).toContain(`\n.SH ${section}\n`);
    for (const node of nodes) expect(page).toContain(`\n.SS "reflect ${node.path.join(' ').replace(/-/g, '\\-')}`);
  });

  it('renders with man, without a warning, every command and its examples in it', () => {
    const hasMan = spawnSync('sh', ['-c', 'command -v man']).status === 0;
    if (!hasMan) return; // the sections above are checked regardless
    const run = spawnSync('man', ['-l', path], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat', MAN_KEEP_FORMATTING: '' } });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const text = run.stdout.replace(/.\x08/g, '');
    for (const node of nodes) expect(text).toContain(`reflect ${node.path.join(' ')}`);
    expect(text).toContain('$ reflect prompts validate my-set.yaml');
    expect(text).toContain('--no-color');
  });

  it('is shipped with the package and registered as its man page', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('man');
    expect(pkg.man).toEqual(['./man/reflect.1']);
    expect(pkg.scripts.build).toContain('node scripts/man.mjs');
  });
});
