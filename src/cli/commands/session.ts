import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { ReflectError, invalidInput, notFound, usageError } from '../../core/errors.js';
import { setFromSnapshot, type Label, type PromptSet } from '../../core/prompt-set.js';
import type { AnswerSource, GivenAnswer } from '../../core/session.js';
import type { Db } from '../../store/journal.js';
import type { SetFile } from '../../prompts/library.js';
import type { Reviewed } from '../review.js';
import {
  finishSession,
  getMeta,
  openSessions,
  recordAnswer,
  sessionAnswers,
  setMeta,
  type NewSession,
  type StoredSession,
} from '../../store/sessions.js';
import { intro, outro, savedLine } from '../../ui/session-view.js';
import { safeLine } from '../../ui/safe-text.js';
import { plural } from '../../core/plural.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface SessionOptions {
  set?: string;
  answers?: string;
  resume?: boolean;
  prompts?: string;
  json?: boolean;
}

export const DEFAULT_SET = 'breakthrough';

export function sessionCommand(): Command {
  return new Command('session')
    .description('a guided reflection: a prompt set asks, you answer, every answer is saved at once')
    .argument('[set]', 'a prompt set id (see `reflect prompts list`) or a .yaml file')
    .option('--answers <file>', 'answer from a YAML or JSON file (question id: answer) instead of a terminal; - reads it from stdin')
    .option('--resume', 'continue the most recent unfinished session')
    .option('--json', "with --answers: print one JSON object (the session id, the answers saved, and the session's moments) instead of the transcript")
    .addHelpText(
      'after',
      examples(
        'reflect                         # on a terminal: choose a set and begin',
        'reflect session daily',
        'reflect session ./my-set.yaml',
        'reflect session --resume',
        'reflect session unstuck --answers answers.yaml',
        'reflect session breakthrough --answers a.yaml --json  # what stands out?',
      ),
    )
    .action(async (set: string | undefined, options: Omit<SessionOptions, 'set'>, cmd: Command) =>
      runSession({ ...options, set, prompts: cmd.optsWithGlobals().prompts }, depsFor(cmd)),
    );
}

export async function runSession(options: SessionOptions, deps: Deps): Promise<void> {
  if (!options.answers && !deps.interactive) {
    throw usageError('a guided session needs a terminal to ask on; give answers with --answers <file>, or see `reflect session --help`');
  }
  if (options.resume && (options.set || options.answers)) throw usageError('--resume continues a session as it was; leave out the set and --answers');
  if (options.json && !options.answers) throw usageError('--json prints a session run from an answers file; add --answers <file>');
  const configured = deps.config.config.set;
  if (options.answers && !options.set && !configured) throw usageError('with --answers, name the set to answer: reflect session <set> --answers <file>');
  // An answers file is checked in full before the journal is even opened: nothing half-valid is saved.
  const chosen = options.answers ? (options.set ? await findNamedSet(options.set, options, deps) : await configuredSet(options, deps)) : null;
  const scripted = chosen ? await scriptedSource(chosen.set, options.answers!, deps) : null;
  const db = await deps.journal('write');
  const interactive = !options.answers;
  if (interactive) {
    const { followUpDue } = await import('../follow-up.js');
    await followUpDue(db, deps);
  }
  // An answers file answers a new session of its own set: it never continues an unfinished one.
  const started = options.resume ? resumable(db) : options.answers ? null : await offerResume(db, deps);
  // A new session on a terminal with no set named: an open loop may be offered first (loop-offer.ts).
  const loop = !started && interactive && !options.set ? await (await import('../loop-offer.js')).offerLoop(db, options.prompts, deps) : null;
  const { set, session, prior } = started ?? (await startNew(db, options, deps, chosen ?? loop?.file ?? null));
  const printed = scripted && !options.json ? transcript(set, scripted.source, deps) : null;
  const source = printed?.source ?? scripted?.source ?? (await promptedSource(deps, loop?.initial));

  if (prior.length) deps.stdout.write(`\nResuming ${deps.stdout.style.bold(safeLine(set.title))} (${plural(prior.length, 'answer')} kept).\n\n`);
  else if (!options.answers) deps.stdout.write(intro(set, deps.stdout));
  const { runSession: walk } = await import('../../core/session.js');
  let saved = prior.length;
  let finished = false;
  try {
    const answers = await walk(set, source, (answer: GivenAnswer) => {
      recordAnswer(db, session, answer, deps.now());
      saved++;
      printed?.saved(answer);
    }, prior);
    if (answers.length === 0) {
      if (options.json) deps.stdout.write((await import('../../ui/json.js')).printJson({ session: null, set: set.id, answers: [], moments: [] }));
      else deps.stdout.write('\nNothing was answered; nothing was saved.\n');
      return;
    }
    finishSession(db, session.id, deps.now());
    finished = true;
    setMeta(db, 'last_set', set.id);
    const reviewed = await reviewAndCommit(db, set, session.id, scripted, deps, Boolean(options.json));
    if (options.json) return;
    const { finalLabel } = await import('../review.js');
    const breakthroughs = reviewed.filter((r) => finalLabel(r) === 'breakthrough').length;
    const extra = breakthroughs ? `, ${breakthroughs} breakthrough${breakthroughs === 1 ? '' : 's'}` : '';
    deps.stdout.write(outro(set, deps.stdout) + savedLine(session.id, answers.length, deps.stdout, extra));
    (await import('../celebrate.js')).celebrateStreak(db, deps);
  } catch (error) {
    // Ctrl-C, or the terminal closing under a question: say what is kept, and how to go on.
    if (error instanceof ReflectError && (error.kind === 'interrupted' || error.kind === 'hung-up')) {
      const stopped = (message: string) => new ReflectError(error.kind, message);
      if (finished) throw stopped(`stopped; ${saved === 1 ? 'the answer is' : `all ${saved} answers are`} saved (\`reflect show ${session.id.slice(0, 8)}\`)`);
      throw stopped(
        saved > 0
          ? `stopped; ${saved} answer${saved === 1 ? ' is' : 's are'} saved. Continue with \`reflect session --resume\``
          : 'stopped; nothing was saved',
      );
    }
    throw error;
  }
}

interface Started {
  set: PromptSet;
  session: NewSession;
  prior: GivenAnswer[];
}

function continueSession(db: Db, stored: StoredSession): Started {
  return { set: setFromSnapshot(stored.setSnapshot), session: stored, prior: sessionAnswers(db, stored.id) };
}

function resumable(db: Db): Started {
  const [latest] = openSessions(db);
  if (!latest) throw notFound('there is no unfinished session to resume');
  return continueSession(db, latest);
}

async function offerResume(db: Db, deps: Deps): Promise<Started | null> {
  const [latest] = openSessions(db);
  if (!latest || !deps.interactive) return null;
  const answered = sessionAnswers(db, latest.id).filter((a) => a.depth === 0).length;
  const prompter = await deps.prompter();
  const resume = await prompter.confirm({
    message: `You have an unfinished session: ${latest.setTitle} (${answered} answered). Continue it?`,
    initial: true,
  });
  return resume ? continueSession(db, latest) : null;
}

async function findNamedSet(name: string, options: SessionOptions, deps: Deps) {
  const { findSet, loadLibrary, promptSources } = await import('../../prompts/library.js');
  return findSet(name, loadLibrary(promptSources(options.prompts, deps.env)));
}

/** The config's `set`, which a bare `reflect` starts without asking; a set that isn't there is pointed at in the config. */
async function configuredSet(options: SessionOptions, deps: Deps, known?: SetFile[]): Promise<SetFile & { set: PromptSet }> {
  const { findSet, loadLibrary, promptSources } = await import('../../prompts/library.js');
  const library = known ?? loadLibrary(promptSources(options.prompts, deps.env));
  const { id, at } = deps.config.config.set!;
  if (!library.some((f) => f.id === id)) {
    const { suggestion } = await import('../../core/did-you-mean.js');
    throw notFound(`${deps.config.path}:${at.line}:${at.col}: set: no prompt set "${id}"${suggestion(id, library.map((f) => f.id))}; see \`reflect prompts list\``);
  }
  return findSet(id, library);
}

async function startNew(db: Db, options: SessionOptions, deps: Deps, chosen: (SetFile & { set: PromptSet }) | null): Promise<Started> {
  const file = chosen ?? (await pickSet(db, options, deps));
  const session: NewSession = {
    id: randomUUID(),
    setId: file.set.id,
    setTitle: file.set.title,
    setVersion: file.set.version ?? null,
    setHash: file.hash,
    setSnapshot: JSON.stringify(file.set),
    startedAt: deps.now(),
  };
  return { set: file.set, session, prior: [] };
}

/** The set named on the command line, or (on a terminal) the one the person picks. */
async function pickSet(db: Db, options: SessionOptions, deps: Deps): Promise<SetFile & { set: PromptSet }> {
  const { findSet, loadLibrary, promptSources } = await import('../../prompts/library.js');
  const library = loadLibrary(promptSources(options.prompts, deps.env));
  let name = options.set;
  if (!name && deps.config.config.set) return configuredSet(options, deps, library);
  if (!name) {
    const valid = library.filter((f) => f.set);
    const last = getMeta(db, 'last_set');
    const initial = valid.find((f) => f.id === last)?.id ?? valid.find((f) => f.id === DEFAULT_SET)?.id;
    const prompter = await deps.prompter();
    name = await prompter.choose({
      message: 'Which set?',
      choices: valid.map((f) => ({
        value: f.id,
        label: `${f.id} — ${f.set!.title}${f.id === last ? ' (used last)' : ''}`,
        hint: f.set!.description,
      })),
      initial,
    });
  }
  return findSet(name, library);
}

async function promptedSource(deps: Deps, initial?: Record<string, string>): Promise<AnswerSource> {
  const { promptedAnswers } = await import('../../core/prompted-answers.js');
  return promptedAnswers(await deps.prompter(), initial);
}

/**
 * With --answers, the flow is printed as it runs, so a coach sees what was asked and how refs
 * read. An answer's line is printed only once it is saved: a kill right after it loses nothing shown.
 */
function transcript(set: PromptSet, source: AnswerSource, deps: Deps) {
  const { style } = deps.stdout;
  return {
    source: {
      async answer(question, asked) {
        const value = await source.answer(question, asked);
        const { isAnswered } = await import('../../core/conditions.js');
        if (!isAnswered(value)) deps.stdout.write(`${style.dim(`[${asked.position}/${asked.total}]`)} ${safeLine(asked.text)}\n  › ${style.dim('(skipped)')}\n`);
        return value;
      },
      probe: (question, probe, depth) => source.probe(question, probe, depth),
    } satisfies AnswerSource,
    saved(answer: GivenAnswer) {
      if (answer.depth > 0) deps.stdout.write(`  ↳ ${safeLine(answer.question)}\n    › ${safeLine(answer.text)}\n`);
      else deps.stdout.write(`${style.dim(`[${answer.position + 1}/${set.questions.length}]`)} ${safeLine(answer.question)}\n  › ${safeLine(answer.text)}\n`);
    },
  };
}

/**
 * After the questions: every free-text answer is classified with its question, the session's
 * moments (at most three) are put forward for the writer to confirm in one keypress (or the
 * answers file gives labels), and a next step is offered and committed.
 */
async function reviewAndCommit(db: Db, set: PromptSet, sessionId: string, scripted: Scripted | null, deps: Deps, json: boolean): Promise<Reviewed[]> {
  const { finalLabel } = await import('../review.js');
  const { classifierFor, MODEL_VERSION } = await import('../classifier-for.js');
  const { sessionEntries } = await import('../../store/sessions.js');
  const { modelLabelSaver, confirmLabel } = await import('../../store/classifications.js');
  const { answerContexts } = await import('../../core/moments.js');
  const typeOf = (id: string) => set.questions.find((q) => q.id === id)?.type ?? 'text';
  const all = sessionEntries(db, sessionId);
  const answers = all
    .filter((e) => e.session!.depth > 0 || ['text', 'long'].includes(typeOf(e.session!.questionId)))
    .map((e) => ({ id: e.id, questionId: e.session!.questionId, question: e.session!.question, depth: e.session!.depth, text: e.text }));
  const contexts = answerContexts(set, answers);
  const classify = classifierFor(db);
  const now = deps.now();
  const moments = answers.map((a) => ({ ...a, proposed: classify(a.text, contexts.get(a.id)) }));
  const save = modelLabelSaver(db);
  for (const m of moments) save(m.id, m.proposed, MODEL_VERSION, now);
  let reviewed: Reviewed[];
  if (scripted) {
    reviewed = moments.map((m) => {
      const label = m.depth === 0 ? scripted.labels.get(m.questionId) : undefined;
      if (label) confirmLabel(db, m.id, label, now);
      return { id: m.id, text: m.text, proposed: m.proposed, confirmed: label ?? null };
    });
  } else {
    const { reviewMoments } = await import('../moments-review.js');
    reviewed = await reviewMoments(db, moments, deps);
  }
  // "nothing really" is an answer to keep, not one to quote in a suggestion.
  const saidNothing = new Set(moments.filter((m) => m.proposed.evidence.some((e) => e.rule === 'nothing-seen')).map((m) => m.id));
  const answerText = (id: string) => all.find((e) => e.session!.questionId === id && e.session!.depth === 0 && !saidNothing.has(e.id))?.text;
  if (scripted?.commit) {
    const { commitAction } = await import('../../store/actions.js');
    const { parseWhen } = await import('../../core/when.js');
    const { focusOf } = await import('../next-step.js');
    const focus = focusOf(reviewed);
    const dueAt = (await parseWhen(scripted.commit.due, deps.now(), { prefer: 'future' })).date;
    commitAction(db, { text: scripted.commit.action, label: focus ? finalLabel(focus) : null, entryId: focus?.id ?? null, sessionId, dueAt }, deps.now());
  } else if (!scripted && !json) {
    const { offerNextStep } = await import('../next-step.js');
    await offerNextStep(db, reviewed, { set, sessionId, answerText }, deps);
  }
  if (json) {
    const { pickMoments } = await import('../../core/moments.js');
    const { printJson } = await import('../../ui/json.js');
    // Read back once, after the labels were saved: each answer's label and whose it is.
    const saved = sessionEntries(db, sessionId);
    deps.stdout.write(
      printJson({
        session: sessionId,
        set: set.id,
        answers: saved.map((e) => ({ id: e.id, questionId: e.session!.questionId, question: e.session!.question, depth: e.session!.depth, text: e.text, label: e.label, labelSource: e.labelSource })),
        moments: pickMoments(moments).map((m) => ({
          id: m.id,
          questionId: m.questionId,
          question: m.question,
          depth: m.depth,
          text: m.proposed.sentence ?? m.text,
          answer: m.text,
          label: m.proposed.label,
          confidence: m.proposed.confidence,
          evidence: m.proposed.evidence,
        })),
      }),
    );
  }
  return reviewed;
}

interface Scripted {
  source: AnswerSource;
  labels: Map<string, Label>;
  commit: { action: string; due: string } | null;
}

async function scriptedSource(set: PromptSet, path: string, deps: Deps): Promise<Scripted> {
  const { readTextFile } = await import('../../prompts/text-file.js');
  const { readYaml } = await import('../../core/yaml-source.js');
  const { checkScriptedAnswers, scriptedAnswers } = await import('../../core/scripted-answers.js');
  // Read as strictly as a prompt file: linear duplicate-key check, no alias bombs, no runaway nesting.
  // `--answers -`: the answers are piped in (stdin is free: no terminal is asked with --answers).
  const text = path === '-' ? await (await import('../stdin-text.js')).readStdinText(deps.stdin, (await import('../../prompts/text-file.js')).MAX_TEXT_BYTES, 'an answers file') : readTextFile(path, 'answers file');
  const { doc, problems: yamlProblems } = readYaml(text);
  const [first] = yamlProblems;
  if (!doc || first) throw invalidInput(`can't read the answers in ${path}: line ${first!.line}, column ${first!.col}: ${first!.message}`);
  const raw: unknown = doc.toJS();
  const { answers, commit, problems } = checkScriptedAnswers(set, raw);
  if (commit) {
    // A due date that can't be read is found now, before anything is saved.
    const { parseWhen } = await import('../../core/when.js');
    try {
      await parseWhen(commit.due, deps.now(), { prefer: 'future' });
    } catch (error) {
      problems.push(`_commit: ${(error as Error).message}`);
    }
  }
  if (problems.length) {
    throw invalidInput(`the answers in ${path} don't fit the set "${set.id}"; nothing was saved: ${problems.join('; ')}`);
  }
  const labels = new Map<string, Label>();
  for (const [id, a] of answers) if (a.label) labels.set(id, a.label);
  return { source: scriptedAnswers(answers), labels, commit };
}
