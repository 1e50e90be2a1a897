// The fair-comparison worker's one job (worker.ts), run through the page's WorkerHost
// (src/runtime/worker-host.ts): the settings' values in, reports of plain data out (compute.ts' shapes).
import type { FairReport } from './compute';
import type { FairValues } from './settings';

export type FairJobs = {
  /** Every training of the settings; a report after each seed and after the sweep. */
  train: { args: FairValues; progress: FairReport; result: null };
};
