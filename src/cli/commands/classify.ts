import { Command } from 'commander';
import { shortId } from '../../core/entry.js';
import { invalidInput, usageError } from '../../core/errors.js';
import type { Classification } from '../../core/classifier/classify.js';
import type { AnswerContext } from '../../core/classifier/context.js';
import type { Proposal } from '../../store/classifications.js';
import type { StoredText } from '../../store/classify-entries.js';
import { reasonLines } from '../../ui/evidence.js';
import { printJsonLine } from '../../ui/json.js';
import { classifiedJsonLine, FINISHERS, type Finished, type FinishName, type Job } from '../classify-finish.js';
import { labelBadge } from '../../ui/render.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, positiveInt, toFilter, type FilterOptions } from '../filters.js';

export interface ClassifyOptions extends FilterOptions {
  text: string[];
  entries?: boolean;
  limit?: number;
  json?: boolean;
  jsonl?: boolean;
  question?: string;
  /** With --entries: say what would change, save nothing. */
  dryRun?: boolean;
}

export function classifyCommand(): Command {
  const command = new Command('classify')
    .description('propose a label (breakthrough, skill, challenge, external, neutral) with the reasons')
    .argument('[text...]', 'the text to classify; "-" reads stdin, one entry per line')
    .option('--entries', 'classify the stored entries the filters select, and print what changed')
    .option('-n, --limit <n>', 'with --entries: at most this many entries', positiveInt)
    .option('--dry-run', 'with --entries: print what would change, and save nothing')
    .option('-q, --question <text>', 'the question the text answers: an answer is read with its question')
    .option('--jsonl', 'with "-": read one JSON object a line, {"text": "…", "question": "…"} (question optional); write one JSON object a line, in order')
    .option('--json', 'one JSON object per line: label, confidence, evidence, suggestions');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect classify "I always thought I was lazy, but I was afraid of failing."',
        'cat lines.txt | reflect classify - --json',
        'reflect classify -q "What matters to you?" "Being trusted, not the title"',
        'echo \'{"text": "nothing", "question": "Why?"}\' | reflect classify - --jsonl',
        'reflect classify --entries --from 2026-01-01',
        'reflect classify --entries --dry-run     # what a new model would change'
      ),
    )
    .action(async (text: string[], options: Omit<ClassifyOptions, 'text'>, cmd: Command) => runClassify({ ...options, text }, depsFor(cmd)));
}

export async function runClassify(options: ClassifyOptions, deps: Deps): Promise<void> {
  const { classifierFrom, BREAKTHROUGH_BAR, SESSION_BAR } = await import('../classifier-for.js');
  if (options.entries) {
    if (options.text.length) throw usageError('give either text to classify or --entries, not both');
    return classifyStored(options, deps);
  }
  if (options.dryRun) throw usageError('--dry-run is for --entries: text given to classify is never saved anyway');
  if (options.text.length === 0) throw usageError('give text to classify, "-" to read lines from stdin, or --entries');
  const fromStdin = options.text.length === 1 && options.text[0] === '-';
  if (options.jsonl && !fromStdin) throw usageError('--jsonl reads JSON lines from stdin: reflect classify - --jsonl');
  if (options.jsonl && options.question !== undefined) throw usageError('with --jsonl, each line carries its own "question"; leave out --question');
  if (options.question !== undefined && options.question.trim() === '') throw usageError('--question is empty; give the question the text answers');
  const db = await deps.journal('read');
  const { writerLabelled } = await import('../../store/classifications.js');
  const labelled = writerLabelled(db);
  const classify = classifierFrom(labelled);
  const { suggestActions } = await import('../../core/actions.js');
  const asJson = options.json || options.jsonl;
  const show = (text: string, result: Classification, question = options.question, write = (s: string) => deps.stdout.write(s)) => {
    if (asJson) return write(classifiedJsonLine(text, question, result));
    const [next] = suggestActions(result.label, null, () => undefined);
    write(explain(result, deps, question ? SESSION_BAR : BREAKTHROUGH_BAR) + `  ${deps.stdout.style.dim('next:')} ${next!.text}\n`);
  };
  const context = options.question !== undefined ? { question: options.question } : null;
  if (fromStdin) {
    const { stdinLines } = await import('../stdin-text.js');
    const { MAX_ENTRY_BYTES } = await import('../../core/limits.js');
    const { BATCH, classifyInBatches, inOrder } = await import('../classify-pool.js');
    const out = batched(deps);
    // What was read, the question to print with it, and the context it is read with (an empty
    // question, on a --jsonl line, is printed but reads as no question).
    type Line = { text: string; question: string | undefined; context: AnswerContext | null };
    // Line by line, strictly UTF-8, and no line past an entry's size: a huge or binary stream fails fast.
    async function* lines(): AsyncGenerator<Line[]> {
      let batch: Line[] = [];
      let n = 0;
      try {
        for await (const line of stdinLines(deps.stdin, MAX_ENTRY_BYTES)) {
          n++;
          if (line.trim() === '') continue;
          const read = options.jsonl ? jsonLine(line, n) : { text: line, question: options.question };
          if (read.text.trim() === '') continue;
          batch.push({ text: read.text, question: read.question, context: options.jsonl ? (read.question ? { question: read.question } : null) : context });
          if (batch.length === BATCH) yield batch, (batch = []);
        }
      } catch (error) {
        // Whatever was read before a bad line is classified and printed, then the error.
        if (batch.length) yield batch;
        throw error;
      }
      if (batch.length) yield batch;
    }
    const job = (line: Line) => ({ text: line.text, context: line.context, ...(line.question !== undefined ? { question: line.question } : {}) });
    // The JSON lines are written where the lines are classified (the workers, on a long run):
    // the main thread then only reads and writes.
    const classifyLines = async <F extends FinishName>(finish: F, done: (batch: Line[], results: Finished<F>[]) => void) => {
      const finished = FINISHERS[finish] as (job: Job, result: Classification) => Finished<F>;
      const run = classifyInBatches(labelled, (batch: Line[]) => batch.map((line) => finished(job(line), classify(line.text, line.context))), Infinity, { finish });
      try {
        await inOrder(lines(), (batch) => run.run(batch, job), done, run.depth);
      } finally {
        await run.close();
      }
    };
    try {
      if (asJson) await classifyLines('jsonLine', (_batch, printed) => out.write(printed.join('')));
      else await classifyLines('classification', (batch, results) => batch.forEach((line, i) => show(line.text, results[i]!, line.question, out.write)));
    } finally {
      out.flush();
    }
    return;
  }
  const text = options.text.join(' ');
  show(text, classify(text, context));
}

/** One line of --jsonl input; a bad line stops the run with its number, after what came before is printed. */
function jsonLine(line: string, n: number): { text: string; question?: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw invalidInput(`line ${n} of stdin is not JSON; --jsonl reads one {"text": "…", "question": "…"} a line`);
  }
  const record = value as { text?: unknown; question?: unknown };
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof record.text !== 'string') {
    throw invalidInput(`line ${n} of stdin has no "text": --jsonl reads one {"text": "…", "question": "…"} a line`);
  }
  if (record.question !== undefined && record.question !== null && typeof record.question !== 'string') throw invalidInput(`line ${n} of stdin: "question" must be text`);
  return { text: record.text, ...(typeof record.question === 'string' ? { question: record.question } : {}) };
}

/** When a breakthrough was the likeliest label but was not proposed, say why: the writer decides. */
export function breakthroughConsidered(result: Classification, bar: number): string | null {
  const p = Math.round(result.probabilities.breakthrough * 100);
  if (result.heldBack === 'below-bar') return `considered a breakthrough (${p}%), below the ${Math.round(bar * 100)}% needed to propose one`;
  if (result.heldBack === 'no-reason') return `considered a breakthrough (${p}%) from word choice alone, with no sign of a new understanding`;
  return null;
}

/** The label with its reasons, as the writer sees it. */
export function explain(result: Classification, deps: Deps, bar: number): string {
  const { style } = deps.stdout;
  // A label proposed because a likelier one had no reason to show is a fallback: no "% sure" for it.
  // Compared unrounded: the confidence shown is rounded, and can sit just under its own probability.
  const likeliest = Object.values(result.probabilities).every((p) => p <= result.probabilities[result.label]);
  const sureness = likeliest ? `${Math.round(result.confidence * 100)}% sure` : 'unsure';
  const lines = [`${labelBadge(result.label, deps.stdout)} ${style.dim(`(${sureness})`)}`];
  if (result.sentence) lines.push(`  ${style.dim('strongest:')} "${safeLine(result.sentence)}"`);
  const considered = breakthroughConsidered(result, bar);
  if (considered) lines.push(`  ${style.dim(considered)}`);
  for (const reason of reasonLines(result.evidence)) lines.push(`  ${style.dim('why:')} ${reason}`);
  return `${lines.join('\n')}\n`;
}

async function classifyStored(options: ClassifyOptions, deps: Deps): Promise<void> {
  if (options.question !== undefined || options.jsonl) throw usageError('--question and --jsonl are for text given to classify; stored answers are read with their own questions');
  const { classifierFrom, MODEL_VERSION } = await import('../classifier-for.js');
  const { countEntries, entryPages, sessionContexts } = await import('../../store/classify-entries.js');
  const { modelLabelSaver, writerLabelled } = await import('../../store/classifications.js');
  const { progressBar } = await import('../../ui/progress.js');
  const { classifyInBatches, inOrder } = await import('../classify-pool.js');
  const filter = { ...(await toFilter(options, deps.now())), ...(options.limit ? { limit: options.limit } : {}) };
  // A dry run opens the journal read-only: nothing it does can save.
  const db = await deps.journal(options.dryRun ? 'read' : 'update');
  const labelled = writerLabelled(db);
  const classify = classifierFrom(labelled);
  const save = options.dryRun ? () => {} : modelLabelSaver(db);
  const byLabel = new Map<string, number>();
  let ownKept = 0;
  const contextOf = sessionContexts(db);
  const now = deps.now();
  const total = countEntries(db, filter);
  const progress = progressBar(deps.stderr, total, 'entries');
  let seen = 0;
  let changed = 0;
  const out = batched(deps, progress.clear);
  type Stored = { entry: StoredText; context: AnswerContext | null };
  // Contexts are read here, on the thread that holds the journal; workers only classify.
  const pages = (function* () {
    for (const page of entryPages(db, filter)) yield page.map((entry): Stored => ({ entry, context: entry.sessionId ? contextOf(entry.sessionId, entry.id) : null }));
  })();
  // The workers hand back what is saved, the evidence already as JSON: this thread only saves.
  const toJob = ({ entry, context }: Stored): Job => ({ text: entry.text, context });
  const classifyPage = classifyInBatches(labelled, (page: Stored[]) => page.map((stored) => FINISHERS.proposal(toJob(stored), classify(stored.entry.text, stored.context))), total, { finish: 'proposal' });
  const done = (page: Stored[], results: Proposal[]) => {
    db.transaction(() => {
      page.forEach(({ entry }, i) => save(entry.id, results[i]!, MODEL_VERSION, now));
    })();
    page.forEach(({ entry }, i) => {
      const result = results[i]!;
      seen++;
      if (entry.modelLabel === result.label) return;
      changed++;
      byLabel.set(result.label, (byLabel.get(result.label) ?? 0) + 1);
      if (entry.userLabel) ownKept++;
      const line = { id: entry.id, before: entry.modelLabel, after: result.label, confidence: result.confidence, writerLabel: entry.userLabel };
      out.write(
        options.json
          ? printJsonLine(line)
          : `${deps.stdout.style.yellow(shortId(entry.id))}  ${safeLine(entry.modelLabel ?? '(none)')} → ${result.label} ${deps.stdout.style.dim(`(${Math.round(result.confidence * 100)}%)`)}${entry.userLabel ? deps.stdout.style.dim(`  you said: ${safeLine(entry.userLabel)}`) : ''}\n`,
      );
    });
    progress.tick(seen);
  };
  try {
    await inOrder(pages, (page) => classifyPage.run(page, toJob), done, classifyPage.depth);
  } finally {
    await classifyPage.close();
  }
  progress.end();
  out.flush();
  if (!options.dryRun) {
    deps.stderr.write(`Classified ${seen} entr${seen === 1 ? 'y' : 'ies'}; ${changed} changed.\n`);
    return;
  }
  // Most first, ties by name, as `tags` orders its counts.
  const labels = [...byLabel].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([label, n]) => `${n} ${label}`);
  const { plural } = await import('../../core/plural.js');
  deps.stderr.write(
    `Dry run: of ${plural(seen, 'entry', 'entries')}, ${changed} would get a new or different proposed label${labels.length ? ` (${labels.join(', ')})` : ''}; nothing was saved.` +
      (ownKept ? ` ${plural(ownKept, 'of them carries', 'of them carry')} your own label, which stays.` : '') +
      '\n',
  );
}

/** Output gathered into writes of about 64 KB: one write a line would make printing, not classifying, the slow part. */
function batched(deps: Deps, beforeFlush: () => void = () => {}) {
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffer.length) {
      beforeFlush();
      deps.stdout.write(buffer.join(''));
    }
    buffer = [];
    size = 0;
  };
  return {
    write: (text: string) => {
      buffer.push(text);
      size += text.length;
      if (size >= 65_536) flush();
    },
    flush,
  };
}
