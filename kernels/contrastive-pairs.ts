// The two-modality toy of the contrastive cell (question 10): "images" are 2-D points of several classes,
// "captions" are bags of words (the class's word plus a random distractor word); an image encoder and a text
// encoder (MLPs on kernels/nn) learn a shared embedding from matched pairs with CLIP's symmetric loss or
// SigLIP's sigmoid loss (kernels/contrastive-grad.ts). Measured by the N × N similarity matrix of a fixed
// display batch and by zero-shot classification: each test image takes the class whose bare caption (the
// class word alone, a prompt never seen in training) is nearest.
//
// Example:
//   const p = new PairTrainer({ ...DEFAULT_PAIRS, loss: 'siglip' });
//   for (let s = 0; s < 300; s++) p.step();
//   p.zeroShot();  // accuracy on the test images
import { createRng, type Rng } from '../src/runtime/rng';
import { contrastiveLossGrad, unitRows } from './contrastive-grad';
import { makeClassPoints, type LabelledPoints } from './contrastive-data';
import { Mlp } from './contrastive-net';
import { Adam } from './nn/index';
import { checkInt, checkRange } from './nn/validate';

export const PAIR_LOSSES = ['clip', 'siglip'] as const;
export type PairLoss = (typeof PAIR_LOSSES)[number];

export interface PairOptions {
  loss: PairLoss;
  classes: number;
  temperature: number;
  /** SigLIP's bias b (logit = cos/τ + b). */
  bias: number;
  /** Pairs per step (the N of the N × N matrix). */
  batch: number;
  lr: number;
  seed: number;
}

export const DEFAULT_PAIRS: PairOptions = {
  loss: 'clip',
  classes: 4,
  temperature: 0.1,
  bias: -5,
  batch: 32,
  lr: 0.003,
  seed: 1,
};
export const DEFAULT_PAIR_STEPS = 300;
/** Distractor words a caption may carry besides its class word. */
export const DISTRACTORS = 6;
const DIM = 8;
const HIDDEN = 32;
const TRAIN = 512;
const TEST = 256;

export class PairTrainer {
  readonly options: PairOptions;
  readonly images: LabelledPoints;
  readonly test: LabelledPoints;
  readonly imageEncoder: Mlp;
  readonly textEncoder: Mlp;
  /** The display batch: two images per class, sorted by class, with their captions' distractors. */
  readonly display: { index: Int32Array; words: Int32Array };
  steps = 0;
  private readonly rng: Rng;
  private readonly imageAdam: Adam;
  private readonly textAdam: Adam;

  constructor(options: PairOptions) {
    checkInt('classes', options.classes, 2, 12);
    checkInt('batch', options.batch, 2, 512);
    checkRange('temperature', options.temperature, 0, 10, '(]');
    checkRange('bias', options.bias, -50, 50);
    checkRange('lr', options.lr, 0, 1, '(]');
    this.options = { ...options };
    const { seed, classes } = options;
    this.images = makeClassPoints('blobs', TRAIN, classes, seed + 11);
    this.test = makeClassPoints('blobs', TEST, classes, seed + 12);
    this.imageEncoder = new Mlp([2, HIDDEN, DIM], seed + 13);
    this.textEncoder = new Mlp([classes + DISTRACTORS, HIDDEN, DIM], seed + 14);
    this.imageAdam = new Adam(this.imageEncoder.params.length, { lr: options.lr });
    this.textAdam = new Adam(this.textEncoder.params.length, { lr: options.lr });
    this.rng = createRng(seed + 15);
    const index = Int32Array.from({ length: 2 * classes }, (_, k) => (k % 2) * classes + (k >> 1));
    this.display = { index, words: Int32Array.from(index, (_, k) => k % DISTRACTORS) };
  }

  get vocabulary(): number {
    return this.options.classes + DISTRACTORS;
  }

  /** Bags of words (rows): the class word of each image, plus distractor `words[r]` (−1: none). */
  captions(classes: ArrayLike<number>, words: ArrayLike<number>): Float64Array {
    const v = this.vocabulary;
    const out = new Float64Array(classes.length * v);
    for (let r = 0; r < classes.length; r++) {
      out[r * v + classes[r]!] = 1;
      if (words[r]! >= 0) out[r * v + this.options.classes + words[r]!] = 1;
    }
    return out;
  }

  private gather(index: ArrayLike<number>, from = this.images): Float64Array {
    const x = new Float64Array(2 * index.length);
    for (let r = 0; r < index.length; r++) x.set(from.x.subarray(2 * index[r]!, 2 * index[r]! + 2), 2 * r);
    return x;
  }

  /** One step on `batch` matched pairs; returns the loss. */
  step(): number {
    const { batch: n, loss, temperature, bias } = this.options;
    const index = Int32Array.from({ length: n }, () => this.rng.int(TRAIN));
    const words = Int32Array.from({ length: n }, () => this.rng.int(DISTRACTORS));
    const a = this.imageEncoder.forward(this.gather(index), n).slice();
    const b = this.textEncoder
      .forward(
        this.captions(
          Int32Array.from(index, (i) => this.images.y[i]!),
          words,
        ),
        n,
      )
      .slice();
    const r = contrastiveLossGrad(loss, a, b, n, DIM, { temperature, bias });
    this.imageEncoder.grads.fill(0);
    this.textEncoder.grads.fill(0);
    this.imageEncoder.backward(r.gradA, n);
    this.textEncoder.backward(r.gradB, n);
    this.imageAdam.step(this.imageEncoder.params, this.imageEncoder.grads);
    this.textAdam.step(this.textEncoder.params, this.textEncoder.grads);
    this.steps++;
    if (!Number.isFinite(r.loss))
      throw new Error(`the loss is ${r.loss} at step ${this.steps}: lower the learning rate`);
    return r.loss;
  }

  /** Cosines between the unit rows of a (n × DIM) and b (m × DIM), as n rows of m. */
  private cosines(a: Float64Array, n: number, b: Float64Array, m: number): number[][] {
    const ua = unitRows(a, n, DIM).u;
    const ub = unitRows(b, m, DIM).u;
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: m }, (_, j) => {
        let s = 0;
        for (let k = 0; k < DIM; k++) s += ua[i * DIM + k]! * ub[j * DIM + k]!;
        return s;
      }),
    );
  }

  /** The display batch's image × caption cosine matrix (2·classes square, matches on the diagonal). */
  similarity(): number[][] {
    const { index, words } = this.display;
    const m = index.length;
    const a = this.imageEncoder.forward(this.gather(index), m).slice();
    const b = this.textEncoder
      .forward(
        this.captions(
          Int32Array.from(index, (i) => this.images.y[i]!),
          words,
        ),
        m,
      )
      .slice();
    return this.cosines(a, m, b, m);
  }

  /** Zero-shot accuracy on the test images: the class whose bare caption is nearest. */
  zeroShot(): number {
    const k = this.options.classes;
    const prompts = this.textEncoder
      .forward(
        this.captions(
          Int32Array.from({ length: k }, (_, c) => c),
          new Int32Array(k).fill(-1),
        ),
        k,
      )
      .slice();
    const all = Int32Array.from({ length: TEST }, (_, i) => i);
    const sims = this.cosines(
      this.imageEncoder.forward(this.gather(all, this.test), TEST).slice(),
      TEST,
      prompts,
      k,
    );
    let right = 0;
    sims.forEach((row, i) => {
      if (row.indexOf(Math.max(...row)) === this.test.y[i]) right++;
    });
    return right / TEST;
  }
}
