// Shapley values and permutation importance for question 16 (interpretability). kernelShap uses the
// interventional value function v(S) = mean over background rows b of f(x_S, b_notS): exact, over all 2^d
// coalitions, up to EXACT_SHAP_MAX features; beyond, a seeded estimate by permutation sampling (antithetic
// pairs: each permutation and its reverse), which kernelShapDetailed reports with exact: false and a note.
// Plain arrays in and out, no DOM.
//
// Example: kernelShap((z) => 2 * z[0]! + z[1]!, [1, 1], [[0, 0]]) // [2, 1]
import { createRng } from '../src/runtime/rng';

export type ScalarFn = (x: number[]) => number;

/** The largest feature count kernelShap computes exactly (2^12 = 4096 coalitions). */
export const EXACT_SHAP_MAX = 12;

export interface ShapOptions {
  /** Permutations drawn when sampling (rounded up to an even number: each comes with its reverse). */
  permutations?: number;
  seed?: number;
  /** Features up to which the exact sum is used (default EXACT_SHAP_MAX; 0 forces sampling). */
  exactUpTo?: number;
}

export interface ShapResult {
  values: number[];
  exact: boolean;
  note: string;
  /** v(∅) = mean of f over the background, so Σ values ≈ f(x) − base (exactly when exact). */
  base: number;
}

function checkInputs(x: number[], background: number[][]): void {
  if (x.length < 1) throw new Error('x must have at least one feature');
  if (!x.every(Number.isFinite)) throw new Error('x must be finite');
  if (background.length < 1) throw new Error('background must have at least one row');
  background.forEach((b, r) => {
    if (b.length !== x.length)
      throw new Error(`background[${r}] must have ${x.length} entries like x, got ${b.length}`);
  });
}

/** v(S) for the coalition `inS` (true: take x's value), averaged over the background rows. */
function valueOf(f: ScalarFn, x: number[], background: number[][], inS: (i: number) => boolean): number {
  const z = new Array<number>(x.length);
  let sum = 0;
  for (const b of background) {
    for (let i = 0; i < x.length; i++) z[i] = inS(i) ? x[i]! : b[i]!;
    sum += f(z.slice());
  }
  return sum / background.length;
}

function exactShap(f: ScalarFn, x: number[], background: number[][]): { values: number[]; base: number } {
  const d = x.length;
  const count = 1 << d;
  const v = new Float64Array(count);
  for (let m = 0; m < count; m++) v[m] = valueOf(f, x, background, (i) => ((m >> i) & 1) === 1);
  // w(s) = s!(d − s − 1)!/d! for a coalition of size s not holding the feature.
  const fact = [1];
  for (let k = 1; k <= d; k++) fact.push(fact[k - 1]! * k);
  const w = Array.from({ length: d }, (_, s) => (fact[s]! * fact[d - s - 1]!) / fact[d]!);
  const values = new Array<number>(d).fill(0);
  for (let m = 0; m < count; m++) {
    let size = 0;
    for (let t = m; t; t &= t - 1) size++;
    for (let i = 0; i < d; i++) if (((m >> i) & 1) === 0) values[i]! += w[size]! * (v[m | (1 << i)]! - v[m]!);
  }
  return { values, base: v[0]! };
}

function sampledShap(
  f: ScalarFn,
  x: number[],
  background: number[][],
  permutations: number,
  seed: number,
): { values: number[]; base: number } {
  const d = x.length;
  const rng = createRng(seed);
  const values = new Array<number>(d).fill(0);
  const base = valueOf(f, x, background, () => false);
  const pairs = Math.ceil(permutations / 2);
  const indices = Array.from({ length: d }, (_, i) => i);
  for (let p = 0; p < pairs; p++) {
    const order = rng.shuffle(indices);
    for (const perm of [order, order.slice().reverse()]) {
      const inS = new Array<boolean>(d).fill(false);
      let prev = base;
      for (const i of perm) {
        inS[i] = true;
        const next = valueOf(f, x, background, (k) => inS[k]!);
        values[i]! += next - prev;
        prev = next;
      }
    }
  }
  return { values: values.map((s) => s / (2 * pairs)), base };
}

/** Shapley values with their provenance: exact over all coalitions, or sampled (with how). */
export function kernelShapDetailed(
  f: ScalarFn,
  x: number[],
  background: number[][],
  options: ShapOptions = {},
): ShapResult {
  checkInputs(x, background);
  const exactUpTo = options.exactUpTo ?? EXACT_SHAP_MAX;
  if (!Number.isInteger(exactUpTo) || exactUpTo < 0 || exactUpTo > EXACT_SHAP_MAX)
    throw new Error(`exactUpTo must be an integer from 0 to ${EXACT_SHAP_MAX}, got ${exactUpTo}`);
  const d = x.length;
  if (d <= exactUpTo) {
    const r = exactShap(f, x, background);
    return {
      ...r,
      exact: true,
      note: `exact: all ${1 << d} coalitions over ${background.length} background rows`,
    };
  }
  const permutations = options.permutations ?? 256;
  if (!Number.isInteger(permutations) || permutations < 2 || permutations > 100000)
    throw new Error(`permutations must be an integer from 2 to 100000, got ${permutations}`);
  const seed = options.seed ?? 0;
  const r = sampledShap(f, x, background, permutations, seed);
  const drawn = 2 * Math.ceil(permutations / 2);
  return {
    ...r,
    exact: false,
    note: `sampled: ${drawn} permutations (antithetic pairs, seed ${seed}) over ${background.length} background rows; ${d} features are more than the ${exactUpTo} computed exactly`,
  };
}

/** Shapley values of f at x, interventional over `background`; exact up to 12 features, sampled beyond. */
export function kernelShap(f: ScalarFn, x: number[], background: number[][]): number[] {
  return kernelShapDetailed(f, x, background).values;
}

export interface PermutationOptions {
  repeats: number;
  seed: number;
}

/**
 * Permutation importance (Breiman 2001): for each feature, the mean increase of the squared error over
 * (X, y) when that column is shuffled, over `repeats` seeded shuffles. Global, not per sample.
 */
export function permutationImportance(
  predict: ScalarFn,
  X: number[][],
  y: number[],
  options: PermutationOptions,
): number[] {
  const { repeats, seed } = options;
  if (X.length < 2 || X.length !== y.length)
    throw new Error(`X and y must have the same row count ≥ 2, got ${X.length} and ${y.length}`);
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > 1000)
    throw new Error(`repeats must be an integer from 1 to 1000, got ${repeats}`);
  const d = X[0]!.length;
  const mse = (rows: number[][]) => rows.reduce((s, r, k) => s + (predict(r) - y[k]!) ** 2, 0) / rows.length;
  const reference = mse(X);
  const rng = createRng(seed);
  const rowIdx = X.map((_, k) => k);
  return Array.from({ length: d }, (_, j) => {
    let rise = 0;
    for (let t = 0; t < repeats; t++) {
      const perm = rng.shuffle(rowIdx);
      rise += mse(X.map((r, k) => r.map((v, i) => (i === j ? X[perm[k]!]![j]! : v)))) - reference;
    }
    return rise / repeats;
  });
}
