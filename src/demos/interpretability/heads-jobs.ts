// The patching panel's worker job (heads.worker.ts), run through the page's WorkerHost: train the tiny
// transformer for `steps` and hand back its weights as plain float64 arrays. Progress carries the step and
// loss; the last report (also when stopped) carries the weights, since a stopped job's result never arrives.
import type { TransformerWeights } from '../../../kernels/interpret-heads';

export interface HeadsJob {
  steps: number;
  seed: number;
  length: number;
}

export interface HeadsReport {
  step: number;
  loss: number;
  /** Set on the last report of a run, however it ends. */
  weights?: TransformerWeights;
  backend?: string;
}

export type HeadsJobs = {
  train: { args: HeadsJob; progress: HeadsReport; result: null };
};
