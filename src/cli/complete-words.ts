import type { CommandNode, OptionNode, Values } from './command-tree.js';

/** What the shell should offer: these words, and file names too when `files` is set. */
export interface Offer {
  words: string[];
  files: boolean;
  /** Prompt set ids belong in the offer (the caller knows where the sets are). */
  sets: boolean;
  /** The config's journal names belong in the offer. */
  journals?: boolean;
  /** The installed packs' ids belong in the offer. */
  packs?: boolean;
}

/**
 * The candidates for the last of `words` (the words after `reflect`, the one being completed
 * last, '' for a fresh one), read off the command tree: subcommands, then flags, then a
 * flag's or argument's values. Global flags (on reflect itself) count at every level.
 */
export function offerFor(root: CommandNode, words: readonly string[]): Offer {
  const current = words.at(-1) ?? '';
  let node = root;
  let positional: string[] = [];
  let pending: OptionNode | null = null;
  const optionOf = (word: string) => [...node.options, ...root.options].find((o) => o.names.includes(word));
  for (const word of words.slice(0, -1)) {
    if (pending) {
      pending = null;
      continue;
    }
    if (word.startsWith('-') && word !== '-') {
      const option = word.includes('=') ? undefined : optionOf(word);
      if (option?.takesValue) pending = option;
      continue;
    }
    const sub = positional.length === 0 ? node.subcommands.find((c) => c.name === word) : undefined;
    if (sub) [node, positional] = [sub, []];
    else positional.push(word);
  }
  const offer = (values: Values, extra: readonly string[] = []): Offer => {
    const words = typeof values === 'object' ? [...values.words, ...extra] : [...extra];
    return {
      words: words.filter((w) => w.startsWith(current)),
      files: values === 'file' || values === 'set',
      sets: values === 'set',
      ...(values === 'journal' ? { journals: true } : {}),
      ...(values === 'pack' ? { packs: true } : {}),
    };
  };
  if (pending) return offer(pending.values);
  if (current.startsWith('-')) {
    const names = [...node.options, ...(node === root ? [] : root.options)].flatMap((o) => o.names.filter((n) => n.startsWith('--')));
    return offer('any', [...new Set(names)]);
  }
  // `reflect help prompts <TAB>`: help's arguments are the command tree itself.
  if (node.path.join(' ') === 'help') {
    let target = root;
    for (const word of positional) target = target.subcommands.find((c) => c.name === word) ?? target;
    return offer('any', target.subcommands.map((c) => c.name));
  }
  if (node.subcommands.length && positional.length === 0) return offer('any', node.subcommands.map((c) => c.name));
  const args = node.args;
  const arg = args[positional.length] ?? (args.at(-1)?.variadic ? args.at(-1) : undefined);
  return offer(arg?.values ?? 'any');
}
