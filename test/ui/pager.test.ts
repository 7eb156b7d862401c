import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { page, pagerFor } from '../../src/ui/pager.js';
import type { Terminal } from '../../src/ui/terminal.js';

const LONG = `${Array.from({ length: 60 }, (_, i) => `row ${i}`).join('\n')}\n`;
const SHORT = 'row 1\nrow 2\n';

function terminal(isTTY: boolean, rows?: number): Terminal & { written: string } {
  const out: Terminal & { written: string } = { written: '', isTTY, columns: 80, style: new Chalk({ level: 0 }), write: (t) => void (out.written += t) };
  if (rows) out.rows = rows;
  return out;
}

describe('whether output goes through a pager', () => {
  it.each([
    ['long output on a terminal, no $PAGER', LONG, terminal(true, 30), {}, false, ['less', '-FRX']],
    ['long output, PAGER="more -d"', LONG, terminal(true, 30), { PAGER: 'more -d' }, false, ['more', '-d']],
    ['output that fits the terminal', SHORT, terminal(true, 30), {}, false, null],
    ['a pipe', LONG, terminal(false), {}, false, null],
    ['--json', LONG, terminal(true, 30), {}, true, null],
    ['PAGER= (empty)', LONG, terminal(true, 30), { PAGER: '' }, false, null],
    ['PAGER=cat', LONG, terminal(true, 30), { PAGER: 'cat' }, false, null],
    ['a terminal of unknown height', LONG, terminal(true), {}, false, null],
  ])('%s', (_name, text, out, env, json, expected) => {
    expect(pagerFor(text, out, env, json)).toEqual(expected);
  });

  it('counts a long line as the rows it wraps onto', () => {
    // 10 rows of 80 and one more, with a row left for the shell's prompt.
    const lines = `${'x'.repeat(800)}\nend\n`;
    expect(pagerFor(lines, terminal(true, 12), {})).toBeNull();
    expect(pagerFor(lines, terminal(true, 11), {})).toEqual(['less', '-FRX']);
  });
});

describe('paging', () => {
  it('hands the whole output to the pager, and prints nothing itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reflect-pager-'));
    const pager = join(dir, 'pager.sh');
    writeFileSync(pager, '#!/bin/sh\ncat > "$1"\n');
    chmodSync(pager, 0o755);
    const out = terminal(true, 30);
    await page(LONG, out, { PAGER: `${pager} ${join(dir, 'paged.txt')}` });
    expect(readFileSync(join(dir, 'paged.txt'), 'utf8')).toBe(LONG);
    expect(out.written).toBe('');
  });

  it('prints the output itself when the pager cannot start', async () => {
    const out = terminal(true, 30);
    await page(LONG, out, { PAGER: '/nonexistent/pager -R' });
    expect(out.written).toBe(LONG);
  });
});
