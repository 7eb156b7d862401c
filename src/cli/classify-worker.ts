// One worker of the classify pool (classify-pool.ts): classifies the batches it is sent with the
// same classifier the main thread uses, built from the same labelled examples.
import { parentPort, workerData } from 'node:worker_threads';
import type { PoolBatch, PoolResults, PoolSetup } from './classify-pool.js';
import { classifierFrom } from './classifier-for.js';

const classify = classifierFrom((workerData as PoolSetup).labelled);

parentPort!.on('message', ({ id, jobs }: PoolBatch) => {
  const results: PoolResults = { id, results: jobs.map((job) => classify(job.text, job.context)) };
  parentPort!.postMessage(results);
});
