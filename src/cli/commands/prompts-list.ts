import { Command } from 'commander';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { printJson } from '../../ui/json.js';
import { safeLine } from '../../ui/safe-text.js';
import { plural } from '../../core/plural.js';

export interface PromptsListOptions {
  json?: boolean;
  prompts?: string;
}

export function promptsListCommand(): Command {
  return new Command('list')
    .description('the prompt sets you can run: id, title, questions, and where each comes from (built-in, a pack, yours)')
    .option('--json', 'print one JSON array for scripts')
    .addHelpText('after', examples('reflect prompts list', 'reflect --prompts ./coaching prompts list'))
    .action(async (options: PromptsListOptions, cmd: Command) =>
      runPromptsList({ ...options, prompts: cmd.optsWithGlobals().prompts }, depsFor(cmd)),
    );
}

export async function runPromptsList(options: PromptsListOptions, deps: Deps): Promise<void> {
  const { loadLibrary, promptSources } = await import('../../prompts/library.js');
  const library = loadLibrary(promptSources(options.prompts, deps.env));
  if (options.json) {
    deps.stdout.write(
      printJson(
        library.map((f) => ({
          id: f.id,
          title: f.set?.title ?? null,
          questions: f.set?.questions.length ?? null,
          origin: f.origin,
          path: f.path,
          overrides: f.overrides ?? null,
          valid: f.set !== null,
          problems: f.problems.length,
          pack: f.pack ?? null,
          version: f.set?.version ?? null,
        })),
      ),
    );
    return;
  }
  const { style } = deps.stdout;
  const width = Math.max(...library.map((f) => safeLine(f.id).length), 4);
  for (const f of library) {
    const from = f.pack ? `pack ${f.pack.id} ${f.pack.version}` : f.origin;
    const where = f.overrides ? `${from} (overrides the ${f.overrides} set)` : from;
    // Ids, titles and paths come from someone else's files: made safe before styling.
    const body = f.set
      ? `${safeLine(f.set.title)}  ${style.dim(safeLine(`${plural(f.set.questions.length, 'question')} · ${where}`))}`
      : style.red(safeLine(`invalid: ${plural(f.problems.length, 'problem')}; run \`reflect prompts validate ${f.path}\``));
    deps.stdout.write(`${style.bold(safeLine(f.id).padEnd(width))}  ${body}\n`);
  }
}
