// The forward process: both schedules against their closed forms (reference values from 40-digit mpmath),
// and qSample against the formula.
import { describe, expect, test } from 'vitest';
import { alphaBarAt, noiseSchedule, qSample } from '../../../kernels/diffusion/schedule';
import { createRng } from '../../../src/runtime/rng';

describe('linear schedule (DDPM)', () => {
  const s = noiseSchedule(1000, 'linear');

  test('β runs from 1e-4 to 0.02 in equal steps (tol 1e-15)', () => {
    expect(s.betas[0]).toBeCloseTo(1e-4, 15);
    expect(s.betas[999]).toBeCloseTo(0.02, 15);
    const step = (0.02 - 1e-4) / 999;
    for (let i = 1; i < 1000; i++) expect(Math.abs(s.betas[i] - s.betas[i - 1] - step)).toBeLessThan(1e-15);
  });

  test('ᾱ_T for T = 1000 is 4.0358e-5 (mpmath: 4.035829765375683e-5, rel tol 1e-10)', () => {
    expect(Math.abs(s.alphaBars[999] / 4.035829765375683e-5 - 1)).toBeLessThan(1e-10);
  });

  test('α = 1 − β and ᾱ_t = exp(Σ log α_s) (rel tol 1e-12)', () => {
    let logSum = 0;
    for (let i = 0; i < 1000; i++) {
      expect(s.alphas[i]).toBe(1 - s.betas[i]);
      logSum += Math.log1p(-s.betas[i]);
      expect(Math.abs(s.alphaBars[i] / Math.exp(logSum) - 1)).toBeLessThan(1e-12);
    }
  });

  test('T = 1 has the single β 1e-4', () => {
    expect(Array.from(noiseSchedule(1, 'linear').betas)).toEqual([1e-4]);
  });
});

describe('cosine schedule (improved DDPM, s = 0.008)', () => {
  const T = 1000;
  const s = noiseSchedule(T, 'cosine');
  const f = (t: number) => Math.cos(((t / T + 0.008) / 1.008) * (Math.PI / 2)) ** 2;

  test('ᾱ_t = f(t)/f(0) wherever β is not clipped (rel tol 1e-9); mpmath: ᾱ_500 = 0.4938435904406377', () => {
    for (const t of [1, 10, 100, 500, 900, 999])
      expect(Math.abs(s.alphaBars[t - 1] / (f(t) / f(0)) - 1)).toBeLessThan(1e-9);
    expect(s.alphaBars[499]).toBeCloseTo(0.4938435904406377, 12);
    expect(s.alphaBars[998]).toBeCloseTo(2.428766907034468e-6, 15);
  });

  test('β_1 = 4.1284e-5 (mpmath, rel tol 1e-9); only the last β is clipped, to 0.999', () => {
    expect(Math.abs(s.betas[0] / 4.12842248217778e-5 - 1)).toBeLessThan(1e-9);
    expect(s.betas[T - 1]).toBe(0.999);
    expect(Math.max(...s.betas.subarray(0, T - 1))).toBeLessThan(0.999);
    expect(s.alphaBars[T - 1]).toBeCloseTo(s.alphaBars[T - 2] * 0.001, 20);
  });

  test('ᾱ falls more evenly than the linear schedule: at t = T/2 it keeps ~49% of the signal, linear ~8%', () => {
    const linear = noiseSchedule(T, 'linear');
    expect(linear.alphaBars[499]).toBeLessThan(0.1);
    expect(s.alphaBars[499]).toBeGreaterThan(0.45);
  });
});

describe('qSample', () => {
  const s = noiseSchedule(100, 'cosine');
  const rng = createRng(3);
  const x0 = Float64Array.from({ length: 40 }, () => rng.normal());
  const noise = Float64Array.from({ length: 40 }, () => rng.normal());

  test('x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·noise element by element (tol 1e-15)', () => {
    for (const t of [1, 37, 100]) {
      const xt = qSample(x0, t, noise, s);
      const ab = s.alphaBars[t - 1];
      xt.forEach((v, i) =>
        expect(Math.abs(v - (Math.sqrt(ab) * x0[i] + Math.sqrt(1 - ab) * noise[i]))).toBeLessThan(1e-15),
      );
    }
  });

  test('t = 0 is the clean data; writing into x0 itself works', () => {
    expect(Array.from(qSample(x0, 0, noise, s))).toEqual(Array.from(x0));
    expect(alphaBarAt(s, 0)).toBe(1);
    const copy = x0.slice();
    const expected = qSample(x0, 50, noise, s);
    expect(qSample(copy, 50, noise, s, copy)).toBe(copy);
    expect(Array.from(copy)).toEqual(Array.from(expected));
  });

  test('over many points, x_t has mean √ᾱ_t·x0 and variance 1 − ᾱ_t (n = 20000, tol 4 standard errors)', () => {
    const n = 20000;
    const r = createRng(9);
    const zeros = new Float64Array(n).fill(2);
    const eps = Float64Array.from({ length: n }, () => r.normal());
    const xt = qSample(zeros, 30, eps, s);
    const ab = s.alphaBars[29];
    const mean = xt.reduce((a, b) => a + b) / n;
    const variance = xt.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean - 2 * Math.sqrt(ab))).toBeLessThan(4 * Math.sqrt((1 - ab) / n));
    expect(Math.abs(variance / (1 - ab) - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});

describe('bad input', () => {
  const s = noiseSchedule(10, 'linear');
  test.each([
    [() => noiseSchedule(0, 'linear'), 'T must be an integer in 1..10000, got 0'],
    [() => noiseSchedule(2.5, 'cosine'), 'T must be an integer in 1..10000, got 2.5'],
    [() => noiseSchedule(10, 'quadratic' as 'linear'), 'kind must be one of linear, cosine, got "quadratic"'],
    [() => qSample([1, 2], 11, [0, 0], s), 't must be an integer in 0..10, got 11'],
    [() => qSample([1, 2], -1, [0, 0], s), 't must be an integer in 0..10, got -1'],
    [() => qSample([1, 2], 1, [0], s), 'noise must have the length of x0 (2), got 1'],
  ])('%#: throws a message naming the argument', (fn, message) => {
    expect(fn).toThrow(message);
  });
});
