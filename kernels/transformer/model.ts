// A tiny decoder-only transformer on tfjs-core ops: token embeddings plus sinusoidal positions, then `layers`
// pre-LN blocks (causal multi-head self-attention, a ReLU feed-forward network, each inside a residual
// connection), a final layer norm and a linear read-out to the vocabulary. Weights are drawn from a seeded
// generator, so a seed gives the same model on every backend. Three optional ablations (question 7), off by
// default: no positional encoding, some heads masked (their output zeroed in every layer), no residual
// connections (each block's output replaces its input instead of being added to it).
//
// This file works on tensors; trainer.ts wraps it in a plain-data API for the cell.
// Example: const m = new TinyTransformer({ vocabSize: 11, maxLength: 10, dModel: 32, heads: 2, layers: 2,
//   seed: 1 }); const { logits } = tf.tidy(() => m.forward(tokens)); … m.dispose();
import * as tf from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../../src/runtime/rng';
import { sinusoidalPositionalEncoding } from './positional-encoding';

export interface TransformerConfig {
  vocabSize: number;
  /** The longest input the positional table covers. */
  maxLength: number;
  dModel: number;
  heads: number;
  layers: number;
  /** Feed-forward width as a multiple of dModel (4 in the original paper). */
  ffMultiplier: number;
  seed: number;
  /** Add the sinusoidal positions to the embeddings (default true; false: the model sees a bag of tokens). */
  positional?: boolean;
  /** Add each block's output to its input (default true). */
  residual?: boolean;
  /** Heads (0-based) whose output is zeroed in every layer (default none). */
  maskedHeads?: readonly number[];
}

export const TRANSFORMER_LIMITS = {
  vocabSize: [2, 1000],
  maxLength: [1, 512],
  dModel: [4, 256],
  heads: [1, 16],
  layers: [1, 8],
  ffMultiplier: [1, 8],
} as const;

/** Checks every size; throws naming the first bad one and its allowed range. */
export function checkTransformerConfig(config: TransformerConfig): TransformerConfig {
  for (const [key, [lo, hi]] of Object.entries(TRANSFORMER_LIMITS)) {
    const v = config[key as keyof typeof TRANSFORMER_LIMITS];
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new Error(`${key} must be an integer from ${lo} to ${hi}, got ${v}`);
  }
  if (config.dModel % 2 !== 0) throw new Error(`dModel must be even, got ${config.dModel}`);
  if (config.dModel % config.heads !== 0)
    throw new Error(`dModel (${config.dModel}) must be divisible by heads (${config.heads})`);
  if (!Number.isFinite(config.seed)) throw new Error(`seed must be a finite number, got ${config.seed}`);
  for (const h of config.maskedHeads ?? [])
    if (!Number.isInteger(h) || h < 0 || h >= config.heads)
      throw new Error(`maskedHeads must list heads from 0 to ${config.heads - 1}, got ${h}`);
  return config;
}

/** Parameters by part, from the sizes alone (the closed form the tests compare with the real variables). */
export function transformerParameterCount(config: TransformerConfig): {
  embedding: number;
  perLayer: number;
  readout: number;
  total: number;
} {
  const { vocabSize: V, dModel: d, layers, ffMultiplier } = config;
  const ff = d * ffMultiplier;
  const attention = 4 * d * d + 4 * d; // W_Q, W_K, W_V, W_O and their biases
  const feedForward = d * ff + ff + ff * d + d;
  const norms = 2 * 2 * d; // two layer norms, gain and bias each
  const perLayer = attention + feedForward + norms;
  const readout = 2 * d + d * V + V; // final layer norm, then W_out and b_out
  const embedding = V * d;
  return { embedding, perLayer, readout, total: embedding + layers * perLayer + readout };
}

interface LayerParams {
  ln1Gain: tf.Variable;
  ln1Bias: tf.Variable;
  wq: tf.Variable;
  bq: tf.Variable;
  wk: tf.Variable;
  bk: tf.Variable;
  wv: tf.Variable;
  bv: tf.Variable;
  wo: tf.Variable;
  bo: tf.Variable;
  ln2Gain: tf.Variable;
  ln2Bias: tf.Variable;
  w1: tf.Variable;
  b1: tf.Variable;
  w2: tf.Variable;
  b2: tf.Variable;
}

export interface ForwardResult {
  /** [batch, length, vocabSize] */
  logits: tf.Tensor3D;
  /** Per layer: [batch, heads, length, length], each row a softmax over the visible keys. */
  attention: tf.Tensor4D[];
}

let instances = 0;

export class TinyTransformer {
  readonly config: TransformerConfig;
  private readonly embedding: tf.Variable;
  private readonly blocks: LayerParams[] = [];
  private readonly lnFinalGain: tf.Variable;
  private readonly lnFinalBias: tf.Variable;
  private readonly wOut: tf.Variable;
  private readonly bOut: tf.Variable;
  private readonly positions: tf.Tensor2D;
  /** −1e9 above the diagonal: softmax gives those (future) positions exactly zero weight in float32. */
  private readonly causalMask: tf.Tensor2D;
  /** [1, heads, 1, 1]: 0 for a masked head, 1 otherwise; null when no head is masked. */
  private readonly headMask: tf.Tensor4D | null;
  private readonly all: tf.Variable[] = [];
  private disposed = false;

  constructor(config: TransformerConfig) {
    this.config = checkTransformerConfig({ ...config });
    const { vocabSize: V, dModel: d, layers, ffMultiplier, maxLength } = this.config;
    const ff = d * ffMultiplier;
    const rng = createRng(this.config.seed);
    // Variable names must be unique in tfjs' registry; a counter keeps two models apart.
    const prefix = `tiny-transformer-${instances++}`;
    const make = (name: string, shape: number[], init: 'normal' | 'zeros' | 'ones', std = 0) => {
      const v = tf.tidy(() => tf.variable(initialValues(shape, init, std, rng), true, `${prefix}/${name}`));
      this.all.push(v);
      return v;
    };
    this.embedding = make('embedding', [V, d], 'normal', 1);
    for (let l = 0; l < layers; l++) {
      const p = (name: string) => `layer${l}/${name}`;
      // The residual branches' output projections are scaled down with depth (GPT-2's 1/√(2·layers)).
      const outStd = 1 / Math.sqrt(d) / Math.sqrt(2 * layers);
      this.blocks.push({
        ln1Gain: make(p('ln1/gain'), [d], 'ones'),
        ln1Bias: make(p('ln1/bias'), [d], 'zeros'),
        wq: make(p('wq'), [d, d], 'normal', 1 / Math.sqrt(d)),
        bq: make(p('bq'), [d], 'zeros'),
        wk: make(p('wk'), [d, d], 'normal', 1 / Math.sqrt(d)),
        bk: make(p('bk'), [d], 'zeros'),
        wv: make(p('wv'), [d, d], 'normal', 1 / Math.sqrt(d)),
        bv: make(p('bv'), [d], 'zeros'),
        wo: make(p('wo'), [d, d], 'normal', outStd),
        bo: make(p('bo'), [d], 'zeros'),
        ln2Gain: make(p('ln2/gain'), [d], 'ones'),
        ln2Bias: make(p('ln2/bias'), [d], 'zeros'),
        w1: make(p('w1'), [d, ff], 'normal', 1 / Math.sqrt(d)),
        b1: make(p('b1'), [ff], 'zeros'),
        w2: make(p('w2'), [ff, d], 'normal', 1 / Math.sqrt(ff) / Math.sqrt(2 * layers)),
        b2: make(p('b2'), [d], 'zeros'),
      });
    }
    this.lnFinalGain = make('lnf/gain', [d], 'ones');
    this.lnFinalBias = make('lnf/bias', [d], 'zeros');
    this.wOut = make('w_out', [d, V], 'normal', 1 / Math.sqrt(d));
    this.bOut = make('b_out', [V], 'zeros');
    this.positions = tf.tensor2d(sinusoidalPositionalEncoding(maxLength, d));
    this.causalMask = tf.tensor2d(
      Array.from({ length: maxLength }, (_, i) =>
        Array.from({ length: maxLength }, (_, j) => (j > i ? -1e9 : 0)),
      ),
    );
    const masked = this.config.maskedHeads ?? [];
    const H = this.config.heads;
    this.headMask =
      masked.length === 0
        ? null
        : tf.tensor4d(
            Array.from({ length: H }, (_, h) => (masked.includes(h) ? 0 : 1)),
            [1, H, 1, 1],
          );
  }

  /** The trainable variables (for the optimizer). */
  variables(): tf.Variable[] {
    return this.all;
  }

  /** The number of trainable scalars, counted from the variables themselves. */
  parameterCount(): number {
    return this.all.reduce((n, v) => n + v.size, 0);
  }

  /**
   * Logits for every position of `tokens` ([batch, length] int32), with a causal mask. Call inside tf.tidy
   * (or dispose the results). The attention weights are returned too, for the cell's maps.
   */
  forward(tokens: tf.Tensor2D): ForwardResult {
    if (this.disposed) throw new Error('this transformer has been disposed');
    const [B, T] = tokens.shape;
    const { dModel: d, heads: H, maxLength } = this.config;
    if (T < 1 || T > maxLength) throw new Error(`input length must be from 1 to ${maxLength}, got ${T}`);
    const dh = d / H;
    const positions = tf.slice(this.positions, [0, 0], [T, d]);
    // The embedding lookup as one-hot × table: gather's gradient (UnsortedSegmentSum) is missing on WASM.
    const oneHot = tf.oneHot(tf.reshape(tokens, [B * T]), this.config.vocabSize);
    const embedded = tf.reshape(tf.matMul(oneHot, this.embedding as tf.Tensor2D), [B, T, d]);
    let x: tf.Tensor3D =
      this.config.positional === false ? (embedded as tf.Tensor3D) : tf.add(embedded, positions);
    const residual = this.config.residual !== false;
    const mask = T === maxLength ? this.causalMask : tf.slice(this.causalMask, [0, 0], [T, T]);
    const attention: tf.Tensor4D[] = [];
    // x·W + b (then ReLU) as one fused op: fewer kernels per step, which is what costs most at this size.
    const dense = (h: tf.Tensor3D, w: tf.Variable, b: tf.Variable, activation?: 'relu'): tf.Tensor3D => {
      const a = tf.reshape(h, [B * T, h.shape[2]]);
      const out = tf.fused.matMul({ a, b: w as tf.Tensor2D, bias: b, activation: activation ?? 'linear' });
      return tf.reshape(out, [B, T, w.shape[1]!]);
    };
    const splitHeads = (h: tf.Tensor3D): tf.Tensor3D =>
      tf.reshape(tf.transpose(tf.reshape(h, [B, T, H, dh]), [0, 2, 1, 3]), [B * H, T, dh]);
    for (const p of this.blocks) {
      const h = layerNorm(x, p.ln1Gain, p.ln1Bias);
      const q = splitHeads(dense(h, p.wq, p.bq));
      const k = splitHeads(dense(h, p.wk, p.bk));
      const v = splitHeads(dense(h, p.wv, p.bv));
      const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), mask);
      const weights = tf.softmax(scores) as tf.Tensor3D;
      attention.push(tf.reshape(weights, [B, H, T, T]));
      let perHead = tf.reshape(tf.matMul(weights, v), [B, H, T, dh]);
      if (this.headMask) perHead = tf.mul(perHead, this.headMask);
      const mixed = tf.reshape(tf.transpose(perHead, [0, 2, 1, 3]), [B, T, d]) as tf.Tensor3D;
      const attended = dense(mixed, p.wo, p.bo);
      x = residual ? tf.add(x, attended) : attended;
      const h2 = layerNorm(x, p.ln2Gain, p.ln2Bias);
      const fed = dense(dense(h2, p.w1, p.b1, 'relu'), p.w2, p.b2);
      x = residual ? tf.add(x, fed) : fed;
    }
    const logits = dense(layerNorm(x, this.lnFinalGain, this.lnFinalBias), this.wOut, this.bOut);
    return { logits, attention };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([...this.all, this.positions, this.causalMask]);
    this.headMask?.dispose();
  }
}

/** LayerNorm over the last axis: (x − mean) / √(var + 1e-5) · gain + bias. */
function layerNorm(x: tf.Tensor3D, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor3D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), gain), bias);
}

function initialValues(shape: number[], init: 'normal' | 'zeros' | 'ones', std: number, rng: Rng): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  if (init === 'ones') values.fill(1);
  if (init === 'normal') for (let i = 0; i < size; i++) values[i] = rng.normal() * std;
  return tf.tensor(values, shape);
}
