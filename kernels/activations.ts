// The four activations of the vanishing-gradient demo, each a record { f, df } in plain JavaScript (for the
// cell's plot of every activation beside its derivative; the records live in kernels/nn/activations.ts, which
// loads no tfjs, and are re-exported here) plus the same function on tfjs tensors (for the networks).
//
// Example: ACTIVATIONS.sigmoid.df(0) // 0.25, the largest slope a sigmoid ever has
import * as tf from '@tensorflow/tfjs-core';
import { ACTIVATION_NAMES, ACTIVATIONS, isActivationName, type ActivationName } from './nn/activations';

export {
  ACTIVATION_NAMES,
  ACTIVATIONS,
  erf,
  isActivationName,
  type ActivationFn,
  type ActivationName,
} from './nn/activations';

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
