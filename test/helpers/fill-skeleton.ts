import { scaleRange, type PromptSet, type Question } from '../../src/core/prompt-set.js';

/**
 * A valid answer for each question, as a person would type it into the skeleton. `round` varies
 * the picks (low or high on a scale, the round-th choice, yes or no), so over a few rounds every
 * `when` in a set is met at least once.
 */
export function answerFor(q: Question, round: number, indent: string): string {
  const choices = (q.choices ?? []).map((c) => c.value);
  switch (q.type) {
    case 'text':
      return `Answer ${round} to ${q.id}`;
    case 'long':
      return `|\n${indent}  First line of ${q.id}\n${indent}  Second line: with a colon`;
    case 'choice':
      return choices[round % choices.length]!;
    case 'multi':
      return round === 0 ? `[${choices.join(', ')}]` : `[${choices[round % choices.length]}]`;
    case 'scale':
      return String(scaleRange(q)[round % 2]);
    case 'confirm':
      return round % 2 ? 'no' : 'yes';
  }
}

/**
 * Fills a YAML skeleton in place, line by line as in an editor: each `~` becomes an answer and
 * each follow-up's `""` a reply. Only the lines the skeleton writes are touched.
 */
export function fillSkeleton(skeleton: string, set: PromptSet, round = 0): string {
  let current: Question | undefined;
  return skeleton
    .split('\n')
    .map((line) => {
      const top = /^("(?:[^"\\]|\\.)*"|[^\s#"][^:]*):(?: ~)?$/.exec(line);
      if (top) {
        const id = top[1]!.startsWith('"') ? (JSON.parse(top[1]!) as string) : top[1]!;
        current = set.questions.find((q) => q.id === id);
        if (!current) throw new Error(`the skeleton has a key that is no question: ${line}`);
        return line.endsWith(' ~') ? line.replace(/ ~$/, ` ${answerFor(current, round, '')}`) : line;
      }
      if (line === '  answer: ~') return `  answer: ${answerFor(current!, round, '  ')}`;
      if (line === '    - ""') return `    - "A reply to a follow-up of ${current!.id}"`;
      return line;
    })
    .join('\n');
}

/** The JSON skeleton filled the same way (`--json`), as a script would. */
export function fillTemplate(template: Record<string, unknown>, set: PromptSet, round = 0): Record<string, unknown> {
  const value = (q: Question): unknown => {
    const choices = (q.choices ?? []).map((c) => c.value);
    if (q.type === 'multi') return round === 0 ? choices : [choices[round % choices.length]];
    if (q.type === 'scale') return scaleRange(q)[round % 2];
    if (q.type === 'confirm') return round % 2 === 0;
    if (q.type === 'choice') return choices[round % choices.length];
    return `Answer ${round} to ${q.id}`;
  };
  return Object.fromEntries(
    Object.entries(template).map(([id, slot]) => {
      const q = set.questions.find((x) => x.id === id)!;
      if (slot === null) return [id, value(q)];
      const { deeper } = slot as { deeper: string[] };
      return [id, { answer: value(q), deeper: deeper.map(() => `A reply to a follow-up of ${id}`) }];
    }),
  );
}
