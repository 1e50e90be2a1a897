// Batch normalization and layer normalization (question 4) on an activation matrix x of shape
// [batch][features], on tfjs, each returning its output and the statistics it used; and the spread of batch
// norm's batch statistics with the batch size. The training comparison of no norm, BN and LN is in
// kernels/normalization-train.ts.
//
//   batch norm: per feature j, over the batch:     y_bj = γ_j (x_bj − μ_j) / √(σ²_j + ε) + β_j
//   layer norm: per example b, over its features:  y_bj = γ_j (x_bj − μ_b) / √(σ²_b + ε) + β_j
//
// Variances are the biased (1/n) ones. Batch norm in 'train' mode uses the batch's statistics and returns
// running statistics updated as μ̂ ← (1 − m) μ̂ + m μ, σ̂² ← (1 − m) σ̂² + m σ² (the notebook's formula;
// PyTorch feeds the unbiased n/(n−1) σ² into σ̂²); in 'eval' mode it uses the running statistics and leaves
// them unchanged.
//
// Example:
//   const { output, mean, variance } = await layerNorm([[1, 2, 3], [4, 6, 8]]);
//   mean // [2, 6]; variance // [2/3, 8/3]
import * as tf from '@tensorflow/tfjs-core';
import { affine, standardize, standardizeWith } from './norm-ops';
import { createRng } from '../src/runtime/rng';

export interface NormOptions {
  /** Added to the variance, in (0, 1]; default 1e-5. */
  eps?: number;
  /** Per-feature scale, length = features; default ones. */
  gamma?: number[];
  /** Per-feature shift, length = features; default zeros. */
  beta?: number[];
}

export interface RunningStatistics {
  mean: number[];
  variance: number[];
}

export interface BatchNormOptions extends NormOptions {
  /** 'train' (default): the batch's statistics; 'eval': the running statistics. */
  mode?: 'train' | 'eval';
  /** Running statistics before this call; default mean 0, variance 1 (as a fresh layer starts). */
  running?: RunningStatistics;
  /** Weight m of the new batch statistics in the running average, in [0, 1]; default 0.1. */
  momentum?: number;
}

export interface NormResult {
  output: number[][];
  /** The means it subtracted: per feature for batch norm, per example for layer norm. */
  mean: number[];
  /** The variances it divided by (before adding eps). */
  variance: number[];
}

export interface BatchNormResult extends NormResult {
  mode: 'train' | 'eval';
  /** The running statistics after this call (updated in train mode, unchanged in eval mode). */
  running: RunningStatistics;
}

export const MAX_ROWS = 65_536;
export const MAX_FEATURES = 4096;

function checkMatrix(x: unknown): { rows: number; cols: number; flat: Float32Array } {
  if (!Array.isArray(x) || x.length < 1 || x.length > MAX_ROWS)
    throw new Error(`x must be an array of 1 to ${MAX_ROWS} rows (the batch)`);
  const cols = Array.isArray(x[0]) ? x[0].length : 0;
  if (cols < 1 || cols > MAX_FEATURES)
    throw new Error(`each row of x must be an array of 1 to ${MAX_FEATURES} numbers (the features)`);
  const flat = new Float32Array(x.length * cols);
  x.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== cols)
      throw new Error(
        `x must be rectangular: row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries, ` +
          `row 0 has ${cols}`,
      );
    row.forEach((v: unknown, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Error(`x[${i}][${j}] must be a finite number, got ${String(v)}`);
      flat[i * cols + j] = v;
    });
  });
  return { rows: x.length, cols, flat };
}

function checkVector(name: string, v: number[] | undefined, length: number, fill: number): number[] {
  if (v === undefined) return new Array<number>(length).fill(fill);
  if (
    !Array.isArray(v) ||
    v.length !== length ||
    !v.every((n) => typeof n === 'number' && Number.isFinite(n))
  )
    throw new Error(`${name} must be an array of ${length} finite numbers (one per feature)`);
  return v;
}

function checkEps(eps: number | undefined): number {
  const e = eps ?? 1e-5;
  if (!(typeof e === 'number' && e > 0 && e <= 1))
    throw new Error(`eps must be in (0, 1], got ${String(eps)}`);
  return e;
}

function toRows(data: Float32Array | Int32Array | Uint8Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
}

/** Batch normalization of x ([batch][features]): per-feature statistics over the batch. */
export async function batchNorm(x: number[][], opts: BatchNormOptions = {}): Promise<BatchNormResult> {
  const { rows, cols, flat } = checkMatrix(x);
  const eps = checkEps(opts.eps);
  const gamma = checkVector('gamma', opts.gamma, cols, 1);
  const beta = checkVector('beta', opts.beta, cols, 0);
  const mode = opts.mode ?? 'train';
  if (mode !== 'train' && mode !== 'eval')
    throw new Error(`mode must be 'train' or 'eval', got ${String(mode)}`);
  const momentum = opts.momentum ?? 0.1;
  if (!(typeof momentum === 'number' && momentum >= 0 && momentum <= 1))
    throw new Error(`momentum must be in [0, 1], got ${String(opts.momentum)}`);
  const runMean = checkVector('running.mean', opts.running?.mean, cols, 0);
  const runVar = checkVector('running.variance', opts.running?.variance, cols, 1);
  if (runVar.some((v) => v < 0)) throw new Error('running.variance must be non-negative');

  const packed = tf.tidy(() => {
    const xs = tf.tensor2d(flat, [rows, cols]);
    const g = tf.tensor1d(gamma);
    const b = tf.tensor1d(beta);
    const rm = tf.tensor1d(runMean);
    const rv = tf.tensor1d(runVar);
    if (mode === 'eval') {
      const y = affine(standardizeWith(xs, rm, rv, eps), g, b);
      return tf.concat([tf.reshape(y, [-1]), rm, rv, rm, rv]);
    }
    const { xHat, mean, variance } = standardize(xs, 'batch', eps);
    const y = affine(xHat, g, b);
    const newMean = tf.add(tf.mul(rm, 1 - momentum), tf.mul(mean, momentum));
    const newVar = tf.add(tf.mul(rv, 1 - momentum), tf.mul(variance, momentum));
    return tf.concat([tf.reshape(y, [-1]), mean, variance, newMean, newVar]);
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  const n = rows * cols;
  const part = (k: number) => Array.from(data.subarray(n + k * cols, n + (k + 1) * cols));
  return {
    output: toRows(data, rows, cols),
    mean: part(0),
    variance: part(1),
    mode,
    running: { mean: part(2), variance: part(3) },
  };
}

/** Layer normalization of x ([batch][features]): per-example statistics over the features. */
export async function layerNorm(x: number[][], opts: NormOptions = {}): Promise<NormResult> {
  const { rows, cols, flat } = checkMatrix(x);
  const eps = checkEps(opts.eps);
  const gamma = checkVector('gamma', opts.gamma, cols, 1);
  const beta = checkVector('beta', opts.beta, cols, 0);
  const packed = tf.tidy(() => {
    const { xHat, mean, variance } = standardize(tf.tensor2d(flat, [rows, cols]), 'layer', eps);
    const y = affine(xHat, tf.tensor1d(gamma), tf.tensor1d(beta));
    return tf.concat([tf.reshape(y, [-1]), mean, variance]);
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  const n = rows * cols;
  return {
    output: toRows(data, rows, cols),
    mean: Array.from(data.subarray(n, n + rows)),
    variance: Array.from(data.subarray(n + rows, n + 2 * rows)),
  };
}

export interface BatchStatisticsSpread {
  /** The mean batch norm would use, for each of `draws` batches. */
  means: number[];
  /** The (biased) variance batch norm would use, for each batch. */
  variances: number[];
  /** The population's mean and variance, which the batch statistics estimate. */
  populationMean: number;
  populationVariance: number;
}

export const POPULATION_SIZE = 8192;

/**
 * How noisy batch norm's statistics are at a batch size: draws `draws` batches of `batchSize` values (with
 * replacement) of one feature from a fixed population, a ReLU activation max(0, z) with z ~ N(0.5, 1), and
 * returns the mean and variance batch norm computes for each. The draws go through tfjs as the `draws`
 * columns of one [batchSize × draws] batch-norm call. The spread of the means is σ/√B.
 */
export async function batchStatisticsSpread(opts: {
  batchSize: number;
  draws: number;
  seed: number;
}): Promise<BatchStatisticsSpread> {
  const { batchSize, draws, seed } = opts;
  if (!Number.isInteger(batchSize) || batchSize < 2 || batchSize > 4096)
    throw new Error(`batchSize must be an integer from 2 to 4096, got ${batchSize}`);
  if (!Number.isInteger(draws) || draws < 1 || draws > 4096)
    throw new Error(`draws must be an integer from 1 to 4096, got ${draws}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const rng = createRng(seed);
  const population = Float64Array.from({ length: POPULATION_SIZE }, () => Math.max(0, 0.5 + rng.normal()));
  let sum = 0;
  for (const v of population) sum += v;
  const populationMean = sum / POPULATION_SIZE;
  let sq = 0;
  for (const v of population) sq += (v - populationMean) ** 2;
  // Column d of the [batchSize × draws] matrix is batch number d.
  const x = new Float32Array(batchSize * draws);
  for (let i = 0; i < x.length; i++) x[i] = population[rng.int(POPULATION_SIZE)]!;
  const packed = tf.tidy(() => {
    const { mean, variance } = standardize(tf.tensor2d(x, [batchSize, draws]), 'batch', 1e-5);
    return tf.concat([mean, variance]);
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  return {
    means: Array.from(data.subarray(0, draws)),
    variances: Array.from(data.subarray(draws)),
    populationMean,
    populationVariance: sq / POPULATION_SIZE,
  };
}

export {
  trainNormComparison,
  NORM_VARIANTS,
  type NormVariant,
  type NormTrainOptions,
  type NormTrainSnapshot,
} from './normalization-train';
