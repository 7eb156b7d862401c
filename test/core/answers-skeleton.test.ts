import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersSkeleton, answersTemplate } from '../../src/core/answers-skeleton.js';
import { holds } from '../../src/core/conditions.js';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import type { AnswerValue, PromptSet } from '../../src/core/prompt-set.js';
import { checkScriptedAnswers, scriptedAnswers } from '../../src/core/scripted-answers.js';
import { runSession } from '../../src/core/session.js';
import { readYaml } from '../../src/core/yaml-source.js';
import { fillSkeleton, fillTemplate } from '../helpers/fill-skeleton.js';
import { ROOT } from '../helpers/cli.js';

const parse = (source: string): PromptSet => {
  const { set, problems } = parsePromptSet(source, 'test');
  if (!set) throw new Error(JSON.stringify(problems));
  return set;
};

/** The skeleton read back exactly as `session --answers` reads a file. */
function read(text: string): unknown {
  const { doc, problems } = readYaml(text);
  expect(problems).toEqual([]);
  return doc!.toJS();
}

/** Runs a filled answers file through the checker and the session engine, as `--answers` does. */
async function run(set: PromptSet, raw: unknown) {
  const { answers, problems } = checkScriptedAnswers(set, raw);
  const given = problems.length ? [] : await runSession(set, scriptedAnswers(answers), () => {});
  const values = new Map<string, AnswerValue>([...answers].map(([id, a]) => [id, a.answer]));
  const asked = set.questions.filter((q) => !q.when || holds(q.when, values)).map((q) => q.id);
  return { problems, given, asked };
}

const SHIPPED = readdirSync(join(ROOT, 'prompts')).filter((f) => f.endsWith('.yaml'));
const ROUNDS = [0, 1, 2, 3];

describe.each(SHIPPED)('the answers skeleton of the shipped set %s', (name) => {
  const set = parse(readFileSync(join(ROOT, 'prompts', name), 'utf8'));

  it('reads back as the template: every question id in order, nothing answered', () => {
    const raw = read(answersSkeleton(set, { hash: 'ab'.repeat(32) }));
    expect(raw).toEqual(answersTemplate(set));
    expect(Object.keys(raw as object)).toEqual(set.questions.map((q) => q.id));
  });

  it.each(ROUNDS)('filled in by hand (round %i), is accepted and every question asked is answered, probes too', async (round) => {
    const { problems, given, asked } = await run(set, read(fillSkeleton(answersSkeleton(set), set, round)));
    expect(problems).toEqual([]);
    expect(given.filter((a) => a.depth === 0).map((a) => a.questionId)).toEqual(asked);
    for (const id of asked) {
      const probes = set.questions.find((q) => q.id === id)!.deeper?.length ?? 0;
      expect(given.filter((a) => a.questionId === id && a.depth > 0)).toHaveLength(probes);
    }
  });

  it('the rounds between them reach every question, conditional ones included', async () => {
    const reached = new Set<string>();
    for (const round of ROUNDS) for (const id of (await run(set, read(fillSkeleton(answersSkeleton(set), set, round)))).asked) reached.add(id);
    expect([...reached].sort()).toEqual(set.questions.map((q) => q.id).sort());
  });

  it('as JSON, filled by a script, is accepted the same way', async () => {
    const { problems, given, asked } = await run(set, JSON.parse(JSON.stringify(fillTemplate(answersTemplate(set), set, 1))));
    expect(problems).toEqual([]);
    expect(given.filter((a) => a.depth === 0).map((a) => a.questionId)).toEqual(asked);
  });

  it('left unfilled, is refused naming each required question, and no other', async () => {
    const { problems } = await run(set, read(answersSkeleton(set)));
    const none = new Map<string, AnswerValue>();
    const required = set.questions.filter((q) => q.required && (!q.when || holds(q.when, none)));
    expect(problems).toEqual(required.map((q) => `"${q.id}" needs an answer`));
  });
});

describe('an answers skeleton', () => {
  const CONDITIONAL = parse(`
id: values
title: Values
version: 3
questions:
  - id: weight
    ask: How heavy?
    type: scale
    min: 0
    max: 4
    labels: {0: light, 4: crushing}
  - id: fear
    ask: What are you afraid of?
    when: {question: weight, atLeast: 3}
  - id: area
    ask: Where?
    type: multi
    choices: [work, {value: home, label: At home}]
  - id: note
    ask: Anything else?
    required: false
    when: {any: [{question: area, includes: home}, {question: weight, atMost: 1}]}
`);

  it('says each question’s type, choices, limits, whether it is optional, and when it is asked', () => {
    const text = answersSkeleton(CONDITIONAL, { hash: '0123456789abcdef'.repeat(4) });
    expect(text).toContain('# Answers for "Values" (values, version 3, sha256 0123456789ab).\n# Fill them in, then run:\n#   reflect session values --answers answers.yaml\n');
    expect(text).toContain('# 1. How heavy?\n#    scale: a whole number from 0 to 4 (0 light, 4 crushing)\nweight: ~\n');
    expect(text).toContain('#    asked only when weight ≥ 3\nfear: ~\n');
    expect(text).toContain('#    multi: a list of one or more of these, like [a, b]\n#      - work\n#      - home (At home)\narea: ~\n');
    expect(text).toContain('#    text, optional\n#    asked only when (area includes "home" or weight ≤ 1)\nnote: ~\n');
  });

  it('names the set in the command as it was named, quoted for the shell when it must be', () => {
    const text = answersSkeleton(CONDITIONAL, { run: "./Coach's sets/values.yaml", prompts: './coaching', file: 'a b.yaml' });
    expect(text).toContain(`#   reflect --prompts ./coaching session './Coach'\\''s sets/values.yaml' --answers 'a b.yaml'\n`);
  });

  it('filled so that conditions hold, asks and saves the conditional questions', async () => {
    const raw = read(answersSkeleton(CONDITIONAL).replace('weight: ~', 'weight: 4').replace('fear: ~', 'fear: Failing').replace('area: ~', 'area: [At home]').replace('note: ~', 'note: "#1: rest"'));
    const { problems, given } = await run(CONDITIONAL, raw);
    expect(problems).toEqual([]);
    expect(given.map((a) => [a.questionId, a.text])).toEqual([
      ['weight', '4 of 4 (crushing)'],
      ['fear', 'Failing'],
      ['area', 'At home'],
      ['note', '#1: rest'],
    ]);
  });

  const HOSTILE = [
    ['a newline and a key', 'First line\nevil: 1'],
    ['a comment sign and a document marker', '# not a comment\n---\n...'],
    ['CR, NEL, LS and PS breaks', 'a\revil2: 2\u0085evil3: 3\u2028evil4: 4\u2029evil5: 5\r\nevil6: 6'],
    ['controls and a stray BOM', 'bell\u0007 esc\u001b[31m del\u007f csi\u009b bom\ufeff lone\ud800 rlo\u202e'],
    ['quotes, braces and a colon', `"quoted" 'single' {a: 1} [b] key: value & *alias !tag`],
    ['one very long word', 'x'.repeat(500)],
    ['a very long text', 'word '.repeat(300)],
  ];

  it.each(HOSTILE)('keeps a question text with %s inside comments', (_name, ask) => {
    const set: PromptSet = {
      id: 'hostile',
      title: `Title\nevil: 1 ${ask}`,
      version: `1\nevil: 2`,
      questions: [
        { id: 'q', ask, hint: ask, type: 'choice', required: true, choices: [{ value: 'a', label: ask }], when: { question: 'q', equals: ask }, deeper: [{ ask }] },
        { id: 'r', ask, type: 'text', required: false },
      ],
    };
    const text = answersSkeleton(set, { run: ask, file: ask });
    expect(read(text)).toEqual({ q: { answer: null, deeper: [''] }, r: null });
    expect(text.split('\n')[0]).toMatch(/^# Answers for "Title evil: 1( |$)/);
    const ours = /^(#( .*)?|q:|r: ~|  answer: ~|  deeper:|    #( .*)?|    - "")?$/;
    for (const line of text.split('\n')) expect(line).toMatch(ours);
    // Only the command line (which must stay whole to be copied) may run past 80 columns.
    for (const line of text.split('\n').filter((l) => !l.startsWith('#   reflect'))) expect(Array.from(line).length).toBeLessThanOrEqual(80);
  });

  it('cuts a long question to four lines, ending with …', () => {
    const text = answersSkeleton({ id: 's', title: 'S', questions: [{ id: 'q', ask: 'word '.repeat(300), type: 'text', required: true }] });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('# 1. '));
    expect(lines.slice(at, at + 5).map((l) => l.slice(0, 5))).toEqual(['# 1. ', '#    ', '#    ', '#    ', '#    ']);
    expect(lines[at + 3]).toMatch(/word…$/);
    expect(lines[at + 4]).toBe('#    text');
  });

  it.each(['null', 'true', 'false', 'yes', 'no', 'on', 'y', '__proto__', 'constructor'])('writes the question id %s as a key that reads back as that id', (id) => {
    const set: PromptSet = { id: 's', title: 'S', questions: [{ id, ask: 'Why?', type: 'text', required: true }] };
    const raw = read(answersSkeleton(set));
    expect(Object.keys(raw as object)).toEqual([id]);
    expect(Object.hasOwn(answersTemplate(set), id)).toBe(true);
  });
});
