// The ablation cell's worker (question 7): runs the arms × seeds off the page's main thread, so the page paints
// and answers input while they train. The transformer family's tfjs picks its backend here as the page would
// (src/runtime/worker-backend.ts). A run stops at the next slice (≤ 50 ms) after the page stops it; the runs
// finished by then have been reported.
import { yieldFrame } from '../../runtime/loop';
import { useWorkerBackend } from '../../runtime/worker-backend';
import { serveJobs } from '../../runtime/worker-jobs';
import { runJob } from './compute';
import type { AblationJobs } from './worker-protocol';

const ensureTf = async () => (await useWorkerBackend({ backend: null, strict: false })).info.backend;

serveJobs<AblationJobs>({
  ablate: async (args, { signal, progress }) => {
    await runJob(args, signal, progress, { yieldFn: yieldFrame, budgetMs: 50, ensureTf });
    return null;
  },
});
