import type { EventEmitter } from 'node:events';
import type { Argument, Command, Option } from 'commander';
import { LABELS } from './filters.js';

/**
 * The command tree as the completion scripts and the man page read it, taken from commander
 * itself at the moment they are made: a command or flag added anywhere shows up in both.
 */
export interface CommandNode {
  /** The words after `reflect`: [] for reflect itself, ['prompts', 'list']. */
  path: string[];
  name: string;
  description: string;
  usage: string;
  options: OptionNode[];
  args: { name: string; values: Values; description: string; required: boolean; variadic: boolean }[];
  subcommands: CommandNode[];
  /** The "after" help text (its Examples: block and notes), as --help prints it. */
  after: string;
}

export interface OptionNode {
  flags: string;
  /** Every spelling: ['-n', '--limit']. */
  names: string[];
  takesValue: boolean;
  values: Values;
  description: string;
}

/** What a value can be: known words, a file, a prompt set (id or file), or anything. */
export type Values = { words: readonly string[] } | 'file' | 'set' | 'journal' | 'pack' | 'any';

export function commandTree(command: Command, path: string[] = []): CommandNode {
  const help = command.createHelp();
  const options = help.visibleOptions(command).map(optionNode);
  return {
    path,
    name: command.name(),
    description: command.description(),
    usage: help.commandUsage(command),
    options,
    args: command.registeredArguments.map((a) => ({ name: a.name(), values: argValues(a), description: a.description, required: a.required, variadic: a.variadic })),
    subcommands: help
      .visibleCommands(command)
      // Commander's implicit `help` stands for no command of its own: it is not a node.
      .filter((c) => c.commands.length > 0 || (c as { _actionHandler?: unknown })._actionHandler)
      .map((c) => commandTree(c, [...path, c.name()])),
    after: afterText(command),
  };
}

/** Every node, depth first: reflect, then each command and its subcommands. */
export function allNodes(node: CommandNode): CommandNode[] {
  return [node, ...node.subcommands.flatMap(allNodes)];
}

function optionNode(option: Option): OptionNode {
  const names = [option.short, option.long].filter((n): n is string => Boolean(n));
  const takesValue = option.required || option.optional;
  return { flags: option.flags, names, takesValue, values: takesValue ? optionValues(option) : 'any', description: option.description };
}

function optionValues(option: Option): Values {
  const known = option.argChoices ?? (option.parseArg as { values?: readonly string[] } | undefined)?.values;
  if (known) return { words: known };
  if (option.long === '--label') return { words: LABELS };
  if (option.long === '--set') return 'set';
  if (option.long === '--journal') return 'journal';
  return /<(file|dir)\b|\b(file|dir)>/.test(option.flags) ? 'file' : 'any';
}

function argValues(arg: Argument): Values {
  if (arg.argChoices) return { words: arg.argChoices };
  if (arg.name() === 'label') return { words: LABELS };
  if (arg.name() === 'set') return 'set';
  if (arg.name() === 'pack') return 'pack';
  return arg.name() === 'file' || arg.name() === 'path' ? 'file' : 'any';
}

/** The text a command adds after its help (addHelpText 'after'), as commander would write it. */
function afterText(command: Command): string {
  let text = '';
  const write = (s: string) => void (text += s);
  // Commander keeps addHelpText's text in listeners of its "afterHelp" event (a Command is an EventEmitter).
  const listeners = (command as unknown as EventEmitter).listeners('afterHelp') as ((context: object) => void)[];
  for (const listener of listeners) listener({ error: false, command, write });
  return text;
}
