import { CommanderError, type Command } from 'commander';
import { errnoWords } from '../core/errno-words.js';
import { ReflectError } from '../core/errors.js';
import { safeLine, safeText } from '../ui/safe-text.js';
import { EXIT_CODES } from './exit-codes.js';
import { buildProgram, path } from './program.js';
import { isTerminalGone } from '../ui/terminal.js';
import { hangUp, installSignals, releaseDeadTerminal } from './signals.js';

/**
 * The only place errors become exit codes and messages. A user error is one line on
 * stderr starting with "reflect:"; a stack trace appears only with --debug or DEBUG=reflect.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug') || /(^|,)\s*reflect\b/.test(process.env.DEBUG ?? '');
  installSignals((error) => report(error, debug));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => outputFailed(error, true));
  process.stderr.on('error', (error: NodeJS.ErrnoException) => outputFailed(error, false));
  const program = buildProgram();
  // Commander's errors say nothing of which command raised them: noted here, for the "see … --help".
  const raisedBy = new WeakMap<CommanderError, Command>();
  const quiet = (command: Command) => {
    command
      .exitOverride((error) => {
        raisedBy.set(error, command);
        throw error;
      })
      .configureOutput({ outputError: () => {} });
    command.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_CODES.ok;
  } catch (error) {
    return report(error, debug, error instanceof CommanderError ? raisedBy.get(error) : undefined);
  } finally {
    releaseDeadTerminal();
  }
}

/**
 * The one place a failed write to stdout or stderr ends up (a full disk under `> file`, a closed
 * terminal): one line, exit 1, never a stack trace. What was saved before stays saved.
 */
function outputFailed(error: NodeJS.ErrnoException, canSay: boolean): never {
  // A closed terminal is a hang-up (the session is kept), not a failure to write.
  if (isTerminalGone(error)) hangUp();
  // `reflect list | head`: the reader stopped reading, which is no error of ours or theirs.
  if (error.code === 'EPIPE') process.exit(EXIT_CODES.ok);
  if (canSay) {
    try {
      process.stderr.write(`reflect: cannot write the output: ${errnoWords(error)}\n`);
    } catch {
      // stderr is gone too: the exit code is all that is left to say it.
    }
  }
  process.exit(EXIT_CODES.output);
}

/**
 * Messages quote what they were given (an id, a date, a set file's key, a zip member's name):
 * each line is made safe, and kept to one line, here, so no error can drive the terminal.
 */
function report(error: unknown, debug: boolean, command?: Command): number {
  const say = (line: string) => process.stderr.write(`${safeLine(line)}\n`);
  if (error instanceof CommanderError) {
    // --help and --version arrive here too, as "errors" with exit code 0.
    if (error.exitCode === 0) return EXIT_CODES.ok;
    say(`reflect: ${commanderLine(error, command)}`);
    return EXIT_CODES.usage;
  }
  const known = error instanceof ReflectError ? error : fromDriver(error);
  if (known?.kind === 'hung-up') hangUp(known.message);
  if (known) {
    say(`reflect: ${known.message}`);
    for (const line of known.details) say(line);
    if (debug) process.stderr.write(`${safeText(String((error as Error).stack))}\n`);
    return EXIT_CODES[known.kind];
  }
  const message = error instanceof Error ? error.message : String(error);
  say(`reflect: unexpected error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug && error instanceof Error) process.stderr.write(`${safeText(String(error.stack))}\n`);
  return EXIT_CODES.unexpected;
}

/**
 * Commander's message as one line in reflect's words: its "(Did you mean --label?)" on a line of
 * its own joins the sentence, and the line ends by pointing at the help of the command at fault.
 */
function commanderLine(error: CommanderError, command: Command | undefined): string {
  const where = ['reflect', ...(command ? path(command) : [])].join(' ');
  const see = `see \`${where} --help\``;
  // A command that only groups others (`reflect prompts`), run bare: commander has printed its help.
  if (error.code === 'commander.help') {
    const names = command ? command.commands.map((c) => c.name()).filter((n) => n !== 'help') : [];
    return `\`${where}\` needs a command${names.length ? `: ${names.join(', ')}` : ''} (its help is above)`;
  }
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const close = /\(Did you mean (.+)\?\)/.exec(rest.join(' '))?.[1];
  const hint = close ? ` (did you mean ${error.code === 'commander.unknownCommand' ? `"${close}"` : close}?)` : '';
  if (error.code === 'commander.invalidArgument') {
    // An option's "is invalid. expected one of …" already says what would do; an argument's is reworded to match.
    const arg = /^command-argument value '(.*)' is invalid for argument '(.*)'\. (?:Allowed choices are )?(.*?)\.?$/.exec(first);
    return arg ? `'${arg[1]}' is invalid for <${arg[2]}>: ${/^expected/.test(arg[3]!) ? '' : 'expected one of '}${arg[3]}` : first;
  }
  // "too many arguments for 'show'. Expected 1 argument but got 2."
  const sentence = first.replace(/\.$/, '').replace(/\. (\w)/, (_, c: string) => `: ${c.toLowerCase()}`);
  return `${sentence}${hint}; ${see}`;
}

/** SQLite errors a user can cause (a busy, full or read-only disk) get plain words. */
function fromDriver(error: unknown): ReflectError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY')) return new ReflectError('journal', 'the journal is busy (another reflect is writing); nothing was saved, try again');
  if (code.startsWith('SQLITE_READONLY')) return new ReflectError('journal', 'the journal is read-only; nothing was saved');
  if (code === 'SQLITE_FULL') return new ReflectError('journal', 'the disk is full; nothing was saved');
  if (code.startsWith('SQLITE_CORRUPT')) return new ReflectError('journal', 'the journal file is damaged');
  return null;
}
