// A multilayer perceptron built from Values (micrograd's nn.py), with a full-batch SGD step for binary
// classification of points. Two engines compute the same gradients: 'graph' builds a fresh Value graph of
// the whole batch each step (the reference), 'tape' records the graph of one point's loss once and replays
// it for every point on typed arrays, allocating nothing (the default, ~50× faster; any batch size).
//
// Example:
//   const mlp = new MLP(2, [16, 16, 1], { activation: 'tanh', seed: 1 });
//   for (let k = 0; k < 100; k++) mlp.step(xs, ys, { lr: 0.1, loss: 'hinge' });
//   mlp.predict(0.5, -0.2) > 0  // class +1

import { Value } from './value';
import { Tape } from './tape';
import {
  accuracyOf,
  checkLossOptions,
  classificationLoss,
  copyPointsAndLabels,
  countPoints,
  type LossOptions,
  type Points,
} from './loss';
import { Layer } from './neuron';
import { TapeTrainer, type StepResult } from './tape-trainer';

export type Activation = 'tanh' | 'relu';
export type Engine = 'tape' | 'graph';

export interface MLPOptions {
  /** Hidden-layer nonlinearity; the last layer is always linear. Default 'tanh'. */
  activation?: Activation;
  /** Uniform [0, 1) source for the initial weights; takes precedence over `seed`. */
  random?: () => number;
  /** Seed for a small built-in generator when `random` is not given. Default 1. */
  seed?: number;
}

export interface StepOptions extends LossOptions {
  /** Learning rate of the SGD update p ← p − lr · ∂loss/∂p. */
  lr: number;
  engine?: Engine;
}

export type { StepResult };

export class MLP {
  readonly nin: number;
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly layers: readonly Layer[];
  private readonly params: Value[];
  /** The 'tape' engine. */
  private readonly trainer: TapeTrainer;
  /** One point's score (leaves: parameters, coordinates), for predict; recorded on first use. */
  private pointTape: Tape | null = null;

  constructor(nin: number, sizes: readonly number[], options: MLPOptions = {}) {
    if (!Number.isInteger(nin) || nin < 1) throw new Error(`nin must be an integer ≥ 1, got ${nin}`);
    if (sizes.length === 0 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
      throw new Error(`sizes must be a non-empty list of integers ≥ 1, got [${sizes.join(', ')}]`);
    }
    const { activation = 'tanh', seed = 1 } = options;
    if (activation !== 'tanh' && activation !== 'relu') {
      throw new Error(`activation must be 'tanh' or 'relu', got ${JSON.stringify(activation)}`);
    }
    const random = options.random ?? mulberry32(seed);
    this.nin = nin;
    this.sizes = sizes.slice();
    this.activation = activation;
    const widths = [nin, ...sizes];
    this.layers = sizes.map(
      (nout, l) => new Layer(widths[l], nout, l === sizes.length - 1 ? 'linear' : activation, random, l),
    );
    this.params = this.layers.flatMap((layer) => layer.parameters());
    this.trainer = new TapeTrainer(this.params, nin, (point) => {
      this.requireOneOutput();
      return this.call(point)[0];
    });
  }

  /** All weights and biases: layer by layer, neuron by neuron, each neuron's weights then its bias. */
  parameters(): Value[] {
    return this.params.slice();
  }

  /** The outputs for one input, as a Value graph: `mlp.call([0.5, -1])[0]`. */
  call(x: readonly (Value | number)[]): Value[] {
    if (x.length !== this.nin) throw new Error(`input must have ${this.nin} numbers, got ${x.length}`);
    let activations = x.map((v) => (v instanceof Value ? v : Value.constant(v)));
    for (const layer of this.layers) activations = layer.call(activations);
    return activations;
  }

  zeroGrad(): void {
    for (const p of this.params) p.grad = 0;
  }

  /** A copy of the parameter values, in parameters() order. */
  getParameters(): Float64Array {
    return Float64Array.from(this.params, (p) => p.data);
  }

  /** Overwrites the parameter values: `mlp.setParameters(saved)`. */
  setParameters(values: ArrayLike<number>): void {
    if (values.length !== this.params.length) {
      throw new Error(`expected ${this.params.length} parameter values, got ${values.length}`);
    }
    for (let i = 0; i < values.length; i++) this.params[i].data = values[i];
  }

  /** The loss of the whole batch as a fresh Value graph (for drawing or checking): `lossGraph(xs, ys).loss`. */
  lossGraph(xs: Points, ys: ArrayLike<number>, options: LossOptions = {}): { loss: Value; scores: Value[] } {
    this.requireOneOutput();
    const n = countPoints(xs, this.nin);
    const data = new Float64Array(n * (this.nin + 1));
    copyPointsAndLabels(xs, ys, this.nin, data, 0);
    const scores: Value[] = [];
    for (let i = 0; i < n; i++) {
      scores.push(this.call(Array.from(data.subarray(i * this.nin, (i + 1) * this.nin)))[0]);
    }
    const labels = Array.from(data.subarray(n * this.nin), (y) => Value.constant(y));
    return { loss: classificationLoss(scores, labels, this.params, options), scores };
  }

  /**
   * Loss, accuracy and ∂loss/∂p for every parameter (also left in each p.grad); changes no weights.
   * Example: const { grads } = mlp.lossAndGradients(xs, ys, { loss: 'logistic', engine: 'graph' })
   */
  lossAndGradients(
    xs: Points,
    ys: ArrayLike<number>,
    options: LossOptions & { engine?: Engine } = {},
  ): StepResult & { grads: Float64Array } {
    const result = this.computeGradients(xs, ys, options);
    return { ...result, grads: Float64Array.from(this.params, (p) => p.grad) };
  }

  /** One full-batch forward + backward + SGD update; returns the loss and accuracy before the update. */
  step(xs: Points, ys: ArrayLike<number>, options: StepOptions): StepResult {
    const { lr } = options;
    if (!Number.isFinite(lr) || lr < 0) throw new Error(`lr must be a finite number ≥ 0, got ${lr}`);
    const result = this.computeGradients(xs, ys, options);
    if (!Number.isFinite(result.loss)) {
      throw new Error(`the loss is ${result.loss}: training diverged; try a smaller learning rate`);
    }
    for (const p of this.params) p.data -= lr * p.grad;
    return result;
  }

  /** The raw score for one point; its sign is the class: `mlp.predict(x, y) > 0`. */
  predict(...point: number[]): number {
    if (point.length !== this.nin) {
      throw new Error(`predict needs ${this.nin} coordinates, got ${point.length}`);
    }
    const tape = this.scoreTape();
    const P = this.params.length;
    for (let i = 0; i < P; i++) tape.values[i] = this.params[i].data;
    for (let j = 0; j < this.nin; j++) tape.values[P + j] = point[j];
    return tape.forward();
  }

  /** Scores for many points at once (e.g. a grid for the decision boundary): `mlp.predictPoints(grid)`. */
  predictPoints(xs: Points, out?: Float64Array): Float64Array {
    const n = countPoints(xs, this.nin);
    const scores = out ?? new Float64Array(n);
    if (scores.length < n) throw new Error(`out must have room for ${n} scores, got ${scores.length}`);
    const tape = this.scoreTape();
    const P = this.params.length;
    for (let i = 0; i < P; i++) tape.values[i] = this.params[i].data;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < this.nin; j++) {
        tape.values[P + j] = xs instanceof Float64Array ? xs[i * this.nin + j] : xs[i][j];
      }
      scores[i] = tape.forward();
    }
    return scores;
  }

  /** Fills every p.grad with ∂loss/∂p and returns the loss and accuracy at the current weights. */
  private computeGradients(xs: Points, ys: ArrayLike<number>, options: LossOptions & { engine?: Engine }) {
    const { engine = 'tape' } = options;
    if (engine === 'graph') {
      const { loss, scores } = this.lossGraph(xs, ys, options);
      this.zeroGrad();
      loss.backward();
      return {
        loss: loss.data,
        accuracy: accuracyOf(
          scores.length,
          (i) => scores[i].data,
          (i) => ys[i],
        ),
      };
    }
    if (engine !== 'tape') throw new Error(`engine must be 'tape' or 'graph', got ${JSON.stringify(engine)}`);
    return this.trainer.gradients(xs, ys, checkLossOptions(options));
  }

  /** The one-point score tape behind predict: leaves are the parameters then the point's coordinates. */
  private scoreTape(): Tape {
    if (this.pointTape) return this.pointTape;
    this.requireOneOutput();
    const point = Array.from({ length: this.nin }, () => new Value(0));
    this.pointTape = Tape.record(this.call(point)[0], [...this.params, ...point]);
    return this.pointTape;
  }

  private requireOneOutput(): void {
    if (this.sizes[this.sizes.length - 1] !== 1) {
      throw new Error(`a classifier needs one output; this MLP has ${this.sizes[this.sizes.length - 1]}`);
    }
  }
}

/** mulberry32, so the core needs no import for seeded weights (the same generator as src/runtime/rng). */
function mulberry32(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  let s = Math.trunc(seed) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
