import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import type { PromptSet } from '../../src/core/prompt-set.js';
import { ROOT, reflect, tempJournal } from '../helpers/cli.js';
import { fillSkeleton, fillTemplate } from '../helpers/fill-skeleton.js';

const DAILY = parsePromptSet(readFileSync(join(ROOT, 'prompts/daily.yaml'), 'utf8'), 'daily').set as PromptSet;

const sessionAnswers = (db: string, stdout: string) => {
  const id = /session ([0-9a-f]{8})/.exec(stdout)![1]!;
  const shown = JSON.parse(reflect(['--db', db, 'show', id, '--json']).stdout) as { setId: string; setHash: string; answers: { questionId: string; text: string }[] };
  return { setId: shown.setId, hash: shown.setHash, answers: shown.answers.map((a) => [a.questionId, a.text]) };
};

describe('reflect prompts answers', () => {
  it('prints a skeleton that, filled in, `session --answers` saves in full', () => {
    const { dir, db } = tempJournal();
    const printed = reflect(['prompts', 'answers', 'daily']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stderr).toBe('');
    expect(printed.stdout).toMatch(/^# Answers for "Daily check-in" \(daily, version 1, sha256 [0-9a-f]{12}\)\.\n# Fill them in, then run:\n#   reflect session daily --answers answers.yaml\n/);
    const file = join(dir, 'a.yaml');
    // Round 0 puts energy at its lowest, so the conditional "drain" is asked too.
    writeFileSync(file, fillSkeleton(printed.stdout, DAILY, 0));
    const run = reflect(['--db', db, 'session', 'daily', '--answers', file]);
    expect(run.code, run.stderr).toBe(0);
    const saved = sessionAnswers(db, run.stdout);
    expect(saved.setId).toBe('daily');
    // The hash in the header is the one the session stores: the same file of the set.
    expect(printed.stdout).toContain(`sha256 ${saved.hash.slice(0, 12)})`);
    expect(saved.answers).toEqual([
      ['energy', '1 of 10 (empty)'],
      ['moment', 'Answer 0 to moment'],
      ['care', 'Answer 0 to care'],
      ['care', 'A reply to a follow-up of care'],
      ['drain', 'Answer 0 to drain'],
      ['intention', 'Answer 0 to intention'],
    ]);
  });

  it('--json prints the same skeleton as JSON, which --answers reads filled in too', () => {
    const { dir, db } = tempJournal();
    const printed = reflect(['prompts', 'answers', 'daily', '--json']);
    expect(printed.code, printed.stderr).toBe(0);
    const template = JSON.parse(printed.stdout) as Record<string, unknown>;
    expect(template).toEqual({ energy: null, moment: null, care: { answer: null, deeper: [''] }, drain: null, intention: null });
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify(fillTemplate(template, DAILY, 1)));
    const run = reflect(['--db', db, 'session', 'daily', '--answers', file]);
    expect(run.code, run.stderr).toBe(0);
    // Energy at its highest: "drain" (asked only when energy ≤ 4) is skipped.
    expect(sessionAnswers(db, run.stdout).answers.map(([id]) => id)).toEqual(['energy', 'moment', 'care', 'care', 'intention']);
  });

  it('unfilled, the skeleton is refused naming what needs an answer, and nothing is saved', () => {
    const { dir, db } = tempJournal();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, reflect(['prompts', 'answers', 'daily']).stdout);
    const run = reflect(['--db', db, 'session', 'daily', '--answers', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`reflect: the answers in ${file} don't fit the set "daily"; nothing was saved: "energy" needs an answer; "moment" needs an answer; "intention" needs an answer\n`);
    expect(existsSync(db)).toBe(false);
  });

  it('takes a set file by path, and names that path in the command it shows', () => {
    const { dir } = tempJournal();
    const file = join(dir, 'my set.yaml');
    writeFileSync(file, 'title: Mine\nquestions:\n  - id: why\n    ask: Why?\n');
    const run = reflect(['prompts', 'answers', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`#   reflect session '${file}' --answers answers.yaml\n`);
    expect(run.stdout).toContain('# 1. Why?\n#    text\nwhy: ~\n');
  });

  it('--out writes the file and says how to run it; an existing file is replaced only with --force', () => {
    const { dir } = tempJournal();
    const out = join(dir, 'answers.yaml');
    const first = reflect(['prompts', 'answers', 'daily', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe(`Wrote ${out}. Fill it in, then run: reflect session daily --answers ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain(`#   reflect session daily --answers ${out}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    writeFileSync(out, 'energy: 7 # mine\n');
    const again = reflect(['prompts', 'answers', 'daily', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`reflect: ${out} already exists; nothing was written. Add --force to overwrite\n`);
    expect(readFileSync(out, 'utf8')).toBe('energy: 7 # mine\n');

    const forced = reflect(['prompts', 'answers', 'daily', '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('energy: ~');

    const dash = reflect(['prompts', 'answers', 'daily', '--out', '-']);
    expect(dash.stdout).toBe(reflect(['prompts', 'answers', 'daily']).stdout);
    expect(dash.stderr).toBe('');
  });

  const BAD: [string, (dir: string) => string[], number, (dir: string) => string][] = [
    ['an unknown set', () => ['dayly'], 1, () => 'reflect: no prompt set "dayly" (did you mean "daily"?); see `reflect prompts list`'],
    ['a folder for --out', (dir) => ['daily', '--out', dir], 1, (dir) => `reflect: ${dir} is a folder; name a file`],
    ['--force without --out', () => ['daily', '--force'], 2, () => 'reflect: --force replaces the --out file; add --out <file>'],
    ['no set', () => [], 2, () => "reflect: missing required argument 'set'; see `reflect prompts answers --help`"],
  ];

  it.each(BAD)('refuses %s in one line, printing nothing', (_name, args, code, message) => {
    const { dir } = tempJournal();
    const run = reflect(['prompts', 'answers', ...args(dir)]);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(message(dir));
    if (code === 1) expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('refuses an invalid set file with each problem as FILE:LINE:COL, as prompts show does', () => {
    const { dir } = tempJournal();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'title: Broken\nquestions:\n  - id: pick\n    ask: Which?\n    type: choice\n');
    const run = reflect(['prompts', 'answers', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(reflect(['prompts', 'show', file]).stderr);
    expect(run.stderr).toBe(`reflect: the prompt set ${file} has 1 problem:\n${file}:5:11: question "pick" is a choice question but has no choices\n`);
  });

  it('never writes --out for a set it refuses', () => {
    const { dir } = tempJournal();
    mkdirSync(join(dir, 'sub'));
    const out = join(dir, 'sub', 'a.yaml');
    expect(reflect(['prompts', 'answers', 'dayly', '--out', out]).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
