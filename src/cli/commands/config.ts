import { Command } from 'commander';
import { editorSetting } from '../../ui/editor-command.js';
import { printJson } from '../../ui/json.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { expandPath, type JournalChoice } from '../journal-choice.js';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ConfigOptions {
  json?: boolean;
}

/** Shown in `reflect config --help`: every setting the file can hold, as a coach would write it. */
export const CONFIG_EXAMPLE = `
The config file is YAML (schema/config.schema.json describes it for editors):

  journals:                  # reflect -j NAME uses one
    me: ~/journal.db
    ana: coaching/ana.db     # relative: from the config's folder
  default: me                # when no -j, --db or REFLECT_DB
  set: daily                 # a bare \`reflect\` starts this set
  write:
    review: false            # write keeps proposals, no question
  editor: code --wait        # over $VISUAL and $EDITOR

--db and REFLECT_DB still win over any name.
`;

export function configCommand(): Command {
  return new Command('config')
    .description('where the config file is, and every setting in force: the journal used, named journals, the default set, the editor')
    .option('--json', 'print the settings as one JSON object for scripts')
    .addHelpText('after', `${CONFIG_EXAMPLE}${examples('reflect config', 'reflect -j ana config     # which file `-j ana` opens', 'reflect config --json | jq -r .journal.path')}`)
    .action(async (options: ConfigOptions, cmd: Command) => runConfig(options, depsFor(cmd)));
}

const FROM_WORDS: Record<JournalChoice['from'], string> = {
  'db-flag': 'from --db',
  REFLECT_DB: 'from $REFLECT_DB',
  'journal-flag': 'from --journal',
  'config-default': "the config's default",
  'default-location': 'the default place',
};

export async function runConfig(options: ConfigOptions, deps: Deps): Promise<void> {
  const { config, path, exists } = deps.config;
  const base = dirname(path);
  const journals = config.journals.map((j) => {
    const full = expandPath(j.path, base, deps.env);
    return { name: j.name, path: full, default: config.default?.name === j.name, exists: existsSync(full) };
  });
  const { setting, from } = editorSetting(deps.env, process.platform, config.editor);
  const editor = { command: setting, from };
  const review = config.writeReview ?? true;
  const choice = deps.journalChoice;
  if (options.json) {
    deps.stdout.write(
      printJson({
        file: path,
        exists,
        journal: { path: choice.path, from: choice.from, name: choice.name },
        journals,
        default: config.default?.name ?? null,
        set: config.set?.id ?? null,
        writeReview: review,
        editor,
      }),
    );
    return;
  }
  const { style } = deps.stdout;
  const row = (key: string, value: string, note = '') => deps.stdout.write(`${style.bold(key.padEnd(9))}${safeLine(value)}${note ? `  ${style.dim(safeLine(note))}` : ''}\n`);
  row('Config', path, exists ? '' : 'no file yet: every setting is at its default (see `reflect config --help`)');
  row('Journal', choice.path, [choice.name, FROM_WORDS[choice.from]].filter(Boolean).join(', '));
  if (journals.length) {
    deps.stdout.write(`${style.bold('Journals')}\n`);
    const width = Math.max(...journals.map((j) => safeLine(j.name).length));
    for (const j of journals) {
      const notes = [j.default ? 'default' : '', j.exists ? '' : 'no file yet'].filter(Boolean).join(', ');
      deps.stdout.write(`  ${safeLine(j.name).padEnd(width)}  ${safeLine(j.path)}${notes ? style.dim(`  (${notes})`) : ''}\n`);
    }
  }
  const setNote = !config.set ? 'a bare `reflect` asks which set' : (await setExists(config.set.id, deps)) ? 'a bare `reflect` starts it' : 'no such set: see `reflect prompts list`';
  row('Set', config.set?.id ?? 'none', setNote);
  row('Review', review ? 'on' : 'off', review ? '`reflect write` asks about a proposed breakthrough' : '`reflect write` keeps proposals without asking');
  row('Editor', editor.command, editor.from === 'default' ? 'no $VISUAL or $EDITOR set' : `from ${editor.from === 'config' ? 'the config' : `$${editor.from}`}`);
}

/** Whether the config's set is one a session could start (read only here: it loads every set). */
async function setExists(id: string, deps: Deps): Promise<boolean> {
  const { loadLibrary, promptSources } = await import('../../prompts/library.js');
  return loadLibrary(promptSources(undefined, deps.env)).some((f) => f.id === id && f.set);
}
