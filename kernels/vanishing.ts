// Vanishing and exploding gradients (question 2): the L2 norm of the loss gradient with respect to every
// weight matrix of a configurable MLP (kernels/vanishing-net.ts describes the network, its initializations —
// 'naive' is N(0, 1) — and its data), and side-by-side training of two configurations.
//
// Example:
//   const norms = await layerGradientNorms({ depth: 20, width: 32, activation: 'sigmoid', init: 'xavier',
//     residual: false, norm: 'none', seed: 1, batch: 64 });
//   norms[0] / norms[19] // ≈ 2e-13: the first layer barely learns
import * as tf from '@tensorflow/tfjs-core';
import {
  initialParameters,
  networkLoss,
  parameterTensors,
  robustNorms,
  splitParameters,
  syntheticBatch,
  validateConfig,
  type VanishingConfig,
} from './vanishing-net';

export type { VanishingConfig } from './vanishing-net';

export interface GradientReport {
  /** ‖∂L/∂W_l‖₂ per weight layer, first layer first (non-finite where the float32 pass overflowed). */
  norms: number[];
  /** Root mean square of each hidden layer's output h_l, first hidden layer first: the forward signal. */
  activationRms: number[];
  /** The loss at the initial weights. */
  loss: number;
}

/**
 * The gradient norms, the forward signal and the loss at the seeded initial weights, on the fixed batch.
 * Tensors are created and disposed inside; one read back per call.
 */
export async function gradientReport(cfg: VanishingConfig): Promise<GradientReport> {
  const c = validateConfig(cfg);
  const init = initialParameters(c);
  const { x, t } = syntheticBatch(c.seed, c.batch);
  const packed = tf.tidy(() => {
    const { weights, rest } = splitParameters(c, parameterTensors(init));
    const xs = tf.tensor2d(x, [c.batch, x.length / c.batch]);
    const ts = tf.tensor1d(t);
    let rms: tf.Tensor = tf.zeros([0]);
    const lossOf = (...ws: tf.Tensor[]) => {
      const hidden: tf.Tensor2D[] = [];
      const loss = networkLoss(c, xs, ts, { weights: ws, rest }, hidden);
      // Kept past tf.grads' own tidy (tf.keep outlives every tidy, so it is disposed by hand below).
      if (hidden.length) rms = tf.keep(tf.sqrt(tf.mean(tf.square(tf.stack(hidden)), [1, 2])));
      return loss;
    };
    const { value, grads } = tf.valueAndGrads(lossOf)(weights);
    const out = tf.concat([robustNorms(grads), rms, tf.reshape(value, [1])]);
    rms.dispose();
    return out;
  });
  const data = await packed.data();
  packed.dispose();
  const all = Array.from(data);
  return {
    norms: all.slice(0, c.depth),
    activationRms: all.slice(c.depth, all.length - 1),
    loss: all[all.length - 1]!,
  };
}

/** ‖∂L/∂W_l‖₂ for each weight matrix, first layer first, at the seeded initial weights on the fixed batch. */
export async function layerGradientNorms(cfg: VanishingConfig): Promise<number[]> {
  return (await gradientReport(cfg)).norms;
}

export {
  trainSideBySide,
  type SideBySideOptions,
  type SideBySideSnapshot,
  type RunState,
} from './vanishing-train';
