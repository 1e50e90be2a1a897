// The tabular data set of question 16 whose true feature effects are known by construction, and the small
// MLP the cell explains. y = 2x₀ − 1.5x₁ + x₂ + 0.5x₃ + x₄x₅ + noise, with x₆ correlated with x₀ (ρ, a
// setting) but without effect, and x₇ pure noise; every xᵢ is N(0, 1). The true attributions at a point are
// the interventional Shapley values of the true function over independent N(0, 1) features:
// [2x₀, −1.5x₁, x₂, 0.5x₃, x₄x₅/2, x₄x₅/2, 0, 0]. The MLP (8 → hidden → hidden → 1, tanh) is trained with
// kernels/nn (full-batch Adam, seeded) and gives f(x) and ∂f/∂x for single points.
import { ACTIVATIONS, Adam, backwardScratch, denseBackward, denseForward, denseLayout } from './nn';
import type { Dense } from './nn';
import { createRng } from '../src/runtime/rng';

export const FEATURE_NAMES = ['x₀', 'x₁', 'x₂', 'x₃', 'x₄', 'x₅', 'x₆', 'x₇'] as const;
/** What each feature is, by construction. */
export const FEATURE_ROLES = [
  'weight 2',
  'weight −1.5',
  'weight 1',
  'weight 0.5',
  'x₄·x₅ interaction',
  'x₄·x₅ interaction',
  'correlated with x₀, no effect',
  'pure noise',
] as const;
const WEIGHTS = [2, -1.5, 1, 0.5];
const FEATURES = FEATURE_NAMES.length;

export interface TabularData {
  X: number[][];
  y: number[];
  correlation: number;
}

/** The true function (without the noise). */
export function trueFunction(x: readonly number[]): number {
  return WEIGHTS.reduce((s, w, i) => s + w * x[i]!, 0) + x[4]! * x[5]!;
}

/** The true per-point attributions: interventional Shapley values of trueFunction over N(0, 1) features. */
export function trueAttribution(x: readonly number[]): number[] {
  const half = (x[4]! * x[5]!) / 2;
  return [...WEIGHTS.map((w, i) => w * x[i]!), half, half, 0, 0];
}

/** The true permutation importance of trueFunction: 2w² for a linear term, 2 for each interaction partner. */
export function truePermutationImportance(): number[] {
  return [...WEIGHTS.map((w) => 2 * w * w), 2, 2, 0, 0];
}

export function makeTabularData(count: number, correlation: number, seed: number, noise = 0.1): TabularData {
  if (!Number.isInteger(count) || count < 2 || count > 100000)
    throw new Error(`count must be an integer from 2 to 100000, got ${count}`);
  if (!Number.isFinite(correlation) || correlation < 0 || correlation > 0.999)
    throw new Error(`correlation must be from 0 to 0.999, got ${correlation}`);
  const rng = createRng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let n = 0; n < count; n++) {
    const x = Array.from({ length: FEATURES }, () => rng.normal());
    x[6] = correlation * x[0]! + Math.sqrt(1 - correlation * correlation) * x[6]!;
    X.push(x);
    y.push(trueFunction(x) + noise * rng.normal());
  }
  return { X, y, correlation };
}

const TANH = ACTIVATIONS.tanh;

/** An MLP 8 → hidden → hidden → 1 with tanh, on one flat parameter array. */
export class TabularMlp {
  readonly params: Float64Array;
  readonly layers: Dense[];
  private readonly h1: Float64Array;
  private readonly h2: Float64Array;

  constructor(
    readonly hidden: number,
    seed: number,
  ) {
    const { layers, size } = denseLayout([FEATURES, hidden, hidden, 1]);
    this.layers = layers;
    this.params = new Float64Array(size);
    const rng = createRng(seed);
    for (const d of layers)
      for (let k = 0; k < d.nin * d.nout; k++) this.params[d.w + k] = rng.normal() / Math.sqrt(d.nin);
    this.h1 = new Float64Array(hidden);
    this.h2 = new Float64Array(hidden);
  }

  /** f(x) for one point. */
  predict(x: readonly number[]): number {
    const p = this.params;
    const [a, b, c] = this.layers as [Dense, Dense, Dense];
    for (let j = 0; j < a.nout; j++) {
      let z = p[a.b + j]!;
      for (let i = 0; i < a.nin; i++) z += p[a.w + j * a.nin + i]! * x[i]!;
      this.h1[j] = Math.tanh(z);
    }
    for (let j = 0; j < b.nout; j++) {
      let z = p[b.b + j]!;
      for (let i = 0; i < b.nin; i++) z += p[b.w + j * b.nin + i]! * this.h1[i]!;
      this.h2[j] = Math.tanh(z);
    }
    let out = p[c.b]!;
    for (let i = 0; i < c.nin; i++) out += p[c.w + i]! * this.h2[i]!;
    return out;
  }

  /** ∂f/∂x at one point (the backward pass written beside predict). */
  grad(x: readonly number[]): number[] {
    this.predict(x);
    const p = this.params;
    const [a, b, c] = this.layers as [Dense, Dense, Dense];
    const d2 = Array.from({ length: b.nout }, (_, j) => p[c.w + j]! * (1 - this.h2[j]! ** 2));
    const d1 = Array.from({ length: a.nout }, (_, i) => {
      let s = 0;
      for (let j = 0; j < b.nout; j++) s += d2[j]! * p[b.w + j * b.nin + i]!;
      return s * (1 - this.h1[i]! ** 2);
    });
    return Array.from({ length: a.nin }, (_, i) => {
      let s = 0;
      for (let j = 0; j < a.nout; j++) s += d1[j]! * p[a.w + j * a.nin + i]!;
      return s;
    });
  }
}

/** Full-batch Adam on the mean squared error; step() returns the loss before the update. */
export class TabularTrainer {
  readonly model: TabularMlp;
  steps = 0;
  private readonly adam: Adam;
  private readonly grads: Float64Array;
  private readonly x: Float64Array;
  private readonly acts: Float64Array[];
  private readonly derivs: Float64Array[];
  private readonly scratch;
  private readonly n: number;

  constructor(
    readonly data: TabularData,
    options: { hidden: number; lr: number; seed: number },
  ) {
    this.model = new TabularMlp(options.hidden, options.seed);
    this.adam = new Adam(this.model.params.length, { lr: options.lr });
    this.grads = new Float64Array(this.model.params.length);
    this.n = data.X.length;
    this.x = Float64Array.from(data.X.flat());
    this.acts = this.model.layers.map((d) => new Float64Array(this.n * d.nout));
    this.derivs = this.model.layers.map((d) => new Float64Array(this.n * d.nout));
    this.scratch = backwardScratch(this.model.layers, this.n);
  }

  step(): number {
    const { params: p, layers } = this.model;
    const n = this.n;
    layers.forEach((d, l) =>
      denseForward(
        p,
        d,
        l === 0 ? this.x : this.acts[l - 1]!,
        this.acts[l]!,
        n,
        l < 2 ? TANH : null,
        this.derivs[l],
      ),
    );
    const out = this.acts[2]!;
    const dOut = new Float64Array(n);
    let loss = 0;
    for (let r = 0; r < n; r++) {
      const e = out[r]! - this.data.y[r]!;
      loss += e * e;
      dOut[r] = (2 * e) / n;
    }
    loss /= n;
    if (!Number.isFinite(loss))
      throw new Error(`the loss became ${loss} at step ${this.steps}: lower the rate`);
    this.grads.fill(0);
    let dNext: Float64Array = dOut;
    for (let l = 2; l >= 0; l--) {
      const dx = l > 0 ? new Float64Array(n * layers[l]!.nin) : null;
      const input = l === 0 ? this.x : this.acts[l - 1]!;
      denseBackward(p, this.grads, layers[l]!, input, dNext, dx, n, this.derivs[l]!, this.scratch);
      if (dx) dNext = dx;
    }
    this.adam.step(p, this.grads);
    this.steps++;
    return loss;
  }
}

/** 1 − SSE/SST of the model over a data set. */
export function rSquared(model: TabularMlp, data: TabularData): number {
  const mean = data.y.reduce((s, v) => s + v, 0) / data.y.length;
  let sse = 0;
  let sst = 0;
  data.X.forEach((x, k) => {
    sse += (model.predict(x) - data.y[k]!) ** 2;
    sst += (data.y[k]! - mean) ** 2;
  });
  return 1 - sse / sst;
}
