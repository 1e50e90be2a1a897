// The network of the vanishing-gradient demo: its configuration (validated), its seeded initial weights and
// synthetic data as plain arrays, and its loss on tfjs tensors. kernels/vanishing.ts builds the public
// functions (per-layer gradient norms, side-by-side training) on top of this.
//
// The network has `depth` weight layers: an input layer 16 → width, depth − 2 hidden layers width → width
// and a linear read-out width → 1 (with a bias). A plain layer computes
//     h ← φ(norm(h W))                         (norm optional, with per-feature γ, β)
// With `residual`, each square hidden layer (the R = depth − 2 width → width layers) is instead a
// pre-activation residual block (He et al., 2016, "Identity mappings"; the Pre-LN transformer's form)
//     h ← h + φ(norm(h)) W / √R
// whose Jacobian I + (∂F/∂h)/√R carries an identity path from the loss to every layer. The branch ends with W
// so it adds zero-mean noise rather than a drift, and the 1/√R branch scale keeps the forward signal O(1) at
// any depth without normalization (unscaled, each ReLU + He block doubles the second moment: 2^62 at depth
// 64). Hidden layers have no bias: it would start at zero and change nothing here, and each one costs
// tfjs-cpu a reduction per step; with normalization β plays its part.
//
// Initializations (weights drawn from a seeded normal; the read-out bias 0, γ = 1, β = 0):
//   naive  — N(0, 1): unit variance whatever the fan-in, so pre-activations have variance ≈ fan-in. Sigmoid
//            saturates and its gradient vanishes towards the first layer. ReLU and GELU grow by ≈ √(fan-in/2)
//            per layer forwards and backwards: every gradient is huge (~1e22 at depth 20, width 32) and
//            deeper nets overflow float32. Tanh saturates too, but each backward step also multiplies by a
//            large W, so its gradient grows towards the first layer.
//   xavier — N(0, 2 / (fan_in + fan_out)) (Glorot & Bengio, 2010), for tanh and linear layers.
//   he     — N(0, 2 / fan_in) (He et al., 2015), for ReLU, which zeroes half its input.
//
// The loss is the mean squared error against a fixed smooth teacher, t = sin(2u) + 0.7 u v with u, v two
// seeded unit-variance projections of the input x ~ N(0, I₁₆).
import * as tf from '@tensorflow/tfjs-core';
import { ACTIVATION_NAMES, activate, isActivationName, type ActivationName } from './activations';
import { affine, standardize } from './norm-ops';
import { createRng } from '../src/runtime/rng';

export const INIT_NAMES = ['naive', 'xavier', 'he'] as const;
export type InitName = (typeof INIT_NAMES)[number];
export const NORM_NAMES = ['none', 'batch', 'layer'] as const;
export type NormName = (typeof NORM_NAMES)[number];

export interface VanishingConfig {
  /** Weight layers, 1..64 (the last is the linear read-out). */
  depth: number;
  /** Hidden width, 2..128. */
  width: number;
  activation: ActivationName;
  init: InitName;
  residual: boolean;
  norm: NormName;
  /** Seeds the weights and the data batch. */
  seed: number;
  /** Examples in the fixed batch, 2..256. */
  batch: number;
}

export const INPUT_DIM = 16;
export const NORM_EPS = 1e-5;
export const LIMITS = { depth: [1, 64], width: [2, 128], batch: [2, 256] } as const;

function checkInt(name: string, v: unknown, [lo, hi]: readonly [number, number]): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
    throw new Error(`${name} must be an integer from ${lo} to ${hi}, got ${String(v)}`);
  return v;
}

function checkOneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new Error(`${name} must be one of ${allowed.join(', ')}, got ${String(v)}`);
  return v as T;
}

/** The config, checked: throws an Error naming the bad field and its allowed values. */
export function validateConfig(cfg: VanishingConfig): VanishingConfig {
  if (typeof cfg !== 'object' || cfg === null) throw new Error('cfg must be an object');
  if (!isActivationName(cfg.activation)) checkOneOf('activation', cfg.activation, ACTIVATION_NAMES);
  if (typeof cfg.residual !== 'boolean')
    throw new Error(`residual must be true or false, got ${String(cfg.residual)}`);
  if (typeof cfg.seed !== 'number' || !Number.isInteger(cfg.seed) || Math.abs(cfg.seed) > 2 ** 31)
    throw new Error(`seed must be an integer of magnitude at most 2^31, got ${String(cfg.seed)}`);
  return {
    depth: checkInt('depth', cfg.depth, LIMITS.depth),
    width: checkInt('width', cfg.width, LIMITS.width),
    activation: cfg.activation,
    init: checkOneOf('init', cfg.init, INIT_NAMES),
    residual: cfg.residual,
    norm: checkOneOf('norm', cfg.norm, NORM_NAMES),
    seed: cfg.seed,
    batch: checkInt('batch', cfg.batch, LIMITS.batch),
  };
}

/** Layer sizes: [16, width, …, width, 1], depth + 1 entries. */
export function layerDims(cfg: Pick<VanishingConfig, 'depth' | 'width'>): number[] {
  return [INPUT_DIM, ...Array.from({ length: cfg.depth - 1 }, () => cfg.width), 1];
}

/** Whether hidden layer l (0-based) adds its output to its input. */
export function isResidualLayer(cfg: VanishingConfig, l: number): boolean {
  return cfg.residual && l > 0 && l < cfg.depth - 1;
}

/** 1/√R with R the number of residual layers (1 where there are none). */
export function residualScale(cfg: VanishingConfig): number {
  return 1 / Math.sqrt(Math.max(1, cfg.depth - 2));
}

export function initStd(init: InitName, fanIn: number, fanOut: number): number {
  switch (init) {
    case 'naive':
      return 1;
    case 'xavier':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
  }
}

/** Plain initial parameters; row-major weights [fanIn × fanOut]. Same seed → same numbers everywhere. */
export interface InitialParameters {
  dims: number[];
  weights: Float32Array[];
  /** The read-out's bias (one number, 0). */
  outputBias: Float32Array;
  /** One γ (ones) and β (zeros) per hidden layer when cfg.norm is not 'none', else empty. */
  gammas: Float32Array[];
  betas: Float32Array[];
}

export function initialParameters(cfg: VanishingConfig): InitialParameters {
  const dims = layerDims(cfg);
  const rng = createRng(cfg.seed);
  const weights: Float32Array[] = [];
  for (let l = 0; l < cfg.depth; l++) {
    const [fanIn, fanOut] = [dims[l]!, dims[l + 1]!];
    const std = initStd(cfg.init, fanIn, fanOut);
    weights.push(Float32Array.from({ length: fanIn * fanOut }, () => std * rng.normal()));
  }
  const hidden = cfg.norm === 'none' ? 0 : cfg.depth - 1;
  const gammas = Array.from({ length: hidden }, () => new Float32Array(cfg.width).fill(1));
  const betas = Array.from({ length: hidden }, () => new Float32Array(cfg.width));
  return { dims, weights, outputBias: new Float32Array(1), gammas, betas };
}

/** The fixed synthetic batch: x [batch × 16] row-major and the teacher's targets t [batch]. */
export function syntheticBatch(seed: number, batch: number): { x: Float32Array; t: Float32Array } {
  // A stream separate from the weights' so that changing the depth or width leaves the data unchanged.
  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  const a = Array.from({ length: INPUT_DIM }, () => rng.normal() / Math.sqrt(INPUT_DIM));
  const c = Array.from({ length: INPUT_DIM }, () => rng.normal() / Math.sqrt(INPUT_DIM));
  const x = new Float32Array(batch * INPUT_DIM);
  const t = new Float32Array(batch);
  for (let i = 0; i < batch; i++) {
    let u = 0;
    let v = 0;
    for (let k = 0; k < INPUT_DIM; k++) {
      const xk = rng.normal();
      x[i * INPUT_DIM + k] = xk;
      u += a[k]! * xk;
      v += c[k]! * xk;
    }
    t[i] = Math.sin(2 * u) + 0.7 * u * v;
  }
  return { x, t };
}

/** The parameters as tensors, in the flat order the loss takes: weights, the read-out bias, γs, βs. */
export function parameterTensors(p: InitialParameters): tf.Tensor[] {
  const { dims } = p;
  return [
    ...p.weights.map((w, l) => tf.tensor2d(w, [dims[l]!, dims[l + 1]!])),
    tf.tensor1d(p.outputBias),
    ...p.gammas.map((g) => tf.tensor1d(g)),
    ...p.betas.map((b) => tf.tensor1d(b)),
  ];
}

/** A parameter list split as the loss takes it: the weight matrices, and the rest (read-out bias, γs, βs). */
export interface SplitParameters {
  weights: tf.Tensor[];
  rest: tf.Tensor[];
}

export function splitParameters(cfg: VanishingConfig, flat: readonly tf.Tensor[]): SplitParameters {
  return { weights: flat.slice(0, cfg.depth), rest: flat.slice(cfg.depth) };
}

/**
 * The loss at the given parameters (inside the caller's tidy or tf.grads). `hidden`, if given, receives each
 * hidden layer's output h, first layer first (to measure the forward signal).
 */
export function networkLoss(
  cfg: VanishingConfig,
  x: tf.Tensor2D,
  t: tf.Tensor1D,
  { weights, rest }: SplitParameters,
  hidden?: tf.Tensor2D[],
): tf.Scalar {
  const d = cfg.depth;
  const hasNorm = cfg.norm !== 'none';
  const scale = residualScale(cfg);
  // rest = [b_out, γ_1 … γ_{d−1}, β_1 … β_{d−1}]
  const normed = (u: tf.Tensor2D, l: number): tf.Tensor2D => {
    if (!hasNorm) return u;
    const { xHat } = standardize(u, cfg.norm as 'batch' | 'layer', NORM_EPS);
    return affine(xHat, rest[1 + l] as tf.Tensor1D, rest[d + l] as tf.Tensor1D);
  };
  let h = x;
  for (let l = 0; l < d - 1; l++) {
    const W = weights[l] as tf.Tensor2D;
    if (isResidualLayer(cfg, l)) {
      const branch = tf.matMul(activate(cfg.activation, normed(h, l)) as tf.Tensor2D, W);
      h = tf.add(h, tf.mul(branch, scale)) as tf.Tensor2D;
    } else {
      h = activate(cfg.activation, normed(tf.matMul(h, W), l)) as tf.Tensor2D;
    }
    hidden?.push(h);
  }
  const y = tf.add(tf.matMul(h, weights[d - 1] as tf.Tensor2D), rest[0]!);
  return tf.mean(tf.square(tf.sub(tf.reshape(y, [-1]), t))) as tf.Scalar;
}

// Scales for robustNorms: 2^-80 keeps the squares of float32's largest values (3.4e38) far from overflow;
// 2^100 lifts squares of values down to 1e-35 far above float32's smallest normal number (1.2e-38).
const SHRINK = 2 ** -80;
const GROW = 2 ** 100;
const TINY_SUM = 2 ** -100;

/**
 * ‖g_i‖₂ of each tensor, as one 1-D tensor, robust to float32's range: the sum of squares is taken at three
 * scales (1, 2^-80 and 2^100) and, per tensor, the unscaled one is used when it is finite and not tiny, the
 * shrunk one when it overflowed (gradients of 1e20 square to Infinity) and the grown one when it underflowed
 * (1e-25 squares to 0). Multiplying by a scalar keeps tfjs-cpu on its fast elementwise path (a per-row scale
 * would broadcast, ~10× slower there). Runs of equal shapes are stacked and reduced together, so the whole
 * list costs a few dozen ops, not seven per tensor.
 */
export function robustNorms(gs: readonly tf.Tensor[]): tf.Tensor1D {
  const parts: tf.Tensor1D[] = [];
  for (let i = 0; i < gs.length;) {
    let j = i + 1;
    while (j < gs.length && sameShape(gs[j]!, gs[i]!)) j++;
    const run = tf.reshape(j - i === 1 ? gs[i]! : tf.stack(gs.slice(i, j)), [j - i, -1]);
    const sumSq = (scale: number) => tf.sum(tf.square(scale === 1 ? run : tf.mul(run, scale)), 1);
    const [plain, shrunk, grown] = [sumSq(1), sumSq(SHRINK), sumSq(GROW)];
    const plainOk = tf.logicalAnd(tf.isFinite(plain), tf.greaterEqual(plain, TINY_SUM));
    const fallback = tf.where(
      tf.isFinite(plain),
      tf.mul(tf.sqrt(grown), 1 / GROW),
      tf.mul(tf.sqrt(shrunk), 1 / SHRINK),
    );
    parts.push(tf.where(plainOk, tf.sqrt(plain), fallback) as tf.Tensor1D);
    i = j;
  }
  return parts.length === 1 ? parts[0]! : tf.concat(parts);
}

function sameShape(a: tf.Tensor, b: tf.Tensor): boolean {
  return a.shape.length === b.shape.length && a.shape.every((n, k) => n === b.shape[k]);
}

/** The norm of all the tensors together (the global gradient norm), robust as robustNorms. */
export function globalNorm(gs: readonly tf.Tensor[]): tf.Scalar {
  return tf.reshape(robustNorms([tf.concat(gs.map((g) => tf.reshape(g, [-1])))]), []) as tf.Scalar;
}
