import { describe, expect, it } from 'vitest';
import { reflect, tempJournal } from '../helpers/cli.js';
import { BREAKTHROUGH_ANSWERS, journalOf, runSet } from '../helpers/journals.js';

const json = (text: string) => JSON.parse(text);
const rows = (text: string) => text.trimEnd().split('\n');

describe('reflect list in a pipe', () => {
  it("prints each entry's whole text on its row, newlines folded, whatever COLUMNS says", () => {
    const long = `${'The drawer was full of old letters and photos. '.repeat(6).trim()}\n\nAnd one from grandmother.`;
    const { db } = journalOf(1, () => long);
    for (const COLUMNS of ['80', '200']) {
      const run = reflect(['--db', db, 'list'], { env: { COLUMNS } });
      expect(run.stdout).toBe(`2026-10-31 12:00  ${run.stdout.slice(18, 26)}  ${long.replace(/\s+/g, ' ')}\n`);
    }
  });

  it.each([
    ['a tag written in the text once', ['write', 'Found the photos in the drawer #family'], 'Found the photos in the drawer #family'],
    ['a --tag the text lacks after it', ['write', '--tag', 'family', 'Found the photos in the drawer'], 'Found the photos in the drawer  #family'],
  ])('shows %s', (_name, write, shown) => {
    const { db } = tempJournal();
    reflect(['--db', db, ...write]);
    expect(reflect(['--db', db, 'list']).stdout).toMatch(new RegExp(`^[\\d-]+ [\\d:]+  [0-9a-f]{8}  ${shown}\\n$`));
  });
});

describe('reflect list -n', () => {
  it('says on stderr how many more match, and how to see them; never in --json', () => {
    const { db } = journalOf(47);
    const run = reflect(['--db', db, 'list']);
    expect(rows(run.stdout)).toHaveLength(20);
    expect(run.stderr).toBe('20 of 47 shown; add `-n 47` to see all.\n');
    const all = reflect(['--db', db, 'list', '-n', '47']);
    expect(rows(all.stdout)).toHaveLength(47);
    expect(all.stderr).toBe('');
    const script = reflect(['--db', db, 'list', '--json']);
    expect(json(script.stdout)).toHaveLength(20);
    expect(script.stderr).toBe('');
  });

  it('beyond 1,000 matches says "over 1000" rather than count them all', () => {
    const { db } = journalOf(1001);
    expect(reflect(['--db', db, 'list']).stderr).toBe('20 of over 1000 shown; add `-n 1000` to see more.\n');
    expect(reflect(['--db', db, 'list', '-n', '1000']).stderr).toBe('1000 of over 1000 shown; add `-n 2000` to see more.\n');
    expect(reflect(['--db', db, 'list', '-n', '1001']).stderr).toBe('');
  });

  it.each([
    [['list', '-n', '0'], /^reflect: .*-n, --limit <n>.* expected a whole number of 1 or more\n$/],
    [['list', '--full', '--limit', 'ten'], /^reflect: .*expected a whole number of 1 or more\n$/],
  ])('refuses %j with one line and exit 2', (args, message) => {
    const { db } = journalOf(1);
    const run = reflect(['--db', db, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('reflect list with guided sessions', () => {
  function journalWithSession() {
    const { dir, db } = journalOf(2);
    runSet(db, dir, 'breakthrough', BREAKTHROUGH_ANSWERS);
    return { dir, db };
  }

  it('shows a session as one row: date, set, answers, ✦ for its breakthrough, the step committed', () => {
    const { db } = journalWithSession();
    const shown = rows(reflect(['--db', db, 'list']).stdout);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(/^[\d-]+ [\d:]+ {2}[0-9a-f]{8} {2}✦ {2}Finding the breakthrough · 8 answers · step: Talk to Dana on Friday \(due \w{3} \d{1,2} \w{3}\)$/);
    expect(shown[1]).toContain('Entry 1 about the garden');
    expect(reflect(['--db', db, 'list', '-n', '1']).stderr).toBe('1 of 3 shown; add `-n 3` to see all.\n');
  });

  it("with --answers lists each answer, a session's in the order asked; -n counts rows shown", () => {
    const { db } = journalWithSession();
    const shown = rows(reflect(['--db', db, 'list', '--answers']).stdout);
    expect(shown).toHaveLength(10);
    const answers = shown.slice(0, 8).map((r) => r.replace(/^.*\[breakthrough\] {2}/, ''));
    expect(answers.slice(0, 4)).toEqual(['Whether to take the team lead role', '8 of 10', "That I'd fail in front of people who trusted me", 'Being reliable.']);
    expect(answers[7]).toBe('Talk to Dana on Friday');
    const some = reflect(['--db', db, 'list', '--answers', '-n', '3']);
    expect(rows(some.stdout)).toHaveLength(3);
    expect(some.stderr).toBe('3 of 10 shown; add `-n 10` to see all.\n');
  });

  it('keeps --json one object per entry, newest first, as scripts read it', () => {
    const { db } = journalWithSession();
    const entries = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(entries).toHaveLength(10);
    expect(entries.filter((e: { setId: string | null }) => e.setId === 'breakthrough')).toHaveLength(8);
  });

  it('with --full shows every answer under its question, and an entry whole with its tags', () => {
    const { db } = journalWithSession();
    reflect(['--db', db, 'write', '--tag', 'work', '--date', '2026-10-01 09:00', 'First line #garden\n\nSecond paragraph, kept.']);
    const full = reflect(['--db', db, 'list', '--full']).stdout;
    expect(full).toContain('  What do you see now that you did not see when you started?  ✦ breakthrough\n    It\'s the trust I care about, not the title\n');
    expect(full).toContain('    ↳ And underneath that, what matters to you?\n      Being reliable.\n');
    expect(full).toMatch(/2026-10-01 09:00 {2}[0-9a-f]{8} {2}#garden #work\n {2}First line #garden\n\n {2}Second paragraph, kept\.\n/);
  });
});
