// The training form of the contrastive losses (question 10): loss and gradient with respect to the raw
// (un-normalised) embeddings, on flat row-major Float64Arrays (n rows × d), so an encoder built on kernels/nn
// can back-propagate it (denseBackward takes the gradient as ∂out). Same definitions as kernels/contrastive.ts,
// which the tests hold this against, with the backward written beside the forward:
//   logits S = ÂB̂ᵀ/τ, ∂S from the loss, ∂Â = ∂S·B̂/τ, ∂B̂ = ∂Sᵀ·Â/τ, then through the normalisation
//   â = a/‖a‖: ∂a = (∂â − â(â·∂â))/‖a‖.
// Also the SimSiam/BYOL term −cos(p, stopgrad(z)) (gradient into p only) and plain alignment (no negatives:
// the loss that collapses).
//
// Example:
//   const { loss, gradA, gradB } = contrastiveLossGrad('ntxent', z1, z2, 64, 2, { temperature: 0.2 });
import { checkTemperature } from './contrastive';
import { checkInt } from './nn/validate';

export const CONTRASTIVE_LOSSES = ['infonce', 'ntxent', 'clip', 'siglip', 'align'] as const;
export type ContrastiveLoss = (typeof CONTRASTIVE_LOSSES)[number];

export interface LossGrad {
  loss: number;
  /** ∂loss/∂a, n × d, row-major. */
  gradA: Float64Array;
  /** ∂loss/∂b, n × d, row-major. */
  gradB: Float64Array;
}

export interface LossOptions {
  /** τ > 0 (ignored by 'align'). */
  temperature?: number;
  /** SigLIP's bias b (default 0). */
  bias?: number;
}

/** Unit rows of x (n × d) and each row's norm (a zero row's norm is taken as 1e-12: it stays zero). */
export function unitRows(x: Float64Array, n: number, d: number): { u: Float64Array; norms: Float64Array } {
  const u = new Float64Array(n * d);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[i * d + k]! ** 2;
    const nrm = Math.max(Math.sqrt(s), 1e-12);
    norms[i] = nrm;
    for (let k = 0; k < d; k++) u[i * d + k] = x[i * d + k]! / nrm;
  }
  return { u, norms };
}

/** The gradient through â = a/‖a‖, in place on du: du ← (du − â(â·du))/‖a‖. */
function throughNorm(du: Float64Array, u: Float64Array, norms: Float64Array, n: number, d: number): void {
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let k = 0; k < d; k++) p += u[i * d + k]! * du[i * d + k]!;
    for (let k = 0; k < d; k++) du[i * d + k] = (du[i * d + k]! - u[i * d + k]! * p) / norms[i]!;
  }
}

/** out (m × d) += scale · G (m × r) · Y (r × d), or Gᵀ when `transpose` (G then r × m). */
function addProduct(
  out: Float64Array,
  g: Float64Array,
  y: Float64Array,
  m: number,
  r: number,
  d: number,
  scale: number,
  transpose: boolean,
): void {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < r; j++) {
      const gij = (transpose ? g[j * m + i]! : g[i * r + j]!) * scale;
      if (gij === 0) continue;
      for (let k = 0; k < d; k++) out[i * d + k] += gij * y[j * d + k]!;
    }
}

/** S = X·Yᵀ/τ for unit rows X (m × d), Y (r × d). */
function cosLogits(
  x: Float64Array,
  y: Float64Array,
  m: number,
  r: number,
  d: number,
  t: number,
): Float64Array {
  const s = new Float64Array(m * r);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < r; j++) {
      let v = 0;
      for (let k = 0; k < d; k++) v += x[i * d + k]! * y[j * d + k]!;
      s[i * r + j] = v / t;
    }
  return s;
}

/** Softmax of row i of s (m × r) into row i of p, column `skip` left out (0); returns its log Σ exp. */
function softmaxRow(s: Float64Array, p: Float64Array, i: number, r: number, skip = -1): number {
  let mx = -Infinity;
  for (let j = 0; j < r; j++) if (j !== skip && s[i * r + j]! > mx) mx = s[i * r + j]!;
  let sum = 0;
  for (let j = 0; j < r; j++) {
    const e = j === skip ? 0 : Math.exp(s[i * r + j]! - mx);
    p[i * r + j] = e;
    sum += e;
  }
  for (let j = 0; j < r; j++) p[i * r + j]! /= sum;
  return mx + Math.log(sum);
}

function checkShapes(a: Float64Array, b: Float64Array, n: number, d: number): void {
  checkInt('n', n, 1, 1 << 16);
  checkInt('d', d, 1, 1 << 16);
  if (a.length !== n * d) throw new Error(`a has ${a.length} entries, expected n·d = ${n}·${d} = ${n * d}`);
  if (b.length !== n * d) throw new Error(`b has ${b.length} entries, expected n·d = ${n}·${d} = ${n * d}`);
}

/** Loss and gradient of `kind` for paired batches a, b (n × d each): a_i's positive is b_i. */
export function contrastiveLossGrad(
  kind: ContrastiveLoss,
  a: Float64Array,
  b: Float64Array,
  n: number,
  d: number,
  options: LossOptions = {},
): LossGrad {
  checkShapes(a, b, n, d);
  const t = options.temperature ?? 0.1;
  if (kind !== 'align') checkTemperature(t);
  const A = unitRows(a, n, d);
  const B = unitRows(b, n, d);
  const gradA = new Float64Array(n * d);
  const gradB = new Float64Array(n * d);
  let loss = 0;
  if (kind === 'align') {
    for (let k = 0; k < n * d; k++) {
      const diff = A.u[k]! - B.u[k]!;
      loss += diff * diff;
      gradA[k] = (2 * diff) / n;
      gradB[k] = (-2 * diff) / n;
    }
    loss /= n;
  } else if (kind === 'ntxent') {
    const m = 2 * n;
    const z = new Float64Array(m * d);
    z.set(A.u);
    z.set(B.u, n * d);
    const s = cosLogits(z, z, m, m, d, t);
    const g = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      const pos = (i + n) % m;
      loss += softmaxRow(s, g, i, m, i) - s[i * m + pos]!;
      g[i * m + pos]! -= 1;
    }
    loss /= m;
    const dz = new Float64Array(m * d);
    addProduct(dz, g, z, m, m, d, 1 / (m * t), false);
    addProduct(dz, g, z, m, m, d, 1 / (m * t), true);
    gradA.set(dz.subarray(0, n * d));
    gradB.set(dz.subarray(n * d));
  } else {
    const s = cosLogits(A.u, B.u, n, n, d, t);
    const g = new Float64Array(n * n);
    if (kind === 'infonce') {
      for (let i = 0; i < n; i++) {
        loss += softmaxRow(s, g, i, n) - s[i * n + i]!;
        g[i * n + i]! -= 1;
      }
      loss /= n;
      for (let k = 0; k < n * n; k++) g[k]! /= n;
    } else if (kind === 'clip') {
      const p = new Float64Array(n * n);
      const st = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) st[j * n + i] = s[i * n + j]!;
      for (let i = 0; i < n; i++) {
        loss += softmaxRow(s, g, i, n) - s[i * n + i]!;
        loss += softmaxRow(st, p, i, n) - s[i * n + i]!;
      }
      loss /= 2 * n;
      // Rows: (P_row − I); columns: softmax over column j is row j of p, transposed back.
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          g[i * n + j] = (g[i * n + j]! + p[j * n + i]! - (i === j ? 2 : 0)) / (2 * n);
    } else {
      const bias = options.bias ?? 0;
      if (!Number.isFinite(bias)) throw new Error(`bias must be a finite number, got ${bias}`);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const y = i === j ? 1 : -1;
          const x = -y * (s[i * n + j]! + bias);
          loss += x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
          g[i * n + j] = -y / (1 + Math.exp(-x)) / n; // ∂softplus(x)/∂l = σ(x)·(−y)
        }
      loss /= n;
    }
    addProduct(gradA, g, B.u, n, n, d, 1 / t, false);
    addProduct(gradB, g, A.u, n, n, d, 1 / t, true);
  }
  throughNorm(gradA, A.u, A.norms, n, d);
  throughNorm(gradB, B.u, B.norms, n, d);
  return { loss, gradA, gradB };
}

/**
 * SimSiam's D(p, z) = −mean_i cos(p_i, z_i) with z under stop-gradient: the loss and ∂/∂p only (z is a
 * target, no gradient flows into it).
 */
export function negCosineGrad(
  p: Float64Array,
  z: Float64Array,
  n: number,
  d: number,
): { loss: number; gradP: Float64Array } {
  checkShapes(p, z, n, d);
  const P = unitRows(p, n, d);
  const Z = unitRows(z, n, d);
  const gradP = new Float64Array(n * d);
  let loss = 0;
  for (let k = 0; k < n * d; k++) {
    loss -= P.u[k]! * Z.u[k]!;
    gradP[k] = -Z.u[k]! / n;
  }
  throughNorm(gradP, P.u, P.norms, n, d);
  return { loss: loss / n, gradP };
}
