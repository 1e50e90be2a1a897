// A tiny Vision Transformer and a small CNN of similar parameter count, on tfjs-core ops (no tfjs-layers).
// ViT: patches (cut as in vit.ts' patchify) → linear patch embedding → a learned class token prepended →
// position embeddings (learned, or fixed 2-D sinusoidal) → `layers` pre-norm encoder blocks (multi-head
// self-attention, GELU-free ReLU MLP, residuals) → final layer norm → linear head on the class token.
// CNN: two 3×3 same-padded convolutions (im2col from slices, so every backend has the gradient) each with
// ReLU and 2×2 max pooling, then a hidden dense layer and the linear head. Weights come from a seeded
// generator. Call forward inside tf.tidy.
//
// Example: const m = new TinyViT({ ...DEFAULT_VIT, seed: 1 }); tf.tidy(() => m.forward(images).logits);
import * as tf from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../src/runtime/rng';
import { sinusoidalPositionEmbedding2d } from './vit';

export interface VitConfig {
  imageSize: number;
  channels: number;
  patchSize: number;
  dModel: number;
  heads: number;
  layers: number;
  ffMultiplier: number;
  classes: number;
  positions: 'learned' | 'sinusoidal';
  seed: number;
}

export interface CnnConfig {
  imageSize: number;
  channels: number;
  conv1: number;
  conv2: number;
  hidden: number;
  classes: number;
  seed: number;
}

export interface ClassifierOutput {
  /** [batch, classes] */
  logits: tf.Tensor2D;
  /** ViT only, per layer: [batch, heads, tokens, tokens] with token 0 the class token. */
  attention: tf.Tensor4D[];
}

export interface ImageClassifier {
  readonly kind: 'vit' | 'cnn';
  variables(): tf.Variable[];
  parameterCount(): number;
  forward(images: tf.Tensor4D): ClassifierOutput;
  dispose(): void;
}

let instances = 0;

/** Owns a model's variables: seeded init, unique names, one dispose. */
class ParameterSet {
  readonly all: tf.Variable[] = [];
  private readonly rng: Rng;
  private readonly prefix: string;
  constructor(kind: string, seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
    this.rng = createRng(seed);
    this.prefix = `${kind}-${instances++}`;
  }
  make(name: string, shape: number[], init: 'normal' | 'zeros' | 'ones', std = 0): tf.Variable {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    if (init === 'ones') values.fill(1);
    if (init === 'normal') for (let i = 0; i < size; i++) values[i] = this.rng.normal() * std;
    const v = tf.tidy(() => tf.variable(tf.tensor(values, shape), true, `${this.prefix}/${name}`));
    this.all.push(v);
    return v;
  }
  count(): number {
    return this.all.reduce((n, v) => n + v.size, 0);
  }
}

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new Error(`${name} must be an integer from ${lo} to ${hi}, got ${v}`);
}

function layerNorm(x: tf.Tensor, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), gain), bias);
}

/** [B, H, W, C] → [B, (H/p)·(W/p), p·p·C] in patchify's order. */
export function patchifyTensor(images: tf.Tensor4D, p: number): tf.Tensor3D {
  const [B, H, W, C] = images.shape;
  const grid = tf.reshape(images, [B, H / p, p, W / p, p, C]);
  return tf.reshape(tf.transpose(grid, [0, 1, 3, 2, 4, 5]), [B, (H / p) * (W / p), p * p * C]);
}

export function vitParameterCount(c: VitConfig): number {
  const d = c.dModel;
  const ff = d * c.ffMultiplier;
  const tokens = (c.imageSize / c.patchSize) ** 2 + 1;
  const patch = c.patchSize * c.patchSize * c.channels * d + d;
  const block = 4 * d * d + 4 * d + d * ff + ff + ff * d + d + 4 * d;
  const positions = c.positions === 'learned' ? tokens * d : 0;
  return patch + d + positions + c.layers * block + 2 * d + d * c.classes + c.classes;
}

export class TinyViT implements ImageClassifier {
  readonly kind = 'vit' as const;
  readonly config: VitConfig;
  readonly tokens: number;
  private readonly params: ParameterSet;
  private readonly v: Record<string, tf.Variable> = {};
  /** Fixed [tokens, d] table (class token row zero) when positions are sinusoidal. */
  private readonly fixedPositions: tf.Tensor2D | null = null;

  constructor(config: VitConfig) {
    const c = (this.config = { ...config });
    checkInt('imageSize', c.imageSize, 4, 128);
    checkInt('channels', c.channels, 1, 4);
    checkInt('patchSize', c.patchSize, 1, c.imageSize);
    if (c.imageSize % c.patchSize !== 0)
      throw new Error(`patchSize ${c.patchSize} must divide imageSize ${c.imageSize}`);
    checkInt('dModel', c.dModel, 4, 256);
    checkInt('heads', c.heads, 1, 16);
    checkInt('layers', c.layers, 1, 8);
    checkInt('ffMultiplier', c.ffMultiplier, 1, 8);
    checkInt('classes', c.classes, 2, 1000);
    if (c.dModel % c.heads !== 0)
      throw new Error(`dModel (${c.dModel}) must be divisible by heads (${c.heads})`);
    if (c.positions === 'sinusoidal' && c.dModel % 4 !== 0)
      throw new Error(`dModel must be a multiple of 4 for 2-D sinusoidal positions, got ${c.dModel}`);
    const grid = c.imageSize / c.patchSize;
    this.tokens = grid * grid + 1;
    const d = c.dModel;
    const ff = d * c.ffMultiplier;
    const pin = c.patchSize * c.patchSize * c.channels;
    const P = (this.params = new ParameterSet('tiny-vit', c.seed));
    const v = this.v;
    v.patchW = P.make('patch/w', [pin, d], 'normal', 1 / Math.sqrt(pin));
    v.patchB = P.make('patch/b', [d], 'zeros');
    v.cls = P.make('cls', [1, 1, d], 'normal', 0.02);
    if (c.positions === 'learned') v.pos = P.make('pos', [this.tokens, d], 'normal', 0.02);
    else
      this.fixedPositions = tf.tensor2d([
        new Array<number>(d).fill(0),
        ...sinusoidalPositionEmbedding2d(grid, grid, d),
      ]);
    const outStd = 1 / Math.sqrt(2 * c.layers);
    for (let l = 0; l < c.layers; l++) {
      const m = (name: string, shape: number[], init: 'normal' | 'zeros' | 'ones', std = 0) =>
        (v[`${l}/${name}`] = P.make(`layer${l}/${name}`, shape, init, std));
      m('ln1g', [d], 'ones');
      m('ln1b', [d], 'zeros');
      for (const w of ['wq', 'wk', 'wv']) m(w, [d, d], 'normal', 1 / Math.sqrt(d));
      for (const b of ['bq', 'bk', 'bv', 'bo']) m(b, [d], 'zeros');
      m('wo', [d, d], 'normal', outStd / Math.sqrt(d));
      m('ln2g', [d], 'ones');
      m('ln2b', [d], 'zeros');
      m('w1', [d, ff], 'normal', 1 / Math.sqrt(d));
      m('b1', [ff], 'zeros');
      m('w2', [ff, d], 'normal', outStd / Math.sqrt(ff));
      m('b2', [d], 'zeros');
    }
    v.lnfG = P.make('lnf/gain', [d], 'ones');
    v.lnfB = P.make('lnf/bias', [d], 'zeros');
    v.headW = P.make('head/w', [d, c.classes], 'normal', 1 / Math.sqrt(d));
    v.headB = P.make('head/b', [c.classes], 'zeros');
  }

  variables(): tf.Variable[] {
    return this.params.all;
  }
  parameterCount(): number {
    return this.params.count();
  }

  /** The position table the model adds ([tokens, d], row 0 the class token's), as plain rows. */
  positionEmbeddings(): number[][] {
    const t = this.v.pos ?? this.fixedPositions!;
    return t.arraySync() as number[][];
  }

  forward(images: tf.Tensor4D): ClassifierOutput {
    const c = this.config;
    const [B, H, W, C] = images.shape;
    if (H !== c.imageSize || W !== c.imageSize || C !== c.channels)
      throw new Error(
        `images must be [batch, ${c.imageSize}, ${c.imageSize}, ${c.channels}], got [${images.shape}]`,
      );
    const d = c.dModel;
    const T = this.tokens;
    const Hh = c.heads;
    const dh = d / Hh;
    const v = this.v;
    const dense = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, act?: 'relu'): tf.Tensor => {
      const flat = tf.reshape(x, [-1, x.shape[x.shape.length - 1]!]) as tf.Tensor2D;
      const out = tf.fused.matMul({ a: flat, b: w as tf.Tensor2D, bias: b, activation: act ?? 'linear' });
      return tf.reshape(out, [...x.shape.slice(0, -1), w.shape[1]!]);
    };
    const patches = dense(patchifyTensor(images, c.patchSize), v.patchW!, v.patchB!);
    let x: tf.Tensor = tf.concat([tf.tile(v.cls!, [B, 1, 1]), patches], 1);
    x = tf.add(x, v.pos ?? this.fixedPositions!);
    const split = (h: tf.Tensor) =>
      tf.reshape(tf.transpose(tf.reshape(h, [B, T, Hh, dh]), [0, 2, 1, 3]), [B * Hh, T, dh]);
    const attention: tf.Tensor4D[] = [];
    for (let l = 0; l < c.layers; l++) {
      const p = (name: string) => v[`${l}/${name}`]!;
      const h = layerNorm(x, p('ln1g'), p('ln1b'));
      const q = split(dense(h, p('wq'), p('bq')));
      const k = split(dense(h, p('wk'), p('bk')));
      const val = split(dense(h, p('wv'), p('bv')));
      const weights = tf.softmax(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)));
      attention.push(tf.reshape(weights, [B, Hh, T, T]));
      const mixed = tf.reshape(
        tf.transpose(tf.reshape(tf.matMul(weights, val), [B, Hh, T, dh]), [0, 2, 1, 3]),
        [B, T, d],
      );
      x = tf.add(x, dense(mixed, p('wo'), p('bo')));
      const h2 = layerNorm(x, p('ln2g'), p('ln2b'));
      x = tf.add(x, dense(dense(h2, p('w1'), p('b1'), 'relu'), p('w2'), p('b2')));
    }
    const clsToken = tf.reshape(tf.slice(x, [0, 0, 0], [B, 1, d]), [B, d]);
    const logits = dense(layerNorm(clsToken, v.lnfG!, v.lnfB!), v.headW!, v.headB!) as tf.Tensor2D;
    return { logits, attention };
  }

  dispose(): void {
    tf.dispose(this.params.all);
    this.params.all.length = 0;
    if (this.fixedPositions) this.fixedPositions.dispose();
  }
}
