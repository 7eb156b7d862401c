import { Command } from 'commander';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { printJson } from '../../ui/json.js';
import { safeLine } from '../../ui/safe-text.js';
import { plural } from '../../core/plural.js';

export interface PromptsListOptions {
  json?: boolean;
  packs?: boolean;
  prompts?: string;
}

export function promptsListCommand(): Command {
  return new Command('list')
    .description('the prompt sets you can run: id, title, questions, and where each comes from (built-in, a pack, yours)')
    .option('--json', 'print one JSON array for scripts')
    .option('--packs', 'list the installed prompt packs instead: id, version, title, sets')
    .addHelpText('after', examples('reflect prompts list', 'reflect --prompts ./coaching prompts list', 'reflect prompts list --packs'))
    .action(async (options: PromptsListOptions, cmd: Command) =>
      runPromptsList({ ...options, prompts: cmd.optsWithGlobals().prompts }, depsFor(cmd)),
    );
}

export async function runPromptsList(options: PromptsListOptions, deps: Deps): Promise<void> {
  if (options.packs) return listPacks(options, deps);
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

async function listPacks(options: PromptsListOptions, deps: Deps): Promise<void> {
  const { brokenPacks, installedPacks, packsDir } = await import('../../prompts/packs.js');
  const packs = installedPacks(packsDir(deps.env));
  const broken = brokenPacks(packsDir(deps.env));
  if (options.json) {
    const items = packs.map(({ dir, manifest: m }) => ({ id: m.id, version: m.version, title: m.title, author: m.author ?? null, sets: m.sets, path: dir, valid: true }));
    const invalid = broken.map(({ id, dir }) => ({ id, version: null, title: null, author: null, sets: [], path: dir, valid: false }));
    deps.stdout.write(printJson([...items, ...invalid]));
    return;
  }
  if (!packs.length && !broken.length) {
    deps.stdout.write('No packs are installed; install one with `reflect prompts install <dir|zip|tar.gz>`.\n');
    return;
  }
  const { style } = deps.stdout;
  const width = Math.max(...packs.map((p) => safeLine(`${p.manifest.id} ${p.manifest.version}`).length), ...broken.map((b) => safeLine(b.id).length));
  for (const { manifest: m } of packs) {
    const by = m.author ? ` · by ${m.author}` : '';
    deps.stdout.write(`${style.bold(safeLine(`${m.id} ${m.version}`).padEnd(width))}  ${safeLine(m.title)}  ${style.dim(safeLine(`${plural(m.sets.length, 'set')}${by}`))}\n`);
  }
  for (const { id, dir } of broken) {
    const fix = `invalid: its pack.yaml no longer reads, so its sets are not offered; install the pack again, or \`reflect prompts uninstall ${id}\` (${dir})`;
    deps.stdout.write(`${style.bold(safeLine(id).padEnd(width))}  ${style.red(safeLine(fix))}\n`);
  }
}
