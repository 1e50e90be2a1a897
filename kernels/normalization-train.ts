// Three copies of one MLP — without normalization, with batch norm, with layer norm — trained side by side
// on the same minibatches of a seeded 2-D classification task (two interleaved spirals, noise 0.05), at a
// chosen batch size. The snapshots carry each network's minibatch loss every step and, every `evalEvery`
// steps, held-out scores, including batch norm's loss in eval mode (running statistics) against train mode
// (the statistics of each held-out batch of the same size) and the gap between the two modes' normalized
// activations: large early in training, while the running averages still lag the weights, and at small
// batch sizes. At batch 32–64 batch norm learns the spirals within ~120 steps of SGD while the unnormalized
// and layer-normalized nets are still near chance; at batch 2 its statistics are too noisy and it fails.
// The network itself is kernels/norm-net.ts.
//
// Example:
//   for await (const s of trainNormComparison({ batchSize: 8, steps: 300, lr: 0.05, seed: 1, signal }))
//     if (s.heldOut) plot(s.step, s.heldOut.loss.batch, s.heldOut.bnTrainModeLoss);
import * as tf from '@tensorflow/tfjs-core';
import { makeDataset } from './datasets2d';
import { NormNet, accuracy, logisticLoss } from './norm-net';
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

export { HIDDEN } from './norm-net';
export const TRAIN_POINTS = 768;
export const HELD_OUT_POINTS = 256;
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
      let losses: number[];
      try {
        losses = await readParts(
          nets.map((net) => () => net.step(x, y, lr)),
          slicer,
        );
      } finally {
        tf.dispose([x, y]);
      }
      checkLosses(losses, step);
      const trainLoss = Object.fromEntries(NORM_VARIANTS.map((v, k) => [v, losses[k]!])) as Record<
        NormVariant,
        number
      >;
      const heldOut =
        step % evalEvery === 0 || step === steps
          ? await scoreHeldOut(nets, testX, testY, batchSize, slicer)
          : null;
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

/**
 * Computes each part (a tensor) with a tick after it, then reads them all at once; every tensor is disposed
 * however it ends. The first step and the first scoring compile each network's WebGL programs synchronously:
 * with a part per network that is one task per network rather than one long one.
 */
async function readParts(parts: (() => tf.Tensor)[], slicer: TimeSlicer): Promise<number[]> {
  const done: tf.Tensor[] = [];
  try {
    for (const part of parts) {
      done.push(part());
      await slicer.tick();
    }
    const packed = tf.tidy(() => tf.concat(done.map((t) => tf.reshape(t, [-1]))));
    try {
      return Array.from(await packed.data());
    } finally {
      packed.dispose();
    }
  } finally {
    tf.dispose(done);
  }
}

async function scoreHeldOut(
  nets: NormNet[],
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  batchSize: number,
  slicer: TimeSlicer,
): Promise<HeldOutScores> {
  const bn = nets[1]!;
  const s = await readParts(
    [
      ...nets.map(
        (net) => () =>
          tf.tidy(() => {
            const logits = net.logits(net.params, x, { kind: 'eval' });
            return tf.stack([logisticLoss(logits, y), accuracy(logits, y)]);
          }),
      ),
      () =>
        tf.tidy(() => {
          const seen: tf.Tensor2D[] = [];
          const trainMode = bn.logits(bn.params, x, { kind: 'groups', size: batchSize }, (h) => seen.push(h));
          bn.logits(bn.params, x, { kind: 'eval' }, (h) => seen.push(h));
          return tf.stack([logisticLoss(trainMode, y), tf.mean(tf.abs(tf.sub(seen[0]!, seen[1]!)))]);
        }),
    ],
    slicer,
  );
  const per = (offset: number) =>
    Object.fromEntries(NORM_VARIANTS.map((v, k) => [v, s[2 * k + offset]!])) as Record<NormVariant, number>;
  return { loss: per(0), accuracy: per(1), bnTrainModeLoss: s[6]!, bnModeGap: s[7]! };
}
