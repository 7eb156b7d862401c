import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { ReflectError, interrupted, invalidInput, notFound, usageError } from '../../core/errors.js';
import type { PromptSet } from '../../core/prompt-set.js';
import type { AnswerSource, GivenAnswer } from '../../core/session.js';
import type { Db } from '../../store/journal.js';
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
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface SessionOptions {
  set?: string;
  answers?: string;
  resume?: boolean;
  prompts?: string;
}

export const DEFAULT_SET = 'breakthrough';

export function sessionCommand(): Command {
  return new Command('session')
    .description('a guided reflection: a prompt set asks, you answer, every answer is saved at once')
    .argument('[set]', 'a prompt set id (see `reflect prompts list`) or a .yaml file')
    .option('--answers <file>', 'answer from a YAML or JSON file (question id: answer) instead of a terminal')
    .option('--resume', 'continue the most recent unfinished session')
    .addHelpText(
      'after',
      examples(
        'reflect                         # on a terminal: choose a set and begin',
        'reflect session daily',
        'reflect session ./my-set.yaml',
        'reflect session --resume',
        'reflect session unstuck --answers answers.yaml',
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
  const db = await deps.journal('write');
  const started = options.resume ? resumable(db) : await offerResume(db, deps);
  const { set, session, prior } = started ?? (await startNew(db, options, deps));
  const source = options.answers ? transcript(await scriptedSource(set, options.answers), deps) : await promptedSource(deps);

  if (prior.length) deps.stdout.write(`\nResuming ${deps.stdout.style.bold(set.title)} (${prior.length} answers kept).\n\n`);
  else if (!options.answers) deps.stdout.write(intro(set, deps.stdout));
  const { runSession: walk } = await import('../../core/session.js');
  let saved = prior.length;
  try {
    const answers = await walk(set, source, (answer: GivenAnswer) => {
      recordAnswer(db, session, answer, deps.now());
      saved++;
    }, prior);
    if (answers.length === 0) {
      deps.stdout.write('\nNothing was answered; nothing was saved.\n');
      return;
    }
    finishSession(db, session.id, deps.now());
    setMeta(db, 'last_set', set.id);
    deps.stdout.write(outro(set, deps.stdout) + savedLine(session.id, answers.length, deps.stdout));
  } catch (error) {
    if (error instanceof ReflectError && error.kind === 'interrupted') {
      throw interrupted(
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
  return { set: JSON.parse(stored.setSnapshot) as PromptSet, session: stored, prior: sessionAnswers(db, stored.id) };
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

async function startNew(db: Db, options: SessionOptions, deps: Deps): Promise<Started> {
  const { findSet, loadLibrary, promptSources } = await import('../../prompts/library.js');
  const library = loadLibrary(promptSources(options.prompts, deps.env));
  let name = options.set;
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
  const file = findSet(name, library);
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

async function promptedSource(deps: Deps): Promise<AnswerSource> {
  const { promptedAnswers } = await import('../../core/prompted-answers.js');
  return promptedAnswers(await deps.prompter());
}

/** With --answers, the flow is printed as it runs, so a coach sees what was asked and how refs read. */
function transcript(source: AnswerSource, deps: Deps): AnswerSource {
  const { style } = deps.stdout;
  return {
    async answer(question, asked) {
      const value = await source.answer(question, asked);
      const { answerText } = await import('../../core/session.js');
      deps.stdout.write(`${style.dim(`[${asked.position}/${asked.total}]`)} ${asked.text}\n  › ${answerText(question, value) || style.dim('(skipped)')}\n`);
      return value;
    },
    async probe(question, probe, depth) {
      const reply = await source.probe(question, probe, depth);
      if (reply) deps.stdout.write(`  ↳ ${probe}\n    › ${reply}\n`);
      return reply;
    },
  };
}

async function scriptedSource(set: PromptSet, path: string): Promise<AnswerSource> {
  const { parse } = await import('yaml');
  const { checkScriptedAnswers, scriptedAnswers } = await import('../../core/scripted-answers.js');
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw notFound(`no answers file at ${path}`);
    throw invalidInput(`can't read the answers in ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const { answers, problems } = checkScriptedAnswers(set, raw);
  if (problems.length) {
    throw invalidInput(`the answers in ${path} don't fit the set "${set.id}"; nothing was saved: ${problems.join('; ')}`);
  }
  return scriptedAnswers(answers);
}
