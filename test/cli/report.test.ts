import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/commands/report.js';
import type { FileWriter } from '../../src/cli/output-file.js';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';

const HOSTILE = '<script>alert("x")</script> & \'quotes\' </blockquote>';

/** Three entries, one of them hostile; the first confirmed as a breakthrough, with a step done. */
function journal() {
  const paths = tempJournal();
  const db = (...args: string[]) => reflect(['--db', paths.db, ...args]);
  db('write', '--date', '2026-11-01 09:00', 'It was never about the money. #work');
  db('write', '--date', '2026-11-10 21:00', HOSTILE);
  db('write', '--date', '2026-11-12 08:00', 'The budget review again.');
  const entries = JSON.parse(db('list', '--json').stdout) as { id: string; text: string }[];
  const money = entries.find((e) => e.text.startsWith('It was never'))!;
  const hostile = entries.find((e) => e.text === HOSTILE)!;
  expect(db('label', money.id, 'breakthrough').code).toBe(0);
  expect(db('label', hostile.id, 'breakthrough').code).toBe(0);
  return { ...paths, run: db };
}

/** For the commands that must change nothing: one journal, built once. */
let shared: ReturnType<typeof journal> | undefined;
const sharedJournal = () => (shared ??= journal());
const withoutMadeAt = (page: string) => page.replace(/(<footer>Made by reflect on )[^<]*?\d\d:\d\d\./, '$1(when).');

describe('reflect report', () => {
  it('writes one private, self-contained page, refuses to overwrite it without --force, and writes to stdout with --out -', () => {
    const { dir, db, run } = journal();
    const out = join(dir, 'report.html');
    const first = run('report', '--out', out);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe(`Wrote the report (3 entries) to ${out}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const html = readFileSync(out, 'utf8');
    for (const id of ['headline', 'calendar', 'labels', 'breakthroughs', 'loops', 'follow-through']) expect(html).toContain(`<section id="${id}"`);
    expect(html).toContain('<blockquote dir="auto">It was never about the money. #work</blockquote>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &lt;/blockquote&gt;');
    expect(html).not.toMatch(/<script/i);

    const before = dumpJournal(db);
    writeFileSync(out, 'kept');
    const again = run('report', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`reflect: ${out} already exists; nothing was written. Add --force to overwrite\n`);
    expect(readFileSync(out, 'utf8')).toBe('kept');
    expect(run('report', '--out', out, '--force').code).toBe(0);
    // The same page, but for the minute it was made at (the two runs may straddle one).
    expect(withoutMadeAt(readFileSync(out, 'utf8'))).toBe(withoutMadeAt(html));
    expect(dumpJournal(db)).toEqual(before);

    const stdout = run('report', '--out', '-', '--title', 'For <Dana>');
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^<!doctype html>/);
    expect(stdout.stdout).toContain('<title>For &lt;Dana&gt;</title>');
  });

  it('takes the list filters: breakthroughs and counts are those of the kept entries', () => {
    const { run } = sharedJournal();
    const page = run('report', '--out', '-', '--tag', 'work').stdout;
    expect(page).toContain('It was never about the money.');
    expect(page).not.toContain('&lt;script&gt;');
    expect(page).toContain('<div class="value">1</div><div class="name">entry</div>');
    const later = run('report', '--out', '-', '--from', '2026-11-05').stdout;
    expect(later).not.toContain('It was never about the money.');
    expect(later).toContain('Thu 5 Nov 2026 to');
  });

  it('makes a page for a journal with nothing in the period, and says so', () => {
    const { dir, run } = sharedJournal();
    const out = join(dir, 'empty.html');
    const result = run('report', '--out', out, '--from', '2020-01-01', '--to', '2020-12-31');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Wrote the report (no entries match; the page says so) to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('No confirmed breakthrough in this period.');
  });

  it.each([
    [['report'], 2, 'reflect: name the page to write: --out report.html (or --out - for stdout)'],
    [['report', '--out', ''], 2, 'reflect: --out needs a file name'],
    [['report', '--out', '-', '--force'], 2, 'reflect: --force is for files: name one with --out'],
    [['report', '--out', '-', '--on', 'monday', '--from', 'friday'], 2, 'reflect: --on cannot be combined with --from or --to'],
    [['report', '--out', '-', '--label', 'happy'], 2, "reflect: option '--label <label>' argument 'happy' is invalid. expected one of breakthrough, skill, challenge, external, neutral"],
  ])('%j is refused in one line', (args, code, message) => {
    const { db, run } = sharedJournal();
    const before = dumpJournal(db);
    const result = run(...args);
    expect(result.code).toBe(code);
    expect(result.stderr.trim()).toBe(message);
    expect(result.stdout).toBe('');
    expect(dumpJournal(db)).toEqual(before);
  });

  it('refuses a folder as --out, and writes nothing', () => {
    const { dir, run } = sharedJournal();
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    const result = run('report', '--out', folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`reflect: ${folder} is a folder; name a file\n`);
  });

  it('leaves no file, half or whole, when the disk fills up', async () => {
    const { dir, db } = sharedJournal();
    const out = join(dir, 'full.html');
    const { deps, opened } = testDeps(db);
    const full: FileWriter = () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    try {
      await expect(runReport({ out }, deps, full)).rejects.toThrow(`can't write ${out}`);
    } finally {
      for (const o of opened) o.close();
    }
    expect(readdirSync(dir).filter((name) => name.includes('full') || name.endsWith('.tmp'))).toEqual([]);
  });

  it('has help with examples', () => {
    const help = reflect(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:\n  $ reflect report --out report.html');
    expect(help.stdout).toContain('--tag <tag>');
  });
});
