// The diffusion cell's worker: trains the denoiser and runs the sampler off the page's main thread, so the
// page paints and answers input while the cores compute. Its jobs are served by serveJobs
// (src/runtime/worker-jobs.ts) for the page's WorkerHost; a run stops at the next slice (≤ 50 ms) after
// the page stops it and reports the weights it had reached.
import { yieldFrame } from '../../runtime/loop';
import { serveJobs } from '../../runtime/worker-jobs';
import { inlineCompute } from './compute';
import type { DiffusionJobs } from './worker-protocol';

/** The same loops as in the page's fallback, in slices of up to 50 ms (no frames to keep here). */
const compute = inlineCompute({ yieldFn: yieldFrame, budgetMs: 50 });

serveJobs<DiffusionJobs>({
  train: async (args, { signal, progress }) => {
    await compute.train(args, signal, progress); // reports the weights reached, also when stopped
    return null;
  },
  sample: (args, { signal, progress }) => compute.sample(args, signal, progress),
});
