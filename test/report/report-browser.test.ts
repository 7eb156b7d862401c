import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { esc } from '../../src/report/html-escape.js';
import { reportHtml } from '../../src/report/html.js';
import { fixtureInput, HOSTILE } from './fixture.js';

/** Debian's chromium (or a chromium-browser) on PATH; null when the machine has none. */
function findChromium(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

const chromium = findChromium();
const dir = mkdtempSync(join(tmpdir(), 'reflect-report-'));
const page = join(dir, 'report.html');
writeFileSync(page, reportHtml(fixtureInput()));

/** One headless run, with its own profile; killed after 10 s. */
function run(...args: string[]) {
  const result = spawnSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${mkdtempSync(join(dir, 'profile-'))}`, ...args], {
    encoding: 'utf8',
    timeout: 10_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

function screenshot(name: string, size: string) {
  const png = join(dir, name);
  const result = run(`--screenshot=${png}`, `--window-size=${size}`, pathToFileURL(page).href);
  expect(result.error, result.stderr).toBeUndefined();
  expect(result.code, result.stderr).toBe(0);
  expect(statSync(png).size).toBeGreaterThan(20_000);
  // For a person to look at: REFLECT_TEST_SHOTS=/some/dir keeps a copy.
  if (process.env.REFLECT_TEST_SHOTS) {
    mkdirSync(process.env.REFLECT_TEST_SHOTS, { recursive: true });
    copyFileSync(png, join(process.env.REFLECT_TEST_SHOTS, name));
  }
}

describe.runIf(chromium || process.env.CI)('the report in a real browser (headless chromium)', () => {
  it('finds chromium', () => {
    expect(chromium, "install Debian's chromium (apt-get install chromium): the report's browser test needs it").not.toBeNull();
  });

  it('renders at desktop width', { timeout: 15_000 }, () => screenshot('desktop.png', '1280,2400'));

  it('renders at phone width', { timeout: 15_000 }, () => screenshot('phone.png', '375,3200'));

  it('builds the DOM with every section and day cell, no script, and hostile text as text', { timeout: 15_000 }, () => {
    const result = run('--dump-dom', pathToFileURL(page).href);
    expect(result.code, result.stderr).toBe(0);
    const dom = result.stdout;
    for (const id of ['headline', 'calendar', 'labels', 'breakthroughs', 'loops', 'follow-through']) expect(dom).toContain(`<section id="${id}"`);
    expect(dom.split('<g class="day').length - 1).toBe(52 * 7 + 1);
    expect(dom).not.toMatch(/<script/i);
    expect(dom).not.toMatch(/<img/i);
    // Serialised text escapes <, > and & only: the hostile text is there, as text, in the breakthrough.
    const asText = esc(HOSTILE).replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    expect(dom).toContain(`<blockquote dir="auto">${asText}</blockquote>`);
  });

  it('does not scroll sideways at 375 pixels wide', { timeout: 15_000 }, () => {
    // The report allows no script; a test page beside it measures it in a 375-pixel frame.
    const probe = join(dir, 'probe.html');
    writeFileSync(
      probe,
      `<!doctype html><iframe id="f" src="report.html" width="375" height="4000"></iframe><pre id="m">not measured</pre><script>
      f.addEventListener('load', () => {
        const d = f.contentDocument, e = d.documentElement;
        const wide = [...d.querySelectorAll('body *')].filter((n) => n.getBoundingClientRect().right > e.clientWidth + 0.5).map((n) => n.tagName);
        m.textContent = 'scroll ' + e.scrollWidth + ' client ' + e.clientWidth + ' wide [' + wide.slice(0, 5).join(' ') + ']';
      });</script>`,
    );
    const result = run('--allow-file-access-from-files', '--virtual-time-budget=3000', '--dump-dom', pathToFileURL(probe).href);
    expect(result.code, result.stderr).toBe(0);
    const [, scroll, client, wide] = /scroll (\d+) client (\d+) wide \[([^\]]*)\]/.exec(result.stdout) ?? [];
    expect(Number(client)).toBeGreaterThan(300);
    expect(wide).toBe('');
    expect(Number(scroll)).toBe(Number(client));
  });
});
