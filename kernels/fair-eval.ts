// The runs behind question 9's fair comparison: two small classifiers (kernels/nn MLPs, as in
// contrastive-net.ts) trained on one seeded 2-D data set (datasets2d.ts) and scored example by example on one
// held-out test set, so the statistics in fair-eval-stats.ts compare real per-example results. A run is a
// `ClassifierRun` stepped by the caller (who yields between steps), so no loop here blocks a page.
//
// Example:
//   const data = makeSplits({ kind: 'moons', noise: 0.3, trainSize: 200, testSize: 1000, seed: 1 });
//   const run = new ClassifierRun(data.train, { hidden: [16], lr: 0.01, steps: 300, batch: 32, seed: 1 });
//   while (!run.done) run.step();
//   const right = run.correct(data.test);  // boolean per test example
import { createRng, type Rng } from '../src/runtime/rng';
import { Mlp, softmaxCrossEntropy } from './contrastive-net';
import { makeDataset, type DatasetKind } from './datasets2d';
import { Adam } from './nn/index';

/** Points (n × 2, row-major) with class labels 0 / 1. */
export interface LabelledSet {
  x: Float64Array;
  y: Int32Array;
  n: number;
}

export interface SplitOptions {
  kind: DatasetKind;
  noise: number;
  trainSize: number;
  /** Size of the test set and of the validation set (used only to pick a learning rate). */
  testSize: number;
  seed: number;
}

export interface Splits {
  train: LabelledSet;
  validation: LabelledSet;
  test: LabelledSet;
}

function toSet(kind: DatasetKind, n: number, noise: number, seed: number): LabelledSet {
  const d = makeDataset(kind, { n, noise, seed });
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  d.xs.forEach((p, i) => {
    x[2 * i] = p[0]!;
    x[2 * i + 1] = p[1]!;
    y[i] = d.ys[i] === 1 ? 1 : 0;
  });
  return { x, y, n };
}

/** Train, validation and test sets drawn independently from one distribution (seeds seed, +1, +2). */
export function makeSplits(o: SplitOptions): Splits {
  return {
    train: toSet(o.kind, o.trainSize, o.noise, o.seed),
    validation: toSet(o.kind, o.testSize, o.noise, o.seed + 1),
    test: toSet(o.kind, o.testSize, o.noise, o.seed + 2),
  };
}

export interface ClassifierSpec {
  /** Hidden layer widths (ReLU), e.g. [16] or [8, 8]. */
  hidden: readonly number[];
  /** Adam's learning rate, in (0, 1]. */
  lr: number;
  steps: number;
  /** Mini-batch size (drawn with replacement from the training set). */
  batch: number;
  /** Seeds the initial weights and the mini-batches. */
  seed: number;
}

function checkSpec(s: ClassifierSpec): void {
  if (s.hidden.length < 1 || s.hidden.some((w) => !Number.isInteger(w) || w < 1 || w > 256))
    throw new Error(`hidden must list widths in 1..256, got [${s.hidden.join(', ')}]`);
  if (!(s.lr > 0 && s.lr <= 1)) throw new Error(`lr must lie in (0, 1], got ${s.lr}`);
  if (!Number.isInteger(s.steps) || s.steps < 1)
    throw new Error(`steps must be a positive integer, got ${s.steps}`);
  if (!Number.isInteger(s.batch) || s.batch < 1)
    throw new Error(`batch must be a positive integer, got ${s.batch}`);
}

/** One classifier's training, a step at a time: mini-batch Adam on softmax cross-entropy. */
export class ClassifierRun {
  readonly net: Mlp;
  private readonly adam: Adam;
  private readonly rng: Rng;
  private readonly bx: Float64Array;
  private readonly by: Int32Array;
  private readonly grad: Float64Array;
  stepsDone = 0;
  lastLoss = NaN;

  constructor(
    readonly train: LabelledSet,
    readonly spec: ClassifierSpec,
  ) {
    checkSpec(spec);
    if (train.n < 1) throw new Error('the training set is empty');
    // Separate streams for the initial weights and the batches, both from the one seed.
    this.net = new Mlp([2, ...spec.hidden, 2], spec.seed);
    this.rng = createRng(spec.seed ^ 0x5bd1e995);
    this.adam = new Adam(this.net.params.length, { lr: spec.lr });
    this.bx = new Float64Array(2 * spec.batch);
    this.by = new Int32Array(spec.batch);
    this.grad = new Float64Array(2 * spec.batch);
  }

  get done(): boolean {
    return this.stepsDone >= this.spec.steps;
  }

  /** One Adam step on a fresh mini-batch; returns its loss (throws if it is not finite). */
  step(): number {
    const { batch } = this.spec;
    for (let i = 0; i < batch; i++) {
      const k = this.rng.int(this.train.n);
      this.bx[2 * i] = this.train.x[2 * k]!;
      this.bx[2 * i + 1] = this.train.x[2 * k + 1]!;
      this.by[i] = this.train.y[k]!;
    }
    const logits = this.net.forward(this.bx, batch);
    const loss = softmaxCrossEntropy(logits, this.by, batch, 2, this.grad);
    if (!Number.isFinite(loss))
      throw new Error(`the loss became ${loss} at step ${this.stepsDone + 1}; lower lr`);
    this.net.grads.fill(0);
    this.net.backward(this.grad, batch);
    this.adam.step(this.net.params, this.net.grads);
    this.stepsDone++;
    this.lastLoss = loss;
    return loss;
  }

  /** Whether each example of `set` is classified right (the larger logit at its label). */
  correct(set: LabelledSet): boolean[] {
    const logits = this.net.forward(set.x, set.n);
    const out: boolean[] = new Array<boolean>(set.n);
    for (let i = 0; i < set.n; i++) out[i] = (logits[2 * i + 1]! > logits[2 * i]! ? 1 : 0) === set.y[i];
    return out;
  }
}

/** Share of true values. */
export function accuracyOf(correct: readonly boolean[]): number {
  let right = 0;
  for (const c of correct) if (c) right++;
  return correct.length > 0 ? right / correct.length : NaN;
}

/** `count` learning rates spaced evenly in log between lo and hi (both included when count ≥ 2). */
export function learningRateGrid(count: number, lo = 0.001, hi = 0.1): number[] {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count must be a positive integer, got ${count}`);
  if (count === 1) return [Math.sqrt(lo * hi)];
  return Array.from({ length: count }, (_, i) => lo * (hi / lo) ** (i / (count - 1)));
}
