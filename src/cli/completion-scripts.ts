import type { Shell } from './commands/completion.js';

/**
 * The completion scripts: each hands the words typed so far to `reflect __complete` and offers what
 * it prints. `:files` from __complete means "file names as well"; everything else is a word to offer.
 */
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

export const SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };
