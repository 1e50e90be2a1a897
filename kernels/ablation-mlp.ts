// The backprop cell's MLP as an ablation family, on kernels/nn typed arrays: one of the cell's data sets (two
// moons by default, noise 0.1), two tanh hidden layers of 16 with weights uniform in ±1/√nin (the cell's
// initialisation), a linear score, the hinge loss, L2 of 1e-4 on every parameter and full-batch gradient
// descent. A seed draws the data (split into training, validation and test points) and the weights. The
// changes: the second hidden layer removed, tanh swapped for ReLU, L2 switched off. The metric: test accuracy.
//
// Example: const net = new AblationMlp({ changes: ['relu'], seed: 1 }); net.step(xs, ys, n, 0.3);
//   MLP_FAMILY.train({ changes: [], seed: 1, lr: 0.3, steps: 300, tick }) → { validation, test }
import { makeDataset, type DatasetKind } from './datasets2d';
import { createRng } from '../src/runtime/rng';
import type { AblationFamily, TrainRequest } from './ablation';
import {
  ACTIVATIONS,
  backwardScratch,
  type BackwardScratch,
  denseBackward,
  denseForward,
  denseLayout,
  type Dense,
} from './nn';

export const MLP_CHANGES = [
  { id: 'no-hidden2', label: 'second hidden layer removed' },
  { id: 'relu', label: 'tanh → ReLU' },
  { id: 'no-l2', label: 'L2 off' },
] as const;

export const MLP_HIDDEN = [16, 16] as const;
export const MLP_L2 = 1e-4;
export const MLP_NOISE = 0.1;
/** Points per split, drawn together from the seed and cut in this order. */
export const MLP_SPLIT = { train: 100, validation: 100, test: 200 } as const;

export interface MlpNetOptions {
  changes: readonly string[];
  seed: number;
}

/** The MLP an arm describes: its widths, activation and L2, its parameters and the buffers its steps use. */
export class AblationMlp {
  readonly widths: number[];
  readonly activation: 'tanh' | 'relu';
  readonly l2: number;
  readonly layers: Dense[];
  readonly params: Float64Array;
  readonly grads: Float64Array;
  private acts: Float64Array[] = [];
  private derivs: Float64Array[] = [];
  private grad: Float64Array[] = [];
  private scratch: BackwardScratch | null = null;
  private batch = 0;

  constructor(options: MlpNetOptions) {
    for (const c of options.changes)
      if (!MLP_CHANGES.some((k) => k.id === c)) throw new Error(`unknown MLP change "${c}"`);
    const has = (c: string) => options.changes.includes(c);
    const hidden = has('no-hidden2') ? MLP_HIDDEN.slice(0, 1) : MLP_HIDDEN.slice();
    this.widths = [2, ...hidden, 1];
    this.activation = has('relu') ? 'relu' : 'tanh';
    this.l2 = has('no-l2') ? 0 : MLP_L2;
    const { layers, size } = denseLayout(this.widths);
    this.layers = layers;
    this.params = new Float64Array(size);
    this.grads = new Float64Array(size);
    // A stream apart from the data's; layer by layer, so the first layer is the same in every arm.
    const rng = createRng(options.seed * 31 + 7);
    for (const d of layers) {
      const scale = 1 / Math.sqrt(d.nin);
      for (let k = 0; k < d.nin * d.nout; k++) this.params[d.w + k] = (2 * rng.uniform() - 1) * scale;
    }
  }

  private ensure(batch: number): void {
    if (this.batch >= batch) return;
    this.batch = batch;
    this.acts = this.widths.map((w) => new Float64Array(batch * w));
    this.derivs = this.widths.map((w) => new Float64Array(batch * w));
    this.grad = this.widths.map((w) => new Float64Array(batch * w));
    this.scratch = backwardScratch(this.layers, batch);
  }

  /** The scores of n points (xs: n × 2, row-major); the returned view is overwritten by the next call. */
  scores(xs: Float64Array, n: number): Float64Array {
    this.ensure(n);
    this.acts[0]!.set(xs.subarray(0, 2 * n));
    const act = ACTIVATIONS[this.activation];
    this.layers.forEach((d, l) => {
      const last = l === this.layers.length - 1;
      denseForward(
        this.params,
        d,
        this.acts[l]!,
        this.acts[l + 1]!,
        n,
        last ? null : act,
        this.derivs[l + 1]!,
      );
    });
    return this.acts[this.layers.length]!.subarray(0, n);
  }

  /** mean(relu(1 − y·s)) + l2·Σp², with its gradient in `grads`. */
  lossAndGrad(xs: Float64Array, ys: Float64Array, n: number): number {
    const s = this.scores(xs, n);
    const L = this.layers.length;
    const top = this.grad[L]!;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const margin = 1 - ys[i]! * s[i]!;
      loss += margin > 0 ? margin : 0;
      top[i] = margin > 0 ? -ys[i]! / n : 0;
    }
    loss /= n;
    this.grads.fill(0);
    const scratch = this.scratch!;
    for (let l = L - 1; l >= 0; l--) {
      const d = this.layers[l]!;
      const dx = l > 0 ? this.grad[l]!.fill(0, 0, n * d.nin) : null;
      denseBackward(
        this.params,
        this.grads,
        d,
        this.acts[l]!,
        this.grad[l + 1]!,
        dx,
        n,
        this.derivs[l + 1]!,
        scratch,
      );
    }
    if (this.l2 > 0) {
      let sq = 0;
      for (let k = 0; k < this.params.length; k++) {
        const p = this.params[k]!;
        sq += p * p;
        this.grads[k]! += 2 * this.l2 * p;
      }
      loss += this.l2 * sq;
    }
    return loss;
  }

  /** One full-batch gradient step; returns the loss before it. */
  step(xs: Float64Array, ys: Float64Array, n: number, lr: number): number {
    const loss = this.lossAndGrad(xs, ys, n);
    for (let k = 0; k < this.params.length; k++) this.params[k]! -= lr * this.grads[k]!;
    return loss;
  }

  /** Share of points whose score has the label's sign. */
  accuracy(xs: Float64Array, ys: Float64Array, n: number): number {
    const s = this.scores(xs, n);
    let right = 0;
    for (let i = 0; i < n; i++) right += s[i]! * ys[i]! > 0 ? 1 : 0;
    return right / n;
  }
}

export interface MlpSplits {
  train: { xs: Float64Array; ys: Float64Array; n: number };
  validation: { xs: Float64Array; ys: Float64Array; n: number };
  test: { xs: Float64Array; ys: Float64Array; n: number };
}

/** The seed's points of `kind` (two moons by default), cut into training, validation and test splits. */
export function mlpSplits(seed: number, kind: DatasetKind = 'moons'): MlpSplits {
  const total = MLP_SPLIT.train + MLP_SPLIT.validation + MLP_SPLIT.test;
  const data = makeDataset(kind, { n: total, noise: MLP_NOISE, seed });
  let at = 0;
  const cut = (n: number) => {
    const xs = new Float64Array(2 * n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[2 * i] = data.xs[at + i]![0]!;
      xs[2 * i + 1] = data.xs[at + i]![1]!;
      ys[i] = data.ys[at + i]!;
    }
    at += n;
    return { xs, ys, n };
  };
  return { train: cut(MLP_SPLIT.train), validation: cut(MLP_SPLIT.validation), test: cut(MLP_SPLIT.test) };
}

/** The family on one of the backprop cell's data sets. */
export function mlpFamily(kind: DatasetKind = 'moons'): AblationFamily {
  return {
    id: 'mlp',
    label: `Backprop MLP (${kind})`,
    metric: 'test accuracy',
    changes: MLP_CHANGES,
    defaultLr: 0.3,
    lrRange: [0.001, 3],
    maxSteps: 5000,
    async train({ changes, seed, lr, steps, tick }: TrainRequest) {
      const { train, validation, test } = mlpSplits(seed, kind);
      const net = new AblationMlp({ changes, seed });
      for (let k = 0; k < steps; k++) {
        const loss = net.step(train.xs, train.ys, train.n, lr);
        if (!Number.isFinite(loss))
          throw new Error(`The MLP diverged at step ${k + 1} (lr ${lr}): the loss became ${loss}.`);
        await tick();
      }
      return {
        validation: net.accuracy(validation.xs, validation.ys, validation.n),
        test: net.accuracy(test.xs, test.ys, test.n),
      };
    },
  };
}

export const MLP_FAMILY = mlpFamily('moons');
