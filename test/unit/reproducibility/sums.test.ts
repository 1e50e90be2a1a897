// Float32 summation orders (kernels/repro-sum.ts) on hand-worked cases where the orders disagree: the
// notebook's 10⁸ − 10⁸ + 1, and 1 + 2²⁴ − 2²⁴ (2²⁴ + 1 is a tie in float32 and rounds to even, 2²⁴).
import { expect, test } from 'vitest';
import {
  distinctAnswers,
  float32Sums,
  mixedMagnitudes,
  sumPairwise,
  sumSorted,
} from '../../../kernels/repro-sum';

test('1e8, −1e8, 1: forward 1, reverse 0 (−1e8 + 1 rounds back to −1e8), pairwise 0, sorted 0, Kahan 1', () => {
  expect(float32Sums([1e8, -1e8, 1])).toEqual({
    forward: 1,
    reverse: 0,
    pairwise: 0,
    sorted: 0,
    kahan: 1,
    float64: 1,
  });
});

test('1, 2²⁴, −2²⁴: forward 0 (the tie rounds to even), reverse 1, pairwise 1, sorted 0, Kahan 1', () => {
  const t = 2 ** 24;
  const s = float32Sums([1, t, -t]);
  expect(s).toEqual({ forward: 0, reverse: 1, pairwise: 1, sorted: 0, kahan: 1, float64: 1 });
  expect(distinctAnswers(s)).toBe(2);
});

test('pairwise splits ⌊n/2⌋ first; sorted goes by |x|; empty sums are 0', () => {
  // [0.5, 2²⁴ | 1, −2²⁴]: (0.5 + 2²⁴ → 2²⁴) + (1 − 2²⁴ → −2²⁴ + 1 exactly) = 1.
  expect(sumPairwise([0.5, 2 ** 24, 1, -(2 ** 24)])).toBe(1);
  expect(sumSorted([-3, 1, 2])).toBe(0);
  expect(float32Sums([]).forward).toBe(0);
  expect(sumPairwise([])).toBe(0);
});

test('mixed magnitudes: seeded, float32 values, orders disagree; float64 is the plain double sum', () => {
  const a = mixedMagnitudes(1000, 8, 1);
  expect(Array.from(mixedMagnitudes(1000, 8, 1))).toEqual(Array.from(a));
  const s = float32Sums(a);
  expect(distinctAnswers(s)).toBeGreaterThan(2);
  let d = 0;
  for (const v of a) d += v;
  expect(s.float64).toBe(d);
  expect(() => mixedMagnitudes(0, 1, 1)).toThrow(/n must be an integer from 1/);
});
