// The same training step on tfjs ops, for the backends where tensors pay off (WebGPU/WebGL on a real GPU,
// bigger batches). The network, loss, batches and Adam are those of the typed-array path (trainer.ts), so
// for the same seed both compute the same numbers up to float32 rounding; test/unit/diffusion tests that.
// Weights live in tf.variables while training and are copied back into the Denoiser (plain numbers) every
// `syncEvery` steps and when the run ends, however it ends; every tensor is disposed.
//
// Example:
//   const tf = await compute.ensure();
//   for await (const s of trainDenoiserTf(tf, net, data, schedule, { seed: 1 }, signal)) …
import type * as TF from '@tensorflow/tfjs-core';
import { TimeSlicer } from '../../src/runtime/loop';
import type { Denoiser } from './denoiser';
import type { NoiseSchedule } from './schedule';
import {
  BatchSampler,
  DEFAULT_TRAINING,
  learningRateAt,
  validateTrainOptions,
  type TrainOptions,
  type TrainSnapshot,
} from './trainer';

type Tf = typeof TF;

/** The denoiser's weights as tf.variables (W_l: [nout, nin], b_l: [nout]) with Adam's moments beside them. */
export class TfDenoiser {
  readonly weights: TF.Variable[];
  private readonly m: TF.Variable[];
  private readonly v: TF.Variable[];
  private adamStep = 0;
  private features: Float32Array = new Float32Array(0);

  constructor(
    private readonly tf: Tf,
    readonly net: Denoiser,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
  ) {
    const p = net.params;
    this.weights = net.layerSlots.flatMap(({ nin, nout, w, b }) =>
      tf.tidy(() => [
        // tfjs takes no Float64Array: copy into float32.
        tf.variable(tf.tensor2d(Float32Array.from(p.subarray(w, w + nin * nout)), [nout, nin])),
        tf.variable(tf.tensor1d(Float32Array.from(p.subarray(b, b + nout)))),
      ]),
    );
    // tidy disposes the zero tensors; the variables keep their data.
    this.m = tf.tidy(() => this.weights.map((w) => tf.variable(tf.zerosLike(w))));
    this.v = tf.tidy(() => this.weights.map((w) => tf.variable(tf.zerosLike(w))));
  }

  /** ε̂ for the batch's features (a [n, F] tensor). */
  private predict(x: TF.Tensor2D): TF.Tensor2D {
    const { tf, weights } = this;
    const L = weights.length / 2;
    const silu = this.net.config.activation === 'silu';
    let h: TF.Tensor2D = x;
    for (let l = 0; l < L; l++) {
      const z = tf.add(
        tf.matMul(h, weights[2 * l] as TF.Tensor2D, false, true),
        weights[2 * l + 1],
      ) as TF.Tensor2D;
      h = l === L - 1 ? z : silu ? tf.mul(z, tf.sigmoid(z)) : tf.relu(z);
    }
    return h;
  }

  private inputs(batch: BatchSampler): { x: TF.Tensor2D; noise: TF.Tensor2D } {
    const n = batch.batchSize;
    const F = this.net.widths[0];
    if (this.features.length !== n * F) this.features = new Float32Array(n * F);
    this.net.writeFeatures(batch.xt, batch.ts, n, this.features);
    return {
      x: this.tf.tensor2d(this.features, [n, F]),
      noise: this.tf.tensor2d(Float32Array.from(batch.noise), [n, 2]),
    };
  }

  /** The loss and its gradients (flat, in net.params' layout) at the current weights; changes nothing. */
  async lossAndGradients(batch: BatchSampler): Promise<{ loss: number; grads: Float64Array }> {
    const { tf } = this;
    const { value, grads } = tf.tidy(() => {
      const { x, noise } = this.inputs(batch);
      return tf.variableGrads(
        () => tf.mean(tf.squaredDifference(this.predict(x), noise)) as TF.Scalar,
        this.weights,
      );
    });
    try {
      const flat = new Float64Array(this.net.parameterCount);
      for (let i = 0; i < this.weights.length; i++) {
        const slot = this.net.layerSlots[i >> 1];
        flat.set(await grads[this.weights[i].name].data(), i % 2 === 0 ? slot.w : slot.b);
      }
      return { loss: (await value.data())[0], grads: flat };
    } finally {
      tf.dispose([value, ...Object.values(grads)]);
    }
  }

  /** One Adam step (as trainer.ts' Adam) on the batch; resolves with the loss before the update. */
  async step(batch: BatchSampler, lr: number): Promise<number> {
    const { tf, weights, m, v, beta1, beta2, epsilon } = this;
    this.adamStep++;
    const c1 = 1 - beta1 ** this.adamStep;
    const c2 = 1 - beta2 ** this.adamStep;
    const loss = tf.tidy(() => {
      const { x, noise } = this.inputs(batch);
      const { value, grads } = tf.variableGrads(
        () => tf.mean(tf.squaredDifference(this.predict(x), noise)) as TF.Scalar,
        weights,
      );
      weights.forEach((w, i) => {
        const g = grads[w.name];
        m[i].assign(tf.add(tf.mul(beta1, m[i]), tf.mul(1 - beta1, g)));
        v[i].assign(tf.add(tf.mul(beta2, v[i]), tf.mul(1 - beta2, tf.square(g))));
        const update = tf.div(tf.mul(lr / c1, m[i]), tf.add(tf.sqrt(tf.div(v[i], c2)), epsilon));
        w.assign(tf.sub(w, update));
      });
      return value;
    });
    try {
      return (await loss.data())[0];
    } finally {
      loss.dispose();
    }
  }

  /** Copies the variables back into net.params. */
  async syncToNet(): Promise<void> {
    const { net } = this;
    for (let i = 0; i < this.weights.length; i++) {
      const slot = net.layerSlots[i >> 1];
      net.params.set(await this.weights[i].data(), i % 2 === 0 ? slot.w : slot.b);
    }
  }

  dispose(): void {
    this.tf.dispose([...this.weights, ...this.m, ...this.v]);
  }
}

/**
 * trainDenoiser (trainer.ts) on tfjs' active backend: the same batches, loss and Adam, in float32. The
 * Denoiser's params are refreshed every `syncEvery` steps and when the run ends (finished, stopped or failed).
 */
export async function* trainDenoiserTf(
  tf: Tf,
  net: Denoiser,
  data: Float64Array,
  schedule: NoiseSchedule,
  options: Partial<TrainOptions> & Pick<TrainOptions, 'seed'> & { syncEvery?: number },
  signal?: AbortSignal,
): AsyncGenerator<TrainSnapshot, void, void> {
  const o: TrainOptions = { ...DEFAULT_TRAINING, ...options };
  validateTrainOptions(o);
  const syncEvery = options.syncEvery ?? 50;
  if (!Number.isInteger(syncEvery) || syncEvery < 1)
    throw new Error(`syncEvery must be a positive integer, got ${syncEvery}`);
  if (schedule.betas.length !== net.config.T)
    throw new Error(
      `schedule has ${schedule.betas.length} steps but the network was built for T = ${net.config.T}`,
    );
  const batch = new BatchSampler(data, schedule, o.batchSize, o.seed);
  const slicer = new TimeSlicer({ signal, budgetMs: o.budgetMs, yieldFn: o.yieldFn });
  const model = new TfDenoiser(tf, net);
  try {
    for (let k = 0; k < o.steps; k++) {
      batch.next();
      const lr = learningRateAt(k, o);
      const loss = await model.step(batch, lr);
      if (!Number.isFinite(loss))
        throw new Error(`training diverged at step ${k + 1}: the loss is ${loss}; try a lower learning rate`);
      if ((k + 1) % syncEvery === 0) await model.syncToNet();
      yield { step: k + 1, loss, lr };
      await slicer.tick();
    }
  } finally {
    await model.syncToNet();
    model.dispose();
  }
}
