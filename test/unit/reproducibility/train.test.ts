// The reproducibility cell's model (kernels/repro-train.ts) on the tfjs CPU backend: its losses against a
// float64 plain-JS reference of the same network and updates, bit-identical reruns with the same seed,
// different bits with another seed, run comparison and checksums by hand, no tensor left behind.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, expect, test } from 'vitest';
import { makeDataset } from '../../../kernels/datasets2d';
import {
  compareRuns,
  float32Checksum,
  initialWeights,
  trainReproModel,
  type ReproRun,
} from '../../../kernels/repro-train';
import { isAbortError } from '../../../src/runtime/abort';
import { expectNoTensorLeak } from '../../../src/runtime/leak-guard';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const S = { seed: 3, hidden: 4, steps: 30, lr: 0.5, points: 40, noise: 0.1 };

/** The same training in float64, written out by hand: losses per step. */
function referenceLosses(s: typeof S): number[] {
  const h = s.hidden;
  const { xs, ys } = makeDataset('moons', { n: s.points, noise: s.noise, seed: s.seed });
  const w = Array.from(initialWeights(h, s.seed + 1));
  const n = s.points;
  const out: number[] = [];
  for (let step = 0; step < s.steps; step++) {
    const g = w.map(() => 0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const [x0, x1] = [Math.fround(xs[i]![0]!), Math.fround(xs[i]![1]!)];
      const hid = Array.from({ length: h }, (_, j) => Math.tanh(x0 * w[j]! + x1 * w[h + j]! + w[2 * h + j]!));
      let z = w[4 * h]!;
      for (let j = 0; j < h; j++) z += hid[j]! * w[3 * h + j]!;
      const y = ys[i]! > 0 ? 1 : 0;
      loss += Math.log1p(Math.exp(z)) - y * z;
      const dz = (1 / (1 + Math.exp(-z)) - y) / n;
      g[4 * h]! += dz;
      for (let j = 0; j < h; j++) {
        g[3 * h + j]! += dz * hid[j]!;
        const da = dz * w[3 * h + j]! * (1 - hid[j]! ** 2);
        g[j]! += da * x0;
        g[h + j]! += da * x1;
        g[2 * h + j]! += da;
      }
    }
    out.push(loss / n);
    for (let k = 0; k < w.length; k++) w[k]! -= s.lr * g[k]!;
  }
  return out;
}

test('losses match a float64 reference of the same training within 1e-5 (float32 rounding)', async () => {
  const run = await trainReproModel(tf, S);
  const ref = referenceLosses(S);
  expect(run.losses).toHaveLength(S.steps);
  ref.forEach((v, i) => expect(Math.abs(run.losses[i]! - v), `step ${i}`).toBeLessThan(1e-5));
  expect(ref[S.steps - 1]!).toBeLessThan(ref[0]! - 0.05); // it learns
  expect(run.backend).toBe('cpu');
});

test('the same seed twice on the CPU backend is bit-identical; another seed is not; no tensor leaks', async () => {
  const a = await expectNoTensorLeak(tf, () => trainReproModel(tf, S));
  const b = await trainReproModel(tf, S);
  const d = compareRuns(a, b);
  expect(d.bitIdentical).toBe(true);
  expect(d.maxWeightDiff).toBe(0);
  expect(b.weightChecksum).toBe(a.weightChecksum);
  const c = await trainReproModel(tf, { ...S, seed: 4 });
  expect(compareRuns(a, c).bitIdentical).toBe(false);
  expect(c.weightChecksum).not.toBe(a.weightChecksum);
});

test('a stop rejects with an AbortError and leaves no tensor behind', async () => {
  const before = tf.memory().numTensors;
  const c = new AbortController();
  const e = await trainReproModel(tf, S, {
    onStep: (step) => step === 5 && c.abort(),
    signal: c.signal,
  }).catch((err: unknown) => err);
  expect(isAbortError(e)).toBe(true);
  expect(tf.memory().numTensors).toBe(before);
});

test('compareRuns and float32Checksum by hand', async () => {
  const run = (losses: number[], weights: number[]): ReproRun => ({
    backend: 'cpu',
    losses: Float32Array.from(losses),
    weights: Float32Array.from(weights),
    trainAccuracy: 0.5,
    lossChecksum: '',
    weightChecksum: '',
  });
  const d = compareRuns(run([1, 2], [3, 4]), run([1, 2.5], [3, 4.5]));
  expect(d).toEqual({
    maxLossDiff: 0.5,
    maxWeightDiff: 0.5,
    relativeWeightDiff: 0.5 / 5,
    lossesDiffering: 1,
    weightsDiffering: 1,
    accuracyDiff: 0,
    bitIdentical: false,
  });
  expect(float32Checksum(new Float32Array(0))).toBe('811c9dc5'); // FNV-1a's offset basis
  const x = Float32Array.from([1, 2, 3]);
  const y = x.slice();
  expect(float32Checksum(y)).toBe(float32Checksum(x));
  new Uint32Array(y.buffer)[1]! ^= 1; // one bit of 2.0
  expect(float32Checksum(y)).not.toBe(float32Checksum(x));
  await expect(trainReproModel(tf, { ...S, hidden: 0 })).rejects.toThrow(/hidden must be an integer/);
});
