import { describe, expect, it } from 'vitest';
import type { Stats } from '../../src/core/patterns.js';
import { esc } from '../../src/report/html-escape.js';
import { CSP, reportHtml, type ReportInput } from '../../src/report/html.js';
import { fixtureInput, fixtureStats, HOSTILE } from './fixture.js';

const count = (html: string, needle: string) => html.split(needle).length - 1;

const emptyStats = (): Stats => ({
  entries: 0,
  sessions: 0,
  days: 0,
  currentStreak: 0,
  longestStreak: 0,
  longestStreakEnd: null,
  first: null,
  last: null,
  labels: { breakthrough: 0, skill: 0, challenge: 0, external: 0, neutral: 0, unlabelled: 0 },
  byMonth: [],
  byDay: [],
  actions: { committed: 0, done: 0, dropped: 0, open: 0, overdue: 0, doneWithDue: 0, doneOnTime: 0, onTimeShare: null },
});

describe('esc', () => {
  it.each([
    ['markup', '<b>hi</b>', '&lt;b&gt;hi&lt;/b&gt;'],
    ['both quotes, for attributes', `"a" 'b'`, '&quot;a&quot; &#39;b&#39;'],
    ['an ampersand, once', '&amp; &', '&amp;amp; &amp;'],
    ['NUL and other controls become U+FFFD; tab and newline stay', 'a\u0000b\u001bc\td\ne', 'a\uFFFDb\uFFFDc\td\ne'],
    ['CRLF and CR become newlines', 'a\r\nb\rc', 'a\nb\nc'],
    ['a lone surrogate becomes U+FFFD; a pair stays', '\uD83D x \uD83D\uDE00', '\uFFFD x \uD83D\uDE00'],
  ])('%s', (_name, text, expected) => {
    expect(esc(text)).toBe(expected);
  });
});

describe('reportHtml', () => {
  const html = reportHtml({ ...fixtureInput(), title: HOSTILE });

  it('is one page that can load and run nothing: a CSP first in the head, no script, nothing from the network', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<style>'));
    expect(html).toContain('<meta name="viewport"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|https?:/i);
  });

  it('escapes every piece of journal text: title, question, answer, step and loop theme', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<img src=x');
    // The title twice (<title> and <h1>), the hostile breakthrough's question, text and step.
    expect(count(html, esc(HOSTILE))).toBe(5);
    // A loop's term as every loop sentence shows it (its controls made visible), escaped.
    expect(html).toContain('“&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39; &lt;/blockquote&gt;&lt;img src=x onerror=alert(1)&gt; ␀\\u202eevil” has come up in 3 weeks');
  });

  it('has every section', () => {
    for (const id of ['headline', 'calendar', 'labels', 'breakthroughs', 'loops', 'follow-through']) expect(html).toContain(`<section id="${id}"`);
  });

  it('draws a day cell for each day of the 52 weeks and the last, partial week, and marks the confirmed breakthroughs listed', () => {
    // 30 November 2026 is a Monday: 52 full weeks and that one day.
    expect(count(html, '<g class="day')).toBe(52 * 7 + 1);
    expect(html).toContain('data-day="2026-11-30"');
    expect(html).not.toContain('data-day="2025-11-30"');
    // The fixture's days hold breakthroughs (as the model counts them) too; only the three listed are marked.
    expect(fixtureInput().stats.byDay.filter((d) => d.breakthroughs > 0).length).toBeGreaterThan(3);
    const marked = [...html.matchAll(/<g class="day breakthrough" data-day="([\d-]+)"/g)].map((m) => m[1]);
    expect(marked).toEqual(['2026-05-14', '2026-10-01', '2026-11-25']);
  });

  it('says each day in its tooltip, with plurals as a person writes them', () => {
    expect(html).toContain('<title>Mon 30 Nov 2026: 1 entry</title>');
    expect(html).toMatch(/<title>Wed 25 Nov 2026: \d+ entr(y|ies), 1 breakthrough<\/title>/);
    expect(html).toContain('<title>Sat 13 Dec 2025: 9 entries</title>');
    expect(html).toContain('<title>Tue 2 Dec 2025: no entry</title>');
    expect(html).not.toMatch(/\b1 entries|\b1 breakthroughs|\b1 weeks/);
  });

  it('ends the calendar at the end of an asked period, not today', () => {
    const input = fixtureInput();
    const page = reportHtml({ ...input, period: { from: null, to: new Date('2026-06-30T23:59:59Z') } });
    expect(page).toContain('data-day="2026-06-30"');
    expect(page).not.toContain('data-day="2026-07-01"');
    expect(page).toContain('Mon 9 Jun 2025 to Tue 30 Jun 2026');
  });

  it('draws the labels by month for the last 24 months at most, with a legend in words', () => {
    const input = fixtureInput();
    const stats = fixtureStats(input.generatedAt, 1000);
    expect(stats.byMonth.length).toBeGreaterThan(24);
    const page = reportHtml({ ...input, stats });
    expect(count(page, '<g class="bar"')).toBe(24);
    expect(page).toContain(`data-month="${stats.byMonth.at(-1)!.month}"`);
    expect(page).not.toContain(`data-month="${stats.byMonth.at(-25)!.month}"`);
    for (const label of ['breakthrough', 'skill', 'challenge', 'external', 'neutral', 'unlabelled']) expect(page).toContain(`<span class="name">${label}</span>`);
  });

  it('says what became of each step', () => {
    expect(html).toContain('Book the meeting with Dana</span> <span class="state">(done 26 Nov, on time)');
    expect(html).toContain('Write down three projects I led</span> <span class="state">(overdue: was due Sun 29 Nov)');
    expect(html).toContain('Ask Sam for feedback</span> <span class="state">(open, due Sun 6 Dec)');
    expect(html).toContain('Update the CV</span> <span class="state">(dropped)');
    expect(html).toContain('(done 21 Oct, after its due day (Sun 11 Oct))');
  });

  it('says each loop in one sentence', () => {
    // The sentence of `reflect stats` and the session's offer (ui/loop-view.ts), with the latest day.
    expect(html).toContain('“budget review” has come up in 4 weeks since Mon 12 Oct (6 entries). <span class="muted">Latest: Fri 27 Nov.</span>');
    expect(html).toContain('“sister” and “christmas” have come up in 3 weeks since Sun 26 Oct 2025 (3 entries).');
  });

  it.each([
    ['some done on time', { doneWithDue: 5, doneOnTime: 4, onTimeShare: 0.8 }, '4 of 5 done steps with a due date were done on time: 80%.'],
    ['one, on time', { doneWithDue: 1, doneOnTime: 1, onTimeShare: 1 }, '1 of 1 done step with a due date was done on time: 100%.'],
    ['none with a due date', { doneWithDue: 0, doneOnTime: 0, onTimeShare: null }, 'No done step had a due date'],
  ])('follow-through: %s', (_name, share, sentence) => {
    const input = fixtureInput();
    const page = reportHtml({ ...input, stats: { ...input.stats, actions: { ...input.stats.actions, ...share } } });
    expect(page).toContain(sentence);
  });

  it('makes a page of an empty journal that says so', () => {
    const input: ReportInput = { stats: emptyStats(), loops: [], breakthroughs: [], generatedAt: new Date('2026-11-30T17:00:00Z'), period: { from: null, to: null } };
    const page = reportHtml(input);
    expect(page).toContain('No entries yet.');
    expect(page).toContain('No entries in this period.');
    expect(page).toContain('No confirmed breakthrough in this period.');
    expect(page).toContain('No step committed in this period.');
    expect(count(page, 'data-level="0"')).toBe(52 * 7 + 1);
    expect(page).toContain('<div class="value">0</div><div class="name">entries</div>');
  });
});
