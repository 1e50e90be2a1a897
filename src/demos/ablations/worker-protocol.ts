// The ablation worker's one job (worker.ts), run through the page's WorkerHost (src/runtime/worker-host.ts):
// plain data in and out, the same shapes as the in-thread compute (compute.ts).
import type { AblationJob, AblationReport } from './compute';

export type AblationJobs = {
  /** Every arm at every seed; one report per finished run. */
  ablate: { args: AblationJob; progress: AblationReport; result: null };
};
