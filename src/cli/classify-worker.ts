// One worker of the classify pool (classify-pool.ts): classifies the batches it is sent with the
// same classifier the main thread uses, built from the same labelled examples, and finishes each
// result as the run asked (classify-finish.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { FINISHERS, type FinishName } from './classify-finish.js';
import type { PoolBatch, PoolResults, PoolSetup } from './classify-pool.js';
import { classifierFrom } from './classifier-for.js';

const setup = workerData as PoolSetup<FinishName>;
const classify = classifierFrom(setup.labelled);
const finish = FINISHERS[setup.finish ?? 'classification'];

parentPort!.on('message', ({ id, jobs }: PoolBatch) => {
  const results = { id, results: jobs.map((job) => finish(job, classify(job.text, job.context))) } as PoolResults;
  parentPort!.postMessage(results);
});
