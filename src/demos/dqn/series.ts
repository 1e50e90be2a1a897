// Small series helpers for the DQN cell's plots. Pure, unit-tested.

/** Trailing moving average: out[i] is the mean of xs[max(0, i − k + 1) .. i]. */
export function movingAverage(xs: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`window must be a positive integer, got ${k}`);
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += xs[i]!;
    if (i >= k) sum -= xs[i - k]!;
    out.push(sum / Math.min(i + 1, k));
  }
  return out;
}

/** Mean of the last `k` values (all of them when fewer); NaN for none. */
export function tailMean(xs: readonly number[], k: number): number {
  const tail = xs.slice(Math.max(0, xs.length - k));
  return tail.length ? tail.reduce((a, b) => a + b, 0) / tail.length : NaN;
}
