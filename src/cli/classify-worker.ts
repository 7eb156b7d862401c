// One worker of the classify pool (classify-pool.ts): classifies the batches it is sent with the
// same classifier the main thread would use, built from the same labelled examples.
import { parentPort, workerData } from 'node:worker_threads';
import { classify } from '../core/classifier/classify.js';
import { MIN_EXAMPLES, trainLearned } from '../core/classifier/learned.js';
import type { PoolBatch, PoolResults, PoolSetup } from './classify-pool.js';

const { labelled } = workerData as PoolSetup;
const learned = labelled.length >= MIN_EXAMPLES ? trainLearned(labelled) : null;

parentPort!.on('message', ({ id, jobs }: PoolBatch) => {
  const results: PoolResults = { id, results: jobs.map((job) => classify(job.text, { learned, context: job.context })) };
  parentPort!.postMessage(results);
});
