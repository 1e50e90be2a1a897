// The Vision Transformer worker's jobs (vit.worker.ts), run through the page's WorkerHost
// (src/runtime/worker-host.ts). Each train job builds a fresh model from its options, trains it, and disposes
// it; plain data in and out.
import type { TrainingOptions, TrainingSnapshot } from '../../../kernels/vit-train';

export interface TrainArgs {
  options: TrainingOptions;
  evalEvery: number;
  /** Test images whose class-token attention rollout each evaluation carries (ViT only). */
  probe: number[];
}

/** What an evaluation shows besides the accuracy. */
export interface Evaluation {
  step: number;
  testAccuracy: number;
  /** Per probe image: rollout over the patch grid (empty for the CNN) and the predicted class. */
  attention: { rollout: number[][]; predicted: number }[];
  /** Cosine similarity of the patch positions' embeddings (null for the CNN). */
  positionSimilarity: number[][] | null;
}

export type TrainProgress =
  | { type: 'model'; backend: string; parameterCount: number }
  | { type: 'snapshots'; snapshots: TrainingSnapshot[] }
  | { type: 'evaluation'; evaluation: Evaluation };

export interface TrainResult {
  steps: number;
  testAccuracy: number;
  /** Tensors left in the worker after the model was disposed, minus those before it was built. */
  leaked: number;
}

export type VitJobs = {
  train: { args: TrainArgs; progress: TrainProgress; result: TrainResult };
};
