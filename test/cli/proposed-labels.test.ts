import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reflect, tempJournal } from '../helpers/cli.js';

const json = (text: string) => JSON.parse(text);
const REFRAME = "It isn't about the job offer, it's my fear of repeating past mistakes.";

function journalWith(...texts: string[]) {
  const { dir, db } = tempJournal();
  for (const text of texts) expect(reflect(['--db', db, 'write', text]).code).toBe(0);
  const ids = (json(reflect(['--db', db, 'list', '--json']).stdout) as { shortId: string; text: string }[]).reverse().map((e) => e.shortId);
  return { dir, db, ids };
}

describe('a proposed label looks different from the writer’s own', () => {
  it('list, search and show end a proposal with "?", without colour too, and drop it once the writer labels it', () => {
    const { db, ids } = journalWith(REFRAME);
    const [id] = ids;
    const line = `${id}  ✦ breakthrough?  It isn't about the job offer`;
    expect(reflect(['--db', db, 'list']).stdout).toContain(line);
    expect(reflect(['--db', db, 'list'], { env: { NO_COLOR: '1' } }).stdout).toContain(line);
    expect(reflect(['--db', db, 'search', 'offer']).stdout).toContain(`${id}  ✦ breakthrough?  `);
    const shown = reflect(['--db', db, 'show', id!]).stdout;
    expect(shown.split('\n')[1]).toMatch(/^✦ breakthrough\?$/);
    expect(shown).toContain(`label proposed by reflect; yours with \`reflect label ${id} <label>\``);

    reflect(['--db', db, 'label', id!, 'breakthrough']);
    expect(reflect(['--db', db, 'list']).stdout).toContain(`${id}  ✦ breakthrough  It isn't about the job offer`);
    expect(reflect(['--db', db, 'search', 'offer']).stdout).toContain(`${id}  ✦ breakthrough  `);
    const confirmed = reflect(['--db', db, 'show', id!]).stdout;
    expect(confirmed.split('\n')[1]).toMatch(/^✦ breakthrough$/);
    expect(confirmed).not.toContain('label proposed by reflect');
    for (const command of ['list', 'search']) expect(reflect([command, '--help']).stdout).toContain("A label ending in ? (✦ breakthrough?) is reflect's proposal");
  });

  it('in colour a proposal is dimmed; the writer’s label is not', () => {
    const { db, ids } = journalWith(REFRAME, 'Finally understood how pivot tables work.');
    const coloured = () => reflect(['--db', db, 'list'], { env: { FORCE_COLOR: '1' } }).stdout;
    expect(coloured()).toMatch(/\u001b\[2m✦ breakthrough\?/);
    reflect(['--db', db, 'label', ids[0]!, 'breakthrough']);
    expect(coloured()).toMatch(/\u001b\[1m✦ breakthrough\u001b/);
    expect(coloured()).not.toMatch(/\u001b\[2m✦ breakthrough/);
  });

  it('a guided session’s answers show which labels the writer gave', () => {
    const { dir, db } = tempJournal();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, `energy: 6\nmoment: "${REFRAME}"\ncare: {answer: A quiet walk, label: skill}\nintention: Rest\n`);
    expect(reflect(['--db', db, 'session', 'daily', '--answers', answers]).code).toBe(0);
    const [latest] = json(reflect(['--db', db, 'list', '--json']).stdout);
    const shown = reflect(['--db', db, 'show', latest.sessionId.slice(0, 8)]).stdout;
    expect(shown).toMatch(/What was one moment today that mattered to you\? {2}✦ breakthrough\? {2}[0-9a-f]{8}\n/);
    expect(shown).toMatch(/What does that moment say about what you care about\? {2}skill {2}[0-9a-f]{8}\n/);
  });

  it('the markdown export says "(proposed)" for a breakthrough the writer has not confirmed', () => {
    const { db, ids } = journalWith(REFRAME);
    expect(reflect(['--db', db, 'export']).stdout).toContain('**✦ Breakthrough (proposed)**');
    reflect(['--db', db, 'label', ids[0]!, 'breakthrough']);
    const doc = reflect(['--db', db, 'export']).stdout;
    expect(doc).toContain('**✦ Breakthrough**');
    expect(doc).not.toContain('(proposed)');
  });
});

describe('reflect breakthroughs --proposed', () => {
  it('lists the proposed breakthroughs the writer has not labelled, newest first, each with the command that confirms it', () => {
    const { db } = tempJournal();
    const write = (date: string, text: string) => reflect(['--db', db, 'write', '--date', date, text]);
    write('2026-11-01', REFRAME);
    write('2026-11-03', 'I always thought I was lazy, but I was afraid of failing.');
    write('2026-11-02', 'Finally understood how pivot tables work.');
    const candidates = () => json(reflect(['--db', db, 'breakthroughs', '--proposed', '--json']).stdout) as { shortId: string; text: string; label: string; labelSource: string }[];
    const [newest, older] = candidates();
    expect(candidates().map((e) => e.text)).toEqual(['I always thought I was lazy, but I was afraid of failing.', REFRAME]);
    expect(newest).toMatchObject({ label: 'breakthrough', labelSource: 'model' });

    const human = reflect(['--db', db, 'breakthroughs', '--proposed']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`^✦\\? 2026-11-03 12:00  ${newest!.shortId}\\n  I always thought I was lazy.*\\n  → reflect label ${newest!.shortId} breakthrough\\n\\n✦\\? 2026-11-01`));
    expect(human.stdout).toContain('Not a breakthrough? Give it the label it is: `reflect label <id> skill`');
    expect(json(reflect(['--db', db, 'breakthroughs', '--proposed', '-n', '1', '--json']).stdout)).toHaveLength(1);
    // The plain timeline points at them while none is confirmed.
    expect(reflect(['--db', db, 'breakthroughs']).stderr).toBe('No confirmed breakthroughs yet; 2 proposed by reflect wait for your word: `reflect breakthroughs --proposed`\n');

    // Labelled either way, an entry leaves the list.
    reflect(['--db', db, 'label', newest!.shortId, 'breakthrough']);
    reflect(['--db', db, 'label', older!.shortId, 'challenge']);
    expect(candidates()).toEqual([]);
    const none = reflect(['--db', db, 'breakthroughs', '--proposed']);
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toMatch(/^No proposed breakthroughs to review/);
    expect(reflect(['--db', db, 'breakthroughs']).stdout).not.toContain('proposed by reflect');
  });

  it('after the confirmed timeline, says how many proposals wait', () => {
    const { db, ids } = journalWith(REFRAME, 'I always thought I was lazy, but I was afraid of failing.');
    reflect(['--db', db, 'label', ids[0]!, 'breakthrough']);
    const timeline = reflect(['--db', db, 'breakthroughs']).stdout;
    expect(timeline).toContain(REFRAME);
    expect(timeline).not.toContain('I always thought');
    expect(timeline).toMatch(/By month: .*\n1 more proposed by reflect, waiting for your word: `reflect breakthroughs --proposed`\n$/);
  });
});
