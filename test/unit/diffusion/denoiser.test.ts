// The typed-array MLP (its dense layers are kernels/nn's, tested in test/unit/nn): its gradients against
// central finite differences (float64), its features against their formulas, and its inputs validated.
import { describe, expect, test } from 'vitest';
import { Denoiser, timeEmbedding, type DenoiserActivation } from '../../../kernels/diffusion/denoiser';
import { createRng } from '../../../src/runtime/rng';

const rng = createRng(21);
const random = (n: number) => Float64Array.from({ length: n }, () => rng.normal());

test('timeEmbedding: [sin(s·ω_k), cos(s·ω_k)] with s = 1000·t/T, ω_k = 1000^(−k/(half−1)) (tol 1e-15)', () => {
  const e = timeEmbedding(25, 100, 6);
  const s = 250;
  [1, 1000 ** -0.5, 1 / 1000].forEach((w, k) => {
    expect(e[k]).toBeCloseTo(Math.sin(s * w), 15);
    expect(e[3 + k]).toBeCloseTo(Math.cos(s * w), 15);
  });
});

describe.each<DenoiserActivation>(['relu', 'silu'])('%s network', (activation) => {
  const net = new Denoiser({
    T: 50,
    seed: 3,
    hidden: 6,
    layers: 2,
    timeFeatures: 4,
    xFrequencies: 2,
    activation,
  });
  const n = 5;
  const xt = random(2 * n);
  const ts = Int32Array.from([1, 7, 50, 23, 0]);
  const target = random(2 * n);
  /** The loss Σ (ε̂ − target)² / (2n) at the current weights, with predict() one point at a time. */
  const loss = () => {
    let s = 0;
    const out = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      net.predict(xt.subarray(2 * i, 2 * i + 2), ts[i], out);
      s += (out[0] - target[2 * i]) ** 2 + (out[1] - target[2 * i + 1]) ** 2;
    }
    return s / (2 * n);
  };

  test('layer widths and parameter count: input 2 + 4·2 + 4 = 14, then 6, 6, 2', () => {
    expect(net.widths).toEqual([14, 6, 6, 2]);
    expect(net.parameterCount).toBe(14 * 6 + 6 + 6 * 6 + 6 + 6 * 2 + 2);
  });

  test('the batch forward gives what predict() gives point by point (tol 1e-14)', () => {
    const out = net.forwardBatch(xt, ts, n);
    const one = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      net.predict(xt.subarray(2 * i, 2 * i + 2), ts[i], one);
      expect(Math.abs(out[2 * i] - one[0])).toBeLessThan(1e-14);
      expect(Math.abs(out[2 * i + 1] - one[1])).toBeLessThan(1e-14);
    }
  });

  test('backward gives the gradient of the loss: central differences, h = 1e-6, tol 1e-6·(1 + |g|)', () => {
    const out = net.forwardBatch(xt, ts, n);
    const dOut = Float64Array.from({ length: 2 * n }, (_, k) => (2 * (out[k] - target[k])) / (2 * n));
    net.backward(dOut, n);
    const grads = net.grads.slice();
    const h = 1e-6;
    let checked = 0;
    for (let i = 0; i < net.parameterCount; i++) {
      const keep = net.params[i];
      net.params[i] = keep + h;
      const up = loss();
      net.params[i] = keep - h;
      const down = loss();
      net.params[i] = keep;
      const fd = (up - down) / (2 * h);
      expect(Math.abs(grads[i] - fd)).toBeLessThan(1e-6 * (1 + Math.abs(fd)));
      if (grads[i] !== 0) checked++;
    }
    expect(checked).toBeGreaterThan(net.parameterCount / 2);
  });

  test('the input features: x, y, then sin/cos of x and y at frequencies 1 and 2, then the time features', () => {
    const features = new Float64Array(14);
    net.writeFeatures([0.3, -1.2], Int32Array.from([7]), 1, features);
    const [x, y] = [0.3, -1.2];
    const want = [x, y, Math.sin(x), Math.cos(x), Math.sin(y), Math.cos(y)];
    want.push(Math.sin(2 * x), Math.cos(2 * x), Math.sin(2 * y), Math.cos(2 * y), ...timeEmbedding(7, 50, 4));
    want.forEach((v, k) => expect(features[k]).toBeCloseTo(v, 15));
  });
});

test('the same seed gives the same weights; clone copies them', () => {
  const a = new Denoiser({ T: 10, seed: 4 });
  expect(new Denoiser({ T: 10, seed: 4 }).params).toEqual(a.params);
  expect(new Denoiser({ T: 10, seed: 5 }).params).not.toEqual(a.params);
  expect(a.clone().params).toEqual(a.params);
});

test('bad configuration and input name the argument', () => {
  expect(() => new Denoiser({ T: 10, seed: 1, hidden: 0 })).toThrow(
    'hidden must be an integer in 4..256, got 0',
  );
  expect(() => new Denoiser({ T: 10, seed: 1, timeFeatures: 3 })).toThrow('timeFeatures must be even, got 3');
  expect(() => new Denoiser({ T: 10, seed: 1, xFrequencies: 9 })).toThrow(
    'xFrequencies must be an integer in 0..8, got 9',
  );
  expect(() => new Denoiser({ T: 10, seed: 1, activation: 'gelu' as 'relu' })).toThrow(
    'activation must be one of relu, silu, got "gelu"',
  );
  const net = new Denoiser({ T: 10, seed: 1 });
  expect(() => net.predict([1, 2, 3], 1, new Float64Array(3))).toThrow('xt must hold interleaved 2-D points');
  expect(() => net.predict([1, 2], 11, new Float64Array(2))).toThrow('t must be an integer in 0..10, got 11');
  expect(() => net.predict([1, Infinity], 1, new Float64Array(2))).toThrow(
    'xt[1] must be finite, got Infinity',
  );
});
