// The typed-array Q-network against independent references: central finite differences (float64) and
// tf.grads on the tfjs CPU backend (float32) for the backward pass; a plain-loop recomputation for the dueling
// head; Adam's first step in closed form.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, test } from 'vitest';
import { Adam, clipGlobalNorm, huber, huberGrad } from '../../../kernels/nn/index';
import { QNetwork } from '../../../kernels/rl/q-network';
import { expectNoTensorLeak } from '../../../src/runtime/leak-guard';
import { createRng } from '../../../src/runtime/rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Batch {
  x: Float64Array;
  actions: number[];
  targets: number[];
  weights: number[];
  size: number;
}

function makeBatch(net: QNetwork, size: number, seed: number): Batch {
  const rng = createRng(seed);
  const x = new Float64Array(size * net.inputSize).map(() => rng.normal());
  return {
    x,
    size,
    actions: Array.from({ length: size }, () => rng.int(net.actions)),
    // Spread so that some errors fall in Huber's linear part (|δ| > 1) and some in the quadratic part.
    targets: Array.from({ length: size }, () => rng.normal() * 2),
    weights: Array.from({ length: size }, () => 0.2 + rng.uniform()),
  };
}

/** The DQN loss (1/B)·Σ wᵦ·huber(Q(sᵦ, aᵦ) − yᵦ) and its ∂/∂Q, as the trainer forms them. */
function lossAndDq(net: QNetwork, b: Batch): { loss: number; dQ: Float64Array } {
  const q = net.forward(b.x, b.size);
  const dQ = new Float64Array(b.size * net.actions);
  let loss = 0;
  for (let r = 0; r < b.size; r++) {
    const k = r * net.actions + b.actions[r]!;
    const delta = q[k]! - b.targets[r]!;
    loss += b.weights[r]! * huber(delta, 1);
    dQ[k] = (b.weights[r]! * huberGrad(delta, 1)) / b.size;
  }
  return { loss: loss / b.size, dQ };
}

function analyticGrads(net: QNetwork, b: Batch): Float64Array {
  const { dQ } = lossAndDq(net, b);
  net.backward(dQ, b.size);
  return net.grads.slice();
}

const ARCHS = [
  { name: 'plain 4-8-8-2', hidden: [8, 8], actions: 2, dueling: false },
  { name: 'dueling 4-8-8-(1+3)', hidden: [8, 8], actions: 3, dueling: true },
  { name: 'plain 4-16-2', hidden: [16], actions: 2, dueling: false },
];

describe('QNetwork backward', () => {
  for (const arch of ARCHS) {
    test(`${arch.name}: every gradient matches central differences (h = 1e-6, relative 1e-6)`, () => {
      const net = new QNetwork({ inputSize: 4, ...arch, seed: 3, maxBatch: 16 });
      const b = makeBatch(net, 13, 11); // 13 rows: blocks of eight (forward) and four (backward), and leftovers
      const grads = analyticGrads(net, b);
      const h = 1e-6;
      let worst = 0;
      for (let k = 0; k < net.size; k++) {
        const keep = net.params[k]!;
        net.params[k] = keep + h;
        const up = lossAndDq(net, b).loss;
        net.params[k] = keep - h;
        const down = lossAndDq(net, b).loss;
        net.params[k] = keep;
        const numeric = (up - down) / (2 * h);
        worst = Math.max(worst, Math.abs(numeric - grads[k]!) / Math.max(1e-3, Math.abs(numeric)));
      }
      expect(worst).toBeLessThan(1e-6);
      expect(grads.some((g) => g !== 0)).toBe(true);
    });
  }

  test('agrees with tf.grads on the tfjs CPU backend (float32, 1e-4 relative to the largest gradient)', async () => {
    for (const arch of ARCHS) {
      const net = new QNetwork({ inputSize: 4, ...arch, seed: 5, maxBatch: 32 });
      const b = makeBatch(net, 32, 12);
      const ours = analyticGrads(net, b);
      const theirs = await expectNoTensorLeak(tf, () => tfGradients(net, b));
      const scale = Math.max(...ours.map(Math.abs));
      for (let k = 0; k < ours.length; k++)
        expect(Math.abs(ours[k]! - theirs[k]!)).toBeLessThan(1e-4 * scale);
    }
  });

  test('a batch gives the same Q values as its rows one at a time (blocked and leftover rows)', () => {
    const net = new QNetwork({
      inputSize: 4,
      hidden: [16, 16],
      actions: 2,
      dueling: true,
      seed: 2,
      maxBatch: 16,
    });
    const b = makeBatch(net, 11, 4);
    const batched = net.forward(b.x, 11).slice();
    for (let r = 0; r < 11; r++) {
      const one = net.forward(b.x.subarray(r * 4, r * 4 + 4), 1);
      expect(Math.abs(one[0]! - batched[r * 2]!)).toBeLessThan(1e-12);
      expect(Math.abs(one[1]! - batched[r * 2 + 1]!)).toBeLessThan(1e-12);
    }
  });
});

/** The same loss written with tfjs ops from the network's parameter layout; gradients by tf.grads. */
function tfGradients(net: QNetwork, b: Batch): Float64Array {
  const { trunk, head, valueHead } = net.layout();
  const layers = valueHead ? [...trunk, head, valueHead] : [...trunk, head];
  const out = new Float64Array(net.size);
  tf.tidy(() => {
    const tensors = layers.flatMap((d) => [
      tf.tensor2d(Float32Array.from(net.params.subarray(d.w, d.w + d.nin * d.nout)), [d.nout, d.nin]),
      tf.tensor1d(Float32Array.from(net.params.subarray(d.b, d.b + d.nout))),
    ]);
    const x = tf.tensor2d(Float32Array.from(b.x), [b.size, net.inputSize]);
    const mask = tf.oneHot(tf.tensor1d(b.actions, 'int32'), net.actions);
    const y = tf.tensor1d(b.targets);
    const w = tf.tensor1d(b.weights);
    const lossFn = (...p: tf.Tensor[]): tf.Scalar => {
      const dense = (h: tf.Tensor, l: number) =>
        tf.add(tf.matMul(h as tf.Tensor2D, p[2 * l] as tf.Tensor2D, false, true), p[2 * l + 1]!);
      let h: tf.Tensor = x;
      for (let l = 0; l < trunk.length; l++) h = tf.relu(dense(h, l));
      let q = dense(h, trunk.length);
      if (valueHead) q = tf.add(dense(h, trunk.length + 1), tf.sub(q, tf.mean(q, 1, true)));
      const delta = tf.sub(tf.sum(tf.mul(q, mask), 1), y);
      const abs = tf.abs(delta);
      // huber(δ) = ½c² + (|δ| − c) with c = min(|δ|, 1): ½δ² inside ±1, |δ| − ½ outside.
      const c = tf.minimum(abs, 1);
      const hub = tf.add(tf.mul(0.5, tf.square(c)), tf.sub(abs, c));
      return tf.mean(tf.mul(w, hub));
    };
    const grads = tf.grads(lossFn)(tensors);
    layers.forEach((d, l) => {
      out.set(grads[2 * l]!.dataSync(), d.w);
      out.set(grads[2 * l + 1]!.dataSync(), d.b);
    });
  });
  return out;
}

describe('dueling head', () => {
  test('Q = V + A − mean(A), with V and A recomputed by plain loops from the weights (1e-12)', () => {
    const net = new QNetwork({
      inputSize: 4,
      hidden: [8, 8],
      actions: 3,
      dueling: true,
      seed: 9,
      maxBatch: 8,
    });
    const b = makeBatch(net, 5, 2);
    const q = net.forward(b.x, 5).slice();
    const heads = net.lastHeads()!;
    const { trunk, head, valueHead } = net.layout();
    const p = net.params;
    const dense = (d: { nin: number; nout: number; w: number; b: number }, x: number[]) =>
      Array.from({ length: d.nout }, (_, j) =>
        x.reduce((z, xi, i) => z + p[d.w + j * d.nin + i]! * xi, p[d.b + j]!),
      );
    for (let r = 0; r < 5; r++) {
      let h = Array.from(b.x.subarray(r * 4, r * 4 + 4));
      for (const d of trunk) h = dense(d, h).map((z) => Math.max(0, z));
      const v = dense(valueHead!, h)[0]!;
      const a = dense(head, h);
      const meanA = (a[0]! + a[1]! + a[2]!) / 3;
      expect(Math.abs(heads.value[r]! - v)).toBeLessThan(1e-12);
      for (let k = 0; k < 3; k++) {
        expect(Math.abs(heads.advantage[r * 3 + k]! - a[k]!)).toBeLessThan(1e-12);
        expect(Math.abs(q[r * 3 + k]! - (v + a[k]! - meanA))).toBeLessThan(1e-12);
      }
      // The mean of Q over actions is V: the advantages are centred.
      expect(Math.abs((q[r * 3]! + q[r * 3 + 1]! + q[r * 3 + 2]!) / 3 - v)).toBeLessThan(1e-12);
    }
    expect(new QNetwork({ inputSize: 4, hidden: [8], actions: 2, seed: 1 }).lastHeads()).toBeUndefined();
  });
});

describe('optimiser and loss pieces', () => {
  test('Adam’s first step moves each parameter by lr·g/(|g| + ε) against its gradient', () => {
    const params = new Float64Array([1, -2, 0.5]);
    const grads = new Float64Array([0.3, -4, 1e-3]);
    const adam = new Adam(3, { lr: 0.01 });
    adam.step(params, grads);
    // m̂ = g and v̂ = g² after bias correction, so the step is lr·g/(|g| + ε).
    [1, -2, 0.5].forEach((p0, k) =>
      expect(params[k]).toBeCloseTo(p0 - (0.01 * grads[k]!) / (Math.abs(grads[k]!) + 1e-8), 14),
    );
  });

  test('Huber is ½x² inside ±δ and δ(|x| − ½δ) outside; its gradient is x clipped to ±δ', () => {
    expect(huber(0.5, 1)).toBe(0.125);
    expect(huber(-3, 1)).toBe(2.5);
    expect(huber(3, 2)).toBe(4);
    expect(huberGrad(0.5, 1)).toBe(0.5);
    expect(huberGrad(-3, 1)).toBe(-1);
  });

  test('clipGlobalNorm scales the whole gradient to the limit and reports the old norm', () => {
    const g = new Float64Array([3, 4]);
    expect(clipGlobalNorm(g, 1)).toBe(5);
    expect(g[0]).toBeCloseTo(0.6, 15);
    expect(g[1]).toBeCloseTo(0.8, 15);
    expect(clipGlobalNorm(g, 10)).toBeCloseTo(1, 15);
    expect(g[0]).toBeCloseTo(0.6, 15); // under the limit: unchanged
  });

  test('copyFrom makes an exact copy; softUpdateFrom moves τ of the way', () => {
    const a = new QNetwork({ inputSize: 4, hidden: [8], actions: 2, seed: 1 });
    const b = new QNetwork({ inputSize: 4, hidden: [8], actions: 2, seed: 2 });
    const before = b.params.slice();
    b.softUpdateFrom(a, 0.25);
    for (let k = 0; k < a.size; k++)
      expect(b.params[k]).toBeCloseTo(before[k]! + 0.25 * (a.params[k]! - before[k]!), 15);
    b.copyFrom(a);
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
  });

  test('bad input throws a message naming it', () => {
    expect(() => new QNetwork({ inputSize: 4, hidden: [], actions: 2, seed: 1 })).toThrow(
      'hidden must list 1 to 4 layer widths',
    );
    expect(() => new QNetwork({ inputSize: 4, hidden: [1000], actions: 2, seed: 1 })).toThrow(
      'hidden[0] must be an integer from 1 to 512, got 1000',
    );
    const net = new QNetwork({ inputSize: 4, hidden: [8], actions: 2, seed: 1, maxBatch: 4 });
    expect(() => net.forward(new Float64Array(40), 10)).toThrow(
      'batch must be an integer from 1 to 4, got 10',
    );
    expect(() => net.forward(new Float64Array(3), 1)).toThrow(
      'x must hold batch × inputSize = 4 numbers, got 3',
    );
    net.forward(new Float64Array(8), 2);
    expect(() => net.backward(new Float64Array(2), 1)).toThrow(
      "backward batch (1) must match the last forward's (2)",
    );
    expect(() => new Adam(3, { lr: 0 })).toThrow('lr must be in (0, 1], got 0');
    expect(() =>
      net.softUpdateFrom(new QNetwork({ inputSize: 4, hidden: [9], actions: 2, seed: 1 }), 0.1),
    ).toThrow('same architecture');
  });
});
