// Statistics for comparing runs (questions 6, 7 and 9): the percentile bootstrap of a mean, the paired
// sign-flip permutation test (exact when all 2ⁿ patterns fit in the resample budget), McNemar's exact test,
// Student and Welch t intervals, and the number of seeds a two-sided t-test needs for a given power (from the
// noncentral t, not the normal approximation). Plain arrays in, plain records out; every random draw comes
// from a seeded generator; bad input throws an Error that says which argument and why.
//
// Example: seedsForPower({ delta: 1, sd: 1 })  // 17 runs per arm (two-sample, α = 0.05, power 0.8)
import { createRng } from '../src/runtime/rng';
import { binomialCdf, noncentralTCdf, tQuantile } from './stats-dist';
import { resampledMeans } from './stats-resample';

export { tQuantile, tCdf, noncentralTCdf, normalCdf, normalQuantile, binomialCdf } from './stats-dist';

function checkValues(name: string, values: readonly number[], min = 2): void {
  if (!Array.isArray(values)) throw new Error(`${name} must be an array of numbers`);
  if (values.length < min) throw new Error(`${name} needs at least ${min} values, got ${values.length}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw new Error(`${name}[${i}] must be a finite number, got ${values[i]}`);
  }
}

function checkSameLength(a: readonly unknown[], b: readonly unknown[]): void {
  if (!Array.isArray(a) || !Array.isArray(b)) throw new Error('a and b must be arrays');
  if (a.length !== b.length)
    throw new Error(`a and b must have the same length (paired values), got ${a.length} and ${b.length}`);
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new Error(`level must lie in (0, 1), got ${level}`);
}

function checkCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${n}`);
}

function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Unbiased sample variance (n − 1 in the denominator). */
function variance(values: readonly number[], m = mean(values)): number {
  let s = 0;
  for (const v of values) s += (v - m) * (v - m);
  return s / (values.length - 1);
}

/** Linear-interpolation quantile (type 7) of sorted values. */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < sorted.length ? sorted[i]! * (1 - frac) + sorted[i + 1]! * frac : sorted[i]!;
}

export interface BootstrapOptions {
  level?: number;
  resamples?: number;
  seed?: number;
}

/** Percentile bootstrap interval of the mean (defaults: level 0.95, 10,000 resamples, seed 0). */
export function bootstrapCI(
  values: number[],
  opts: BootstrapOptions = {},
): { mean: number; lo: number; hi: number } {
  const { level = 0.95, resamples = 10_000, seed = 0 } = opts;
  checkValues('values', values);
  checkLevel(level);
  checkCount('resamples', resamples);
  const means = resampledMeans(Float64Array.from(values), resamples, createRng(seed));
  means.sort();
  const tail = (1 - level) / 2;
  return { mean: mean(values), lo: sortedQuantile(means, tail), hi: sortedQuantile(means, 1 - tail) };
}

/**
 * Two-sided paired test of mean(a − b) = 0 by flipping the signs of the differences: exact over all 2ⁿ sign
 * patterns when 2ⁿ ≤ resamples (p = share at least as extreme, the observed one included), otherwise
 * Monte Carlo with p = (1 + count) / (1 + resamples). n counts the non-zero differences only (a zero's sign
 * changes nothing), so 0/1 results with few discordant pairs get the exact p. Defaults: 10,000, seed 0.
 */
export function pairedPermutationTest(
  a: number[],
  b: number[],
  opts: { resamples?: number; seed?: number } = {},
): { p: number; exact: boolean } {
  const { resamples = 10_000, seed = 0 } = opts;
  checkSameLength(a, b);
  checkValues('a', a);
  checkValues('b', b);
  checkCount('resamples', resamples);
  // A zero difference adds nothing whatever its sign, so only the non-zero ones are flipped: the same p
  // (every pattern of the zeros counts alike), exact for more cases, and faster.
  const d = a.map((x, i) => x - b[i]!).filter((x) => x !== 0);
  const n = d.length;
  let observed = 0;
  for (const x of d) observed += x;
  // Ties in |sum| are "as extreme"; allow for rounding in sums of the same numbers in another order.
  const threshold = Math.abs(observed) - 1e-9 * d.reduce((s, x) => s + Math.abs(x), 0);
  if (n === 0) return { p: 1, exact: true };
  if (n < 31 && 2 ** n <= resamples) {
    const patterns = 2 ** n;
    let count = 0;
    for (let mask = 0; mask < patterns; mask++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += mask & (1 << i) ? -d[i]! : d[i]!;
      if (Math.abs(s) >= threshold) count++;
    }
    return { p: count / patterns, exact: true };
  }
  // Monte Carlo: each uniform draw gives 32 random signs (its bits).
  const rng = createRng(seed);
  let count = 0;
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    let bits = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 31) === 0) bits = (rng.uniform() * 4294967296) >>> 0;
      s += bits & 1 ? -d[i]! : d[i]!;
      bits >>>= 1;
    }
    if (Math.abs(s) >= threshold) count++;
  }
  return { p: (1 + count) / (1 + resamples), exact: false };
}

/** The discordant pairs of two classifiers on the same examples: b = only A right, c = only B right. */
export function discordantCounts(aCorrect: boolean[], bCorrect: boolean[]): { onlyA: number; onlyB: number } {
  checkSameLength(aCorrect, bCorrect);
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < aCorrect.length; i++) {
    if (aCorrect[i] && !bCorrect[i]) onlyA++;
    else if (!aCorrect[i] && bCorrect[i]) onlyB++;
  }
  return { onlyA, onlyB };
}

/** McNemar's exact test: two-sided binomial p on the discordant pairs, p = min(1, 2·P(X ≤ min(b, c))). */
export function mcnemar(aCorrect: boolean[], bCorrect: boolean[]): { p: number } {
  if (!Array.isArray(aCorrect) || !Array.isArray(bCorrect))
    throw new Error('aCorrect and bCorrect must be arrays');
  if (aCorrect.length < 2) throw new Error(`aCorrect needs at least 2 values, got ${aCorrect.length}`);
  const { onlyA, onlyB } = discordantCounts(aCorrect, bCorrect);
  const n = onlyA + onlyB;
  if (n === 0) return { p: 1 };
  return { p: Math.min(1, 2 * binomialCdf(Math.min(onlyA, onlyB), n, 0.5)) };
}

/** Student-t interval for one mean (default level 0.95). */
export function tInterval(
  values: number[],
  opts: { level?: number } = {},
): { mean: number; lo: number; hi: number } {
  const { level = 0.95 } = opts;
  checkValues('values', values);
  checkLevel(level);
  const m = mean(values);
  const half =
    tQuantile(1 - (1 - level) / 2, values.length - 1) * Math.sqrt(variance(values, m) / values.length);
  return { mean: m, lo: m - half, hi: m + half };
}

/** Welch's t interval for mean(a) − mean(b) of two independent samples (unequal variances allowed). */
export function welchInterval(
  a: number[],
  b: number[],
  opts: { level?: number } = {},
): { diff: number; lo: number; hi: number; df: number } {
  const { level = 0.95 } = opts;
  checkValues('a', a);
  checkValues('b', b);
  checkLevel(level);
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const diff = mean(a) - mean(b);
  const se2 = va + vb;
  if (se2 === 0) return { diff, lo: diff, hi: diff, df: a.length + b.length - 2 };
  const df = (se2 * se2) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const half = tQuantile(1 - (1 - level) / 2, df) * Math.sqrt(se2);
  return { diff, lo: diff - half, hi: diff + half, df };
}

export interface PowerOptions {
  /** The true difference in means to detect (its sign does not matter). */
  delta: number;
  /** Two-sample: the standard deviation of one run in each arm; paired: of the per-seed differences. */
  sd: number;
  /** Two-sided significance level (default 0.05). */
  alpha?: number;
  /** Paired t-test on the differences (true) or two-sample t-test with equal variances (false, default). */
  paired?: boolean;
}

function checkPowerOptions(opts: PowerOptions): Required<PowerOptions> {
  const { delta, sd, alpha = 0.05, paired = false } = opts;
  if (!Number.isFinite(delta) || delta === 0)
    throw new Error(`delta must be a non-zero finite number, got ${delta}`);
  if (!(Number.isFinite(sd) && sd > 0)) throw new Error(`sd must be a positive number, got ${sd}`);
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must lie in (0, 1), got ${alpha}`);
  return { delta, sd, alpha, paired };
}

/** Power of the two-sided t-test with n runs per arm (or n pairs), from the noncentral t distribution. */
export function tTestPower(opts: PowerOptions & { n: number }): number {
  const { delta, sd, alpha, paired } = checkPowerOptions(opts);
  const { n } = opts;
  if (!Number.isInteger(n) || n < 2) throw new Error(`n must be an integer of at least 2, got ${n}`);
  const effect = Math.abs(delta) / sd;
  const df = paired ? n - 1 : 2 * n - 2;
  const ncp = paired ? effect * Math.sqrt(n) : effect * Math.sqrt(n / 2);
  const crit = tQuantile(1 - alpha / 2, df);
  return 1 - noncentralTCdf(crit, df, ncp) + noncentralTCdf(-crit, df, ncp);
}

/** The smallest number of runs per arm (pairs when paired) whose two-sided t-test reaches the power. */
export function seedsForPower(opts: PowerOptions & { power?: number }): number {
  const checked = checkPowerOptions(opts);
  const { power = 0.8 } = opts;
  if (!(power > checked.alpha && power < 1))
    throw new Error(`power must lie between alpha (${checked.alpha}) and 1, got ${power}`);
  const reaches = (n: number): boolean => tTestPower({ ...checked, n }) >= power;
  if (reaches(2)) return 2;
  let lo = 2; // fails
  let hi = 4;
  while (!reaches(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 1e8)
      throw new Error(`more than 10⁸ runs per arm needed for delta ${opts.delta} and sd ${opts.sd}`);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
