// Gradient-based attributions for question 16 (interpretability): plain gradient, gradient × input,
// SmoothGrad and integrated gradients, each from a caller's gradient function, plus the Spearman rank
// correlation the cell scores every method with. Plain arrays in and out, no DOM, no tfjs. Shapley values,
// LIME and permutation importance are in interpret-shap.ts and interpret-lime.ts; attention rollout and
// Grad-CAM in interpret-maps.ts.
//
// Example: integratedGradients((x) => [2 * x[0]!], [3], [0], 32) // [9] = f(3) − f(0) for f = x²
import { createRng } from '../src/runtime/rng';

export type GradFn = (x: number[]) => number[];

function checkSameLength(name: string, a: readonly number[], n: number): void {
  if (a.length !== n) throw new Error(`${name} must have ${n} entries, got ${a.length}`);
  for (const v of a) if (!Number.isFinite(v)) throw new Error(`${name} must be finite, got ${v}`);
}

function checkGrad(g: number[], n: number): number[] {
  if (g.length !== n) throw new Error(`grad must return ${n} entries, got ${g.length}`);
  return g;
}

/** The plain gradient (saliency) at x: grad(x), checked for length. */
export function plainGradient(grad: GradFn, x: number[]): number[] {
  checkSameLength('x', x, x.length);
  return checkGrad(grad(x.slice()), x.length);
}

/** Gradient × input: ∂f/∂xᵢ · (xᵢ − baselineᵢ) (baseline 0 by default). */
export function gradientTimesInput(grad: GradFn, x: number[], baseline?: number[]): number[] {
  const b = baseline ?? x.map(() => 0);
  checkSameLength('baseline', b, x.length);
  return plainGradient(grad, x).map((g, i) => g * (x[i]! - b[i]!));
}

/**
 * Integrated gradients (Sundararajan et al. 2017): (xᵢ − bᵢ) · ∫₀¹ ∂f/∂xᵢ(b + α(x − b)) dα, the integral by
 * the midpoint Riemann sum at α = (k + ½)/steps, k = 0 … steps − 1. Exact for f quadratic; the sum of the
 * attributions tends to f(x) − f(baseline) (completeness) with an error that falls as 1/steps².
 */
export function integratedGradients(grad: GradFn, x: number[], baseline: number[], steps: number): number[] {
  const n = x.length;
  checkSameLength('x', x, n);
  checkSameLength('baseline', baseline, n);
  if (!Number.isInteger(steps) || steps < 1 || steps > 100000)
    throw new Error(`steps must be an integer from 1 to 100000, got ${steps}`);
  const sum = new Array<number>(n).fill(0);
  const point = new Array<number>(n);
  for (let k = 0; k < steps; k++) {
    const a = (k + 0.5) / steps;
    for (let i = 0; i < n; i++) point[i] = baseline[i]! + a * (x[i]! - baseline[i]!);
    const g = checkGrad(grad(point.slice()), n);
    for (let i = 0; i < n; i++) sum[i]! += g[i]!;
  }
  return sum.map((s, i) => (s / steps) * (x[i]! - baseline[i]!));
}

export interface SmoothGradOptions {
  /** Standard deviation of the Gaussian noise added to x (absolute units), ≥ 0. */
  sigma: number;
  /** Noisy copies averaged, 1 to 10000. */
  samples: number;
  seed: number;
}

/** SmoothGrad (Smilkov et al. 2017): the mean gradient over `samples` copies of x + N(0, σ²) noise. */
export function smoothGrad(grad: GradFn, x: number[], options: SmoothGradOptions): number[] {
  const { sigma, samples, seed } = options;
  const n = x.length;
  checkSameLength('x', x, n);
  if (!Number.isFinite(sigma) || sigma < 0) throw new Error(`sigma must be ≥ 0, got ${sigma}`);
  if (!Number.isInteger(samples) || samples < 1 || samples > 10000)
    throw new Error(`samples must be an integer from 1 to 10000, got ${samples}`);
  const rng = createRng(seed);
  const sum = new Array<number>(n).fill(0);
  for (let s = 0; s < samples; s++) {
    const g = checkGrad(grad(x.map((v) => v + sigma * rng.normal())), n);
    for (let i = 0; i < n; i++) sum[i]! += g[i]!;
  }
  return sum.map((v) => v / samples);
}

/** Ranks 1 … n, ties sharing their average rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(values.length);
  for (let s = 0; s < order.length;) {
    let e = s;
    while (e + 1 < order.length && order[e + 1]![0] === order[s]![0]) e++;
    for (let k = s; k <= e; k++) r[order[k]![1]] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return r;
}

/** Spearman's rank correlation (Pearson on average ranks); NaN when either side is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length < 2)
    throw new Error(`spearman needs two arrays of the same length ≥ 2, got ${a.length} and ${b.length}`);
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const ma = ra.reduce((s, v) => s + v, 0) / n;
  const mb = rb.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i]! - ma) * (rb[i]! - mb);
    saa += (ra[i]! - ma) ** 2;
    sbb += (rb[i]! - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}
