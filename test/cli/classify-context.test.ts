import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reflect, tempJournal } from '../helpers/cli.js';

const SESSION_ANSWERS = `pull: Whether to say yes to leading the new platform team
weight: 8
fear:
  answer: That I'd fail in front of people who trusted me
  deeper:
    - Being someone people can count on
    - oh. it was never the job. I've been treating the promotion as the goal when it's the trust I care about
belief: I should already know everything before I lead anyone
cost: Another year of saying maybe
insight: nothing really
step: Tell my manager on Friday that I want the role for the trust, not the title
`;

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

describe('reflect classify with the question', () => {
  it('reads an answer with --question: a fear named to a fear question is a challenge', () => {
    const run = reflect(['classify', '--json', '--question', 'What are you afraid might happen?', "That I'd fail in front of people who trusted me"]);
    expect(run.code).toBe(0);
    const [line] = lines(run.stdout);
    expect(line).toMatchObject({ question: 'What are you afraid might happen?', label: 'challenge' });
  });

  it('--jsonl reads one {text, question} a line and writes one object a line, in order', () => {
    const input = [
      { text: 'nothing really', question: 'What do you see now that you did not see when you started?' },
      { text: "It isn't about the job offer, it's my fear of repeating past mistakes." },
      { text: 'Call the landlord on Friday', question: 'What is one concrete step you could take?' },
    ];
    const run = reflect(['classify', '-', '--jsonl'], { input: `${input.map((l) => JSON.stringify(l)).join('\n')}\n` });
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out.map((l) => l.text)).toEqual(input.map((l) => l.text));
    expect(out.map((l) => l.label)).toEqual(['neutral', 'breakthrough', 'neutral']);
    expect(out[1].question).toBeUndefined();
  });

  it.each([
    ['a line that is not JSON', 'not json\n', /^reflect: line 1 of stdin is not JSON/],
    ['a line with no text', '{"question": "Why?"}\n', /^reflect: line 1 of stdin has no "text"/],
    ['a question that is not text', '{"text": "x", "question": 5}\n', /^reflect: line 1 of stdin: "question" must be text/],
  ])('refuses %s in one line, exit 1', (_case, input, message) => {
    const run = reflect(['classify', '-', '--jsonl'], { input });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints what it classified before a bad line, then the error', () => {
    const run = reflect(['classify', '-', '--jsonl'], { input: '{"text": "Went to the market."}\nnot json\n' });
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toHaveLength(1);
    expect(run.stderr).toMatch(/^reflect: line 2 of stdin is not JSON/);
  });

  it.each([
    ['--jsonl without "-"', ['classify', '--jsonl', 'some text']],
    ['--jsonl with --question', ['classify', '-', '--jsonl', '--question', 'Why?']],
    ['an empty --question', ['classify', '--question', ' ', 'text']],
  ])('%s is a usage error, exit 2', (_case, args) => {
    const run = reflect(args, { input: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^reflect: /);
  });
});

describe('reflect session --answers --json', () => {
  it('prints one JSON object: the session, the answers saved, and at most three moments', () => {
    const { db, dir } = tempJournal();
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, SESSION_ANSWERS);
    const run = reflect(['--db', db, 'session', 'breakthrough', '--answers', file, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.session).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.answers.length).toBeGreaterThanOrEqual(8);
    expect(out.moments.length).toBeGreaterThan(0);
    expect(out.moments.length).toBeLessThanOrEqual(3);
    for (const m of out.moments) expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'questionId', 'text', 'label', 'confidence', 'evidence']));
    const first = out.moments[0];
    expect(first).toMatchObject({ questionId: 'fear', label: 'breakthrough' });
    // The moment quoted is the realisation, not the set-up before it.
    expect(first.text).toContain('trust I care about');
    // A step is never a moment of its own; nor is "nothing really".
    expect(out.moments.map((m: { questionId: string }) => m.questionId)).not.toContain('step');
    expect(out.moments.map((m: { questionId: string }) => m.questionId)).not.toContain('insight');
  });

  it('classify --entries reads stored answers as the session did: nothing changes', () => {
    const { db, dir } = tempJournal();
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, SESSION_ANSWERS);
    expect(reflect(['--db', db, 'session', 'breakthrough', '--answers', file]).code).toBe(0);
    const run = reflect(['--db', db, 'classify', '--entries', '--json']);
    expect(run.code).toBe(0);
    // Only the scale answer, which a session does not classify, gets its first label here.
    const changed = run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(changed.filter((c: { before: string | null }) => c.before !== null)).toEqual([]);
  });

  it('--json without --answers is a usage error', () => {
    const { db } = tempJournal();
    const run = reflect(['--db', db, 'session', 'breakthrough', '--json']);
    expect(run.code).toBe(2);
  });
});
