import { Command } from 'commander';
import { invalidInput, ReflectError, usageError } from '../../core/errors.js';
import { printJson } from '../../ui/json.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { plural } from '../../core/plural.js';
import type { Result } from '../../prompts/pack-validate.js';

export interface PromptsValidateOptions {
  files: string[];
  json?: boolean;
}

export function promptsValidateCommand(): Command {
  return new Command('validate')
    .description('check prompt files or packs: every problem, as FILE:LINE:COL: message; exit 1 if any')
    .argument('<file...>', 'prompt set files (.yaml), pack folders, .zip or .tar.gz packs; - reads one set from stdin')
    .option('--json', 'print the results as JSON')
    .addHelpText('after', examples('reflect prompts validate my-set.yaml', 'reflect prompts validate prompts/*.yaml --json', 'generate-set | reflect prompts validate -', 'reflect prompts validate ./values-pack values-pack-1.2.0.zip'))
    .action(async (files: string[], options: Omit<PromptsValidateOptions, 'files'>, cmd: Command) =>
      runPromptsValidate({ ...options, files }, depsFor(cmd)),
    );
}

export async function runPromptsValidate(options: PromptsValidateOptions, deps: Deps): Promise<void> {
  const { readSetFile } = await import('../../prompts/library.js');
  if (options.files.filter((f) => f === '-').length > 1) throw usageError('- (stdin) can be read only once');
  const piped = options.files.includes('-') ? await stdinSet(deps) : null;
  const { isPack, validatePack } = await import('../../prompts/pack-validate.js');
  const results: Result[] = [];
  for (const path of options.files) {
    if (path !== '-' && isPack(path)) {
      results.push(await validatePack(path));
      continue;
    }
    try {
      const file = path === '-' ? piped! : readSetFile(path, 'custom');
      results.push({ file: path === '-' ? 'stdin' : path, valid: file.set !== null, problems: file.problems });
    } catch (error) {
      if (!(error instanceof ReflectError)) throw error;
      results.push({ file: path, valid: false, problems: [{ line: 1, col: 1, message: error.message }] });
    }
  }
  if (options.json) {
    deps.stdout.write(printJson(results));
  } else {
    for (const r of results) {
      const about = r.pack ? ` ${safeLine(`(pack ${r.pack.id} ${r.pack.version}: ${plural(r.pack.sets.length, 'set')})`)}` : '';
      if (r.valid) deps.stdout.write(`${safeLine(r.file)}: ${deps.stdout.style.green('ok')}${about}\n`);
      // A pack's problems name the file inside it that each is in.
      for (const p of r.problems) deps.stdout.write(`${safeLine(`${p.file ?? r.file}:${p.line}:${p.col}: ${p.message}`)}\n`);
    }
  }
  const failed = results.filter((r) => !r.valid);
  if (failed.length) {
    const count = failed.reduce((n, r) => n + r.problems.length, 0);
    throw new ReflectError('invalid', `${plural(count, 'problem')} in ${failed.length} of ${plural(results.length, 'file')}`);
  }
}

/** A prompt set piped in, read as a file of that name would be (its id defaults to "stdin"). */
async function stdinSet(deps: Deps) {
  const { readStdinText } = await import('../stdin-text.js');
  const { MAX_TEXT_BYTES } = await import('../../prompts/text-file.js');
  const { parsePromptSet } = await import('../../core/prompt-parse.js');
  let source: string;
  try {
    source = await readStdinText(deps.stdin, MAX_TEXT_BYTES, 'a prompt file');
  } catch (error) {
    // Refused stdin is one problem of the file called stdin, as a refused file is.
    if (!(error instanceof ReflectError)) throw error;
    return { set: null, problems: [{ line: 1, col: 1, message: error.message.replace(/; nothing was saved$/, '') }] };
  }
  if (source.includes('\0')) throw invalidInput('stdin is not text (it holds binary data); a prompt file is YAML text');
  return parsePromptSet(source, 'stdin');
}
