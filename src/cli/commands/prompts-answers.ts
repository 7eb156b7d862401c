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
    .option('--out <file>', 'write it to this file instead of stdout (- is stdout)')
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
  // `--out -` is stdout, as for `export`.
  const out = options.out === '-' ? undefined : options.out;
  if (options.force && !out) throw usageError('--force replaces the --out file; add --out <file>');
  const { findSet, loadLibrary, promptSources } = await import('../../prompts/library.js');
  const file = findSet(options.set, loadLibrary(promptSources(options.prompts, deps.env)));
  const { answersCommand, answersSkeleton, answersTemplate } = await import('../../core/answers-skeleton.js');
  // The command shown names the set as it was named here: a path when it came from one.
  const naming = { run: options.set, hash: file.hash, ...(options.prompts ? { prompts: options.prompts } : {}), ...(out ? { file: out } : {}) };
  const text = options.json ? (await import('../../ui/json.js')).printJson(answersTemplate(file.set)) : answersSkeleton(file.set, naming);
  if (!out) {
    deps.stdout.write(text);
    return;
  }
  // As `export --out` writes: never over a folder or device, over a file only with --force, never half a file.
  const { writeAtomically } = await import('../output-file.js');
  writeAtomically(out, [text], Boolean(options.force));
  deps.stderr.write(`${safeLine(`Wrote ${out}. Fill it in, then run: ${answersCommand(file.set, naming)}`)}\n`);
}
