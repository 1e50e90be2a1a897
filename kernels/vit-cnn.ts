// The small CNN the Vision Transformer cell trains beside the ViT (question 11): two 3×3 same-padded
// convolutions, each followed by ReLU and 2×2 max pooling, a hidden dense ReLU layer and a linear head. The
// convolution is written as im2col (nine shifted slices concatenated, then one matMul) and the pooling as a
// reshape and max, so its gradient exists on every backend (WASM lacks Conv2DBackpropFilter and
// MaxPoolGrad). The filter layout is tf.conv2d's [3, 3, in, out], which the tests compare against.
//
// Example: const m = new SmallCnn({ ...DEFAULT_CNN, seed: 1 }); tf.tidy(() => m.forward(images).logits);
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../src/runtime/rng';
import type { ClassifierOutput, CnnConfig, ImageClassifier } from './vit-model';

let instances = 0;

/** A 3×3, stride-1, zero-padded convolution of [B, H, W, C] with filter [3, 3, C, out] and a bias. */
export function conv3x3(x: tf.Tensor4D, filter: tf.Tensor, bias: tf.Tensor): tf.Tensor4D {
  const [B, H, W, C] = x.shape;
  const out = filter.shape[3]!;
  const padded = tf.pad(x, [
    [0, 0],
    [1, 1],
    [1, 1],
    [0, 0],
  ]);
  const shifted: tf.Tensor4D[] = [];
  for (let dy = 0; dy < 3; dy++)
    for (let dx = 0; dx < 3; dx++) shifted.push(tf.slice(padded, [0, dy, dx, 0], [B, H, W, C]));
  const columns = tf.reshape(tf.concat(shifted, 3), [B * H * W, 9 * C]) as tf.Tensor2D;
  const y = tf.fused.matMul({ a: columns, b: tf.reshape(filter, [9 * C, out]) as tf.Tensor2D, bias });
  return tf.reshape(y, [B, H, W, out]);
}

/** 2×2 max pooling with stride 2 ([B, H, W, C] → [B, H/2, W/2, C]; H and W even). */
export function maxPool2(x: tf.Tensor4D): tf.Tensor4D {
  const [B, H, W, C] = x.shape;
  return tf.max(tf.reshape(x, [B, H / 2, 2, W / 2, 2, C]), [2, 4]) as tf.Tensor4D;
}

export function cnnParameterCount(c: CnnConfig): number {
  const flat = (c.imageSize / 4) ** 2 * c.conv2;
  return (
    9 * c.channels * c.conv1 +
    c.conv1 +
    9 * c.conv1 * c.conv2 +
    c.conv2 +
    flat * c.hidden +
    c.hidden +
    c.hidden * c.classes +
    c.classes
  );
}

export class SmallCnn implements ImageClassifier {
  readonly kind = 'cnn' as const;
  readonly config: CnnConfig;
  readonly filter1: tf.Variable;
  readonly bias1: tf.Variable;
  readonly filter2: tf.Variable;
  readonly bias2: tf.Variable;
  private readonly w3: tf.Variable;
  private readonly b3: tf.Variable;
  private readonly w4: tf.Variable;
  private readonly b4: tf.Variable;
  private readonly all: tf.Variable[];

  constructor(config: CnnConfig) {
    const c = (this.config = { ...config });
    const limits: [keyof CnnConfig, number, number][] = [
      ['imageSize', 4, 128],
      ['channels', 1, 4],
      ['conv1', 1, 128],
      ['conv2', 1, 128],
      ['hidden', 1, 1024],
      ['classes', 2, 1000],
    ];
    for (const [key, lo, hi] of limits) {
      const v = c[key];
      if (!Number.isInteger(v) || v < lo || v > hi)
        throw new Error(`${key} must be an integer from ${lo} to ${hi}, got ${v}`);
    }
    if (c.imageSize % 4 !== 0) throw new Error(`imageSize must be a multiple of 4, got ${c.imageSize}`);
    if (!Number.isFinite(c.seed)) throw new Error(`seed must be a finite number, got ${c.seed}`);
    const rng = createRng(c.seed);
    const prefix = `small-cnn-${instances++}`;
    const make = (name: string, shape: number[], std: number) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const values = new Float32Array(size);
      if (std > 0) for (let i = 0; i < size; i++) values[i] = rng.normal() * std;
      return tf.tidy(() => tf.variable(tf.tensor(values, shape), true, `${prefix}/${name}`));
    };
    // He initialisation for the ReLU layers.
    const flat = (c.imageSize / 4) ** 2 * c.conv2;
    this.filter1 = make('conv1/filter', [3, 3, c.channels, c.conv1], Math.sqrt(2 / (9 * c.channels)));
    this.bias1 = make('conv1/bias', [c.conv1], 0);
    this.filter2 = make('conv2/filter', [3, 3, c.conv1, c.conv2], Math.sqrt(2 / (9 * c.conv1)));
    this.bias2 = make('conv2/bias', [c.conv2], 0);
    this.w3 = make('dense/w', [flat, c.hidden], Math.sqrt(2 / flat));
    this.b3 = make('dense/b', [c.hidden], 0);
    this.w4 = make('head/w', [c.hidden, c.classes], 1 / Math.sqrt(c.hidden));
    this.b4 = make('head/b', [c.classes], 0);
    this.all = [this.filter1, this.bias1, this.filter2, this.bias2, this.w3, this.b3, this.w4, this.b4];
  }

  variables(): tf.Variable[] {
    return this.all;
  }
  parameterCount(): number {
    return this.all.reduce((n, v) => n + v.size, 0);
  }

  forward(images: tf.Tensor4D): ClassifierOutput {
    const c = this.config;
    const [B, H, W, C] = images.shape;
    if (H !== c.imageSize || W !== c.imageSize || C !== c.channels)
      throw new Error(
        `images must be [batch, ${c.imageSize}, ${c.imageSize}, ${c.channels}], got [${images.shape}]`,
      );
    const h1 = maxPool2(tf.relu(conv3x3(images, this.filter1, this.bias1)));
    const h2 = maxPool2(tf.relu(conv3x3(h1, this.filter2, this.bias2)));
    const flat = tf.reshape(h2, [B, -1]) as tf.Tensor2D;
    const hidden = tf.fused.matMul({ a: flat, b: this.w3 as tf.Tensor2D, bias: this.b3, activation: 'relu' });
    const logits = tf.fused.matMul({ a: hidden, b: this.w4 as tf.Tensor2D, bias: this.b4 }) as tf.Tensor2D;
    return { logits, attention: [] };
  }

  dispose(): void {
    tf.dispose(this.all);
    this.all.length = 0;
  }
}
