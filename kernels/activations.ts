// The four activations of the vanishing-gradient demo, each a record { f, df } in plain JavaScript (for the
// cell's plot of every activation beside its derivative) plus the same function on tfjs tensors (for the
// networks). GELU is the exact x·Φ(x), Φ the standard normal CDF, written with erf on both sides.
//
// Example: ACTIVATIONS.sigmoid.df(0) // 0.25, the largest slope a sigmoid ever has
import * as tf from '@tensorflow/tfjs-core';

export const ACTIVATION_NAMES = ['sigmoid', 'tanh', 'relu', 'gelu'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export interface ActivationFn {
  /** φ(z). */
  f(z: number): number;
  /** φ′(z). */
  df(z: number): number;
  /** The largest |φ′| over the real line: the best per-layer gain the activation can give a gradient. */
  maxSlope: number;
}

/**
 * erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), for plotting; the networks use tf.erf,
 * which is the same approximation in tfjs' CPU and WebGL kernels.
 */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const normalPdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
const normalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));

export const ACTIVATIONS: Record<ActivationName, ActivationFn> = {
  sigmoid: { f: sigmoid, df: (z) => sigmoid(z) * (1 - sigmoid(z)), maxSlope: 0.25 },
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2, maxSlope: 1 },
  // The derivative at the kink is taken as 0, as tfjs' Relu gradient does.
  relu: { f: (z) => Math.max(0, z), df: (z) => (z > 0 ? 1 : 0), maxSlope: 1 },
  // GELU′(z) = Φ(z) + z φ(z); its maximum, at z = √2, is about 1.129.
  gelu: { f: (z) => z * normalCdf(z), df: (z) => normalCdf(z) + z * normalPdf(z), maxSlope: 1.1289 },
};

export function isActivationName(v: unknown): v is ActivationName {
  return typeof v === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(v);
}

/** φ on a tensor (inside the caller's tidy). */
export function activate(name: ActivationName, z: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'gelu':
      return tf.mul(tf.mul(z, 0.5), tf.add(1, tf.erf(tf.mul(z, Math.SQRT1_2))));
  }
}

/** Samples of φ and φ′ on an even grid over [lo, hi], for plotting. */
export function activationCurve(
  name: ActivationName,
  lo = -5,
  hi = 5,
  points = 201,
): { z: number[]; f: number[]; df: number[] } {
  if (!isActivationName(name)) throw new Error(`activation must be one of ${ACTIVATION_NAMES.join(', ')}`);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi))
    throw new Error(`lo and hi must be finite with lo < hi, got ${lo}, ${hi}`);
  if (!Number.isInteger(points) || points < 2 || points > 10_000)
    throw new Error(`points must be an integer from 2 to 10000, got ${points}`);
  const { f, df } = ACTIVATIONS[name];
  const z = Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
  return { z, f: z.map(f), df: z.map(df) };
}
