// The contrastive cell's networks (question 10) on kernels/nn: an MLP that keeps its activations for one
// backward pass (the encoder, SimSiam's predictor, the supervised baseline), softmax cross-entropy for the
// baseline, and the linear probe (multinomial logistic regression on frozen features, Adam, full batch).
//
// Example:
//   const enc = new Mlp([2, 64, 64, 2], 1);
//   const z = enc.forward(x, batch);  enc.grads.fill(0);  enc.backward(dz, batch);  adam.step(enc.params, enc.grads);
import { createRng } from '../src/runtime/rng';
import {
  Adam,
  RELU,
  backwardScratch,
  denseBackward,
  denseForward,
  denseLayout,
  type BackwardScratch,
  type Dense,
} from './nn/index';

/** ReLU hidden layers, a linear last layer; He-initialised weights, zero biases. */
export class Mlp {
  readonly layers: Dense[];
  readonly params: Float64Array;
  readonly grads: Float64Array;
  private acts: Float64Array[] = [];
  private derivs: Float64Array[] = [];
  private scratch: BackwardScratch | null = null;
  private cap = 0;

  constructor(
    readonly widths: readonly number[],
    seed: number,
  ) {
    const { layers, size } = denseLayout(widths);
    this.layers = layers;
    this.params = new Float64Array(size);
    this.grads = new Float64Array(size);
    const rng = createRng(seed);
    for (const d of layers) {
      const sd = Math.sqrt(2 / d.nin);
      for (let k = 0; k < d.nin * d.nout; k++) this.params[d.w + k] = sd * rng.normal();
    }
  }

  private ensure(batch: number): void {
    if (batch <= this.cap) return;
    this.cap = batch;
    this.acts = this.widths.map((w) => new Float64Array(batch * w));
    this.derivs = this.layers.map((d) => new Float64Array(batch * d.nout));
    this.scratch = backwardScratch(this.layers, batch);
  }

  /** The output (batch × last width); a view into the cache, valid until the next forward. */
  forward(x: Float64Array, batch: number): Float64Array {
    this.ensure(batch);
    this.acts[0]!.set(x.subarray(0, batch * this.widths[0]!));
    this.layers.forEach((d, l) => {
      const last = l === this.layers.length - 1;
      denseForward(
        this.params,
        d,
        this.acts[l]!,
        this.acts[l + 1]!,
        batch,
        last ? null : RELU,
        this.derivs[l]!,
      );
    });
    return this.acts[this.layers.length]!.subarray(0, batch * this.widths.at(-1)!);
  }

  /** Adds ∂params into grads from ∂output of the last forward; returns ∂input (batch × first width). */
  backward(dOut: Float64Array, batch: number): Float64Array {
    let g: Float64Array = dOut;
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const d = this.layers[l]!;
      const dx = new Float64Array(batch * d.nin);
      const last = l === this.layers.length - 1;
      denseBackward(
        this.params,
        this.grads,
        d,
        this.acts[l]!,
        g,
        dx,
        batch,
        last ? null : this.derivs[l]!,
        this.scratch!,
      );
      g = dx;
    }
    return g;
  }
}

/** Mean softmax cross-entropy of logits (n × k) against labels, and ∂/∂logits into grad (n × k). */
export function softmaxCrossEntropy(
  logits: Float64Array,
  labels: ArrayLike<number>,
  n: number,
  k: number,
  grad: Float64Array,
): number {
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let mx = -Infinity;
    for (let c = 0; c < k; c++) mx = Math.max(mx, logits[i * k + c]!);
    let s = 0;
    for (let c = 0; c < k; c++) s += Math.exp(logits[i * k + c]! - mx);
    const lse = mx + Math.log(s);
    loss += lse - logits[i * k + labels[i]!]!;
    for (let c = 0; c < k; c++)
      grad[i * k + c] = (Math.exp(logits[i * k + c]! - lse) - (c === labels[i]! ? 1 : 0)) / n;
  }
  return loss / n;
}

/** Fraction of rows whose largest logit is at their label. */
export function accuracy(logits: Float64Array, labels: ArrayLike<number>, n: number, k: number): number {
  let right = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (logits[i * k + c]! > logits[i * k + best]!) best = c;
    if (best === labels[i]) right++;
  }
  return right / n;
}

/**
 * A linear probe: softmax regression (weights and biases) fitted to frozen features (n × d) by full-batch
 * Adam for `iterations`, then its accuracy on the test features. Deterministic (zero initialisation).
 */
export function linearProbe(
  train: { x: Float64Array; y: ArrayLike<number>; n: number },
  test: { x: Float64Array; y: ArrayLike<number>; n: number },
  d: number,
  classes: number,
  iterations = 300,
): { trainAccuracy: number; testAccuracy: number } {
  const head = new Mlp([d, classes], 0);
  head.params.fill(0);
  const adam = new Adam(head.params.length, { lr: 0.2 });
  const grad = new Float64Array(train.n * classes);
  for (let it = 0; it < iterations; it++) {
    const logits = head.forward(train.x, train.n);
    softmaxCrossEntropy(logits, train.y, train.n, classes, grad);
    head.grads.fill(0);
    head.backward(grad, train.n);
    adam.step(head.params, head.grads);
  }
  const trainAccuracy = accuracy(head.forward(train.x, train.n), train.y, train.n, classes);
  return { trainAccuracy, testAccuracy: accuracy(head.forward(test.x, test.n), test.y, test.n, classes) };
}
