import type { Classification } from '../core/classifier/classify.js';
import { LABELS, type Label } from '../core/prompt-set.js';
import { BREAKTHROUGH_BAR, MODEL_VERSION } from './classifier-for.js';
import { breakthroughConsidered } from './commands/classify.js';
import { confirmLabel, saveModelLabel } from '../store/classifications.js';
import type { Db } from '../store/journal.js';
import { reasonLines, wrapQuote } from '../ui/evidence.js';
import { labelBadge, truncate } from '../ui/render.js';
import { safeLine } from '../ui/safe-text.js';
import { labelPhrase } from '../ui/session-view.js';
import type { Deps } from './context.js';

export interface Reviewed {
  id: string;
  text: string;
  proposed: Classification;
  /** The writer's label, when they gave one. */
  confirmed: Label | null;
}

/**
 * The tool proposes, the person decides: each answer is classified and stored, then every
 * proposal that is not neutral is shown with its reasons, to confirm, change or skip.
 * Labels from an answers file stand for the writer's own word. `shouldAsk` narrows which
 * proposals are asked about; the others stay stored as the model's.
 */
export async function reviewLabels(
  db: Db,
  items: readonly { id: string; text: string; label?: Label }[],
  classify: (text: string) => Classification,
  deps: Deps,
  interactive: boolean,
  options: { shouldAsk?: (proposed: Classification) => boolean } = {},
): Promise<Reviewed[]> {
  const now = deps.now();
  const reviewed: Reviewed[] = items.map((item) => {
    const proposed = classify(item.text);
    saveModelLabel(db, item.id, proposed, MODEL_VERSION, now);
    if (item.label) confirmLabel(db, item.id, item.label, now);
    return { id: item.id, text: item.text, proposed, confirmed: item.label ?? null };
  });
  const worth = reviewed.filter((r) => r.proposed.label !== 'neutral' && !r.confirmed && (options.shouldAsk?.(r.proposed) ?? true));
  if (!interactive || worth.length === 0) return reviewed;

  const { style } = deps.stdout;
  const prompter = await deps.prompter();
  deps.stdout.write(`\n${style.dim('── What stood out ─────────────────────────────────────')}\n`);
  const breakthroughs: { id: string; sentence: string | null | undefined }[] = [];
  for (const r of worth) {
    const quote = r.proposed.sentence ?? r.text;
    const quoted = await wrapQuote(`${labelBadge(r.proposed.label, deps.stdout)}  "`, `${truncate(safeLine(quote), 200)}"`, deps.stdout.columns - 1, '    ');
    deps.stdout.write(`\n ${quoted}\n`);
    for (const reason of reasonLines(r.proposed.evidence, 3)) deps.stdout.write(`   ${style.dim(`why: ${reason}`)}\n`);
    const considered = breakthroughConsidered(r.proposed, BREAKTHROUGH_BAR);
    if (considered) deps.stdout.write(`   ${style.dim(`(${considered})`)}\n`);
    const choice = await prompter.choose<Label | 'skip'>({
      message: `Is this ${r.proposed.label === 'external' ? 'someone else’s conclusion' : `a ${r.proposed.label}`} for you?`,
      choices: [
        { value: r.proposed.label, label: 'Yes' },
        ...LABELS.filter((l) => l !== r.proposed.label).map((l) => ({ value: l, label: `No — it’s ${labelPhrase(l)}` })),
        { value: 'skip' as const, label: 'Skip' },
      ],
      initial: r.proposed.label,
    });
    if (choice !== 'skip') {
      confirmLabel(db, r.id, choice, deps.now());
      r.confirmed = choice;
      if (choice === 'breakthrough') breakthroughs.push({ id: r.id, sentence: r.proposed.sentence });
    }
  }
  if (breakthroughs.length) (await import('./celebrate.js')).celebrateBreakthroughs(db, breakthroughs, deps);
  return reviewed;
}

/** The label that counts: the writer's, else the model's. */
export const finalLabel = (r: Reviewed): Label => r.confirmed ?? r.proposed.label;
