// LIME for tabular inputs (Ribeiro et al. 2016), question 16: perturb x with seeded Gaussian noise, weight
// each perturbed point by an exponential kernel of its (scaled) distance to x, and fit a weighted linear model
// f(z) ≈ a + Σ βᵢ (zᵢ − xᵢ) by least squares, ridge-regularised in scaled units ((zᵢ − xᵢ)/scaleᵢ). The coefficients β are the attributions; on a
// linear f they are its weights. Plain arrays in and out, no DOM.
//
// Example: lime((z) => 3 * z[0]! - z[1]!, [1, 2], { samples: 200, seed: 1 }).coefficients // ≈ [3, −1]
import { createRng } from '../src/runtime/rng';
import type { ScalarFn } from './interpret-shap';

export interface LimeOptions {
  /** Perturbed points, at least features + 2 (default 500). */
  samples?: number;
  /** Noise scale per feature (or one for all), > 0 (default 1). */
  scale?: number | number[];
  /** Kernel width in scaled units (default 0.75·√features, LIME's). */
  kernelWidth?: number;
  /** Ridge penalty on β (default 1e-6). */
  ridge?: number;
  seed: number;
}

export interface LimeResult {
  coefficients: number[];
  /** The fitted value at x itself. */
  intercept: number;
  /** Weighted R² of the local fit. */
  r2: number;
}

/** Solves A·u = b for a symmetric positive definite A (n × n, row-major) by Cholesky. */
export function solveSpd(A: number[][], b: number[]): number[] {
  const n = b.length;
  const L = A.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 0)) throw new Error('the system is not positive definite (too few distinct samples?)');
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
    y[i] = s / L[i]![i]!;
  }
  const u = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * u[k]!;
    u[i] = s / L[i]![i]!;
  }
  return u;
}

export function lime(f: ScalarFn, x: number[], options: LimeOptions): LimeResult {
  const d = x.length;
  if (d < 1 || !x.every(Number.isFinite)) throw new Error('x must have at least one finite feature');
  const samples = options.samples ?? 500;
  if (!Number.isInteger(samples) || samples < d + 2 || samples > 100000)
    throw new Error(`samples must be an integer from ${d + 2} to 100000, got ${samples}`);
  const scaleOpt = options.scale ?? 1;
  const scale = typeof scaleOpt === 'number' ? x.map(() => scaleOpt) : scaleOpt;
  if (scale.length !== d || !scale.every((s) => Number.isFinite(s) && s > 0))
    throw new Error(`scale must be positive, one per feature (${d})`);
  const width = options.kernelWidth ?? 0.75 * Math.sqrt(d);
  if (!Number.isFinite(width) || width <= 0) throw new Error(`kernelWidth must be > 0, got ${width}`);
  const ridge = options.ridge ?? 1e-6;
  if (!Number.isFinite(ridge) || ridge < 0) throw new Error(`ridge must be ≥ 0, got ${ridge}`);
  const rng = createRng(options.seed);
  // Normal equations of the weighted fit on the design [1, z − x].
  const n = d + 1;
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const b = new Array<number>(n).fill(0);
  const rows: { u: number[]; y: number; w: number }[] = [];
  for (let s = 0; s < samples; s++) {
    const e = x.map(() => rng.normal());
    const z = x.map((v, i) => v + scale[i]! * e[i]!);
    const dist2 = e.reduce((t, v) => t + v * v, 0);
    const w = Math.exp(-dist2 / (width * width));
    const u = [1, ...e];
    const y = f(z);
    rows.push({ u, y, w });
    for (let i = 0; i < n; i++) {
      b[i]! += w * u[i]! * y;
      for (let j = 0; j < n; j++) A[i]![j]! += w * u[i]! * u[j]!;
    }
  }
  const wSum = rows.reduce((t, r) => t + r.w, 0);
  for (let i = 1; i < n; i++) A[i]![i]! += ridge * wSum;
  const beta = solveSpd(A, b);
  const mean = rows.reduce((t, r) => t + r.w * r.y, 0) / wSum;
  let ssr = 0;
  let sst = 0;
  for (const r of rows) {
    const fit = r.u.reduce((t, v, i) => t + v * beta[i]!, 0);
    ssr += r.w * (r.y - fit) ** 2;
    sst += r.w * (r.y - mean) ** 2;
  }
  return {
    coefficients: beta.slice(1).map((c, i) => c / scale[i]!),
    intercept: beta[0]!,
    r2: sst > 0 ? 1 - ssr / sst : 1,
  };
}
