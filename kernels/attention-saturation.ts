// Why attention divides by √d_k: for random queries and keys with independent unit-variance components the
// dot product has variance d_k, so unscaled logits grow like √d_k, the softmax saturates toward one-hot and
// its Jacobian (hence the gradient) vanishes. For each d_k this measures, scaled and unscaled, the softmax's
// entropy, its largest weight, the logits' standard deviation and the Jacobian's Frobenius norm, averaged
// over random queries. Computed on tfjs; the inputs come from a seeded generator so tests can rebuild them.
//
// Example: softmaxSaturation({ dims: [2, 64, 512], seed: 1 })[2].unscaled.maxWeight  // close to 1
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../src/runtime/rng';

export interface SoftmaxStats {
  /** Mean over queries of −Σ p log p (nats); log(keys) is uniform, 0 is one-hot. */
  entropy: number;
  /** Mean over queries of the largest weight. */
  maxWeight: number;
  /** Standard deviation of all the logits. */
  logitStd: number;
  /** Mean over queries of ‖diag(p) − ppᵀ‖_F, the softmax Jacobian's size: ~0 when saturated. */
  jacobianNorm: number;
}

export interface SaturationRow {
  dK: number;
  /** Logits QKᵀ / √d_k. */
  scaled: SoftmaxStats;
  /** Logits QKᵀ. */
  unscaled: SoftmaxStats;
}

export interface SaturationOptions {
  /** Key dimensions to measure, each an integer from 1 to 4096. */
  dims: number[];
  /** Keys per query (2–1024, default 16). */
  keys?: number;
  /** Random queries averaged over (1–4096, default 256). */
  queries?: number;
  seed: number;
}

export const DEFAULT_SATURATION_DIMS = [2, 4, 8, 16, 32, 64, 128, 256, 512];

/** The random queries (queries × d) and keys (keys × d) used for dimension d: N(0, 1) entries. */
export function saturationInputs(
  d: number,
  queries: number,
  keys: number,
  seed: number,
): { q: Float32Array; k: Float32Array } {
  const rng = createRng(seed * 7919 + d);
  const q = new Float32Array(queries * d);
  const k = new Float32Array(keys * d);
  for (let i = 0; i < q.length; i++) q[i] = rng.normal();
  for (let i = 0; i < k.length; i++) k[i] = rng.normal();
  return { q, k };
}

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new Error(`${name} must be an integer from ${lo} to ${hi}, got ${v}`);
}

/**
 * Statistics of softmax(logits) row by row, as four scalars (tensors; call inside tidy). The Jacobian norm
 * is summed from positive terms only, ‖J‖² = Σᵢ pᵢ²(1 − pᵢ)² + Σᵢ pᵢ² Σ_{j≠i} pⱼ², with 1 − pᵢ taken as the
 * sum of the other weights, so it stays accurate in float32 when the softmax is nearly one-hot (the closed
 * form Σp² − 2Σp³ + (Σp²)² cancels there).
 */
function stats(logits: tf.Tensor2D, others: tf.Tensor2D): tf.Scalar[] {
  const e = tf.exp(tf.sub(logits, tf.max(logits, -1, true)));
  const z = tf.sum(e, -1, true);
  const p = tf.div(e, z);
  const entropy = tf.mean(tf.neg(tf.sum(tf.mul(p, tf.log(tf.add(p, 1e-30))), -1)));
  const maxWeight = tf.mean(tf.max(p, -1));
  const { variance } = tf.moments(logits);
  const oneMinusP = tf.div(tf.matMul(e, others), z);
  const p2 = tf.square(p);
  const diagonal = tf.sum(tf.square(tf.mul(p, oneMinusP)), -1);
  const offDiagonal = tf.sum(tf.mul(p2, tf.matMul(p2, others)), -1);
  const jac = tf.mean(tf.sqrt(tf.add(diagonal, offDiagonal)));
  return [entropy, maxWeight, tf.sqrt(variance), jac] as tf.Scalar[];
}

function checkOptions(options: SaturationOptions): Required<SaturationOptions> {
  const { dims, seed } = options;
  const keys = options.keys ?? 16;
  const queries = options.queries ?? 256;
  if (!Array.isArray(dims) || dims.length === 0 || dims.length > 64)
    throw new Error('dims must be a list of 1 to 64 dimensions');
  dims.forEach((d) => checkInt('each of dims', d, 1, 4096));
  checkInt('keys', keys, 2, 1024);
  checkInt('queries', queries, 1, 4096);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  return { dims, keys, queries, seed };
}

/** The 8 statistics for one dimension as one tensor: scaled (entropy, max, std, ‖J‖), then unscaled. */
function statsTensor(dK: number, o: Required<SaturationOptions>): tf.Tensor1D {
  const { q, k } = saturationInputs(dK, o.queries, o.keys, o.seed);
  return tf.tidy(() => {
    const dots = tf.matMul(
      tf.tensor2d(q, [o.queries, dK]),
      tf.tensor2d(k, [o.keys, dK]),
      false,
      true,
    ) as tf.Tensor2D;
    const others = tf.sub(1, tf.eye(o.keys)) as tf.Tensor2D; // 1 off the diagonal: Σ_{j≠i}
    return tf.stack([...stats(tf.div(dots, Math.sqrt(dK)) as tf.Tensor2D, others), ...stats(dots, others)]);
  }) as tf.Tensor1D;
}

function toRow(dK: number, v: ArrayLike<number>): SaturationRow {
  const pack = (o: number): SoftmaxStats => ({
    entropy: v[o]!,
    maxWeight: v[o + 1]!,
    logitStd: v[o + 2]!,
    jacobianNorm: v[o + 3]!,
  });
  return { dK, scaled: pack(0), unscaled: pack(4) };
}

/** One row per dimension in `dims`, in order. Reads synchronously (Node, tests, CPU). */
export function softmaxSaturation(options: SaturationOptions): SaturationRow[] {
  const o = checkOptions(options);
  return o.dims.map((dK) => {
    const t = statsTensor(dK, o);
    try {
      return toRow(dK, t.dataSync());
    } finally {
      t.dispose();
    }
  });
}

/** softmaxSaturation without synchronous GPU read-backs (for pages on WebGL or WebGPU). */
export async function softmaxSaturationAsync(options: SaturationOptions): Promise<SaturationRow[]> {
  const o = checkOptions(options);
  const rows: SaturationRow[] = [];
  for (const dK of o.dims) {
    const t = statsTensor(dK, o);
    try {
      rows.push(toRow(dK, await t.data()));
    } finally {
      t.dispose();
    }
  }
  return rows;
}
