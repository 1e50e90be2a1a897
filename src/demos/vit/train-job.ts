// One training run of the Vision Transformer cell, as the worker runs it (and the Node tests run it inline):
// build the model, train it step by step, post snapshots every ~200 ms and an evaluation (test accuracy,
// attention rollout over the probe images, position similarity) every `evalEvery` steps and at the end,
// then dispose it and report the tensors left behind (also disposed when stopped or failed). No DOM.
import * as tf from '@tensorflow/tfjs-core';
import { ShapeClassifierTrainer, type TrainingSnapshot } from '../../../kernels/vit-train';
import type { JobContext } from '../../runtime/worker-jobs';
import type { Evaluation, TrainArgs, TrainProgress, TrainResult } from './jobs';

const POST_EVERY_MS = 200;

function abortError(): Error {
  const e = new Error('stopped');
  e.name = 'AbortError';
  return e;
}

export async function runTrainingJob(
  args: TrainArgs,
  { signal, progress }: JobContext<TrainProgress>,
  backend: string,
): Promise<TrainResult> {
  const before = tf.memory().numTensors;
  const trainer = new ShapeClassifierTrainer(args.options);
  let testAccuracy = NaN;
  let batch: TrainingSnapshot[] = [];
  let posted = performance.now();
  const post = () => {
    if (batch.length) progress({ type: 'snapshots', snapshots: batch });
    batch = [];
    posted = performance.now();
  };
  const evaluate = (): Evaluation => ({
    step: trainer.step,
    testAccuracy: (testAccuracy = trainer.testAccuracy()),
    attention: trainer.attentionOverTest(args.probe),
    positionSimilarity: trainer.positionSimilarity(),
  });
  try {
    progress({ type: 'model', backend, parameterCount: trainer.model.parameterCount() });
    while (trainer.step < args.options.steps) {
      if (signal.aborted) throw abortError();
      const { loss, accuracy } = trainer.trainStep();
      const last = trainer.step === args.options.steps;
      const due = trainer.step % args.evalEvery === 0 || last;
      const evaluation = due ? evaluate() : null;
      batch.push({
        step: trainer.step,
        loss,
        batchAccuracy: accuracy,
        testAccuracy: evaluation?.testAccuracy ?? NaN,
      });
      if (evaluation || performance.now() - posted >= POST_EVERY_MS) post();
      if (evaluation) progress({ type: 'evaluation', evaluation });
      // Let the stop message in between steps.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    post();
    trainer.dispose();
  }
  return { steps: trainer.step, testAccuracy, leaked: tf.memory().numTensors - before };
}
