// Scaled dot-product attention on tfjs (question 3): softmax(QKᵀ / √d_k / temperature, masked) · V, a
// multi-head version that projects, splits into heads and returns every head's weights, and the saturation
// study that shows why the √d_k is there. Plain arrays in and out; every tensor lives inside a tf.tidy.
// attention-js.ts is the same computation in float64 JavaScript (the cell's live path while dragging).
//
// Example:
//   const { weights, output } = scaledDotProductAttention(q, k, v, { causal: true, temperature: 0.5 });
import * as tf from '@tensorflow/tfjs-core';
import {
  planAttention,
  planMultiHead,
  scoreDivisor,
  visibility,
  type AttentionOptions,
  type AttentionResult,
  type MultiHeadParams,
  type MultiHeadResult,
} from './attention-shapes';

export type {
  AttentionOptions,
  AttentionResult,
  HeadResult,
  MultiHeadParams,
  MultiHeadResult,
} from './attention-shapes';

/**
 * Softmax over the last axis of `scores`, only where `visible` (same shape, bool) is true: hidden entries
 * are exactly 0. The row maximum is taken over visible entries, and hidden ones are set to −80 before exp,
 * so nothing overflows and no −∞ reaches the GPU (some WebGL drivers turn ∞ − ∞ into NaN).
 */
function maskedSoftmax(scores: tf.Tensor, visible: tf.Tensor): tf.Tensor {
  const rowMax = tf.max(tf.where(visible, scores, tf.fill(scores.shape, -3e38)), -1, true);
  const shifted = tf.where(visible, tf.sub(scores, rowMax), tf.fill(scores.shape, -80));
  const e = tf.mul(tf.exp(shifted), tf.cast(visible, 'float32'));
  return tf.div(e, tf.sum(e, -1, true));
}

/** `rows` copies of the visibility pattern stacked: [rows, nQ, nK] as a bool tensor. */
function visibleTensor(visible: boolean[][], copies: number): tf.Tensor {
  const nQ = visible.length;
  const nK = visible[0]!.length;
  const flat = new Uint8Array(copies * nQ * nK);
  for (let c = 0; c < copies; c++)
    for (let i = 0; i < nQ; i++)
      for (let j = 0; j < nK; j++) flat[(c * nQ + i) * nK + j] = visible[i]![j] ? 1 : 0;
  return tf.tensor3d(flat, [copies, nQ, nK], 'bool');
}

/** The three result tensors of one attention call (the caller reads and disposes them). */
function attentionTensors(
  q: number[][],
  k: number[][],
  v: number[][],
  opts: AttentionOptions,
): tf.Tensor2D[] {
  const plan = planAttention(q, k, v, opts);
  return tf.tidy(() => {
    const s = tf.div(tf.matMul(tf.tensor2d(q), tf.tensor2d(k), false, true), plan.divisor) as tf.Tensor2D;
    const w = maskedSoftmax(s, tf.squeeze(visibleTensor(plan.visible, 1), [0])) as tf.Tensor2D;
    return [s, w, tf.matMul(w, tf.tensor2d(v))];
  });
}

/**
 * softmax(QKᵀ / √d_k / temperature with masked keys removed) · V. q: nQ × d_k, k: nK × d_k, v: nK × d_v.
 * Throws an Error naming the shapes when they do not fit, and when a mask hides every key from a query.
 * Reads the result synchronously; on a GPU backend in a page prefer scaledDotProductAttentionAsync.
 */
export function scaledDotProductAttention(
  q: number[][],
  k: number[][],
  v: number[][],
  opts: AttentionOptions = {},
): AttentionResult {
  const tensors = attentionTensors(q, k, v, opts);
  try {
    const [scores, weights, output] = tensors.map((t) => t.arraySync());
    return { scores: scores!, weights: weights!, output: output! };
  } finally {
    tf.dispose(tensors);
  }
}

/** scaledDotProductAttention, reading the result without blocking (no synchronous GPU read-back). */
export async function scaledDotProductAttentionAsync(
  q: number[][],
  k: number[][],
  v: number[][],
  opts: AttentionOptions = {},
): Promise<AttentionResult> {
  const tensors = attentionTensors(q, k, v, opts);
  try {
    const [scores, weights, output] = await Promise.all(tensors.map((t) => t.array()));
    return { scores: scores!, weights: weights!, output: output! };
  } finally {
    tf.dispose(tensors);
  }
}

/**
 * Multi-head attention: Q = queryInput·wq, K = keyValueInput·wk, V = keyValueInput·wv, split column-wise
 * into `heads` heads of width d_k = width / heads, attention per head (same options as above, √d_k per
 * head), heads concatenated and multiplied by wo when given. Self-attention: pass the same matrix twice.
 */
export function multiHeadAttention(
  queryInput: number[][],
  keyValueInput: number[][],
  params: MultiHeadParams,
  opts: AttentionOptions & { heads: number },
): MultiHeadResult {
  const { heads: H, dK, dV } = planMultiHead(queryInput, keyValueInput, params, opts.heads);
  const nQ = queryInput.length;
  const nK = keyValueInput.length;
  const divisor = scoreDivisor(dK, opts);
  const visible = visibility(nQ, nK, opts);
  const tensors = tf.tidy(() => {
    const split = (x: tf.Tensor2D, n: number, width: number) =>
      tf.transpose(tf.reshape(x, [n, H, width]), [1, 0, 2]) as tf.Tensor3D;
    const xq = tf.tensor2d(queryInput);
    const xkv = tf.tensor2d(keyValueInput);
    const q = split(tf.matMul(xq, tf.tensor2d(params.wq)), nQ, dK);
    const k = split(tf.matMul(xkv, tf.tensor2d(params.wk)), nK, dK);
    const v = split(tf.matMul(xkv, tf.tensor2d(params.wv)), nK, dV);
    const scores = tf.div(tf.matMul(q, k, false, true), divisor);
    const weights = maskedSoftmax(scores, visibleTensor(visible, H)) as tf.Tensor3D;
    const out = tf.matMul(weights, v);
    const concat = tf.reshape(tf.transpose(out, [1, 0, 2]), [nQ, H * dV]) as tf.Tensor2D;
    const output = params.wo ? tf.matMul(concat, tf.tensor2d(params.wo)) : concat.clone();
    return { q, k, v, scores, weights, out, concat, output };
  });
  try {
    const [q, k, v, scores, weights, out] = [
      tensors.q,
      tensors.k,
      tensors.v,
      tensors.scores,
      tensors.weights,
      tensors.out,
    ].map((t) => t.arraySync() as number[][][]);
    return {
      heads: Array.from({ length: H }, (_, h) => ({
        q: q![h]!,
        k: k![h]!,
        v: v![h]!,
        scores: scores![h]!,
        weights: weights![h]!,
        output: out![h]!,
      })),
      concat: tensors.concat.arraySync(),
      output: tensors.output.arraySync() as number[][],
    };
  } finally {
    tf.dispose(Object.values(tensors));
  }
}
