// Three copies of one MLP — without normalization, with batch norm, with layer norm — trained side by side
// on the same minibatches of a seeded 2-D classification task (two interleaved spirals, noise 0.05), at a
// chosen batch size. The snapshots carry each network's minibatch loss every step and, every `evalEvery`
// steps, held-out scores, including batch norm's loss in eval mode (running statistics) against train mode
// (the statistics of each held-out batch of the same size) and the gap between the two modes' normalized
// activations: large early in training, while the running averages still lag the weights, and at small
// batch sizes. At batch 32–64 batch norm learns the spirals within ~120 steps of SGD while the unnormalized
// and layer-normalized nets are still near chance; at batch 2 its statistics are too noisy and it fails.
//
// The network: 2 → 32 → 32 → 32 → 1 with ReLU; the first layer is relu(x W + b) in all three; the other two
// hidden layers are z = h W (+ b without normalization), then the norm with per-feature γ, β, then ReLU.
// He-initialized weights; logistic loss on labels ±1; SGD with momentum 0.9. The first layer is left
// unnormalized on purpose: layer norm of a linear map of a 2-D point divides out the point's distance from
// the origin (z = xW scales with |x|), which spirals and circles are defined by — a real caveat of layer norm
// on low-dimensional inputs, but not the comparison this demo is about.
//
// Example:
//   for await (const s of trainNormComparison({ batchSize: 8, steps: 300, lr: 0.05, seed: 1, signal }))
//     if (s.heldOut) plot(s.step, s.heldOut.loss.batch, s.heldOut.bnTrainModeLoss);
import * as tf from '@tensorflow/tfjs-core';
import { makeDataset } from './datasets2d';
import { affine, standardize, standardizeGroups, standardizeWith } from './norm-ops';
import { createRng } from '../src/runtime/rng';
import { throwIfAborted } from '../src/runtime/abort';
import { TimeSlicer } from '../src/runtime/loop';

export const NORM_VARIANTS = ['none', 'batch', 'layer'] as const;
export type NormVariant = (typeof NORM_VARIANTS)[number];

export interface NormTrainOptions {
  /** Minibatch size, 2..256. */
  batchSize: number;
  /** Gradient steps, 1..20000. */
  steps: number;
  /** Learning rate, in (0, 2]. */
  lr: number;
  seed: number;
  /** Held-out scores every this many steps (and at the last step), 1..1000; default 10. */
  evalEvery?: number;
  signal?: AbortSignal;
  /** Longest stretch of work between yields, in ms (default 10). */
  budgetMs?: number;
}

export interface HeldOutScores {
  /** Held-out logistic loss; batch norm in eval mode (running statistics). */
  loss: Record<NormVariant, number>;
  accuracy: Record<NormVariant, number>;
  /** Batch norm's held-out loss in train mode, the held-out set fed in batches of batchSize. */
  bnTrainModeLoss: number;
  /**
   * How far apart batch norm's first normalized layer puts each held-out example in train mode (statistics
   * of its batch of batchSize) and in eval mode (running statistics): mean |x̂_train − x̂_eval|, in units of
   * the normalized activation (standard deviations). Large while the running averages lag, and at small
   * batch sizes where each batch's statistics are noisy.
   */
  bnModeGap: number;
}

export interface NormTrainSnapshot {
  step: number;
  /** This step's minibatch loss of each network (batch norm in train mode), before its update. */
  trainLoss: Record<NormVariant, number>;
  heldOut: HeldOutScores | null;
}

export const HIDDEN = [32, 32, 32];
export const TRAIN_POINTS = 768;
export const HELD_OUT_POINTS = 256;
const MOMENTUM = 0.9;
const BN_MOMENTUM = 0.1;
const EPS = 1e-5;

type Mode = { kind: 'train'; stats: tf.Tensor1D[] } | { kind: 'eval' } | { kind: 'groups'; size: number };
/** Receives the first normalized layer's x̂ (before γ, β). */
type Probe = (xHat: tf.Tensor2D) => void;

/** One network's parameters (flat), momentum buffers and, for batch norm, running statistics. */
class NormNet {
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

function logisticLoss(logits: tf.Tensor1D, y: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.softplus(tf.neg(tf.mul(y, logits)))) as tf.Scalar;
}

function accuracy(logits: tf.Tensor1D, y: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.cast(tf.greater(tf.mul(logits, y), 0), 'float32')) as tf.Scalar;
}

function validate(o: NormTrainOptions): Required<Pick<NormTrainOptions, 'evalEvery'>> {
  if (!Number.isInteger(o.batchSize) || o.batchSize < 2 || o.batchSize > 256)
    throw new Error(`batchSize must be an integer from 2 to 256, got ${o.batchSize}`);
  if (!Number.isInteger(o.steps) || o.steps < 1 || o.steps > 20_000)
    throw new Error(`steps must be an integer from 1 to 20000, got ${o.steps}`);
  if (!(o.lr > 0 && o.lr <= 2)) throw new Error(`lr must be in (0, 2], got ${o.lr}`);
  if (!Number.isInteger(o.seed) || Math.abs(o.seed) > 2 ** 31)
    throw new Error(`seed must be an integer of magnitude at most 2^31, got ${o.seed}`);
  const evalEvery = o.evalEvery ?? 10;
  if (!Number.isInteger(evalEvery) || evalEvery < 1 || evalEvery > 1000)
    throw new Error(`evalEvery must be an integer from 1 to 1000, got ${evalEvery}`);
  return { evalEvery };
}

/**
 * Trains the three networks on identical minibatches (each starts from the same seeded weights) and yields a
 * snapshot per step. Throws an Error naming the network if its loss becomes Infinity or NaN; rejects with an
 * AbortError when `signal` fires. Every tensor is released when the generator ends, however it ends.
 */
export async function* trainNormComparison(
  options: NormTrainOptions,
): AsyncGenerator<NormTrainSnapshot, void, undefined> {
  const { evalEvery } = validate(options);
  const { batchSize, steps, lr, seed } = options;
  const slicer = new TimeSlicer({ signal: options.signal, budgetMs: options.budgetMs ?? 10 });
  const data = makeDataset('spiral', { n: TRAIN_POINTS + HELD_OUT_POINTS, noise: 0.05, seed });
  const rng = createRng(seed + 1);
  const usable = HELD_OUT_POINTS - (HELD_OUT_POINTS % batchSize);
  const nets: NormNet[] = [];
  const owned: tf.Tensor[] = [];
  try {
    const [trainX, trainY] = [
      tf.tensor2d(data.xs.slice(0, TRAIN_POINTS)),
      tf.tensor1d(data.ys.slice(0, TRAIN_POINTS)),
    ];
    const [testX, testY] = [
      tf.tensor2d(data.xs.slice(TRAIN_POINTS, TRAIN_POINTS + usable)),
      tf.tensor1d(data.ys.slice(TRAIN_POINTS, TRAIN_POINTS + usable)),
    ];
    owned.push(trainX, trainY, testX, testY);
    for (const v of NORM_VARIANTS) nets.push(new NormNet(v, seed));
    let order: number[] = [];
    for (let step = 1; step <= steps; step++) {
      throwIfAborted(options.signal);
      if (order.length < batchSize) order = order.concat(rng.shuffle([...Array(TRAIN_POINTS).keys()]));
      const idx = order.splice(0, batchSize);
      const [x, y] = tf.tidy(() => {
        const i = tf.tensor1d(idx, 'int32');
        return [tf.gather(trainX, i) as tf.Tensor2D, tf.gather(trainY, i) as tf.Tensor1D];
      });
      // Not inside a tidy: each step replaces its network's parameters, which must outlive this iteration.
      const stepLosses = nets.map((net) => net.step(x, y, lr));
      const lossTensor = tf.stack(stepLosses);
      tf.dispose([x, y, ...stepLosses]);
      const losses = Array.from(await lossTensor.data());
      lossTensor.dispose();
      checkLosses(losses, step);
      const trainLoss = Object.fromEntries(NORM_VARIANTS.map((v, k) => [v, losses[k]!])) as Record<
        NormVariant,
        number
      >;
      const heldOut =
        step % evalEvery === 0 || step === steps ? await scoreHeldOut(nets, testX, testY, batchSize) : null;
      yield { step, trainLoss, heldOut };
      await slicer.tick();
    }
  } finally {
    for (const net of nets) net.dispose();
    tf.dispose(owned);
  }
}

/** Throws an Error naming the first network whose loss is not a finite number. */
export function checkLosses(losses: readonly number[], step: number): void {
  losses.forEach((l, k) => {
    if (!Number.isFinite(l))
      throw new Error(
        `The ${NORM_VARIANTS[k]} network diverged at step ${step}: its loss became ${l}. ` +
          'Lower the learning rate.',
      );
  });
}

async function scoreHeldOut(
  nets: NormNet[],
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  batchSize: number,
): Promise<HeldOutScores> {
  const packed = tf.tidy(() => {
    const scores: tf.Scalar[] = [];
    for (const net of nets) {
      const logits = net.logits(net.params, x, { kind: 'eval' });
      scores.push(logisticLoss(logits, y), accuracy(logits, y));
    }
    const bn = nets[1]!;
    const seen: tf.Tensor2D[] = [];
    const trainMode = bn.logits(bn.params, x, { kind: 'groups', size: batchSize }, (h) => seen.push(h));
    bn.logits(bn.params, x, { kind: 'eval' }, (h) => seen.push(h));
    const gap = tf.mean(tf.abs(tf.sub(seen[0]!, seen[1]!))) as tf.Scalar;
    scores.push(logisticLoss(trainMode, y), gap);
    return tf.stack(scores);
  });
  const s = Array.from(await packed.data());
  packed.dispose();
  const per = (offset: number) =>
    Object.fromEntries(NORM_VARIANTS.map((v, k) => [v, s[2 * k + offset]!])) as Record<NormVariant, number>;
  return { loss: per(0), accuracy: per(1), bnTrainModeLoss: s[6]!, bnModeGap: s[7]! };
}
