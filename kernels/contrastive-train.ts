// The contrastive cell's training (question 10): an encoder (MLP, 2 → hidden → hidden → dim) learns from pairs
// of augmented views with NT-Xent or InfoNCE; with alignment alone (no negatives) it collapses; SimSiam's
// predictor with a stop-gradient keeps it from collapsing. Beside it, the same encoder trained with the labels
// (the supervised baseline). The measures: alignment and uniformity on the test set, a linear probe on the
// frozen unit embedding, and, for the temperature, the weight each negative gets in an anchor's gradient.
// Everything on kernels/nn and kernels/contrastive-grad.ts, seeded, synchronous per step (a few ms).
//
// Example:
//   const t = new ContrastiveTrainer({ ...DEFAULT_CONTRASTIVE, seed: 3 });
//   for (let s = 0; s < 300; s++) t.step();
//   t.evaluate().probe.testAccuracy;
import { createRng, type Rng } from '../src/runtime/rng';
import { alignment, uniformity } from './contrastive';
import { contrastiveLossGrad, negCosineGrad, unitRows } from './contrastive-grad';
import {
  augment,
  checkAugmentations,
  makeClassPoints,
  type Augmentations,
  type ClassSet,
  type LabelledPoints,
} from './contrastive-data';
import { Mlp, accuracy, linearProbe, softmaxCrossEntropy } from './contrastive-net';
import { Adam } from './nn/index';
import { checkInt, checkRange } from './nn/validate';

export const OBJECTIVES = ['ntxent', 'infonce', 'align', 'simsiam'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export interface ContrastiveOptions extends Augmentations {
  data: ClassSet;
  classes: number;
  objective: Objective;
  temperature: number;
  /** Pairs per step: NT-Xent then has 2·batch − 2 negatives per view. */
  batch: number;
  lr: number;
  /** Embedding width: 2 (the unit circle) or 3 (the sphere). */
  dim: number;
  hidden: number;
  seed: number;
}

export const DEFAULT_CONTRASTIVE: ContrastiveOptions = {
  data: 'blobs',
  classes: 4,
  objective: 'ntxent',
  temperature: 0.2,
  batch: 64,
  lr: 0.003,
  dim: 2,
  hidden: 32,
  jitter: 0.3,
  rotation: 15,
  scale: 0.2,
  mask: 0,
  seed: 1,
};

/** Full-batch Adam iterations of the linear probe at each evaluation. */
export const PROBE_ITERATIONS = 100;
/** Training points the probe is fitted on (the first ones; each class equally often). */
export const PROBE_POINTS = 256;

/** Steps of the default run. */
export const DEFAULT_STEPS = 400;

/** Training and test points per run. */
export const TRAIN_POINTS = 512;
export const TEST_POINTS = 256;

export interface Evaluation {
  alignment: number;
  uniformity: number;
  /** Linear probe on the frozen unit embedding of the contrastive encoder. */
  probe: { trainAccuracy: number; testAccuracy: number };
  /** The supervised baseline's test accuracy (the encoder's hidden layers and a linear head, trained on the labels). */
  supervised: number;
}

export class ContrastiveTrainer {
  readonly options: ContrastiveOptions;
  readonly train: LabelledPoints;
  readonly test: LabelledPoints;
  readonly encoder: Mlp;
  readonly predictor: Mlp;
  readonly baseline: Mlp;
  steps = 0;
  private readonly rng: Rng;
  private readonly adam: Adam;
  private readonly predictorAdam: Adam;
  private readonly baselineAdam: Adam;
  private readonly views: Float64Array;
  /** Fixed augmented pairs of the test points, for alignment. */
  private readonly evalViews: [Float64Array, Float64Array];

  constructor(options: ContrastiveOptions) {
    checkAugmentations(options);
    checkInt('classes', options.classes, 2, 12);
    checkInt('batch', options.batch, 2, 1024);
    checkInt('dim', options.dim, 2, 16);
    checkInt('hidden', options.hidden, 2, 512);
    checkRange('temperature', options.temperature, 0, 10, '(]');
    checkRange('lr', options.lr, 0, 1, '(]');
    this.options = { ...options };
    const { seed, data, classes, dim, hidden } = options;
    this.train = makeClassPoints(data, TRAIN_POINTS, classes, seed);
    this.test = makeClassPoints(data, TEST_POINTS, classes, seed + 1_000_003);
    this.encoder = new Mlp([2, hidden, hidden, dim], seed + 1);
    this.predictor = new Mlp([dim, hidden, dim], seed + 2);
    this.baseline = new Mlp([2, hidden, hidden, classes], seed + 3);
    this.adam = new Adam(this.encoder.params.length, { lr: options.lr });
    this.predictorAdam = new Adam(this.predictor.params.length, { lr: options.lr });
    this.baselineAdam = new Adam(this.baseline.params.length, { lr: options.lr });
    this.rng = createRng(seed + 4);
    this.views = new Float64Array(4 * options.batch);
    const evalRng = createRng(seed + 5);
    const all = Int32Array.from({ length: TEST_POINTS }, (_, i) => i);
    this.evalViews = [new Float64Array(2 * TEST_POINTS), new Float64Array(2 * TEST_POINTS)];
    augment(this.test.x, all, options, evalRng, this.evalViews[0]);
    augment(this.test.x, all, options, evalRng, this.evalViews[1]);
  }

  /** One step on a batch of pairs (and one supervised step for the baseline); returns the contrastive loss. */
  step(): number {
    const { batch: b, dim, objective, temperature, classes } = this.options;
    const index = Int32Array.from({ length: b }, () => this.rng.int(TRAIN_POINTS));
    augment(this.train.x, index, this.options, this.rng, this.views.subarray(0, 2 * b));
    augment(this.train.x, index, this.options, this.rng, this.views.subarray(2 * b));
    const z = this.encoder.forward(this.views, 2 * b);
    const z1 = z.slice(0, b * dim);
    const z2 = z.slice(b * dim);
    const dz = new Float64Array(2 * b * dim);
    let loss: number;
    this.encoder.grads.fill(0);
    if (objective === 'simsiam') {
      const p = this.predictor.forward(z, 2 * b);
      const g1 = negCosineGrad(p.slice(0, b * dim), z2, b, dim);
      const g2 = negCosineGrad(p.slice(b * dim), z1, b, dim);
      loss = (g1.loss + g2.loss) / 2;
      const dp = new Float64Array(2 * b * dim);
      for (let k = 0; k < b * dim; k++) {
        dp[k] = g1.gradP[k]! / 2;
        dp[b * dim + k] = g2.gradP[k]! / 2;
      }
      this.predictor.grads.fill(0);
      dz.set(this.predictor.backward(dp, 2 * b));
      this.predictorAdam.step(this.predictor.params, this.predictor.grads);
    } else {
      const r = contrastiveLossGrad(objective, z1, z2, b, dim, { temperature });
      loss = r.loss;
      dz.set(r.gradA);
      dz.set(r.gradB, b * dim);
    }
    // The encoder's cache still holds this step's forward (the predictor has its own).
    this.encoder.backward(dz, 2 * b);
    this.adam.step(this.encoder.params, this.encoder.grads);
    // The baseline: cross-entropy on the first view's labels.
    const labels = Int32Array.from(index, (i) => this.train.y[i]!);
    const logits = this.baseline.forward(this.views, b);
    const grad = new Float64Array(b * classes);
    softmaxCrossEntropy(logits, labels, b, classes, grad);
    this.baseline.grads.fill(0);
    this.baseline.backward(grad, b);
    this.baselineAdam.step(this.baseline.params, this.baseline.grads);
    this.steps++;
    if (!Number.isFinite(loss))
      throw new Error(`the loss is ${loss} at step ${this.steps}: lower the learning rate`);
    return loss;
  }

  /** Unit embeddings of rows of x (n × 2), n × dim. */
  embed(x: Float64Array, n: number): Float64Array {
    return unitRows(this.encoder.forward(x, n), n, this.options.dim).u;
  }

  /** Alignment and uniformity on the test set, the linear probe, and the supervised baseline. */
  evaluate(): Evaluation {
    return { ...this.measures(), probe: this.probe() };
  }

  /** Alignment and uniformity of the test set's embedding, and the supervised baseline's test accuracy. */
  measures(): Omit<Evaluation, 'probe'> {
    const { dim, classes } = this.options;
    const rows = (x: Float64Array) =>
      Array.from({ length: TEST_POINTS }, (_, i) => Array.from(x.subarray(i * dim, (i + 1) * dim)));
    const e1 = rows(this.embed(this.evalViews[0], TEST_POINTS));
    const e2 = rows(this.embed(this.evalViews[1], TEST_POINTS));
    const test = rows(this.embed(this.test.x, TEST_POINTS));
    const logits = this.baseline.forward(this.test.x, TEST_POINTS);
    return {
      alignment: alignment(e1, e2),
      uniformity: uniformity(test),
      supervised: accuracy(logits, this.test.y, TEST_POINTS, classes),
    };
  }

  /** The linear probe on the frozen unit embedding: fitted on PROBE_POINTS training points, tested on the test set. */
  probe(): Evaluation['probe'] {
    const { dim, classes } = this.options;
    return linearProbe(
      { x: this.embed(this.train.x, PROBE_POINTS), y: this.train.y, n: PROBE_POINTS },
      { x: this.embed(this.test.x, TEST_POINTS), y: this.test.y, n: TEST_POINTS },
      dim,
      classes,
      PROBE_ITERATIONS,
    );
  }

  /**
   * For anchor test point 0: the cosine to each other test point (the negatives), sorted, and the weight
   * softmax(cos/τ) each gets in the anchor's InfoNCE gradient (∂loss/∂s_j = p_j for a negative j).
   */
  negativeWeights(temperature = this.options.temperature): { cos: number[]; weight: number[] } {
    const { dim } = this.options;
    const e = this.embed(this.test.x, TEST_POINTS);
    const cos: number[] = [];
    for (let j = 1; j < TEST_POINTS; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) s += e[k]! * e[j * dim + k]!;
      cos.push(s);
    }
    cos.sort((a, b) => a - b);
    const mx = cos.at(-1)! / temperature;
    const w = cos.map((c) => Math.exp(c / temperature - mx));
    const sum = w.reduce((a, b) => a + b, 0);
    return { cos, weight: w.map((v) => v / sum) };
  }
}
