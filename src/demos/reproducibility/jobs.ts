// The reproducibility worker's jobs (repro.worker.ts), run through the page's WorkerHost: plain data in
// and out. One job: train the cell's model on the backend asked for, and say which backend it ran on.
import type { ReproModelSettings, ReproRun } from '../../../kernels/repro-train';
import type { BackendRequest } from '../../runtime/worker-backend';

export interface TrainedRun extends ReproRun {
  /** The GPU's name for a GPU backend, where the browser tells it. */
  renderer: string | null;
  tfjsVersion: string | null;
  /** What was asked for, and the backends tried on the way (names and why not). */
  requested: string | null;
  attempts: string[];
}

export type ReproJobs = {
  train: {
    args: { settings: ReproModelSettings; backend: BackendRequest };
    progress: { step: number; loss: number };
    result: TrainedRun;
  };
};
