import { Argument, Command } from 'commander';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * `reflect completion <shell>`. The scripts are thin: at each <TAB> they ask `reflect __complete`,
 * which reads the live command tree, so every command and flag (and your own prompt sets) is
 * offered without the script being made again after an update.
 */
export function completionCommand(): Command {
  return new Command('completion')
    .description('print a shell completion script (bash, zsh or fish) for commands, flags, labels and set names')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText(
      'after',
      examples(
        'reflect completion bash > ~/.local/share/bash-completion/completions/reflect',
        'source <(reflect completion bash)    # this shell only',
        'reflect completion zsh > "${fpath[1]}/_reflect"',
        'reflect completion fish > ~/.config/fish/completions/reflect.fish',
      ),
    )
    .action((shell: Shell, _options: unknown, cmd: Command) => runCompletion({ shell }, depsFor(cmd)));
}

export async function runCompletion(options: { shell: Shell }, deps: Pick<Deps, 'stdout'>): Promise<void> {
  // The scripts are text no other command needs: loaded here, not at every start.
  const { SCRIPTS } = await import('../completion-scripts.js');
  deps.stdout.write(SCRIPTS[options.shell]);
}

/** The hidden command the scripts call: the words after `reflect`, the last one being completed. */
export function completeCommand(): Command {
  return new Command('__complete')
    .argument('[words...]')
    .allowUnknownOption()
    .action(async (words: string[], _options: unknown, cmd: Command) => {
      const { commandTree } = await import('../command-tree.js');
      const { offerFor } = await import('../complete-words.js');
      const offer = offerFor(commandTree(cmd.parent!), words.length ? words : ['']);
      const lines = [...offer.words];
      if (offer.sets) lines.push(...(await setIds(cmd, words)).filter((id) => id.startsWith(words.at(-1) ?? '')));
      if (offer.packs) lines.push(...(await packIds()).filter((id) => id.startsWith(words.at(-1) ?? '')));
      if (offer.journals) lines.push(...depsFor(cmd).config.config.journals.map((j) => j.name).filter((name) => name.startsWith(words.at(-1) ?? '')));
      if (offer.files) lines.push(':files');
      if (lines.length) depsFor(cmd).stdout.write(`${lines.join('\n')}\n`);
    });
}

async function packIds(): Promise<string[]> {
  const { installedPacks, packsDir } = await import('../../prompts/packs.js');
  return installedPacks(packsDir(process.env)).map((p) => p.manifest.id);
}

/** The ids of the valid sets, from wherever a session would read them (--prompts, if typed). */
async function setIds(cmd: Command, words: readonly string[]): Promise<string[]> {
  const { loadLibrary, promptSources } = await import('../../prompts/library.js');
  const at = words.indexOf('--prompts');
  const flag = at >= 0 && at < words.length - 2 ? words[at + 1] : cmd.optsWithGlobals().prompts;
  return loadLibrary(promptSources(flag, process.env)).filter((f) => f.set).map((f) => f.id);
}
