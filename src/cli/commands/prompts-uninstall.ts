import { Command } from 'commander';
import { plural } from '../../core/plural.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface PromptsUninstallOptions {
  pack: string;
}

export function promptsUninstallCommand(): Command {
  return new Command('uninstall')
    .description('remove an installed prompt pack; sessions already in your journal keep their copy of its sets')
    .argument('<pack>', 'the pack’s id, as `reflect prompts list` shows it')
    .addHelpText('after', examples('reflect prompts uninstall values-pack'))
    .action(async (pack: string, _options: unknown, cmd: Command) => runPromptsUninstall({ pack }, depsFor(cmd)));
}

export async function runPromptsUninstall(options: PromptsUninstallOptions, deps: Deps): Promise<void> {
  const { uninstallPack } = await import('../../prompts/pack-install.js');
  const { packsDir } = await import('../../prompts/packs.js');
  const manifest = uninstallPack(options.pack, packsDir(deps.env));
  deps.stdout.write(
    safeLine(
      `Uninstalled ${manifest.id}${manifest.version ? ` ${manifest.version} (${plural(manifest.sets.length, 'set')})` : ' (its pack.yaml no longer read)'}. ` +
        'Sessions already in your journal keep their copy of its sets.',
    ) + '\n',
  );
}
