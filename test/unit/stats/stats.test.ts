// kernels/stats.ts against references written here: hand-enumerated sign-flip permutations, a hand-worked
// McNemar table, scipy.stats 1.17 figures for Welch, G*Power's published sample size, and the normal-theory
// interval on a large sample for the bootstrap.
import { describe, expect, it } from 'vitest';
import {
  bootstrapCI,
  mcnemar,
  pairedPermutationTest,
  seedsForPower,
  tInterval,
  tTestPower,
  welchInterval,
} from '../../../kernels/stats';
import { createRng } from '../../../src/runtime/rng';

describe('pairedPermutationTest', () => {
  it('enumerates all 2ⁿ sign patterns for n = 3', () => {
    // d = 1, 2, 3 (sum 6). ±1 ±2 ±3 ∈ {6, 4, 2, 0, 0, −2, −4, −6}: two of eight reach |6|.
    expect(pairedPermutationTest([1, 2, 3], [0, 0, 0])).toEqual({ p: 0.25, exact: true });
  });
  it('enumerates all 16 patterns for n = 4 with a negative difference', () => {
    // d = 1, −2, 3, 4 (sum 6). Sums 10 − 2S over the subset sums S of {1, 2, 3, 4}:
    // 10 8 6 4 2 4 2 0 0 −2 −4 −2 −4 −6 −8 −10 → six have |s| ≥ 6.
    expect(pairedPermutationTest([1, 0, 3, 4], [0, 2, 0, 0])).toEqual({ p: 6 / 16, exact: true });
  });
  it('ignores zero differences: 1000 pairs with three non-zero ones are enumerated exactly', () => {
    const a = [1, 2, 3, ...Array<number>(997).fill(0.5)];
    const b = [0, 0, 0, ...Array<number>(997).fill(0.5)];
    expect(pairedPermutationTest(a, b)).toEqual({ p: 0.25, exact: true });
    expect(pairedPermutationTest([1, 1], [1, 1])).toEqual({ p: 1, exact: true });
  });
  it('falls back to seeded Monte Carlo, close to the exact p', () => {
    const rng = createRng(3);
    const a = Array.from({ length: 16 }, () => rng.normal() + 0.4);
    const b = Array.from({ length: 16 }, () => rng.normal());
    const exact = pairedPermutationTest(a, b, { resamples: 2 ** 16 });
    const mc = pairedPermutationTest(a, b, { resamples: 4000, seed: 9 });
    expect(exact.exact).toBe(true);
    expect(mc.exact).toBe(false);
    const se = Math.sqrt((exact.p * (1 - exact.p)) / 4000);
    expect(Math.abs(mc.p - exact.p)).toBeLessThan(4 * se + 1 / 4000);
    expect(pairedPermutationTest(a, b, { resamples: 4000, seed: 9 })).toEqual(mc);
  });
  it('throws on different lengths or too few values', () => {
    expect(() => pairedPermutationTest([1, 2], [1])).toThrow(/same length/);
    expect(() => pairedPermutationTest([1], [1])).toThrow(/at least 2/);
  });
});

describe('mcnemar', () => {
  it('gives the exact binomial p on a hand-worked table', () => {
    // 10 both right, 1 only A right, 7 only B right, 2 both wrong: p = 2·P(X ≤ 1 | Bin(8, ½)) = 18/256.
    const a = [...Array(10).fill(true), true, ...Array(7).fill(false), false, false];
    const b = [...Array(10).fill(true), false, ...Array(7).fill(true), false, false];
    expect(mcnemar(a, b).p).toBeCloseTo(18 / 256, 12);
    expect(mcnemar(b, a).p).toBeCloseTo(18 / 256, 12);
  });
  it('is 1 with no discordant pairs and caps at 1 when they balance', () => {
    expect(mcnemar([true, false], [true, false]).p).toBe(1);
    expect(mcnemar([true, false, true], [false, true, true]).p).toBe(1);
  });
  it('throws on different lengths', () => {
    expect(() => mcnemar([true, true], [true])).toThrow(/same length/);
  });
});

describe('t intervals', () => {
  it('tInterval on 1..5: 3 ± 2.776445·√(2.5/5)', () => {
    const r = tInterval([1, 2, 3, 4, 5]);
    expect(r.mean).toBe(3);
    expect(r.hi - 3).toBeCloseTo(2.776445105 * Math.sqrt(0.5), 7);
    expect(3 - r.lo).toBeCloseTo(r.hi - 3, 12);
  });
  it('welchInterval matches scipy ttest_ind(equal_var=False).confidence_interval', () => {
    const a = [0.81, 0.84, 0.79, 0.86, 0.83];
    const b = [0.78, 0.8, 0.74, 0.83, 0.77, 0.72];
    const r = welchInterval(a, b);
    expect(r.diff).toBeCloseTo(0.826 - 0.7733333333, 8);
    expect(r.lo).toBeCloseTo(0.00661291507740084, 7);
    expect(r.hi).toBeCloseTo(0.09872041825593222, 7);
    expect(r.df).toBeCloseTo(8.721881154008646, 9);
  });
  it('throws on a level outside (0, 1) or too few values', () => {
    expect(() => tInterval([1, 2], { level: 1 })).toThrow(/level/);
    expect(() => welchInterval([1], [1, 2])).toThrow(/a needs at least 2/);
  });
});

describe('bootstrapCI', () => {
  it('agrees with the normal-theory interval on a large sample', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 1500 }, () => 2 + 3 * rng.normal());
    const m = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
    const half = (1.959964 * sd) / Math.sqrt(values.length);
    const r = bootstrapCI(values, { resamples: 4000, seed: 5 });
    expect(r.mean).toBeCloseTo(m, 12);
    // the percentile ends carry Monte-Carlo noise of a few percent of the half width
    expect(Math.abs(r.lo - (m - half))).toBeLessThan(0.08 * half);
    expect(Math.abs(r.hi - (m + half))).toBeLessThan(0.08 * half);
    expect(bootstrapCI(values, { resamples: 4000, seed: 5 })).toEqual(r);
  });
  it('on 0/1 data (the binomial shortcut) gives the binomial quantiles of the resampled share', () => {
    // 200 verdicts, 160 right: a resample's count of right ones is Binomial(200, 0.8); its 2.5% and 97.5%
    // quantiles, summed here from the pmf in float64, bound the interval to within one example.
    const values = Array.from({ length: 200 }, (_, i) => (i < 160 ? 1 : 0));
    const pmf = (k: number) => {
      let lc = 0;
      for (let j = 1; j <= k; j++) lc += Math.log((200 - k + j) / j);
      return Math.exp(lc + k * Math.log(0.8) + (200 - k) * Math.log(0.2));
    };
    const quantile = (q: number) => {
      let c = 0;
      for (let k = 0; k <= 200; k++) if ((c += pmf(k)) >= q) return k / 200;
      return 1;
    };
    const r = bootstrapCI(values, { resamples: 20_000, seed: 3 });
    expect(Math.abs(r.lo - quantile(0.025))).toBeLessThanOrEqual(1 / 200 + 1e-12);
    expect(Math.abs(r.hi - quantile(0.975))).toBeLessThanOrEqual(1 / 200 + 1e-12);
  });
  it('on mostly-zero differences agrees with the normal-theory interval', () => {
    const values = [
      ...Array<number>(370).fill(0),
      ...Array<number>(20).fill(1),
      ...Array<number>(10).fill(-1),
    ];
    const m = 10 / 400;
    const sdPop = Math.sqrt(30 / 400 - m * m);
    const half = (1.959964 * sdPop) / Math.sqrt(400);
    const r = bootstrapCI(values, { resamples: 20_000, seed: 4 });
    expect(Math.abs(r.lo - (m - half))).toBeLessThan(0.1 * half);
    expect(Math.abs(r.hi - (m + half))).toBeLessThan(0.1 * half);
  });
  it('throws on a level outside (0, 1) or fewer than two values', () => {
    expect(() => bootstrapCI([1, 2, 3], { level: 0 })).toThrow(/level/);
    expect(() => bootstrapCI([1], {})).toThrow(/at least 2/);
  });
});

describe('seedsForPower', () => {
  it('gives G*Power’s 17 per arm for δ/σ = 1, α = 0.05, power 0.8 (two-sample)', () => {
    expect(seedsForPower({ delta: 1, sd: 1 })).toBe(17);
    // scipy 1.17 power via nct: n = 17 → 0.8070367, n = 16 → 0.7813978
    expect(tTestPower({ delta: 1, sd: 1, n: 17 })).toBeCloseTo(0.8070367, 6);
    expect(tTestPower({ delta: 1, sd: 1, n: 16 })).toBeCloseTo(0.7813978, 6);
  });
  it('σ = 0.8 per arm and δ = 1.5, two-sample: five seeds ≈ 74% power, six ≈ 83%', () => {
    // These are question 16's figures; the paired design with sd of the differences 0.8 gives 87% and 95%.
    expect(tTestPower({ delta: 1.5, sd: 0.8, n: 5 })).toBeCloseTo(0.7381709, 6);
    expect(tTestPower({ delta: 1.5, sd: 0.8, n: 6 })).toBeCloseTo(0.8325694, 6);
    expect(tTestPower({ delta: 1.5, sd: 0.8, n: 5, paired: true })).toBeCloseTo(0.8731728, 6);
    expect(seedsForPower({ delta: 1.5, sd: 0.8 })).toBe(6);
    expect(seedsForPower({ delta: 1.5, sd: 0.8, paired: true })).toBe(5);
  });
  it('is close to the normal approximation 2(z₀.₉₇₅ + z₀.₈)²/d² for a small effect', () => {
    // d = 0.2: 2·(1.959964 + 0.841621)²/0.04 = 392.4 → the t-test needs one more, 394 (G*Power: 394)
    expect(seedsForPower({ delta: 0.2, sd: 1 })).toBe(394);
  });
  it('throws on a zero effect, a non-positive sd or a power at or below alpha', () => {
    expect(() => seedsForPower({ delta: 0, sd: 1 })).toThrow(/delta/);
    expect(() => seedsForPower({ delta: 1, sd: -1 })).toThrow(/sd/);
    expect(() => seedsForPower({ delta: 1, sd: 1, power: 0.01 })).toThrow(/power/);
  });
});
