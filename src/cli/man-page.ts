import { allNodes, type CommandNode, type OptionNode } from './command-tree.js';

/** The environment reflect reads: the man page's ENVIRONMENT section. */
const ENVIRONMENT: [string, string][] = [
  ['REFLECT_DB', 'the journal file, when --db is not given'],
  ['REFLECT_PROMPTS', 'a folder or file of prompt sets, read as well as the built-in ones'],
  ['XDG_DATA_HOME', 'the journal lives in $XDG_DATA_HOME/reflect/journal.db (default ~/.local/share)'],
  ['XDG_CONFIG_HOME', 'your own prompt sets live in $XDG_CONFIG_HOME/reflect/prompts (default ~/.config)'],
  ['VISUAL, EDITOR', 'the editor for long answers and for reflect write with no text'],
  ['NO_COLOR', 'set (not empty): no colour; --color overrides it'],
  ['FORCE_COLOR', 'colour even into a pipe; NO_COLOR still wins'],
  ['DEBUG', 'DEBUG=reflect shows stack traces, like --debug'],
];

const EXIT_STATUS: [string, string][] = [
  ['0', 'success'],
  ['1', 'a failure: nothing found, a bad file, the journal unusable, output that cannot be written'],
  ['2', 'a usage error: an unknown command or option, a bad value'],
  ['129', 'the terminal closed (SIGHUP); the answers given so far are kept'],
  ['130', 'interrupted by Ctrl-C (SIGINT); the answers given so far are kept'],
  ['143', 'terminated (SIGTERM)'],
];

/**
 * reflect(1) in roff, from the same command tree --help prints: every command with its usage,
 * description, arguments, options and examples, so the page never drifts from the help.
 */
export function manPage(root: CommandNode, version: string): string {
  const out = [
    `.TH REFLECT 1 "" "reflect ${esc(version)}" "User Commands"`,
    '.SH NAME',
    `reflect \\- ${esc(root.description)}`,
    '.SH SYNOPSIS',
    `.B reflect\n${esc(root.usage.replace(/^reflect ?/, ''))}`,
    '.SH DESCRIPTION',
    'Run with no command on a terminal, reflect starts a guided session.',
    'Each command below has its own help: \\fBreflect help\\fR \\fIcommand\\fR, or \\fBreflect\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR.',
    '.SH OPTIONS',
    ...root.options.flatMap(option),
    ...text(root.after),
    '.SH COMMANDS',
  ];
  for (const node of allNodes(root).slice(1)) {
    out.push(`.SS "${esc(node.usage)}"`, esc(node.description));
    for (const arg of node.args) if (arg.description) out.push('.TP', `\\fI${esc(arg.name)}\\fR`, esc(arg.description));
    // "-h, --help" on every command says nothing a page reader needs twice.
    out.push(...node.options.filter((o) => !o.names.includes('--help')).flatMap(option), ...text(node.after));
  }
  out.push('.SH ENVIRONMENT', ...ENVIRONMENT.flatMap(([name, what]) => ['.TP', `.B ${esc(name)}`, esc(what)]));
  out.push('.SH EXIT STATUS', ...EXIT_STATUS.flatMap(([code, what]) => ['.TP', `.B ${code}`, esc(what)]));
  out.push('.SH SEE ALSO', 'The README, in the package or at its repository, for prompt sets and how the classifier works.');
  return `${out.join('\n')}\n`;
}

function option(o: OptionNode): string[] {
  return ['.TP', `.B ${esc(o.flags)}`, esc(o.description)];
}

/** addHelpText's text: an "Examples:" block kept line for line, anything else as a paragraph. */
function text(after: string): string[] {
  const out: string[] = [];
  for (const block of after.trim().split(/\n\s*\n/).filter(Boolean)) {
    const [first, ...rest] = block.split('\n');
    if (first!.trim() === 'Examples:') out.push('.PP', 'Examples:', '.RS', '.nf', ...rest.map((l) => esc(l.trim())), '.fi', '.RE');
    else out.push('.PP', esc(block.replace(/\s*\n\s*/g, ' ').trim()));
  }
  return out;
}

/**
 * Text made literal for roff: backslashes and hyphens escaped, no line read as a request. Text past
 * ASCII (…, ’, ✦) stays UTF-8, which man reads (through preconv); as \[u2726] groff has no glyph for ✦.
 */
function esc(s: string): string {
  return s
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join('\n');
}
