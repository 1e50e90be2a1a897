// Batch and layer normalization on tensors, shared by the normalization kernel and the networks of the
// vanishing-gradient and normalization demos. Differentiable (built from mean, sub, mul, rsqrt), so tf.grads
// goes through them. Call inside the caller's tf.tidy.
//
// For an activation matrix x of shape [batch, features]: batch norm averages each feature (column) over the
// batch (axis 0); layer norm averages each example (row) over its features (axis 1). Variances are the biased
// 1/n ones, as in both papers' training-time formulas.
import * as tf from '@tensorflow/tfjs-core';

export type NormAxis = 'batch' | 'layer';

export interface Normalized {
  /** (x − mean) / √(variance + eps), before γ and β. */
  xHat: tf.Tensor2D;
  /** Per feature ([features]) for batch norm, per example ([batch]) for layer norm. */
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

/** Standardizes x over the slice its norm averages over. */
export function standardize(x: tf.Tensor2D, over: NormAxis, eps: number): Normalized {
  const axis = over === 'batch' ? 0 : 1;
  const mean = tf.mean(x, axis, true);
  const centered = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centered), axis, true);
  const xHat = tf.mul(centered, tf.rsqrt(tf.add(variance, eps))) as tf.Tensor2D;
  return { xHat, mean: tf.reshape(mean, [-1]) as tf.Tensor1D, variance: tf.reshape(variance, [-1]) };
}

/** x standardized with given per-feature statistics (batch norm in eval mode). */
export function standardizeWith(x: tf.Tensor2D, mean: tf.Tensor1D, variance: tf.Tensor1D, eps: number) {
  return tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps))) as tf.Tensor2D;
}

/** γ ⊙ x̂ + β, with γ and β per feature. */
export function affine(xHat: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D): tf.Tensor2D {
  return tf.add(tf.mul(xHat, gamma), beta) as tf.Tensor2D;
}

/**
 * Batch norm in train mode applied to consecutive groups of `size` rows separately, as if x were fed in
 * batches of that size (rows beyond the last whole group must not be passed). Returns x̂ only.
 */
export function standardizeGroups(x: tf.Tensor2D, size: number, eps: number): tf.Tensor2D {
  const [n, w] = x.shape;
  if (n % size !== 0) throw new Error(`rows (${n}) must be a multiple of the group size (${size})`);
  const g = tf.reshape(x, [n / size, size, w]);
  const mean = tf.mean(g, 1, true);
  const centered = tf.sub(g, mean);
  const variance = tf.mean(tf.square(centered), 1, true);
  return tf.reshape(tf.mul(centered, tf.rsqrt(tf.add(variance, eps))), [n, w]);
}
