import { join } from 'node:path';
import { Command } from 'commander';
import { plural } from '../../core/plural.js';
import { printJson } from '../../ui/json.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface PromptsInstallOptions {
  pack: string;
  force?: boolean;
  json?: boolean;
}

export function promptsInstallCommand(): Command {
  return new Command('install')
    .description('install a prompt pack (a folder, .zip or .tar.gz with a pack.yaml): every set is checked first, then all are installed or none')
    .argument('<path>', 'a pack folder, .zip or .tar.gz')
    .option('--force', 'reinstall the same version, or install an older one over a newer')
    .option('--json', 'print what was installed as JSON')
    .addHelpText('after', examples('reflect prompts install ./values-pack', 'reflect prompts install values-pack-1.2.0.zip', 'reflect prompts install values-pack-1.0.0.tar.gz --force'))
    .action(async (pack: string, options: Omit<PromptsInstallOptions, 'pack'>, cmd: Command) =>
      runPromptsInstall({ ...options, pack }, depsFor(cmd)),
    );
}

export async function runPromptsInstall(options: PromptsInstallOptions, deps: Deps): Promise<void> {
  const { installPack } = await import('../../prompts/pack-install.js');
  const { packsDir } = await import('../../prompts/packs.js');
  const dir = packsDir(deps.env);
  const { manifest, sets, previous, outcome } = await installPack(options.pack, dir, options.force ?? false);
  const { id, version } = manifest;
  if (options.json) {
    const listed = sets.map((s) => ({ id: s.id, title: s.set.title, path: s.path }));
    deps.stdout.write(printJson({ id, version, title: manifest.title, previous, outcome, path: join(dir, id), sets: listed }));
    return;
  }
  const { style } = deps.stdout;
  if (outcome === 'unchanged') {
    deps.stdout.write(safeLine(`${id} ${version} is already installed; nothing changed (--force reinstalls it)`) + '\n');
    return;
  }
  // The manifest and sets are someone else's text: made safe before printing.
  const head = {
    installed: `Installed ${id} ${version}`,
    updated: `Updated ${id} ${previous} → ${version}`,
    reinstalled: `Reinstalled ${id} ${version}`,
    downgraded: `Replaced ${id} ${previous} with the older ${version}`,
  }[outcome];
  deps.stdout.write(`${style.bold(safeLine(head))}: ${safeLine(`${manifest.title} (${plural(sets.length, 'set')})`)}\n`);
  const width = Math.max(...sets.map((s) => safeLine(s.id).length));
  for (const s of sets) deps.stdout.write(`  ${safeLine(s.id).padEnd(width)}  ${safeLine(s.set.title)}\n`);
  deps.stdout.write(style.dim(safeLine(`Run one with: reflect session ${sets[0]!.id}`)) + '\n');
}
