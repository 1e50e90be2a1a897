// The reproducibility cell's model (question 8): a tanh MLP on two moons, trained by full-batch gradient
// descent with tfjs-core on whichever backend is active, from float32 weights drawn by the seeded generator
// (not tfjs' own initialisers), so the same seed starts from the same bits on every backend. It returns
// every step's loss and the final weights as float32, their checksums, and the training accuracy; and it
// compares two runs (the same model on two backends): largest loss and weight differences, bits equal or
// not. Tensors live and die inside; plain arrays out.
//
// Example (tfjs loaded, a backend set): const run = await trainReproModel(tf, { seed: 1, hidden: 8, … });
import type * as TF from '@tensorflow/tfjs-core';
import { TimeSlicer, type SliceOptions } from '../src/runtime/loop';
import { createRng } from '../src/runtime/rng';
import { makeDataset } from './datasets2d';
import { checkInt, checkRange } from './nn/index';

export interface ReproModelSettings {
  seed: number;
  hidden: number;
  steps: number;
  lr: number;
  /** Training points. */
  points: number;
  noise: number;
}

export interface ReproRun {
  backend: string;
  /** Each step's mean loss, before that step's update (float32). */
  losses: Float32Array;
  /** W₁, b₁, W₂, b₂ after the last step, concatenated (float32). */
  weights: Float32Array;
  trainAccuracy: number;
  lossChecksum: string;
  weightChecksum: string;
}

export function checkReproSettings(s: ReproModelSettings): void {
  checkInt('hidden', s.hidden, 1, 256);
  checkInt('steps', s.steps, 1, 10_000);
  checkRange('lr', s.lr, 0, 10, '(]');
  checkInt('points', s.points, 2, 10_000);
  checkRange('noise', s.noise, 0, 1);
}

/** FNV-1a (32-bit) over the bytes of a float32 array, as 8 hex digits: equal iff bit-identical (almost surely). */
export function float32Checksum(a: Float32Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The seeded float32 starting weights: Glorot-normal matrices, zero biases; layout W₁ (2×h), b₁, W₂ (h×1), b₂. */
export function initialWeights(hidden: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const w = new Float32Array(2 * hidden + hidden + hidden + 1);
  const s1 = Math.sqrt(2 / (2 + hidden));
  const s2 = Math.sqrt(2 / (hidden + 1));
  for (let k = 0; k < 2 * hidden; k++) w[k] = s1 * rng.normal();
  for (let k = 0; k < hidden; k++) w[3 * hidden + k] = s2 * rng.normal();
  return w;
}

/** Trains the model with the active backend; rejects with an AbortError when the signal fires. */
export async function trainReproModel(
  tf: typeof TF,
  s: ReproModelSettings,
  options: Pick<SliceOptions, 'signal' | 'yieldFn' | 'budgetMs'> & {
    onStep?: (step: number, loss: number) => void;
  } = {},
): Promise<ReproRun> {
  checkReproSettings(s);
  const h = s.hidden;
  const data = makeDataset('moons', { n: s.points, noise: s.noise, seed: s.seed });
  const init = initialWeights(h, s.seed + 1);
  const x = tf.tensor2d(Float32Array.from(data.xs.flat()), [s.points, 2]);
  const y = tf.tensor2d(
    Float32Array.from(data.ys, (v) => (v > 0 ? 1 : 0)),
    [s.points, 1],
  );
  const starts = [
    tf.tensor2d(init.subarray(0, 2 * h), [2, h]),
    tf.tensor1d(init.subarray(2 * h, 3 * h)),
    tf.tensor2d(init.subarray(3 * h, 4 * h), [h, 1]),
    tf.tensor1d(init.subarray(4 * h)),
  ];
  const vars = starts.map((t) => tf.variable(t));
  tf.dispose(starts);
  const [w1, b1, w2, b2] = vars as [TF.Variable, TF.Variable, TF.Variable, TF.Variable];
  const logits = () => tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)), w2), b2);
  const losses = new Float32Array(s.steps);
  const slicer = new TimeSlicer(options);
  try {
    for (let step = 0; step < s.steps; step++) {
      const { value, grads } = tf.variableGrads(
        () =>
          tf.tidy(() => {
            const z = logits();
            return tf.mean(tf.sub(tf.softplus(z), tf.mul(y, z)));
          }) as TF.Scalar,
        vars,
      );
      tf.tidy(() => {
        for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name]!, s.lr)));
      });
      const loss = (await value.data())[0]!;
      tf.dispose([value, ...Object.values(grads)]);
      if (!Number.isFinite(loss))
        throw new Error(`training diverged at step ${step} (loss ${loss}); lower the learning rate`);
      losses[step] = loss;
      options.onStep?.(step + 1, loss);
      await slicer.tick();
    }
    const z = tf.tidy(logits);
    const zs = await z.data();
    z.dispose();
    let hits = 0;
    for (let i = 0; i < s.points; i++) if (zs[i]! > 0 === data.ys[i]! > 0) hits++;
    const parts = await Promise.all(vars.map((v) => v.data() as Promise<Float32Array>));
    const weights = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      weights.set(p, at);
      at += p.length;
    }
    return {
      backend: tf.getBackend(),
      losses,
      weights,
      trainAccuracy: hits / s.points,
      lossChecksum: float32Checksum(losses),
      weightChecksum: float32Checksum(weights),
    };
  } finally {
    tf.dispose([x, y, ...vars]);
  }
}

export interface RunDifference {
  /** Largest |Δ loss| over the steps both runs took. */
  maxLossDiff: number;
  /** Largest |Δ w| over the weights. */
  maxWeightDiff: number;
  /** ‖Δw‖ / ‖w_a‖. */
  relativeWeightDiff: number;
  /** Steps whose losses differ in any bit, and weights that do. */
  lossesDiffering: number;
  weightsDiffering: number;
  accuracyDiff: number;
  bitIdentical: boolean;
}

/** How far run b is from run a (the same model and settings, e.g. on another backend). */
export function compareRuns(a: ReproRun, b: ReproRun): RunDifference {
  if (a.weights.length !== b.weights.length)
    throw new Error('the runs have different models (weight counts differ)');
  const steps = Math.min(a.losses.length, b.losses.length);
  let [maxLossDiff, lossesDiffering] = [0, 0];
  for (let i = 0; i < steps; i++) {
    const d = Math.abs(a.losses[i]! - b.losses[i]!);
    maxLossDiff = Math.max(maxLossDiff, d);
    if (!Object.is(a.losses[i], b.losses[i])) lossesDiffering++;
  }
  let [maxWeightDiff, weightsDiffering, sq, norm] = [0, 0, 0, 0];
  for (let k = 0; k < a.weights.length; k++) {
    const d = a.weights[k]! - b.weights[k]!;
    maxWeightDiff = Math.max(maxWeightDiff, Math.abs(d));
    if (!Object.is(a.weights[k], b.weights[k])) weightsDiffering++;
    sq += d * d;
    norm += a.weights[k]! ** 2;
  }
  return {
    maxLossDiff,
    maxWeightDiff,
    relativeWeightDiff: norm > 0 ? Math.sqrt(sq / norm) : Math.sqrt(sq),
    lossesDiffering,
    weightsDiffering,
    accuracyDiff: b.trainAccuracy - a.trainAccuracy,
    bitIdentical: lossesDiffering === 0 && weightsDiffering === 0 && a.losses.length === b.losses.length,
  };
}
