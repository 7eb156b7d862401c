import { Command } from 'commander';
import { deleteCommand } from './commands/delete.js';
import { editCommand } from './commands/edit.js';
import { listCommand } from './commands/list.js';
import { searchCommand } from './commands/search.js';
import { showCommand } from './commands/show.js';
import { writeCommand } from './commands/write.js';
import { examples } from './filters.js';

export const VERSION = '0.1.0';

/** The command tree. Command modules import only light code; heavy modules load inside run functions. */
export function buildProgram(): Command {
  const program = new Command('reflect')
    .description('A journal for reflection that goes deep: guided questions, a private journal, your breakthroughs kept.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <file>', 'use this journal file (default: $REFLECT_DB, else $XDG_DATA_HOME/reflect/journal.db)')
    .option('--debug', 'show stack traces for errors (also DEBUG=reflect)')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      examples('reflect write "It was never about the money."', 'reflect list --tag work', 'reflect search fear', 'reflect show 3f9c'),
    );
  for (const command of [writeCommand(), listCommand(), searchCommand(), showCommand(), editCommand(), deleteCommand()]) {
    program.addCommand(command);
  }
  return program;
}
