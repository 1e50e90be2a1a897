// Two configurations of the vanishing-gradient network trained side by side by full-batch gradient descent on
// the same fixed batch, one step of each per iteration, with optional clipping of the global gradient norm.
// Each snapshot carries both runs' loss and per-layer weight-gradient norms. A run whose loss or gradient
// becomes Infinity or NaN stops there with a message saying so (its last finite values stay plotted); the
// other run goes on. Time-sliced and abortable; every tensor is released when the generator ends, however
// it ends.
//
// Example:
//   const options = { steps: 300, lr: 0.02, clip: null, signal };
//   for await (const s of trainSideBySide([deepSigmoid, healthy], options))
//     plot(s.step, s.runs[0].loss, s.runs[1].loss);
import * as tf from '@tensorflow/tfjs-core';
import { throwIfAborted } from '../src/runtime/abort';
import { TimeSlicer } from '../src/runtime/loop';
import {
  initialParameters,
  globalNorm,
  networkLoss,
  parameterTensors,
  robustNorms,
  splitParameters,
  syntheticBatch,
  validateConfig,
  type VanishingConfig,
} from './vanishing-net';

export interface SideBySideOptions {
  /** Gradient steps, 1..100000. */
  steps: number;
  /** Learning rate, in (0, 10]. */
  lr: number;
  /** Clip the global gradient norm (all parameters together) to this value, > 0; null: no clipping. */
  clip: number | null;
  signal?: AbortSignal;
  /** Longest stretch of work between two yields to the event loop, in ms (default 10). */
  budgetMs?: number;
}

export interface RunState {
  /** Gradient steps this run has taken. */
  steps: number;
  /** The loss before its latest step (its last finite loss once diverged). */
  loss: number;
  /** ‖∂L/∂W_l‖₂ per weight layer at its latest step, first layer first. */
  gradNorms: number[];
  /** The global gradient norm over every parameter, before clipping. */
  globalNorm: number;
  /** Whether the latest step was clipped. */
  clipped: boolean;
  /** Why the run stopped early, or null while it is healthy. */
  diverged: string | null;
}

export interface SideBySideSnapshot {
  /** Iterations done (each advances every run that has not diverged by one step). */
  step: number;
  runs: [RunState, RunState];
}

function validateOptions(o: SideBySideOptions): void {
  if (!Number.isInteger(o.steps) || o.steps < 1 || o.steps > 100_000)
    throw new Error(`steps must be an integer from 1 to 100000, got ${o.steps}`);
  if (!(o.lr > 0 && o.lr <= 10)) throw new Error(`lr must be in (0, 10], got ${o.lr}`);
  if (o.clip !== null && !(o.clip > 0 && Number.isFinite(o.clip)))
    throw new Error(`clip must be a positive number or null, got ${o.clip}`);
}

/** One configuration's parameters and data as tensors, and its gradient step. */
class GradientTrainer {
  private params: tf.Tensor[];
  private readonly x: tf.Tensor2D;
  private readonly t: tf.Tensor1D;
  private readonly loss: (...p: tf.Tensor[]) => tf.Scalar;
  readonly state: RunState = {
    steps: 0,
    loss: NaN,
    gradNorms: [],
    globalNorm: NaN,
    clipped: false,
    diverged: null,
  };

  constructor(
    private readonly cfg: VanishingConfig,
    private readonly label: string,
  ) {
    const { x, t } = syntheticBatch(cfg.seed, cfg.batch);
    const init = initialParameters(cfg);
    this.params = parameterTensors(init);
    this.x = tf.tensor2d(x, [cfg.batch, x.length / cfg.batch]);
    this.t = tf.tensor1d(t);
    this.loss = (...p) => networkLoss(cfg, this.x, this.t, splitParameters(cfg, p));
  }

  /** One gradient step; on a non-finite loss or gradient, records why and keeps the previous weights. */
  async step(lr: number, clip: number | null): Promise<void> {
    const d = this.cfg.depth;
    const { packed, next } = tf.tidy(() => {
      const { value, grads } = tf.valueAndGrads(this.loss)(this.params);
      const total = globalNorm(grads);
      const rate =
        clip === null ? tf.scalar(lr) : tf.mul(lr, tf.minimum(1, tf.div(clip, tf.maximum(total, 1e-30))));
      const next = this.params.map((p, i) => tf.sub(p, tf.mul(grads[i]!, rate)));
      const layerNorms = robustNorms(grads.slice(0, d));
      return { packed: tf.concat([layerNorms, tf.stack([total, value])]), next };
    });
    const data = Array.from(await packed.data());
    packed.dispose();
    const [norm, loss] = [data[d]!, data[d + 1]!];
    if (!Number.isFinite(loss) || !Number.isFinite(norm)) {
      tf.dispose(next);
      const what = !Number.isFinite(loss) ? `the loss became ${loss}` : `the gradient norm became ${norm}`;
      this.state.diverged =
        `${this.label} diverged at step ${this.state.steps + 1}: ${what} (exploding gradients overflow ` +
        'float32). Try gradient clipping, a smaller learning rate, or Xavier/He initialization.';
      return;
    }
    tf.dispose(this.params);
    this.params = next;
    Object.assign(this.state, {
      steps: this.state.steps + 1,
      loss,
      gradNorms: data.slice(0, d),
      globalNorm: norm,
      clipped: clip !== null && norm > clip,
    });
  }

  dispose(): void {
    tf.dispose([...this.params, this.x, this.t]);
  }
}

const copy = (s: RunState): RunState => ({ ...s, gradNorms: s.gradNorms.slice() });

/**
 * Trains configurations A and B together for `steps` iterations and yields a snapshot after each. Ends early
 * when both have diverged; rejects with an AbortError when `signal` fires.
 */
export async function* trainSideBySide(
  configs: readonly [VanishingConfig, VanishingConfig],
  options: SideBySideOptions,
): AsyncGenerator<SideBySideSnapshot, void, undefined> {
  const cfgs = [validateConfig(configs[0]), validateConfig(configs[1])];
  validateOptions(options);
  const slicer = new TimeSlicer({ signal: options.signal, budgetMs: options.budgetMs ?? 10 });
  const trainers: GradientTrainer[] = [];
  try {
    trainers.push(new GradientTrainer(cfgs[0]!, 'Configuration A'));
    trainers.push(new GradientTrainer(cfgs[1]!, 'Configuration B'));
    for (let step = 1; step <= options.steps; step++) {
      throwIfAborted(options.signal);
      for (const trainer of trainers) {
        if (trainer.state.diverged === null) await trainer.step(options.lr, options.clip);
        await slicer.tick();
      }
      yield { step, runs: [copy(trainers[0]!.state), copy(trainers[1]!.state)] };
      if (trainers.every((tr) => tr.state.diverged !== null)) return;
    }
  } finally {
    for (const trainer of trainers) trainer.dispose();
  }
}
