// The fair-comparison cell's worker (question 9): trains the two models over the seeds and the sweeps off the
// page's main thread, so the page paints and answers input meanwhile. Served by serveJobs
// (src/runtime/worker-jobs.ts); a run stops at the next slice (≤ 50 ms) after the page stops it.
import { yieldFrame } from '../../runtime/loop';
import { serveJobs } from '../../runtime/worker-jobs';
import { inlineCompute } from './compute';
import type { FairJobs } from './worker-protocol';

/** The same loop as the page's fallback, in slices of up to 50 ms (no frames to keep here). */
const compute = inlineCompute({ yieldFn: yieldFrame, budgetMs: 50 });

serveJobs<FairJobs>({
  train: async (args, { signal, progress }) => {
    await compute.train(args, signal, progress);
    return null;
  },
});
