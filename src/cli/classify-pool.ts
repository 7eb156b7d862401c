import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Label } from '../core/prompt-set.js';
import type { Finished, FinishName, Job } from './classify-finish.js';

/**
 * Classifying thousands of entries (`classify -`, `classify --entries`) on every core: batches go
 * to worker threads, and come back in the order they were sent. Each worker builds the journal's
 * classifier from the same labelled examples, and classifying is deterministic, so the results
 * are exactly those of classifying on the main thread. Small runs stay on the main thread, where
 * starting workers would cost more than it saves.
 */
export type { Job } from './classify-finish.js';

/**
 * What a worker is started with: the writer's own labels, for the journal's learned model, and
 * what to make of each result before sending it back (see classify-finish.ts).
 */
export interface PoolSetup<F extends FinishName = 'classification'> {
  labelled: { text: string; label: Label }[];
  finish?: F;
}
export interface PoolBatch {
  id: number;
  jobs: Job[];
}
export interface PoolResults<F extends FinishName = FinishName> {
  id: number;
  results: Finished<F>[];
}

/** Entries in one batch: enough to make a message's cost small next to classifying them. */
export const BATCH = 256;

/** Below this many entries, workers are not worth starting. */
export const WORTH_A_POOL = 2 * BATCH;

export interface ClassifyPool<F extends FinishName = 'classification'> {
  classify(jobs: Job[]): Promise<Finished<F>[]>;
  close(): Promise<void>;
}

export function classifyPool<F extends FinishName = 'classification'>(setup: PoolSetup<F>, options: { workers?: number; script?: URL } = {}): ClassifyPool<F> {
  const script = options.script ?? new URL('./classify-worker.js', import.meta.url);
  const count = options.workers ?? Math.max(1, Math.min(availableParallelism(), 8));
  const waiting = new Map<number, { resolve: (r: Finished<F>[]) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  // Started as batches come, so a run of three batches starts three workers, not one a core.
  const workers: Worker[] = [];
  const start = () => {
    const worker = new Worker(script, { workerData: setup });
    worker.on('message', ({ id, results }: PoolResults<F>) => {
      waiting.get(id)?.resolve(results);
      waiting.delete(id);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`a classify worker stopped (exit code ${code})`)));
    workers.push(worker);
    return worker;
  };
  let next = 0;
  return {
    classify(jobs) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        (workers[id % count] ?? start()).postMessage({ id, jobs } satisfies PoolBatch);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Classifies batches on the main thread or, once a run is big enough to pay for starting them
 * (known from `total`, or from a second batch arriving), on a pool of worker threads. Should the
 * pool fail (a worker that cannot start or stops), the run goes on on the main thread: the
 * results are the same either way.
 */
export function classifyInBatches<T, F extends FinishName = 'classification'>(
  labelled: PoolSetup['labelled'],
  inline: (batch: T[]) => Finished<F>[],
  total = Infinity,
  options: { script?: URL; finish?: F } = {},
) {
  let pool: ClassifyPool<F> | null = null;
  let failed = false;
  let batches = 0;
  // A run of known size starts the pool at once; a stream of lines, when a second batch comes.
  const worthIt = () => !failed && (total === Infinity ? ++batches > 1 : total >= WORTH_A_POOL);
  const onMainThread = (batch: T[]) => {
    if (pool) void pool.close();
    pool = null;
    failed = true;
    return inline(batch);
  };
  return {
    /** Batches in flight at once: enough to keep every worker busy while results are written. */
    depth: 4,
    run(batch: T[], job: (item: T) => Job): Promise<Finished<F>[]> {
      if (!pool && worthIt()) pool = classifyPool<F>({ labelled, ...(options.finish ? { finish: options.finish } : {}) }, options);
      if (!pool) return Promise.resolve(inline(batch));
      const jobs = batch.map(job);
      const parts: Promise<Finished<F>[]>[] = [];
      for (let i = 0; i < jobs.length; i += BATCH) parts.push(pool.classify(jobs.slice(i, i + BATCH)));
      return Promise.all(parts).then(
        (results) => results.flat(),
        () => onMainThread(batch),
      );
    },
    close: () => pool?.close() ?? Promise.resolve(),
    /** Where batches are classified now: the main thread, the workers, or back on the main thread after the pool failed. */
    where: (): 'main thread' | 'workers' | 'main thread, after the workers failed' => (failed ? 'main thread, after the workers failed' : pool ? 'workers' : 'main thread'),
  };
}

/**
 * Runs batches through `classify` with up to `depth` of them at a time, and hands each batch's
 * results to `done` in the order the batches came: output stays in input order.
 */
export async function inOrder<T, R>(
  batches: AsyncIterable<T[]> | Iterable<T[]>,
  classify: (batch: T[]) => Promise<R[]>,
  done: (batch: T[], results: R[]) => void,
  depth: number,
): Promise<void> {
  const pending: { batch: T[]; results: Promise<R[]> }[] = [];
  try {
    for await (const batch of batches) {
      const results = classify(batch);
      // Handled where it is awaited, in order; until then a failure must not count as unhandled.
      results.catch(() => {});
      pending.push({ batch, results });
      if (pending.length >= depth) {
        const first = pending.shift()!;
        done(first.batch, await first.results);
      }
    }
  } finally {
    // Whatever was sent before a bad line or a failure is still given out, in order.
    while (pending.length) {
      const first = pending.shift()!;
      done(first.batch, await first.results);
    }
  }
}
