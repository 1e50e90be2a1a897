// The noise-prediction network ε_θ(x_t, t): a small MLP on [x, y, sinusoidal features of t], built from
// kernels/nn's typed-array dense layers (DESIGN.md, "Runtime": for a net this small per-op overhead
// dominates, and these loops beat tfjs-cpu several times over; scripts/bench-diffusion.ts measures it).
// Plain numbers only: parameters, gradients and every buffer are Float64Arrays owned here, grown once to the
// largest batch seen, so a training step allocates nothing.
//
// Example:
//   const net = new Denoiser({ T: 1000, seed: 1 });
//   net.predict(xt, 500, eps);          // xt, eps: Float64Array [x0, y0, x1, y1, …], every point at t = 500
import { createRng } from '../../src/runtime/rng';
import {
  LAYER_ACTIVATIONS,
  backwardScratch,
  denseBackward,
  denseForward,
  denseLayout,
  type BackwardScratch,
  type Dense,
} from '../nn/index';

export const ACTIVATIONS = ['relu', 'silu'] as const;
export type DenoiserActivation = (typeof ACTIVATIONS)[number];

export interface DenoiserConfig {
  /** The diffusion's number of steps; t in 0..T is embedded as 1000·t/T, so any T looks alike to the net. */
  T: number;
  /** Width of each hidden layer, 4..256. */
  hidden: number;
  /** Number of hidden layers, 1..6. */
  layers: number;
  /** Number of sinusoidal features of t (even, 2..64): sin and cos at geometric frequencies 1 … 1/1000. */
  timeFeatures: number;
  /** Fourier features of the point, 0..8 frequencies: sin(2^k·x), cos(2^k·x) per coordinate, k < this. */
  xFrequencies: number;
  activation: DenoiserActivation;
  /** Seeds the initial weights. */
  seed: number;
}

/**
 * The default recipe's network: 6,290 parameters. Fourier features of the point (3 octaves) let a small ReLU
 * net draw the swiss roll's thin arms; measured here they halved the distance of samples to the data.
 */
export const DEFAULT_DENOISER: Omit<DenoiserConfig, 'T' | 'seed'> = {
  hidden: 48,
  layers: 3,
  timeFeatures: 16,
  xFrequencies: 3,
  activation: 'relu',
};

export function validateDenoiserConfig(c: DenoiserConfig): void {
  const int = (name: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new Error(`${name} must be an integer in ${lo}..${hi}, got ${v}`);
  };
  int('T', c.T, 1, 10_000);
  int('hidden', c.hidden, 4, 256);
  int('layers', c.layers, 1, 6);
  int('timeFeatures', c.timeFeatures, 2, 64);
  int('xFrequencies', c.xFrequencies, 0, 8);
  if (c.timeFeatures % 2 !== 0) throw new Error(`timeFeatures must be even, got ${c.timeFeatures}`);
  if (!ACTIVATIONS.includes(c.activation))
    throw new Error(
      `activation must be one of ${ACTIVATIONS.join(', ')}, got ${JSON.stringify(c.activation)}`,
    );
  if (!Number.isFinite(c.seed)) throw new Error(`seed must be a finite number, got ${c.seed}`);
}

/** One dense layer's place in the flat parameter vector: W (nout × nin, row j = output j's weights), then b. */
export type LayerSlot = Dense;

/** The sinusoidal time features of t: [sin(s·ω_k)…, cos(s·ω_k)…], s = 1000·t/T, ω_k = 1000^(−k/(half−1)). */
export function timeEmbedding(
  t: number,
  T: number,
  features: number,
  out = new Float64Array(features),
): Float64Array {
  const half = features / 2;
  const s = (1000 * t) / T;
  for (let k = 0; k < half; k++) {
    const omega = half === 1 ? 1 : Math.pow(1000, -k / (half - 1));
    out[k] = Math.sin(s * omega);
    out[half + k] = Math.cos(s * omega);
  }
  return out;
}

export class Denoiser {
  readonly config: Readonly<DenoiserConfig>;
  /** Layer widths: input features, hidden…, 2. */
  readonly widths: readonly number[];
  readonly layerSlots: readonly LayerSlot[];
  /** All weights and biases, layer after layer (see LayerSlot). */
  readonly params: Float64Array;
  /** ∂loss/∂params from the last backward(). */
  readonly grads: Float64Array;
  /** timeEmbedding(t) for t = 0..T, row t. */
  private readonly timeTable: Float64Array;
  private capacity = 0;
  /** acts[0]: the input features; acts[l]: layer l's output (after the activation for hidden layers). */
  private acts: Float64Array[] = [];
  /** derivs[l]: the activation's derivative at layer l's pre-activation (hidden layers, filled when training). */
  private derivs: Float64Array[] = [];
  /** deltas[l]: ∂loss/∂(layer l's output, acts[l]), hidden layers. */
  private deltas: Float64Array[] = [];
  private scratch: BackwardScratch = { dz: new Float64Array(0), wt: new Float64Array(0) };

  constructor(config: Partial<DenoiserConfig> & Pick<DenoiserConfig, 'T' | 'seed'>) {
    const c: DenoiserConfig = { ...DEFAULT_DENOISER, ...config };
    validateDenoiserConfig(c);
    this.config = Object.freeze(c);
    this.widths = [2 + 4 * c.xFrequencies + c.timeFeatures, ...Array<number>(c.layers).fill(c.hidden), 2];
    const { layers, size } = denseLayout(this.widths);
    this.layerSlots = layers;
    this.params = new Float64Array(size);
    this.grads = new Float64Array(size);
    this.timeTable = new Float64Array((c.T + 1) * c.timeFeatures);
    const row = new Float64Array(c.timeFeatures);
    for (let t = 0; t <= c.T; t++)
      this.timeTable.set(timeEmbedding(t, c.T, c.timeFeatures, row), t * c.timeFeatures);
    this.initialise(c.seed);
  }

  get parameterCount(): number {
    return this.params.length;
  }

  /** He-normal weights (variance 2/fan-in), zero biases; the output layer scaled down so ε̂ starts near 0. */
  initialise(seed: number): void {
    const rng = createRng(seed);
    this.params.fill(0);
    this.layerSlots.forEach((s, l) => {
      const last = l === this.layerSlots.length - 1;
      const std = Math.sqrt((last ? 1 : 2) / s.nin) * (last ? 0.5 : 1);
      for (let i = 0; i < s.nin * s.nout; i++) this.params[s.w + i] = std * rng.normal();
    });
  }

  /** A copy with the same configuration and weights. */
  clone(): Denoiser {
    const copy = new Denoiser(this.config);
    copy.params.set(this.params);
    return copy;
  }

  /** ε̂ for n = xt.length / 2 points all at step t (an integer in 0..T), into `out` (same length as xt). */
  predict(xt: ArrayLike<number>, t: number, out: Float64Array): Float64Array {
    const n = checkPoints(xt, 'xt');
    if (out.length !== xt.length)
      throw new Error(`out must have the length of xt (${xt.length}), got ${out.length}`);
    if (!Number.isInteger(t) || t < 0 || t > this.config.T)
      throw new Error(`t must be an integer in 0..${this.config.T}, got ${t}`);
    this.reserve(n);
    this.writeInputs(xt, () => t, n);
    out.set(this.forward(n, false).subarray(0, 2 * n));
    return out;
  }

  /**
   * Training forward pass: n points xt (interleaved) at their own steps ts[i]; returns the output buffer
   * (ε̂, interleaved; valid until the next call) and keeps what backward() needs. Inputs are not validated
   * here (the trainer builds them); predict() is the checked entry point.
   */
  forwardBatch(xt: Float64Array, ts: Int32Array, n: number): Float64Array {
    this.reserve(n);
    this.writeInputs(xt, (i) => ts[i], n);
    return this.forward(n, true);
  }

  /** Sets grads to ∂loss/∂params, given dOut = ∂loss/∂ε̂ (interleaved, n points) for the last forwardBatch. */
  backward(dOut: Float64Array, n: number): void {
    const { params, grads, acts, deltas, derivs, layerSlots, scratch } = this;
    grads.fill(0);
    let delta = dOut;
    for (let l = layerSlots.length - 1; l >= 0; l--) {
      // The gradient of the layer below's output (its activation′ is applied by its own denseBackward).
      const below = l > 0 ? deltas[l] : null;
      if (below) below.fill(0, 0, n * layerSlots[l].nin);
      const deriv = l < layerSlots.length - 1 ? derivs[l + 1] : null;
      denseBackward(params, grads, layerSlots[l], acts[l], delta, below, n, deriv, scratch);
      if (below) delta = below;
    }
  }

  /**
   * The network's input rows for n points (interleaved xt) at steps ts: [x, y, Fourier features of x and y,
   * time features], n × widths[0], row-major, into `out`. What the tfjs path feeds its first layer.
   */
  writeFeatures(xt: ArrayLike<number>, ts: Int32Array, n: number, out: Float64Array | Float32Array): void {
    this.writeInputs(xt, (i) => ts[i], n, out);
  }

  private writeInputs(
    xt: ArrayLike<number>,
    stepOf: (i: number) => number,
    n: number,
    input: Float64Array | Float32Array = this.acts[0],
  ): void {
    const F = this.widths[0];
    const E = this.config.timeFeatures;
    const K = this.config.xFrequencies;
    const table = this.timeTable;
    for (let i = 0; i < n; i++) {
      let o = i * F;
      const x = xt[2 * i];
      const y = xt[2 * i + 1];
      input[o++] = x;
      input[o++] = y;
      for (let k = 0, f = 1; k < K; k++, f *= 2) {
        input[o++] = Math.sin(f * x);
        input[o++] = Math.cos(f * x);
        input[o++] = Math.sin(f * y);
        input[o++] = Math.cos(f * y);
      }
      const row = stepOf(i) * E;
      for (let k = 0; k < E; k++) input[o + k] = table[row + k];
    }
  }

  private forward(n: number, training: boolean): Float64Array {
    const { params, acts, derivs, layerSlots } = this;
    const act = LAYER_ACTIVATIONS[this.config.activation];
    const L = layerSlots.length;
    for (let l = 0; l < L; l++) {
      const hidden = l < L - 1;
      // Hidden layers: the activation, with its derivative kept for backward when training.
      const deriv = hidden && training ? derivs[l + 1] : null;
      denseForward(params, layerSlots[l], acts[l], acts[l + 1], n, hidden ? act : null, deriv);
    }
    return acts[L];
  }

  /** Grows the buffers to hold n points; they only ever grow. */
  private reserve(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(n, 2 * this.capacity);
    this.acts = this.widths.map((w) => new Float64Array(cap * w));
    this.derivs = this.widths.map((w) => new Float64Array(cap * w));
    this.deltas = this.widths.map((w) => new Float64Array(cap * w));
    this.scratch = backwardScratch(this.layerSlots, cap);
    this.capacity = cap;
  }
}

/** Number of points in an interleaved 2-D array; throws unless it is a non-empty, even-length finite array. */
export function checkPoints(points: ArrayLike<number>, name: string): number {
  if (points.length === 0 || points.length % 2 !== 0)
    throw new Error(
      `${name} must hold interleaved 2-D points (a non-empty, even length), got length ${points.length}`,
    );
  for (let i = 0; i < points.length; i++) {
    if (!Number.isFinite(points[i])) throw new Error(`${name}[${i}] must be finite, got ${points[i]}`);
  }
  return points.length / 2;
}
