import { describe, expect, it } from 'vitest';
import { commandTree } from '../../src/cli/command-tree.js';
import { offerFor } from '../../src/cli/complete-words.js';
import { buildProgram } from '../../src/cli/program.js';

const tree = commandTree(buildProgram());
const LABELS = ['breakthrough', 'skill', 'challenge', 'external', 'neutral'];

describe('what <TAB> offers, read off the command tree', () => {
  it.each([
    ['a command, from its start', ['li'], { words: ['list'], files: false }],
    ['every command', [''], { words: expect.arrayContaining(['session', 'write', 'list', 'prompts', 'completion', 'help', 'version']), files: false }],
    ['a subcommand', ['prompts', ''], { words: ['list', 'show', 'answers', 'validate', 'new', 'install', 'uninstall'], files: false }],
    ["a command's flags, and reflect's own", ['list', '--l'], { words: ['--limit', '--label'], files: false }],
    ['a flag after a global flag and its value', ['--db', 'j.db', 'list', '--j'], { words: ['--json', '--journal'], files: false }],
    ['journal names for --journal', ['-j', 'a'], { words: [], files: false, journals: true }],
    ['pack ids for uninstall', ['prompts', 'uninstall', ''], { words: [], files: false, packs: true }],
    ['labels for --label', ['list', '--label', ''], { words: LABELS, files: false }],
    ['labels for label <id> <label>', ['label', '3f9c', 's'], { words: ['skill'], files: false }],
    ['the values a flag takes', ['export', '-f', ''], { words: ['md', 'json'], files: false }],
    ['files for a file flag', ['session', 'daily', '--answers', ''], { words: [], files: true }],
    ['files for --db', ['--db', ''], { words: [], files: true }],
    ['set names (and .yaml files) for a set', ['session', ''], { words: [], files: true, sets: true }],
    ['shells', ['completion', ''], { words: ['bash', 'zsh', 'fish'], files: false }],
    ['commands, for help', ['help', 'pr'], { words: ['prompts'], files: false }],
    ['subcommands, for help', ['help', 'prompts', 'v'], { words: ['validate'], files: false }],
    ['nothing for free text', ['write', ''], { words: [], files: false }],
    ['the hidden command is not offered', ['__'], { words: [], files: false }],
  ])('%s', (_name, words, expected) => {
    expect(offerFor(tree, words)).toMatchObject(expected);
  });
});
