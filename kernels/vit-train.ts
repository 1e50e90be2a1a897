// Training for the Vision Transformer cell: a tiny ViT or the small CNN on the seeded shapes set, with Adam and
// softmax cross-entropy. `ShapeClassifierTrainer` holds the model, optimizer and data and hands out plain
// numbers (loss, accuracies, attention rollout, position similarity); `trainShapeClassifier` is the async
// generator of snapshots the bench and tests drive. Every tensor lives inside tf.tidy or is disposed.
//
// Example: for await (const s of trainShapeClassifier({ ...DEFAULT_TRAINING, model: 'vit' }, signal)) …
import * as tf from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../src/runtime/rng';
import { attentionRollout, cosineSimilarityMap } from './vit';
import { SmallCnn } from './vit-cnn';
import { TinyViT, type ImageClassifier } from './vit-model';
import { generateShapes, SHAPE_CLASSES, type ShapeSet, type ShapeTask } from './vit-shapes';

export interface TrainingOptions {
  model: 'vit' | 'cnn';
  imageSize: number;
  patchSize: number;
  dModel: number;
  layers: number;
  heads: number;
  positions: 'learned' | 'sinusoidal';
  /** The labelling: the shape, or the quadrant its centre lies in (both four classes, the same images). */
  task: ShapeTask;
  trainSize: number;
  testSize: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  model: 'vit',
  imageSize: 16,
  patchSize: 4,
  dModel: 32,
  layers: 2,
  heads: 2,
  positions: 'learned',
  task: 'shape',
  trainSize: 4096,
  testSize: 256,
  steps: 800,
  batchSize: 32,
  learningRate: 2e-3,
  seed: 1,
};

export interface TrainingSnapshot {
  step: number;
  loss: number;
  /** Accuracy on the last batch. */
  batchAccuracy: number;
  /** Test-set accuracy, measured at evaluation steps (NaN between them). */
  testAccuracy: number;
}

/** The seeds of a run's training set, test set and batch draws (the page redraws the test images from them). */
export const shapeSetSeeds = (seed: number) => ({
  train: seed * 7919 + 1,
  test: seed * 7919 + 2,
  batches: seed * 7919 + 3,
});

export function makeClassifier(o: TrainingOptions): ImageClassifier {
  if (o.model === 'vit')
    return new TinyViT({
      imageSize: o.imageSize,
      channels: 3,
      patchSize: o.patchSize,
      dModel: o.dModel,
      heads: o.heads,
      layers: o.layers,
      ffMultiplier: 2,
      classes: SHAPE_CLASSES.length,
      positions: o.positions,
      seed: o.seed,
    });
  return new SmallCnn({
    imageSize: o.imageSize,
    channels: 3,
    conv1: 16,
    conv2: 32,
    hidden: 32,
    classes: SHAPE_CLASSES.length,
    seed: o.seed,
  });
}

export class ShapeClassifierTrainer {
  readonly options: TrainingOptions;
  readonly model: ImageClassifier;
  readonly train: ShapeSet;
  readonly test: ShapeSet;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly rng: Rng;
  step = 0;

  constructor(options: TrainingOptions) {
    const o = (this.options = { ...options });
    const ints: [keyof TrainingOptions, number, number][] = [
      ['trainSize', 8, 20000],
      ['testSize', 8, 5000],
      ['steps', 1, 100000],
      ['batchSize', 1, 512],
    ];
    for (const [key, lo, hi] of ints) {
      const v = o[key] as number;
      if (!Number.isInteger(v) || v < lo || v > hi)
        throw new Error(`${key} must be an integer from ${lo} to ${hi}, got ${v}`);
    }
    if (!(o.learningRate > 0 && o.learningRate <= 1))
      throw new Error(`learningRate must be in (0, 1], got ${o.learningRate}`);
    const [size, task] = [o.imageSize, o.task];
    this.train = generateShapes({ count: o.trainSize, size, seed: shapeSetSeeds(o.seed).train, task });
    // The test set's seed does not depend on the training-set size, so every size is scored on the same images.
    this.test = generateShapes({ count: o.testSize, size, seed: shapeSetSeeds(o.seed).test, task });
    this.model = makeClassifier(o);
    this.optimizer = tf.train.adam(o.learningRate);
    this.rng = createRng(shapeSetSeeds(o.seed).batches);
  }

  private batchTensors(set: ShapeSet, indices: number[]): { x: tf.Tensor4D; y: tf.Tensor2D } {
    const n = set.size * set.size * 3;
    const data = new Float32Array(indices.length * n);
    indices.forEach((i, k) => data.set(set.images.subarray(i * n, (i + 1) * n), k * n));
    const labels = Int32Array.from(indices, (i) => set.labels[i]!);
    return {
      x: tf.tensor4d(data, [indices.length, set.size, set.size, 3]),
      y: tf.oneHot(tf.tensor1d(labels, 'int32'), SHAPE_CLASSES.length) as tf.Tensor2D,
    };
  }

  /** One Adam step on a random batch; returns the batch loss and accuracy. Throws on a non-finite loss. */
  trainStep(): { loss: number; accuracy: number } {
    const o = this.options;
    const indices = Array.from({ length: o.batchSize }, () => this.rng.int(o.trainSize));
    let correct: tf.Scalar | null = null;
    const loss = tf.tidy(() => {
      const { x, y } = this.batchTensors(this.train, indices);
      const cost = this.optimizer.minimize(
        () => {
          const logits = this.model.forward(x).logits;
          // Kept past the gradient scope (which disposes everything else the closure made); disposed below.
          correct = tf.keep(
            tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32')) as tf.Scalar,
          );
          return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
        },
        true,
        this.model.variables(),
      )!;
      return cost.dataSync()[0]!;
    });
    const accuracy = (correct as tf.Scalar | null)?.dataSync()[0] ?? NaN;
    (correct as tf.Scalar | null)?.dispose();
    this.step++;
    if (!Number.isFinite(loss))
      throw new Error(`the loss became ${loss} at step ${this.step}; lower the learning rate`);
    return { loss, accuracy };
  }

  /** Predicted classes for images `from`..`to`−1 of a set. */
  predict(set: ShapeSet, from = 0, to = set.count): Int32Array {
    return tf.tidy(() => {
      const { x } = this.batchTensors(
        set,
        Array.from({ length: to - from }, (_, k) => from + k),
      );
      return tf.argMax(this.model.forward(x).logits, 1).dataSync() as Int32Array;
    });
  }

  /** Test-set accuracy, in chunks of 128 images. */
  testAccuracy(): number {
    let correct = 0;
    for (let from = 0; from < this.test.count; from += 128) {
      const to = Math.min(this.test.count, from + 128);
      const pred = this.predict(this.test, from, to);
      for (let k = 0; k < pred.length; k++) if (pred[k] === this.test.labels[from + k]) correct++;
    }
    return correct / this.test.count;
  }

  /**
   * For each test image index: the class token's attention rollout over the patch grid (grid × grid, ViT
   * only; an empty array for the CNN) and the predicted class.
   */
  attentionOverTest(indices: number[]): { rollout: number[][]; predicted: number }[] {
    // An empty batch would reach the backend as a zero-sized tensor (WASM traps on it).
    if (indices.length === 0) return [];
    if (!(this.model instanceof TinyViT))
      return indices.map((i) => ({ rollout: [], predicted: this.predict(this.test, i, i + 1)[0]! }));
    const vit = this.model;
    const grid = this.options.imageSize / this.options.patchSize;
    const [maps, predicted] = tf.tidy(() => {
      const { x } = this.batchTensors(this.test, indices);
      const out = vit.forward(x);
      return [
        out.attention.map((a) => a.arraySync()),
        tf.argMax(out.logits, 1).arraySync() as number[],
      ] as const;
    });
    return indices.map((_, b) => {
      const row = attentionRollout(maps.map((layer) => layer[b]!))[0]!;
      const patches = row.slice(1);
      return {
        rollout: Array.from({ length: grid }, (_, gy) => patches.slice(gy * grid, (gy + 1) * grid)),
        predicted: predicted[b]!,
      };
    });
  }

  /** Cosine similarity of the patch positions' embeddings (class token left out); ViT only, else null. */
  positionSimilarity(): number[][] | null {
    if (!(this.model instanceof TinyViT)) return null;
    return cosineSimilarityMap(this.model.positionEmbeddings().slice(1));
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
  }
}

/** Trains for options.steps, yielding every step and measuring test accuracy every `evalEvery` steps and last. */
export async function* trainShapeClassifier(
  options: TrainingOptions,
  signal?: AbortSignal,
  evalEvery = 50,
): AsyncGenerator<TrainingSnapshot, void, void> {
  const trainer = new ShapeClassifierTrainer(options);
  try {
    while (trainer.step < options.steps) {
      if (signal?.aborted) return;
      const { loss, accuracy } = trainer.trainStep();
      const evaluate = trainer.step % evalEvery === 0 || trainer.step === options.steps;
      yield {
        step: trainer.step,
        loss,
        batchAccuracy: accuracy,
        testAccuracy: evaluate ? trainer.testAccuracy() : NaN,
      };
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    trainer.dispose();
  }
}
