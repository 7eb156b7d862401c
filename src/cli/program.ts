import { Command } from 'commander';
import { actionsCommand } from './commands/actions.js';
import { breakthroughsCommand } from './commands/breakthroughs.js';
import { classifyCommand } from './commands/classify.js';
import { decryptCommand } from './commands/decrypt.js';
import { deleteCommand } from './commands/delete.js';
import { encryptCommand } from './commands/encrypt.js';
import { editCommand } from './commands/edit.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { labelCommand } from './commands/label.js';
import { listCommand } from './commands/list.js';
import { passphraseCommand } from './commands/passphrase.js';
import { promptsCommand } from './commands/prompts.js';
import { reportCommand } from './commands/report.js';
import { searchCommand } from './commands/search.js';
import { runSession, sessionCommand } from './commands/session.js';
import { sessionsCommand } from './commands/sessions.js';
import { showCommand } from './commands/show.js';
import { statsCommand } from './commands/stats.js';
import { tagsCommand } from './commands/tags.js';
import { writeCommand } from './commands/write.js';
import { completeCommand, completionCommand } from './commands/completion.js';
import { configCommand } from './commands/config.js';
import { shareCommand } from './commands/share.js';
import { suggestion } from '../core/did-you-mean.js';
import { usageError } from '../core/errors.js';
import { depsFor, rememberConfig } from './context.js';
import { loadConfig } from './config-file.js';
import { examples } from './filters.js';
import { applyColourFlag } from '../ui/terminal.js';

export const VERSION = '0.1.0';

/** The command tree. Command modules import only light code; heavy modules load inside run functions. */
export function buildProgram(): Command {
  const program = new Command('reflect')
    .description('A journal for reflection that goes deep: guided questions, a private journal, your breakthroughs kept.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <file>', 'use this journal file (default: $REFLECT_DB, else the config\'s default, else $XDG_DATA_HOME/reflect/journal.db)')
    .option('-j, --journal <name>', 'use the journal of this name in the config (see `reflect config`)')
    .option('--prompts <dir|file>', 'also read prompt sets from here (default: $REFLECT_PROMPTS)')
    .option('--debug', 'show stack traces for errors (also DEBUG=reflect)')
    // --color first, so leaving both out means "decide by the terminal" (undefined), not true.
    .option('--color', 'colour even into a pipe or file (like FORCE_COLOR=1)')
    .option('--no-color', 'no colour (like NO_COLOR=1)')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      examples(
        'reflect                 # on a terminal: a guided session',
        'reflect write "It was never about the money."',
        'reflect list --tag work',
        'reflect search fear',
        'reflect show 3f9c',
        'reflect -j ana stats      # the journal named ana in the config',
      ),
    )
    .hook('preAction', async (root, action) => {
      const { color } = action.optsWithGlobals<{ color?: boolean }>();
      if (color !== undefined) applyColourFlag(process.env, color);
      rememberConfig(root, await loadConfig(process.env));
    })
    // Bare `reflect` starts a guided session (which explains itself when there is no terminal).
    .allowExcessArguments(true)
    .action(async (_options: unknown, cmd: Command) => {
      const [word] = cmd.args;
      if (word !== undefined) {
        const names = cmd.commands.map((c) => c.name());
        throw usageError(`unknown command '${word}'${suggestion(word, names)}; see \`reflect --help\``);
      }
      await runSession({ prompts: cmd.opts().prompts }, depsFor(cmd));
    });
  const commands = [
    sessionCommand(),
    writeCommand(),
    listCommand(),
    sessionsCommand(),
    searchCommand(),
    tagsCommand(),
    showCommand(),
    editCommand(),
    deleteCommand(),
    classifyCommand(),
    labelCommand(),
    actionsCommand(),
    breakthroughsCommand(),
    statsCommand(),
    reportCommand(),
    exportCommand(),
    shareCommand(),
    importCommand(),
    encryptCommand(),
    decryptCommand(),
    passphraseCommand(),
    promptsCommand(),
    configCommand(),
    completionCommand(),
    helpCommand(),
    new Command('version')
      .description('print the version (the same as --version)')
      .addHelpText('after', examples('reflect version'))
      .action(() => void process.stdout.write(`${VERSION}\n`)),
  ];
  for (const command of commands) {
    program.addCommand(command);
  }
  // What the completion scripts ask at <TAB> time (set names); not a command for people.
  program.addCommand(completeCommand(), { hidden: true });
  return program;
}

/**
 * `reflect help [command...]`: that command's --help, as people type it from other tools. Written
 * out (not commander's implicit one, which the root's own action turns off) so that a misspelt
 * name gets the same one line as any unknown command.
 */
function helpCommand(): Command {
  return new Command('help')
    .description("show a command's help: reflect help list (the same as reflect list --help)")
    .argument('[command...]', 'the command (and subcommand) to explain')
    .addHelpText('after', examples('reflect help list', 'reflect help prompts new'))
    .action((words: string[], _options: unknown, cmd: Command) => {
      let target = cmd.parent!;
      for (const word of words) {
        const next = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
        const names = target.createHelp().visibleCommands(target).map((c) => c.name());
        const where = ['reflect', ...path(target)].join(' ');
        if (!next) throw usageError(`unknown command '${word}'${suggestion(word, names)}; see \`${where} --help\``);
        target = next;
      }
      target.help();
    });
}

/** A command's words after `reflect`: ['prompts', 'list']. */
export function path(command: Command): string[] {
  const words: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) words.unshift(c.name());
  return words;
}
