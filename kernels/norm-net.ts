// One of the normalization cell's three networks — 2 → 32 → 32 → 32 → 1, without normalization, with batch
// norm or with layer norm — as tfjs tensors: its parameters, momentum buffers and (batch norm) running
// statistics, its logits in train / eval / per-group mode, and one SGD-with-momentum step. The comparison
// that trains three side by side is kernels/normalization-train.ts.
//
// The network: 2 → 32 → 32 → 32 → 1 with ReLU; the first layer is relu(x W + b) in all three; the other two
// hidden layers are z = h W (+ b without normalization), then the norm with per-feature γ, β, then ReLU.
// He-initialized weights; logistic loss on labels ±1; SGD with momentum 0.9. The first layer is left
// unnormalized on purpose: layer norm of a linear map of a 2-D point divides out the point's distance from
// the origin (z = xW scales with |x|), which spirals and circles are defined by — a real caveat of layer norm
// on low-dimensional inputs, but not the comparison this demo is about.
import * as tf from '@tensorflow/tfjs-core';
import type { NormVariant } from './normalization-train';
import { affine, standardize, standardizeGroups, standardizeWith } from './norm-ops';
import { createRng } from '../src/runtime/rng';

export const HIDDEN = [32, 32, 32];
const MOMENTUM = 0.9;
const BN_MOMENTUM = 0.1;
const EPS = 1e-5;

type Mode = { kind: 'train'; stats: tf.Tensor1D[] } | { kind: 'eval' } | { kind: 'groups'; size: number };
/** Receives the first normalized layer's x̂ (before γ, β). */
type Probe = (xHat: tf.Tensor2D) => void;

/** One network's parameters (flat), momentum buffers and, for batch norm, running statistics. */
export class NormNet {
  params: tf.Tensor[];
  velocity: tf.Tensor[];
  runningMean: tf.Tensor1D[] = [];
  runningVar: tf.Tensor1D[] = [];
  private readonly slots: { bias?: number; gamma?: number; beta?: number }[];

  constructor(
    readonly variant: NormVariant,
    seed: number,
  ) {
    const L = HIDDEN.length + 1;
    const rng = createRng(seed);
    const dims = [2, ...HIDDEN, 1];
    const weights = dims.slice(0, -1).map((fanIn, l) => {
      const std = Math.sqrt(2 / fanIn);
      const w = Float32Array.from({ length: fanIn * dims[l + 1]! }, () => std * rng.normal());
      return tf.tensor2d(w, [fanIn, dims[l + 1]!]);
    });
    // Flat order: weights, the read-out bias, then per hidden layer its bias b (unnormalized layers) or its
    // γ and β (normalized ones); `slots` remembers where each layer's are.
    const extra: tf.Tensor[] = [];
    this.slots = HIDDEN.map((w, l) => {
      const at = L + 1 + extra.length;
      if (!this.normalizes(l)) return (extra.push(tf.zeros([w])), { bias: at });
      return (extra.push(tf.ones([w]), tf.zeros([w])), { gamma: at, beta: at + 1 });
    });
    this.params = [...weights, tf.zeros([1]), ...extra];
    this.velocity = this.params.map((p) => tf.zerosLike(p));
    if (variant === 'batch') {
      this.runningMean = HIDDEN.slice(1).map((w) => tf.zeros([w]));
      this.runningVar = HIDDEN.slice(1).map((w) => tf.ones([w]));
    }
  }

  /** Whether hidden layer l has the network's norm (every one but the first, and none in 'none'). */
  normalizes(l: number): boolean {
    return this.variant !== 'none' && l > 0;
  }

  /** The network's logits [n] for inputs x [n, 2] (inside a tidy or tf.grads). */
  logits(params: readonly tf.Tensor[], x: tf.Tensor2D, mode: Mode, probe?: Probe): tf.Tensor1D {
    const L = HIDDEN.length + 1;
    let h = x;
    for (let l = 0; l < HIDDEN.length; l++) {
      let z: tf.Tensor2D = tf.matMul(h, params[l] as tf.Tensor2D);
      const slot = this.slots[l]!;
      if (slot.bias !== undefined) z = tf.add(z, params[slot.bias]!) as tf.Tensor2D;
      else {
        const k = l - 1; // index among the normalized layers (running statistics)
        let xHat: tf.Tensor2D;
        if (this.variant === 'layer') xHat = standardize(z, 'layer', EPS).xHat;
        else if (mode.kind === 'eval')
          xHat = standardizeWith(z, this.runningMean[k]!, this.runningVar[k]!, EPS);
        else if (mode.kind === 'groups') xHat = standardizeGroups(z, mode.size, EPS);
        else {
          const s = standardize(z, 'batch', EPS);
          mode.stats.push(tf.keep(s.mean), tf.keep(s.variance));
          xHat = s.xHat;
        }
        if (k === 0) probe?.(xHat);
        z = affine(xHat, params[slot.gamma!] as tf.Tensor1D, params[slot.beta!] as tf.Tensor1D);
      }
      h = tf.relu(z) as tf.Tensor2D;
    }
    return tf.reshape(tf.add(tf.matMul(h, params[L - 1] as tf.Tensor2D), params[L]!), [-1]);
  }

  /** One SGD-with-momentum step on (x, y); returns the minibatch loss before the step (a scalar tensor). */
  step(x: tf.Tensor2D, y: tf.Tensor1D, lr: number): tf.Scalar {
    const stats: tf.Tensor1D[] = [];
    const { loss, params, velocity } = tf.tidy(() => {
      const { value, grads } = tf.valueAndGrads((...p: tf.Tensor[]) =>
        logisticLoss(this.logits(p, x, { kind: 'train', stats }), y),
      )(this.params);
      const velocity = this.velocity.map((v, i) => tf.add(tf.mul(v, MOMENTUM), grads[i]!));
      const params = this.params.map((p, i) => tf.sub(p, tf.mul(velocity[i]!, lr)));
      return { loss: value, params, velocity };
    });
    tf.dispose([...this.params, ...this.velocity]);
    this.params = params;
    this.velocity = velocity;
    if (this.variant === 'batch') {
      const update = (old: tf.Tensor1D[], fresh: (l: number) => tf.Tensor1D) =>
        old.map((r, l) => {
          const next = tf.tidy(() => tf.add(tf.mul(r, 1 - BN_MOMENTUM), tf.mul(fresh(l), BN_MOMENTUM)));
          r.dispose();
          return next as tf.Tensor1D;
        });
      this.runningMean = update(this.runningMean, (l) => stats[2 * l]!);
      this.runningVar = update(this.runningVar, (l) => stats[2 * l + 1]!);
    }
    tf.dispose(stats);
    return loss;
  }

  dispose(): void {
    tf.dispose([...this.params, ...this.velocity, ...this.runningMean, ...this.runningVar]);
  }
}

export function logisticLoss(logits: tf.Tensor1D, y: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.softplus(tf.neg(tf.mul(y, logits)))) as tf.Scalar;
}

export function accuracy(logits: tf.Tensor1D, y: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.cast(tf.greater(tf.mul(logits, y), 0), 'float32')) as tf.Scalar;
}
