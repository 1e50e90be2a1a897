// The diffusion worker's jobs (worker.ts), run through the page's WorkerHost (src/runtime/worker-host.ts):
// plain data in and out.
import type { SampleFrame } from '../../../kernels/diffusion/index';
import type { SampleJob, TrainJob, TrainReport } from './compute';

/** The worker runs the same jobs as the page's fallback (compute.ts): the same shapes in and out. */
export type TrainArgs = TrainJob;
export type SampleArgs = SampleJob;
export type TrainProgress = TrainReport;

export type DiffusionJobs = {
  /** Reports every ~250 ms and once more as it ends (also when stopped): the weights it reached. */
  train: { args: TrainArgs; progress: TrainProgress; result: null };
  /** Reports the sampler's frames in batches; the last batch ends with the final frame. */
  sample: { args: SampleArgs; progress: SampleFrame[]; result: { distance: number | null } };
};
