// The transformer worker's jobs (trainer.worker.ts), run through the page's WorkerHost
// (src/runtime/worker-host.ts). The model lives in the worker: every job names it by `modelId`, and a job
// for another id disposes the old model and builds the new one. Plain data in and out.
import type {
  Prediction,
  TransformerOptions,
  TransformerSnapshot,
} from '../../../kernels/transformer/trainer';
import type { BackendRequest, WorkerBackendInfo } from '../../runtime/worker-backend';

export interface ModelSpec {
  modelId: number;
  options: TransformerOptions;
  backend: BackendRequest;
  /** The question whose answer and attention maps the evaluations carry. */
  probe: number[] | null;
}

/**
 * tfjs' tensor count in the worker when a run or a model ended, and the count it should be: for a run, the
 * count after the model's first step (its weights and Adam's moments); for a disposed model, the count
 * before it was built. `expected` is null when there is nothing to compare with yet (no step done).
 */
export interface TensorReport {
  expected: number | null;
  now: number;
}

export interface TrainArgs {
  model: ModelSpec;
  steps: number;
  evalEvery: number;
  stopAtAccuracy?: number;
}

export type TrainProgress =
  /** First, for every run: the backend the worker trains on and the model's size. */
  | { type: 'model'; backend: WorkerBackendInfo; parameterCount: number; step: number }
  /** The steps since the last message: one message every ~200 ms, and at each evaluation. */
  | { type: 'snapshots'; snapshots: TransformerSnapshot[] }
  /** Last, also when the run was stopped or failed. */
  | { type: 'tensors'; tensors: TensorReport };

export type TransformerJobs = {
  train: { args: TrainArgs; progress: TrainProgress; result: { steps: number; tensors: TensorReport } };
  /** The model's answer to the digits (which also become the probe), built first if it does not exist. */
  predict: { args: { model: ModelSpec; digits: number[] }; progress: never; result: Prediction };
  /** Disposes model `modelId` once its run has ended (no-op for another id). */
  discard: { args: { modelId: number }; progress: never; result: TensorReport | null };
};

/** The tensors left behind by a run or a disposed model (0 when nothing can be compared). */
export const leakedTensors = (r: TensorReport): number => (r.expected === null ? 0 : r.now - r.expected);
