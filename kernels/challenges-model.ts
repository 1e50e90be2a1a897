// The small binary classifier of the open-problems cell (question 13): a tanh MLP, or with no hidden layer a
// logistic model, on kernels/nn's typed-array dense layers. One logit per example, labels 0/1, mean binary
// cross-entropy with logits; the backward pass gives the parameter gradient and, for FGSM, the gradient of
// each example's own loss with respect to its input. Full-batch Adam, seeded initialisation. No DOM.
//
// Example:
//   const net = createClassifier(2, 16, 1);
//   await trainClassifier(net, x, y, n, { steps: 300, lr: 0.05 });
//   accuracy(predictLabels(net, x, n), y);
import { TimeSlicer, type SliceOptions } from '../src/runtime/loop';
import { createRng } from '../src/runtime/rng';
import {
  ACTIVATIONS,
  Adam,
  backwardScratch,
  checkInt,
  checkRange,
  denseBackward,
  denseForward,
  denseLayout,
  type Dense,
} from './nn/index';

export interface Classifier {
  /** Widths input → (hidden) → 1. */
  readonly widths: readonly number[];
  readonly layers: readonly Dense[];
  /** All weights and biases (kernels/nn layout). */
  readonly params: Float64Array;
}

const TANH = ACTIVATIONS.tanh;

/** A classifier with `inputs` features and `hidden` tanh units (0: a logistic model), Glorot-normal weights. */
export function createClassifier(inputs: number, hidden: number, seed: number): Classifier {
  checkInt('inputs', inputs, 1, 4096);
  checkInt('hidden', hidden, 0, 4096);
  const widths = hidden > 0 ? [inputs, hidden, 1] : [inputs, 1];
  const { layers, size } = denseLayout(widths);
  const params = new Float64Array(size);
  const rng = createRng(seed);
  for (const d of layers) {
    const sd = Math.sqrt(2 / (d.nin + d.nout));
    for (let k = 0; k < d.nin * d.nout; k++) params[d.w + k] = sd * rng.normal();
  }
  return { widths, layers, params };
}

/** The number of weights and biases. */
export function parameterCount(net: Classifier): number {
  return net.params.length;
}

function checkBatch(net: Classifier, x: ArrayLike<number>, n: number): void {
  checkInt('n', n, 1, 1e6);
  if (x.length !== n * net.widths[0]!)
    throw new Error(`x must hold n × ${net.widths[0]} = ${n * net.widths[0]!} numbers, got ${x.length}`);
}

interface Pass {
  acts: Float64Array[];
  derivs: Float64Array[];
  logits: Float64Array;
}

function forward(net: Classifier, x: Float64Array, n: number): Pass {
  const acts = [x];
  const derivs: Float64Array[] = [];
  net.layers.forEach((d, l) => {
    const out = new Float64Array(n * d.nout);
    const deriv = new Float64Array(n * d.nout);
    const last = l === net.layers.length - 1;
    denseForward(net.params, d, acts[l]!, out, n, last ? null : TANH, deriv);
    acts.push(out);
    derivs.push(deriv);
  });
  return { acts, derivs, logits: acts[acts.length - 1]! };
}

/** The logit of each example. */
export function classifierLogits(net: Classifier, x: Float64Array, n: number): Float64Array {
  checkBatch(net, x, n);
  return forward(net, x, n).logits;
}

/** Label 1 where the logit is positive, else 0. */
export function predictLabels(net: Classifier, x: Float64Array, n: number): Uint8Array {
  return Uint8Array.from(classifierLogits(net, x, n), (z) => (z > 0 ? 1 : 0));
}

/** log(1 + eˣ) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Binary cross-entropy of one logit against a 0/1 label. */
export function bceWithLogit(z: number, y: number): number {
  return softplus(z) - y * z;
}

export interface LossAndGrads {
  /** Mean binary cross-entropy over the batch. */
  loss: number;
  /** ∂loss/∂params. */
  grad: Float64Array;
  /** ∂ℓᵢ/∂xᵢ for each example's own loss ℓᵢ (not divided by n), row-major like x. */
  inputGrad: Float64Array;
}

/** The mean loss, its parameter gradient, and each example's input gradient, in one backward pass. */
export function lossAndGrads(
  net: Classifier,
  x: Float64Array,
  y: ArrayLike<number>,
  n: number,
): LossAndGrads {
  checkBatch(net, x, n);
  if (y.length !== n) throw new Error(`y must hold n = ${n} labels, got ${y.length}`);
  const { acts, derivs, logits } = forward(net, x, n);
  let loss = 0;
  // Per-example dℓᵢ/dzᵢ = σ(zᵢ) − yᵢ; the mean loss's gradient is that over n, and backward is linear in it.
  let dOut = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    loss += bceWithLogit(logits[r]!, y[r]!);
    dOut[r] = sigmoid(logits[r]!) - y[r]!;
  }
  const grad = new Float64Array(net.params.length);
  const scratch = backwardScratch(net.layers, n);
  for (let l = net.layers.length - 1; l >= 0; l--) {
    const d = net.layers[l]!;
    const dx = new Float64Array(n * d.nin);
    const deriv = l === net.layers.length - 1 ? null : derivs[l]!;
    denseBackward(net.params, grad, d, acts[l]!, dOut, dx, n, deriv, scratch);
    dOut = dx;
  }
  for (let k = 0; k < grad.length; k++) grad[k]! /= n;
  return { loss: loss / n, grad, inputGrad: dOut };
}

export interface TrainOptions extends Pick<SliceOptions, 'signal' | 'yieldFn' | 'budgetMs'> {
  steps: number;
  lr: number;
}

/** Full-batch Adam for `steps` steps, in time slices; resolves with the final mean loss (NaN throws). */
export async function trainClassifier(
  net: Classifier,
  x: Float64Array,
  y: ArrayLike<number>,
  n: number,
  options: TrainOptions,
): Promise<number> {
  checkInt('steps', options.steps, 1, 100_000);
  checkRange('lr', options.lr, 0, 1, '(]');
  const adam = new Adam(net.params.length, { lr: options.lr });
  const slicer = new TimeSlicer(options);
  let loss = NaN;
  for (let s = 0; s < options.steps; s++) {
    const r = lossAndGrads(net, x, y, n);
    loss = r.loss;
    if (!Number.isFinite(loss)) throw new Error(`training diverged at step ${s} (loss ${loss})`);
    adam.step(net.params, r.grad);
    await slicer.tick();
  }
  return loss;
}

/** Share of positions where the predicted label equals the true one. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (predicted.length !== labels.length)
    throw new Error(
      `predicted and labels must have the same length, got ${predicted.length} and ${labels.length}`,
    );
  if (predicted.length === 0) throw new Error('accuracy needs at least one example');
  let hits = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) hits++;
  return hits / labels.length;
}
