// Float32 addition is not associative: one array summed in five orders (forward, reverse, pairwise, sorted by
// magnitude, Kahan-compensated) gives different float32 answers, beside the float64 sum. Every addition is
// rounded to float32 with Math.fround, so the answers are the same on every machine and browser: this is
// what a GPU reduction does when its threads finish in another order. No DOM.
//
// Example: float32Sums([1e8, -1e8, 1]) // forward 1, reverse 0, pairwise 0, sorted 0, kahan 1, float64 1
import { createRng } from '../src/runtime/rng';
import { checkInt, checkRange } from './nn/index';

export const SUM_ORDERS = ['forward', 'reverse', 'pairwise', 'sorted', 'kahan'] as const;
export type SumOrder = (typeof SUM_ORDERS)[number];

export type Float32Sums = Record<SumOrder, number> & { float64: number };

const f = Math.fround;

/** Left to right: ((x₀ + x₁) + x₂) + …, each sum rounded to float32. */
export function sumForward(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s = f(s + f(xs[i]!));
  return s;
}

/** Right to left. */
export function sumReverse(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = xs.length - 1; i >= 0; i--) s = f(s + f(xs[i]!));
  return s;
}

/** Halves summed separately, then added (a tree reduction, as a GPU does): first half of ⌊n/2⌋ items. */
export function sumPairwise(xs: ArrayLike<number>, lo = 0, hi = xs.length): number {
  if (hi - lo <= 0) return 0;
  if (hi - lo === 1) return f(xs[lo]!);
  const mid = lo + Math.floor((hi - lo) / 2);
  return f(sumPairwise(xs, lo, mid) + sumPairwise(xs, mid, hi));
}

/** Forward after sorting by |x|, smallest first (ties: the earlier item first). */
export function sumSorted(xs: ArrayLike<number>): number {
  const order = Array.from(xs, (_, i) => i).sort((a, b) => Math.abs(xs[a]!) - Math.abs(xs[b]!) || a - b);
  return sumForward(order.map((i) => xs[i]!));
}

/** Kahan's compensated sum in float32: the rounding error of each addition is carried into the next. */
export function sumKahan(xs: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const y = f(f(xs[i]!) - c);
    const t = f(s + y);
    c = f(f(t - s) - y);
    s = t;
  }
  return s;
}

/** The five float32 orders and the float64 sum of the float32 values. */
export function float32Sums(xs: ArrayLike<number>): Float32Sums {
  let d = 0;
  for (let i = 0; i < xs.length; i++) d += f(xs[i]!);
  return {
    forward: sumForward(xs),
    reverse: sumReverse(xs),
    pairwise: sumPairwise(xs),
    sorted: sumSorted(xs),
    kahan: sumKahan(xs),
    float64: d,
  };
}

/** How many different float32 answers the orders gave. */
export function distinctAnswers(s: Float32Sums): number {
  return new Set(SUM_ORDERS.map((o) => s[o])).size;
}

/**
 * n seeded float32 values with random signs whose magnitudes span `decades` powers of ten (10⁰ to 10^decades,
 * log-uniform): the wider the span, the more the order matters.
 */
export function mixedMagnitudes(n: number, decades: number, seed: number): Float32Array {
  checkInt('n', n, 1, 1_000_000);
  checkRange('decades', decades, 0, 30);
  const rng = createRng(seed);
  return Float32Array.from(
    { length: n },
    () => (rng.uniform() < 0.5 ? -1 : 1) * 10 ** (decades * rng.uniform()),
  );
}
