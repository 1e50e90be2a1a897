// The bootstrap's resampled means (for kernels/stats.ts' bootstrapCI), with a shortcut that is exact in
// distribution for data where one value is most of the sample (0/1 verdicts, paired differences that are
// mostly 0): a resample's count of that value is Binomial(n, its share), drawn by inverting the binomial
// CDF; only the other draws are made one by one, from the remaining values. Otherwise n draws per resample.
//
// Example: resampledMeans(Float64Array.of(1, 0, 1, 1), 1000, createRng(0))  // 1000 bootstrap means
import type { Rng } from '../src/runtime/rng';
import { logGamma } from './stats-dist';

/** The most frequent value, how often it occurs, and the other values in their order. */
function splitMode(data: Float64Array): { mode: number; count: number; rest: Float64Array } {
  const counts = new Map<number, number>();
  for (const v of data) counts.set(v, (counts.get(v) ?? 0) + 1);
  let mode = data[0]!;
  let count = 0;
  for (const [v, c] of counts)
    if (c > count) {
      mode = v;
      count = c;
    }
  return { mode, count, rest: data.filter((v) => v !== mode) };
}

/** CDF of Binomial(n, p) at 0..n (float64, from the log pmf). */
function binomialTable(n: number, p: number): Float64Array {
  const cdf = new Float64Array(n + 1);
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const lnFactN = logGamma(n + 1);
  let s = 0;
  for (let k = 0; k <= n; k++) {
    s += Math.exp(lnFactN - logGamma(k + 1) - logGamma(n - k + 1) + k * lp + (n - k) * lq);
    cdf[k] = s;
  }
  return cdf;
}

/** The smallest k with cdf[k] ≥ u (the last when rounding leaves cdf[n] just under 1). */
function invert(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! >= u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `resamples` means of n values drawn with replacement from `data` (n = data.length). */
export function resampledMeans(data: Float64Array, resamples: number, rng: Rng): Float64Array {
  const n = data.length;
  const means = new Float64Array(resamples);
  const { mode, count, rest } = splitMode(data);
  if (count * 2 >= n && count < n) {
    const cdf = binomialTable(n, count / n);
    const m = rest.length;
    for (let r = 0; r < resamples; r++) {
      const k = invert(cdf, rng.uniform());
      let s = k * mode;
      for (let i = k; i < n; i++) s += rest[(rng.uniform() * m) | 0]!;
      means[r] = s / n;
    }
    return means;
  }
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[(rng.uniform() * n) | 0]!;
    means[r] = s / n;
  }
  return means;
}
