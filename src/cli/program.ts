import { Command } from 'commander';
import { actionsCommand } from './commands/actions.js';
import { breakthroughsCommand } from './commands/breakthroughs.js';
import { classifyCommand } from './commands/classify.js';
import { deleteCommand } from './commands/delete.js';
import { editCommand } from './commands/edit.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { labelCommand } from './commands/label.js';
import { listCommand } from './commands/list.js';
import { promptsCommand } from './commands/prompts.js';
import { searchCommand } from './commands/search.js';
import { runSession, sessionCommand } from './commands/session.js';
import { sessionsCommand } from './commands/sessions.js';
import { showCommand } from './commands/show.js';
import { writeCommand } from './commands/write.js';
import { suggestion } from '../core/did-you-mean.js';
import { usageError } from '../core/errors.js';
import { depsFor } from './context.js';
import { examples } from './filters.js';

export const VERSION = '0.1.0';

/** The command tree. Command modules import only light code; heavy modules load inside run functions. */
export function buildProgram(): Command {
  const program = new Command('reflect')
    .description('A journal for reflection that goes deep: guided questions, a private journal, your breakthroughs kept.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <file>', 'use this journal file (default: $REFLECT_DB, else $XDG_DATA_HOME/reflect/journal.db)')
    .option('--prompts <dir|file>', 'also read prompt sets from here (default: $REFLECT_PROMPTS)')
    .option('--debug', 'show stack traces for errors (also DEBUG=reflect)')
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
      ),
    )
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
    showCommand(),
    editCommand(),
    deleteCommand(),
    classifyCommand(),
    labelCommand(),
    actionsCommand(),
    breakthroughsCommand(),
    exportCommand(),
    importCommand(),
    promptsCommand(),
  ];
  for (const command of commands) {
    program.addCommand(command);
  }
  return program;
}
