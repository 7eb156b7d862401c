import { Command } from 'commander';
import { printJson } from '../../ui/json.js';
import { setFlow } from '../../ui/prompt-view.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface PromptsShowOptions {
  set: string;
  json?: boolean;
  prompts?: string;
}

export function promptsShowCommand(): Command {
  return new Command('show')
    .description('show a prompt set’s flow: questions, types, what each listens for, conditions, probes and actions')
    .argument('<set>', 'a prompt set id or a .yaml file')
    .option('--json', 'print the set as JSON')
    .addHelpText('after', examples('reflect prompts show breakthrough', 'reflect prompts show ./my-set.yaml --json'))
    .action(async (set: string, options: Omit<PromptsShowOptions, 'set'>, cmd: Command) =>
      runPromptsShow({ ...options, set, prompts: cmd.optsWithGlobals().prompts }, depsFor(cmd)),
    );
}

export async function runPromptsShow(options: PromptsShowOptions, deps: Deps): Promise<void> {
  const { findSet, loadLibrary, promptSources } = await import('../../prompts/library.js');
  const file = findSet(options.set, loadLibrary(promptSources(options.prompts, deps.env)));
  deps.stdout.write(options.json ? printJson(file.set) : setFlow(file.set, `${file.origin}: ${file.path}`, deps.stdout));
}
