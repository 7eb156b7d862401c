import { Argument, Command } from 'commander';
import type { Deps } from '../context.js';
import { depsFor } from '../context.js';
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

export function runCompletion(options: { shell: Shell }, deps: Pick<Deps, 'stdout'>): void {
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
      if (offer.files) lines.push(':files');
      if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    });
}

/** The ids of the valid sets, from wherever a session would read them (--prompts, if typed). */
async function setIds(cmd: Command, words: readonly string[]): Promise<string[]> {
  const { loadLibrary, promptSources } = await import('../../prompts/library.js');
  const at = words.indexOf('--prompts');
  const flag = at >= 0 && at < words.length - 2 ? words[at + 1] : cmd.optsWithGlobals().prompts;
  return loadLibrary(promptSources(flag, process.env)).filter((f) => f.set).map((f) => f.id);
}

// `:files` from __complete means "file names as well"; everything else is a word to offer.
const BASH = `# reflect completion for bash. Load it with: source <(reflect completion bash)
_reflect() {
  local IFS=$'\\n' line files=0 out
  COMPREPLY=()
  out=$(reflect __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  for line in $out; do
    if [[ $line == :files ]]; then files=1; else COMPREPLY+=("$line"); fi
  done
  if ((files)); then
    COMPREPLY+=($(compgen -f -- "\${COMP_WORDS[COMP_CWORD]}"))
    compopt -o filenames 2>/dev/null
  fi
  return 0
}
complete -F _reflect reflect
`;

const ZSH = `#compdef reflect
# reflect completion for zsh: save as _reflect in a folder on $fpath, or: source <(reflect completion zsh)
_reflect() {
  local line
  local -a out offer
  out=("\${(@f)$(reflect __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  local files=0
  for line in $out; do
    if [[ $line == :files ]]; then files=1; elif [[ -n $line ]]; then offer+=("$line"); fi
  done
  (( $#offer )) && compadd -a offer
  (( files )) && _files
  return 0
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _reflect "$@"
else
  compdef _reflect reflect
fi
`;

const FISH = `# reflect completion for fish: save as ~/.config/fish/completions/reflect.fish
function __reflect_complete
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    reflect __complete -- $words 2>/dev/null | while read -l line
        if test "$line" = ":files"
            __fish_complete_path (commandline -ct)
        else
            echo $line
        end
    end
end
complete -c reflect -f -a '(__reflect_complete)'
`;

const SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };
