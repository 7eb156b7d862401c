import { describeCondition } from './condition-words.js';
import { scaleRange, type PromptSet, type Question } from './prompt-set.js';
import { commentLines, printableLines, shellWord, yamlKey } from './yaml-comment.js';

/** How the skeleton names what it is for; all optional, so the set alone is enough. */
export interface SkeletonOptions {
  /** The set as named on the command line (its id, or the path it was read from); default its id. */
  run?: string;
  /** A `--prompts` folder or file the set was found through, so the command shown finds it too. */
  prompts?: string;
  /** The answers file's name in the command shown; default answers.yaml. */
  file?: string;
  /** The set file's sha256, as sessions store it; the first 12 digits are shown. */
  hash?: string;
}

/**
 * An answers file with nothing answered, in the shape `session --answers` reads: each question id
 * with null (no answer), and a question with probes as {answer, deeper} with "" for each probe
 * (an empty reply ends the chain, and `deeper` must hold text). The JSON skeleton is this as is.
 */
export function answersTemplate(set: PromptSet): Record<string, unknown> {
  // fromEntries defines each key as data, so no id can reach an object's prototype.
  return Object.fromEntries(set.questions.map((q) => [q.id, q.deeper?.length ? { answer: null, deeper: q.deeper.map(() => '') } : null]));
}

/**
 * The same skeleton as commented YAML, to fill in by hand: each question's text, type, choices,
 * limits and condition above its key. Everything from the set is written inside comments or as
 * a quoted key (yaml-comment.ts), so nothing in a set's text can add or change an answer.
 */
export function answersSkeleton(set: PromptSet, options: SkeletonOptions = {}): string {
  const lines: string[] = [];
  // A title or version is one line wherever it is shown; here too.
  const oneLine = (text: string) => printableLines(text).join(' ');
  const version = set.version ? `, version ${oneLine(set.version)}` : '';
  const hash = options.hash ? `, sha256 ${options.hash.slice(0, 12)}` : '';
  lines.push(...commentLines(`Answers for "${oneLine(set.title)}" (${set.id}${version}${hash}).`, { maxLines: 3 }), '# Fill them in, then run:');
  lines.push(...commentLines(answersCommand(set, options), { lead: '  ', width: Infinity }));
  lines.push(...HOW_TO);
  set.questions.forEach((q, i) => lines.push('', ...question(q, i + 1)));
  return `${lines.join('\n')}\n`;
}

/** The command that runs the filled-in file, quoted for a POSIX shell. */
export function answersCommand(set: PromptSet, options: SkeletonOptions = {}): string {
  const prompts = options.prompts ? ` --prompts ${shellWord(options.prompts)}` : '';
  return `reflect${prompts} session ${shellWord(options.run ?? set.id)} --answers ${shellWord(options.file ?? 'answers.yaml')}`;
}

const HOW_TO = [
  '#',
  '# Write each answer in place of its ~, in quotes if it holds ": " or " #" or',
  '# starts with anything but a letter or digit. A ~ or "" is no answer: leave',
  '# it to skip an optional question. Every other question needs an answer,',
  '# unless it is "asked only when" something that does not hold: then what you',
  '# write there is ignored. Follow-ups (deeper) are asked in turn after their',
  '# answer; the first left "" ends them. Optional: {answer: ..., label:',
  '# breakthrough} gives an answer your own label, and a line',
  '# _commit: {action: "Talk to Dana", due: friday} commits to a next step.',
];

function question(q: Question, position: number): string[] {
  const lines = commentLines(q.ask, { first: `${position}. `, maxLines: 4 });
  lines.push(...commentLines(`${kind(q)}${q.required ? '' : ', optional'}`, { lead: '   ' }));
  lines.push(...choices(q));
  if (q.when) lines.push(...commentLines(describeCondition(q.when), { lead: '   ', first: 'asked only when ', maxLines: 3 }));
  if (q.hint) lines.push(...commentLines(q.hint, { lead: '   ', first: 'hint: ', maxLines: 2 }));
  const key = yamlKey(q.id);
  if (!q.deeper?.length) return [...lines, `${key}: ~`];
  lines.push(key + ':', '  answer: ~', '  deeper:');
  q.deeper.forEach((probe, k) => lines.push(...commentLines(probe.ask, { first: `${k + 1}. `, maxLines: 3, width: 74 }).map((l) => `    ${l}`), '    - ""'));
  return lines;
}

function kind(q: Question): string {
  switch (q.type) {
    case 'text':
      return 'text';
    case 'long':
      return 'long text (for several lines: | then the lines below it, indented)';
    case 'confirm':
      return 'yes or no';
    case 'choice':
      return 'choice: one of these';
    case 'multi':
      return 'multi: a list of one or more of these, like [a, b]';
    case 'scale': {
      const [min, max] = scaleRange(q);
      const words = Object.entries(q.labels ?? {}).map(([n, word]) => `${n} ${word}`);
      return `scale: a whole number from ${min} to ${max}${words.length ? ` (${words.join(', ')})` : ''}`;
    }
  }
}

/** One line per choice: its value, and its label when that differs (either is accepted). */
function choices(q: Question): string[] {
  if (q.type !== 'choice' && q.type !== 'multi') return [];
  return (q.choices ?? []).flatMap((c) => commentLines(c.label === c.value ? c.value : `${c.value} (${c.label})`, { lead: '   ', first: '  - ', maxLines: 1 }));
}
