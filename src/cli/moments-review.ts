import { LABELS, type Label } from '../core/prompt-set.js';
import { pickMoments, type Moment } from '../core/moments.js';
import { confirmLabel } from '../store/classifications.js';
import type { Db } from '../store/journal.js';
import { reasonLines, wrapQuote } from '../ui/evidence.js';
import { labelBadge, truncate } from '../ui/render.js';
import { fitFor } from '../ui/width.js';
import { safeLine } from '../ui/safe-text.js';
import { labelPhrase } from '../ui/session-view.js';
import type { Deps } from './context.js';
import type { Reviewed } from './review.js';

// "What is it for you?" "A breakthrough", "Neutral".
const labelWords = (l: Label) => labelPhrase(l).replace(/^./, (c) => c.toUpperCase());

/**
 * After a session: at most three moments are put forward, each with its question, its key
 * sentence and the reasons; the writer confirms them all in one keypress, changes one, or skips.
 * Every other answer keeps the model's label, unconfirmed, for `reflect label` to change later.
 */
export async function reviewMoments(db: Db, answers: readonly Moment[], deps: Deps): Promise<Reviewed[]> {
  const reviewed = new Map<string, Reviewed>(answers.map((a) => [a.id, { id: a.id, text: a.text, proposed: a.proposed, confirmed: null }]));
  const moments = pickMoments(answers);
  if (moments.length === 0) return [...reviewed.values()];
  const { style } = deps.stdout;
  const out = (s: string) => deps.stdout.write(s);
  // A reason cut at the edge of the terminal reads better than one wrapped mid-word.
  const width = Math.max(40, deps.stdout.columns - 4);
  out(`\n${style.dim('── What stood out ─────────────────────────────────────')}\n`);
  const reasons = moments.map((m) => reasonLines(m.proposed.evidence, 3).map((r) => `why: ${r}`));
  // Cut by the columns a terminal gives them, so a Japanese question or quote fits its line too.
  const fit = await fitFor([...moments.map((m) => safeLine(m.question)), ...reasons.flat()]);
  for (const [i, m] of moments.entries()) {
    // The badge, two spaces, `after "…"`: the question gets what is left of the line.
    const room = width - m.proposed.label.length - 12;
    out(`\n ${labelBadge(m.proposed.label, deps.stdout)}  ${style.dim(`after "${fit.cut(safeLine(m.question), Math.max(20, room))}"`)}\n`);
    out(`   ${await wrapQuote('"', `${truncate(safeLine(m.proposed.sentence ?? m.text), Math.max(200, width))}"`, width, '    ')}\n`);
    for (const reason of reasons[i]!) out(`   ${style.dim(fit.cut(reason, width))}\n`);
  }
  out(`\n   ${style.dim(truncate('The other answers keep reflect’s labels; `reflect label <id>` changes any.', width))}\n`);
  const prompter = await deps.prompter();
  const decided = new Map<string, Label>();
  for (;;) {
    const choice = await prompter.choose<'all' | 'change' | 'skip' | 'done'>({
      message: decided.size ? 'Anything else?' : moments.length === 1 ? 'Is that how you see it?' : 'Are these how you see them?',
      choices: [
        { value: decided.size ? 'done' : 'all', label: decided.size ? 'Done (the rest as proposed)' : moments.length === 1 ? 'Yes, as proposed' : 'All as proposed' },
        { value: 'change', label: 'Change one…' },
        { value: 'skip', label: 'Skip (decide later)' },
      ],
    });
    if (choice === 'skip') break;
    if (choice === 'all' || choice === 'done') {
      for (const m of moments) if (!decided.has(m.id)) decided.set(m.id, m.proposed.label);
      break;
    }
    const which = moments.length === 1 ? moments[0]! : await prompter.choose<Moment>({
      message: 'Which one?',
      choices: moments.map((m) => ({ value: m, label: `${m.proposed.label}: "${truncate(m.proposed.sentence ?? m.text, 60)}"` })),
    });
    const label = await prompter.choose<Label>({
      message: 'What is it for you?',
      choices: LABELS.map((l) => ({ value: l, label: labelWords(l) })),
      initial: which.proposed.label,
    });
    decided.set(which.id, label);
  }
  for (const [id, label] of decided) {
    confirmLabel(db, id, label, deps.now());
    reviewed.get(id)!.confirmed = label;
  }
  // One celebration for the set, however many were confirmed with one keypress.
  const breakthroughs = moments.filter((m) => decided.get(m.id) === 'breakthrough').map((m) => ({ id: m.id, sentence: m.proposed.sentence }));
  if (breakthroughs.length) (await import('./celebrate.js')).celebrateBreakthroughs(db, breakthroughs, deps);
  return [...reviewed.values()];
}
