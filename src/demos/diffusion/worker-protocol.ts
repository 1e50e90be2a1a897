// The diffusion worker's jobs (worker.ts), run through the page's WorkerHost (src/runtime/worker-host.ts):
// plain data in and out.
import type {
  DenoiserConfig,
  SampleFrame,
  SampleOptions,
  ScheduleKind,
  TrainOptions,
} from '../../../kernels/diffusion/index';

export interface TrainArgs {
  config: DenoiserConfig;
  params: Float64Array;
  data: Float64Array;
  schedule: ScheduleKind;
  options: Pick<TrainOptions, 'steps' | 'lr' | 'batchSize' | 'seed'>;
}

export interface SampleArgs {
  config: DenoiserConfig;
  params: Float64Array;
  schedule: ScheduleKind;
  options: Pick<SampleOptions, 'n' | 'method' | 'steps' | 'seed'>;
  /** Held-out data points to measure the samples against (energy distance), or null. */
  heldOut: Float64Array | null;
}

/** Losses of the steps since the last report, and the weights after them. */
export interface TrainProgress {
  losses: number[];
  params: Float64Array;
  msPerStep: number;
}

export type DiffusionJobs = {
  /** Reports every ~250 ms and once more as it ends (also when stopped): the weights it reached. */
  train: { args: TrainArgs; progress: TrainProgress; result: null };
  /** Reports the sampler's frames in batches; the last batch ends with the final frame. */
  sample: { args: SampleArgs; progress: SampleFrame[]; result: { distance: number | null } };
};
