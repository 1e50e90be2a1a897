// The contrastive cell's worker (question 10): trains the encoder and the image–text toy off the page's main
// thread, so the page paints and answers input while the cores compute. Its jobs are served by serveJobs
// (src/runtime/worker-jobs.ts) for the page's WorkerHost; a run stops at the next slice (≤ 50 ms) after the
// page stops it, measures what was learned and reports it. Both jobs may run at once, sharing the thread.
import { yieldFrame } from '../../runtime/loop';
import { serveJobs } from '../../runtime/worker-jobs';
import { inlineCompute } from './compute';
import type { ContrastiveJobs } from './worker-protocol';

/** The same loops as in the page's fallback, in slices of up to 50 ms (no frames to keep here). */
const compute = inlineCompute({ yieldFn: yieldFrame, budgetMs: 50 });

serveJobs<ContrastiveJobs>({
  train: async (args, { signal, progress }) => {
    await compute.train(args, signal, progress); // reports what was learned, also when stopped
    return null;
  },
  trainPairs: async (args, { signal, progress }) => {
    await compute.trainPairs(args, signal, progress);
    return null;
  },
});
