// kernels/nn optimisation: Adam against two hand-worked steps, a per-step learning rate, its argument checks;
// global-norm clipping against the closed form.
import { describe, expect, test } from 'vitest';
import { Adam, clipGlobalNorm } from '../../../kernels/nn/index';

describe('Adam, lr 0.1, β₁ 0.9, β₂ 0.999, ε 1e-8 (tol 1e-12)', () => {
  // params [1, −2], gradients g₁ = [0.5, −1] then g₂ = [−0.5, 2].
  // Step 1: m̂ = g₁ and v̂ = g₁², so each parameter moves by 0.1·g/(|g| + ε):
  //   1 − 0.1·0.5/0.50000001 = 0.900000002,  −2 + 0.1·1/1.00000001 = −1.900000001.
  // Step 2, first parameter: m = 0.9·0.05 − 0.05 = −0.005, m̂ = −0.005/0.19 = −1/38;
  //   v = 0.999·0.00025 + 0.00025 = 0.00049975, v̂ = 0.00049975/0.001999 = 1/4, √v̂ = 1/2.
  // Step 2, second parameter: m = −0.09 + 0.2 = 0.11, m̂ = 11/19; v = 0.000999 + 0.004 = 0.004999,
  //   v̂ = 4999/1999.
  const params = Float64Array.from([1, -2]);
  const adam = new Adam(2, { lr: 0.1 });
  test('first step: each parameter moves by lr·g/(|g| + ε)', () => {
    adam.step(params, Float64Array.from([0.5, -1]));
    expect(Math.abs(params[0]! - 0.900000002)).toBeLessThan(1e-12);
    expect(Math.abs(params[1]! - -1.900000001)).toBeLessThan(1e-12);
    expect(adam.steps).toBe(1);
  });
  test('second step: by lr·m̂/(√v̂ + ε) with the bias-corrected moments', () => {
    adam.step(params, Float64Array.from([-0.5, 2]));
    const want0 = 0.900000002 + (0.1 * (1 / 38)) / (0.5 + 1e-8);
    const want1 = -1.900000001 - (0.1 * (11 / 19)) / (Math.sqrt(4999 / 1999) + 1e-8);
    expect(Math.abs(params[0]! - want0)).toBeLessThan(1e-12);
    expect(Math.abs(params[1]! - want1)).toBeLessThan(1e-12);
    expect(Math.abs(want0 - 0.9052631597894736)).toBeLessThan(1e-12);
  });
});

test('a learning rate passed to step() replaces the default for that step; ε is an option', () => {
  const a = Float64Array.from([0]);
  new Adam(1, { lr: 0.5, epsilon: 1e-7 }).step(a, Float64Array.from([2]), 0.01);
  expect(Math.abs(a[0]! - -0.01 * (2 / (2 + 1e-7)))).toBeLessThan(1e-15);
});

test('Adam checks its arguments, naming each and its range', () => {
  expect(() => new Adam(0)).toThrow('size must be an integer from 1 to 100000000, got 0');
  expect(() => new Adam(3, { lr: 0 })).toThrow('lr must be in (0, 1], got 0');
  expect(() => new Adam(3, { beta1: 1 })).toThrow('beta1 must be in [0, 1), got 1');
  expect(() => new Adam(3, { beta2: -0.1 })).toThrow('beta2 must be in [0, 1), got -0.1');
  expect(() => new Adam(3).step(new Float64Array(2), new Float64Array(3))).toThrow(
    'params and grads must have 3 entries',
  );
});

describe('clipGlobalNorm', () => {
  test('g = [3, 4, 12] has norm 13; clipped to 6.5 it becomes g/2 = [1.5, 2, 6] (tol 1e-15)', () => {
    const g = Float64Array.from([3, 4, 12]);
    expect(clipGlobalNorm(g, 6.5)).toBe(13);
    [1.5, 2, 6].forEach((v, k) => expect(Math.abs(g[k]! - v)).toBeLessThan(1e-15));
  });
  test('under the limit, or zero, g is unchanged and its norm returned', () => {
    const g = Float64Array.from([3, 4]);
    expect(clipGlobalNorm(g, 5)).toBe(5);
    expect(Array.from(g)).toEqual([3, 4]);
    const z = new Float64Array(3);
    expect(clipGlobalNorm(z, 1)).toBe(0);
    expect(Array.from(z)).toEqual([0, 0, 0]);
  });
});
