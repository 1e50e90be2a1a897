// The open-problems cell's worker (question 13): computes one panel per job (compute.ts' computePanel) off
// the page's main thread, in slices of up to 50 ms so a stop is answered promptly.
import { yieldFrame } from '../../runtime/loop';
import { serveJobs } from '../../runtime/worker-jobs';
import { computePanel, type ChallengeJobs } from './compute';

serveJobs<ChallengeJobs>({
  panel: (args, { signal }) =>
    computePanel(args.panel, args.settings, signal, { yieldFn: yieldFrame, budgetMs: 50 }),
});
