import { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface PromptsAnswersOptions {
  set: string;
  out?: string;
  force?: boolean;
  json?: boolean;
  prompts?: string;
}

export function promptsAnswersCommand(): Command {
  return new Command('answers')
    .description('print an answers file to fill in for `reflect session <set> --answers`: every question, commented with its type, choices and conditions')
    .argument('<set>', 'a prompt set id or a .yaml file')
    .option('--out <file>', 'write it to this file instead of stdout')
    .option('--force', 'with --out: replace a file that is already there')
    .option('--json', 'print it as JSON (no comments), which --answers reads too')
    .addHelpText(
      'after',
      examples(
        'reflect prompts answers daily > answers.yaml   # fill it in, then:',
        'reflect session daily --answers answers.yaml',
        'reflect prompts answers ./my-set.yaml --out a.yaml',
        'reflect prompts answers unstuck --json',
      ),
    )
    .action(async (set: string, options: Omit<PromptsAnswersOptions, 'set'>, cmd: Command) =>
      runPromptsAnswers({ ...options, set, prompts: cmd.optsWithGlobals().prompts }, depsFor(cmd)),
    );
}

export async function runPromptsAnswers(options: PromptsAnswersOptions, deps: Deps): Promise<void> {
  if (options.force && !options.out) throw usageError('--force replaces the --out file; add --out <file>');
  const { findSet, loadLibrary, promptSources } = await import('../../prompts/library.js');
  const file = findSet(options.set, loadLibrary(promptSources(options.prompts, deps.env)));
  const { answersSkeleton, answersTemplate } = await import('../../core/answers-skeleton.js');
  const { shellWord } = await import('../../core/yaml-comment.js');
  let text: string;
  if (options.json) {
    const { printJson } = await import('../../ui/json.js');
    text = printJson(answersTemplate(file.set));
  } else {
    // The command shown names the set as it was named here: a path when it came from one.
    const skeleton = { run: options.set, hash: file.hash, ...(options.prompts ? { prompts: options.prompts } : {}) };
    text = answersSkeleton(file.set, options.out ? { ...skeleton, file: options.out } : skeleton);
  }
  if (!options.out) {
    deps.stdout.write(text);
    return;
  }
  // As `export --out` writes: never over a folder or device, over a file only with --force, never half a file.
  const { writeAtomically } = await import('../output-file.js');
  writeAtomically(options.out, [text], Boolean(options.force));
  const run = `reflect session ${shellWord(options.set)} --answers ${shellWord(options.out)}`;
  deps.stderr.write(`${safeLine(`Wrote ${options.out}. Fill it in, then run: ${run}`)}\n`);
}
