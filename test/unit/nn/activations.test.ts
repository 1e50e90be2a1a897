// kernels/nn activation records: the layer activations are kernels/activations.ts' records themselves (not
// copies), and SiLU's derivative matches central differences of SiLU.
import { expect, test } from 'vitest';
import { ACTIVATIONS as DEMO_ACTIVATIONS } from '../../../kernels/activations';
import { ACTIVATIONS, LAYER_ACTIVATIONS, RELU, SILU } from '../../../kernels/nn/index';

test('the vanishing demo and the nets share one set of records', () => {
  expect(DEMO_ACTIVATIONS).toBe(ACTIVATIONS);
  expect(LAYER_ACTIVATIONS.relu).toBe(ACTIVATIONS.relu);
  expect(LAYER_ACTIVATIONS.tanh).toBe(ACTIVATIONS.tanh);
  expect(RELU).toBe(ACTIVATIONS.relu);
  expect(LAYER_ACTIVATIONS.silu).toBe(SILU);
});

test.each([-6, -1.5, -0.2, 0, 0.3, 2, 7])(
  'SiLU: f(%d) = z·σ(z) and f′ matches central differences (h = 1e-6, tol 1e-9)',
  (z) => {
    expect(Math.abs(SILU.f(z) - z / (1 + Math.exp(-z)))).toBeLessThan(1e-15);
    const h = 1e-6;
    expect(Math.abs(SILU.df(z) - (SILU.f(z + h) - SILU.f(z - h)) / (2 * h))).toBeLessThan(1e-9);
  },
);
