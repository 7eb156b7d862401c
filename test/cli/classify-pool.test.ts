import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifiedJsonLine } from '../../src/cli/classify-finish.js';
import { classifyInBatches, classifyPool, inOrder, type Job } from '../../src/cli/classify-pool.js';
import { classify } from '../../src/core/classifier/classify.js';
import { trainLearned } from '../../src/core/classifier/learned.js';
import type { Label } from '../../src/core/prompt-set.js';

// Workers start from a file, so they run the build (npm test builds first), not these sources.
const WORKER = new URL('../../dist/cli/classify-worker.js', import.meta.url);

const corpus = readFileSync(new URL('../fixtures/corpus/heldout.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { text: string; label: Label; question?: string; elicits?: string; previous?: string[] });
const jobs: Job[] = corpus.slice(0, 400).map((e) => ({ text: e.text, context: e.question ? { question: e.question, elicits: e.elicits as never, previous: e.previous } : null }));
const labelled = corpus.slice(400, 430).map((e) => ({ text: e.text, label: e.label }));

describe('the classify pool', () => {
  it('gives exactly what classifying on the main thread gives, batch by batch, with the writer’s own labels', async () => {
    const pool = classifyPool({ labelled }, { workers: 2, script: WORKER });
    try {
      const batches = [jobs.slice(0, 150), jobs.slice(150, 151), jobs.slice(151)];
      const results = await Promise.all(batches.map((batch) => pool.classify(batch)));
      const learned = trainLearned(labelled);
      expect(results.flat()).toEqual(jobs.map((job) => classify(job.text, { learned, context: job.context })));
    } finally {
      await pool.close();
    }
  });

  it('hands back the finished JSON lines, or the rows to save, exactly as the main thread would make them', async () => {
    const some = jobs.slice(0, 60).map((job, i) => (i % 3 === 0 ? { ...job, question: job.context?.question ?? '' } : job));
    const expected = some.map((job) => classify(job.text, { context: job.context }));
    const lines = classifyPool({ labelled: [], finish: 'jsonLine' }, { workers: 2, script: WORKER });
    const rows = classifyPool({ labelled: [], finish: 'proposal' }, { workers: 1, script: WORKER });
    try {
      const printed = (await Promise.all([lines.classify(some.slice(0, 30)), lines.classify(some.slice(30))])).flat();
      expect(printed).toEqual(some.map((job, i) => classifiedJsonLine(job.text, job.question, expected[i]!)));
      // The question printed is the job's own, even an empty one.
      expect(JSON.parse(printed[0]!)).toMatchObject({ text: some[0]!.text, question: some[0]!.question, label: expected[0]!.label });
      const saved = await rows.classify(some);
      expect(saved).toEqual(expected.map((r) => ({ label: r.label, confidence: r.confidence, evidence: JSON.stringify(r.evidence) })));
    } finally {
      await Promise.all([lines.close(), rows.close()]);
    }
  });

  it('fails every batch waiting, with the reason, when a worker cannot start', async () => {
    const pool = classifyPool({ labelled: [] }, { workers: 1, script: new URL('./no-such-worker.js', WORKER) });
    try {
      await expect(pool.classify(jobs.slice(0, 2))).rejects.toThrow();
      await expect(pool.classify(jobs.slice(0, 2))).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });
});

describe('inOrder', () => {
  const result = (label: string) => ({ label }) as never;

  it('hands results out in the order the batches came, however they finish', async () => {
    const seen: string[] = [];
    const delays = [30, 0, 10, 0];
    await inOrder(
      delays.map((d, i) => [`batch ${i}`]),
      (batch) => new Promise((resolve) => setTimeout(() => resolve(batch.map(result)), delays[Number(batch[0]!.split(' ')[1])])),
      (batch) => void seen.push(batch[0]!),
      3,
    );
    expect(seen).toEqual(['batch 0', 'batch 1', 'batch 2', 'batch 3']);
  });

  it('still hands out what came before a bad batch, then fails with its error', async () => {
    const seen: string[] = [];
    async function* batches() {
      yield ['one'];
      yield ['two'];
      throw new Error('line 3 of stdin is not JSON');
    }
    await expect(inOrder(batches(), async (batch) => batch.map(result), (batch) => void seen.push(...batch), 4)).rejects.toThrow('line 3 of stdin is not JSON');
    expect(seen).toEqual(['one', 'two']);
  });
});

describe('classifyInBatches', () => {
  const inline = (batch: Job[]) => batch.map((job) => classify(job.text, { context: job.context }));
  const toJob = (job: Job) => job;

  it('goes on on the main thread, with the same results, when the workers cannot start', async () => {
    const run = classifyInBatches([], inline, 10_000, { script: new URL('./no-such-worker.js', WORKER) });
    try {
      const results = await run.run(jobs, toJob);
      expect(run.where()).toBe('main thread, after the workers failed');
      expect(results).toEqual(inline(jobs));
      // And stays there: no new pool is tried for later batches.
      expect(await run.run(jobs.slice(0, 3), toJob)).toEqual(inline(jobs.slice(0, 3)));
    } finally {
      await run.close();
    }
  });

  it('keeps a short run on the main thread, and gives a long one to the workers, with what the main thread would give', async () => {
    const short = classifyInBatches([], inline, 10, { script: WORKER });
    expect(await short.run(jobs.slice(0, 10), toJob)).toEqual(inline(jobs.slice(0, 10)));
    expect(short.where()).toBe('main thread');
    await short.close();
    const long = classifyInBatches([], inline, 10_000, { script: WORKER });
    try {
      expect(await long.run(jobs, toJob)).toEqual(inline(jobs));
      expect(long.where()).toBe('workers');
    } finally {
      await long.close();
    }
  });
});
