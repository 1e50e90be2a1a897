// What the transformer cell shows of a model's training, kept up to date from the worker's snapshots:
// the curves, the latest step's numbers and the probe's answer. Plain functions over the element's fields
// (no Lit, no tfjs).
import type { TransformerConfig } from '../../../kernels/transformer/model';
import { VOCAB_SIZE } from '../../../kernels/transformer/task';
import type {
  Prediction,
  TransformerOptions,
  TransformerSnapshot,
} from '../../../kernels/transformer/trainer';
import type { TransformerSettings } from './transformer-controls';
import { emptyCurves, type Curves } from './transformer-view';

const BATCH = 32;

export interface TrainingView {
  curves: Curves;
  step: number;
  loss: number;
  sequenceAccuracy: number;
  tokenAccuracy: number;
  msPerStep: number;
  /** Training time of this model so far, over all its runs (ms). */
  trainedMs: number;
  prediction: Prediction | null;
}

/** A model that has not trained yet. */
export const emptyTraining = (): TrainingView => ({
  curves: emptyCurves(),
  step: 0,
  loss: NaN,
  sequenceAccuracy: NaN,
  tokenAccuracy: NaN,
  msPerStep: NaN,
  trainedMs: 0,
  prediction: null,
});

/** The model's sizes for the cell's settings (its parameter count is shown before it exists). */
export function modelConfig(s: TransformerSettings): TransformerConfig {
  return {
    vocabSize: VOCAB_SIZE,
    maxLength: 2 * s.length,
    dModel: s.dModel,
    heads: s.heads,
    layers: s.layers,
    ffMultiplier: 2,
    seed: s.seed,
  };
}

/** The trainer's options for the cell's settings. */
export function modelOptions(s: TransformerSettings): TransformerOptions {
  return {
    task: s.task,
    length: s.length,
    dModel: s.dModel,
    heads: s.heads,
    layers: s.layers,
    ffMultiplier: 2,
    learningRate: s.learningRate,
    batchSize: BATCH,
    seed: s.seed,
  };
}

/**
 * Adds one message's snapshots (steps of a run that began at `startStep`, after `trainedBefore` ms of
 * earlier runs) to `view`, and gives `view.curves` a new object so the plots redraw once per message.
 */
export function absorbSnapshots(
  view: TrainingView,
  batch: readonly TransformerSnapshot[],
  trainedBefore: number,
  startStep: number,
): void {
  const c = view.curves;
  for (const s of batch) {
    const trainedMs = trainedBefore + s.elapsedMs;
    c.steps.push(s.step);
    c.losses.push(s.loss);
    if (s.evaluation) {
      c.evalSteps.push(s.step);
      c.evalMs.push(trainedMs);
      c.sequenceAccuracy.push(s.evaluation.sequenceAccuracy);
      c.tokenAccuracy.push(s.evaluation.tokenAccuracy);
      view.sequenceAccuracy = s.evaluation.sequenceAccuracy;
      view.tokenAccuracy = s.evaluation.tokenAccuracy;
    }
    if (s.probe) view.prediction = s.probe;
    view.step = s.step;
    view.loss = s.loss;
    view.trainedMs = trainedMs;
    view.msPerStep = s.elapsedMs / (s.step - startStep);
  }
  view.curves = { ...c };
}
