// Training the noise predictor with the simple DDPM loss: pick data points x0, steps t ~ U{1..T} and noise
// ε ~ N(0, I), form x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε, and regress ε̂(x_t, t) onto ε by mean squared error; Adam
// updates the weights in place. An async generator: one snapshot per step, time-sliced and abortable, so
// Stop keeps what was learned.
//
// Example:
//   for await (const { step, loss } of trainDenoiser(net, data, schedule, { steps: 4000, seed: 1 }, signal)) …
import { createRng } from '../../src/runtime/rng';
import { TimeSlicer, type YieldFn } from '../../src/runtime/loop';
import { Adam, mse, type AdamOptions } from '../nn/index';
import { checkPoints, type Denoiser } from './denoiser';
import { checkTimestep, type NoiseSchedule } from './schedule';

export interface TrainOptions {
  /** Number of Adam steps, 1..1e6. */
  steps: number;
  /** Points per step, 1..4096. */
  batchSize: number;
  /** Peak learning rate, in (0, 1]. */
  lr: number;
  /** 'cosine' decays the learning rate from lr to lr/100 over the run (after a short warm-up); 'constant' keeps it. */
  lrSchedule: 'constant' | 'cosine';
  seed: number;
  /** Longest stretch of work between yields to the event loop, ms. */
  budgetMs: number;
  /** How to yield (default: the next animation frame in a visible page, else a macrotask). */
  yieldFn?: YieldFn;
}

/**
 * The default recipe (scripts/bench-diffusion.ts measures it): 2500 steps of 128. On the swiss roll, 2000,
 * 2500 and 3000 steps measured 2.5×, 1.8× and 1.6× the data-vs-data floor (DDPM, 100 steps); 2500 keeps
 * training under 30 s on a loaded 2-core machine.
 */
export const DEFAULT_TRAINING: Omit<TrainOptions, 'seed'> = {
  steps: 2500,
  batchSize: 128,
  lr: 3e-3,
  lrSchedule: 'cosine',
  budgetMs: 10,
};

export interface TrainSnapshot {
  /** Steps done so far in this run (1-based). */
  step: number;
  /** The batch's ε-prediction loss before this step's update. */
  loss: number;
  /** Learning rate used by this step. */
  lr: number;
}

/**
 * kernels/nn's Adam with tf.train.adam's ε = 1e-7 as its default, so the tfjs trainer (tf-trainer.ts) takes
 * the same steps. The learning rate is passed per step: step(params, grads, learningRateAt(k, options)).
 */
export class DenoiserAdam extends Adam {
  constructor(size: number, options: AdamOptions = {}) {
    super(size, { epsilon: 1e-7, ...options });
  }
}

/** The learning rate at step k (0-based) of a run: a warm-up over the first 2% of steps, then cosine to lr/100. */
export function learningRateAt(
  k: number,
  options: Pick<TrainOptions, 'steps' | 'lr' | 'lrSchedule'>,
): number {
  const { steps, lr, lrSchedule } = options;
  if (lrSchedule === 'constant') return lr;
  const warm = Math.max(1, Math.floor(steps * 0.02));
  if (k < warm) return (lr * (k + 1)) / warm;
  const progress = (k - warm) / Math.max(1, steps - warm);
  return lr * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/**
 * The simple loss: mean over points and coordinates of (ε̂ − ε)², where ε̂ = predict(x_t, t) and
 * x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε. Every point at the one step t (1..T). `predict` is any noise predictor, e.g.
 * (xt, t, out) => net.predict(xt, t, out).
 */
export function epsilonLoss(
  predict: (xt: Float64Array, t: number, out: Float64Array) => void,
  x0: ArrayLike<number>,
  t: number,
  noise: ArrayLike<number>,
  schedule: NoiseSchedule,
): number {
  checkPoints(x0, 'x0');
  if (noise.length !== x0.length)
    throw new Error(`noise must have the length of x0 (${x0.length}), got ${noise.length}`);
  checkTimestep(schedule, t);
  const ab = schedule.alphaBars[t - 1];
  const [a, s] = [Math.sqrt(ab), Math.sqrt(1 - ab)];
  const xt = new Float64Array(x0.length);
  for (let i = 0; i < x0.length; i++) xt[i] = a * x0[i] + s * noise[i];
  const eps = new Float64Array(x0.length);
  predict(xt, t, eps);
  let sum = 0;
  for (let i = 0; i < x0.length; i++) sum += (eps[i] - noise[i]) ** 2;
  return sum / x0.length;
}

export function validateTrainOptions(o: TrainOptions): void {
  if (!Number.isInteger(o.steps) || o.steps < 1 || o.steps > 1e6)
    throw new Error(`steps must be an integer in 1..1000000, got ${o.steps}`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1 || o.batchSize > 4096)
    throw new Error(`batchSize must be an integer in 1..4096, got ${o.batchSize}`);
  if (!(o.lr > 0 && o.lr <= 1)) throw new Error(`lr must be in (0, 1], got ${o.lr}`);
  if (o.lrSchedule !== 'constant' && o.lrSchedule !== 'cosine')
    throw new Error(`lrSchedule must be 'constant' or 'cosine', got ${JSON.stringify(o.lrSchedule)}`);
  if (!Number.isFinite(o.seed)) throw new Error(`seed must be a finite number, got ${o.seed}`);
  if (!(o.budgetMs > 0)) throw new Error(`budgetMs must be > 0, got ${o.budgetMs}`);
}

/**
 * One training batch, drawn from `rng`: point indices, steps t in 1..T, noise, and x_t. Shared by the
 * typed-array and tfjs trainers so both see the same numbers for the same seed.
 */
export class BatchSampler {
  readonly x0: Float64Array;
  readonly xt: Float64Array;
  readonly noise: Float64Array;
  readonly ts: Int32Array;
  private readonly rng;
  private readonly count: number;

  constructor(
    private readonly data: Float64Array,
    private readonly schedule: NoiseSchedule,
    readonly batchSize: number,
    seed: number,
  ) {
    this.count = checkPoints(data, 'data');
    this.x0 = new Float64Array(2 * batchSize);
    this.xt = new Float64Array(2 * batchSize);
    this.noise = new Float64Array(2 * batchSize);
    this.ts = new Int32Array(batchSize);
    this.rng = createRng(seed);
  }

  next(): void {
    const { rng, data, schedule, x0, xt, noise, ts } = this;
    const T = schedule.betas.length;
    for (let i = 0; i < this.batchSize; i++) {
      const p = rng.int(this.count);
      const t = 1 + rng.int(T);
      ts[i] = t;
      const ab = schedule.alphaBars[t - 1];
      const [a, s] = [Math.sqrt(ab), Math.sqrt(1 - ab)];
      for (let d = 0; d < 2; d++) {
        const e = rng.normal();
        x0[2 * i + d] = data[2 * p + d];
        noise[2 * i + d] = e;
        xt[2 * i + d] = a * data[2 * p + d] + s * e;
      }
    }
  }
}

/** One step on the typed-array path: loss and gradients for the sampler's current batch (grads into net.grads). */
export function lossAndGradients(net: Denoiser, batch: BatchSampler): number {
  const n = batch.batchSize;
  const out = net.forwardBatch(batch.xt, batch.ts, n);
  const dOut = scratch(2 * n);
  const loss = mse(out, batch.noise, 2 * n, dOut);
  net.backward(dOut, n);
  return loss;
}

let scratchBuffer = new Float64Array(0);
function scratch(size: number): Float64Array {
  if (scratchBuffer.length < size) scratchBuffer = new Float64Array(size);
  return scratchBuffer;
}

/**
 * Trains `net` in place on `data` (interleaved 2-D points) for options.steps Adam steps, yielding after each.
 * Rejects with an AbortError when `signal` fires (the weights keep every finished step), and with an Error
 * naming the step if the loss becomes NaN or infinite.
 */
export async function* trainDenoiser(
  net: Denoiser,
  data: Float64Array,
  schedule: NoiseSchedule,
  options: Partial<TrainOptions> & Pick<TrainOptions, 'seed'>,
  signal?: AbortSignal,
): AsyncGenerator<TrainSnapshot, void, void> {
  const o: TrainOptions = { ...DEFAULT_TRAINING, ...options };
  validateTrainOptions(o);
  if (schedule.betas.length !== net.config.T)
    throw new Error(
      `schedule has ${schedule.betas.length} steps but the network was built for T = ${net.config.T}`,
    );
  const batch = new BatchSampler(data, schedule, o.batchSize, o.seed);
  const adam = new DenoiserAdam(net.parameterCount);
  const slicer = new TimeSlicer({ signal, budgetMs: o.budgetMs, yieldFn: o.yieldFn });
  for (let k = 0; k < o.steps; k++) {
    batch.next();
    const loss = lossAndGradients(net, batch);
    if (!Number.isFinite(loss))
      throw new Error(`training diverged at step ${k + 1}: the loss is ${loss}; try a lower learning rate`);
    const lr = learningRateAt(k, o);
    adam.step(net.params, net.grads, lr);
    yield { step: k + 1, loss, lr };
    await slicer.tick();
  }
}
