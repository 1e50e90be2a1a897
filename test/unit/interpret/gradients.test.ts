// Gradient attributions (kernels/interpret.ts) against closed forms: integrated gradients exact on a
// quadratic, converging on a product with the midpoint rule's 1/steps² error, completeness on a non-linear
// function; SmoothGrad seeded and equal to the gradient on a linear function; Spearman on hand-worked ranks.
import { describe, expect, it } from 'vitest';
import {
  gradientTimesInput,
  integratedGradients,
  plainGradient,
  ranks,
  smoothGrad,
  spearman,
} from '../../../kernels/interpret';

describe('integratedGradients', () => {
  it('is exact on f = Σ wᵢxᵢ² at any step count: IGᵢ = wᵢ(xᵢ² − bᵢ²)', () => {
    const w = [1.5, -2, 0.25];
    const x = [1, 2, -3];
    const b = [0.5, -1, 1];
    const grad = (z: number[]) => z.map((v, i) => 2 * w[i]! * v);
    for (const steps of [1, 3, 50]) {
      const ig = integratedGradients(grad, x, b, steps);
      ig.forEach((v, i) => expect(v).toBeCloseTo(w[i]! * (x[i]! ** 2 - b[i]! ** 2), 12));
    }
  });

  it('on f = x₀x₁x₂ from 0 tends to f(x)/3 each, the error falling as 1/steps²', () => {
    const x = [2, -1, 3];
    const f = x[0]! * x[1]! * x[2]!;
    const grad = (z: number[]) => [z[1]! * z[2]!, z[0]! * z[2]!, z[0]! * z[1]!];
    // Midpoint rule on ∫α² dα: Σ((k + ½)/n)²/n = 1/3 − 1/(12n²).
    for (const steps of [4, 16, 64]) {
      const ig = integratedGradients(grad, x, [0, 0, 0], steps);
      ig.forEach((v) => expect(v).toBeCloseTo(f * (1 / 3 - 1 / (12 * steps * steps)), 10));
    }
  });

  it('completeness: Σ IG → f(x) − f(baseline) on a non-linear function, the gap falling', () => {
    const f = (z: number[]) => Math.exp(z[0]!) * Math.sin(z[1]!) + z[2]! ** 3;
    const grad = (z: number[]) => [
      Math.exp(z[0]!) * Math.sin(z[1]!),
      Math.exp(z[0]!) * Math.cos(z[1]!),
      3 * z[2]! ** 2,
    ];
    const x = [0.7, 1.9, -1.2];
    const b = [-0.5, 0.1, 0.4];
    const gaps = [2, 8, 32, 128].map((steps) =>
      Math.abs(integratedGradients(grad, x, b, steps).reduce((s, v) => s + v, 0) - (f(x) - f(b))),
    );
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]!).toBeLessThan(gaps[k - 1]! / 8);
    expect(gaps.at(-1)!).toBeLessThan(1e-4);
  });

  it('refuses bad input with the argument named', () => {
    const g = (z: number[]) => z;
    expect(() => integratedGradients(g, [1], [0], 0)).toThrow(/steps/);
    expect(() => integratedGradients(g, [1, 2], [0], 4)).toThrow(/baseline/);
    expect(() => integratedGradients(() => [1, 2], [1], [0], 4)).toThrow(/grad must return 1/);
  });
});

describe('gradient, gradient × input, SmoothGrad', () => {
  const grad = (z: number[]) => [2 * z[0]!, Math.cos(z[1]!)];
  it('gradient and gradient × input are the hand-worked values', () => {
    expect(plainGradient(grad, [3, 0])).toEqual([6, 1]);
    expect(gradientTimesInput(grad, [3, 0])).toEqual([18, 0]);
    expect(gradientTimesInput(grad, [3, 0], [1, 0])).toEqual([12, 0]);
  });

  it('SmoothGrad of x₀² is 2x₀ in expectation and cos(x₁)·e^(−σ²/2) for sin, seeded', () => {
    const o = { sigma: 0.5, samples: 4000, seed: 7 };
    const sg = smoothGrad(grad, [1, 0.3], o);
    // E[2(x + σε)] = 2x; E[cos(x + σε)] = cos(x)·e^(−σ²/2); standard errors about 0.016 and 0.006.
    expect(sg[0]!).toBeCloseTo(2, 1);
    expect(Math.abs(sg[1]! - Math.cos(0.3) * Math.exp(-0.125))).toBeLessThan(0.03);
    expect(smoothGrad(grad, [1, 0.3], o)).toEqual(sg);
    smoothGrad(grad, [1, 0.3], { ...o, sigma: 0 }).forEach((v, i) =>
      expect(v).toBeCloseTo(grad([1, 0.3])[i]!, 12),
    );
    expect(() => smoothGrad(grad, [1, 0.3], { ...o, samples: 0 })).toThrow(/samples/);
  });
});

describe('spearman', () => {
  it('matches 1 − 6Σd²/(n(n²−1)) without ties and averages tied ranks', () => {
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(ranks([5, 1, 5, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(Number.isNaN(spearman([1, 1], [1, 2]))).toBe(true);
  });
});
