// kernels/vit-model.ts and kernels/vit-cnn.ts on the CPU backend: patchifyTensor against patchify (exact), the
// tiny ViT's forward pass against an independent float64 reference (1e-4 relative, float32 model) and its
// loss gradient against central finite differences, its
// parameter count against the closed form and the variables, the class-token attention rows, the CNN's
// im2col convolution and pooling against tf.conv2d / tf.maxPool (1e-5) and its gradient against tf.conv2d's,
// the CNN's loss gradient against central finite differences, and the bad-config messages.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchify } from '../../../kernels/vit';
import { cnnParameterCount, conv3x3, maxPool2, SmallCnn } from '../../../kernels/vit-cnn';
import { patchifyTensor, TinyViT, vitParameterCount, type VitConfig } from '../../../kernels/vit-model';
import { createRng } from '../../../src/runtime/rng';
import { referenceVitLogits } from './vit-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: VitConfig = {
  imageSize: 8,
  channels: 3,
  patchSize: 4,
  dModel: 8,
  heads: 2,
  layers: 2,
  ffMultiplier: 2,
  classes: 4,
  positions: 'learned',
  seed: 3,
};

function randomImages(n: number, size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * size * size * 3 }, () => rng.uniform());
}

describe('patchifyTensor', () => {
  it('gives patchify’s rows for every image of a batch (exact)', () => {
    const data = randomImages(2, 8, 1);
    const got = tf.tidy(() => patchifyTensor(tf.tensor4d(data, [2, 8, 8, 3]), 2).arraySync());
    for (let b = 0; b < 2; b++) {
      const one = {
        data: Array.from(data.subarray(b * 192, (b + 1) * 192)),
        height: 8,
        width: 8,
        channels: 3,
      };
      expect(got[b]).toEqual(patchify(one, 2).map((r) => r.map((v) => Math.fround(v))));
    }
  });
});

describe('TinyViT', () => {
  it('counts its parameters as the closed form does, learned and sinusoidal', () => {
    for (const positions of ['learned', 'sinusoidal'] as const) {
      const m = new TinyViT({ ...config, positions });
      expect(m.parameterCount()).toBe(vitParameterCount({ ...config, positions }));
      m.dispose();
    }
    // By hand for the learned model: patch 48·8+8, cls 8, positions 5·8, per layer 4·64+4·8 + 8·16+16+16·8+8
    // + 4·8 = 600, head 16 + 8·4 + 4.
    expect(vitParameterCount(config)).toBe(392 + 8 + 40 + 2 * 600 + 52);
  });

  it('matches a float64 reference forward pass (1e-4 relative) with attention rows summing to 1', () => {
    for (const positions of ['learned', 'sinusoidal'] as const) {
      const m = new TinyViT({ ...config, positions });
      const data = randomImages(3, 8, 9);
      const { logits, attention } = tf.tidy(() => {
        const out = m.forward(tf.tensor4d(data, [3, 8, 8, 3]));
        return { logits: out.logits.arraySync(), attention: out.attention.map((a) => a.arraySync()) };
      });
      const weights = new Map(
        m.variables().map((v) => [v.name.split('/').slice(1).join('/'), v.arraySync()]),
      );
      const expected = referenceVitLogits(data, 3, { ...config, positions }, weights, m.positionEmbeddings());
      for (let b = 0; b < 3; b++)
        for (let k = 0; k < 4; k++) {
          const scale = Math.max(1, Math.abs(expected[b]![k]!));
          expect(Math.abs(logits[b]![k]! - expected[b]![k]!) / scale).toBeLessThan(1e-4);
        }
      expect(attention.length).toBe(2);
      for (const layer of attention)
        for (const row of layer[0]![1]!) expect(row.reduce((a, c) => a + c, 0)).toBeCloseTo(1, 5);
      m.dispose();
    }
  });

  it('has loss gradients that match central finite differences (float32; 2e-3 + 2% of the difference)', () => {
    const m = new TinyViT(config);
    const x = tf.tensor4d(randomImages(2, 8, 11), [2, 8, 8, 3]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 2], 'int32'), 4));
    const loss = () => tf.losses.softmaxCrossEntropy(y, m.forward(x).logits) as tf.Scalar;
    const byName = new Map(m.variables().map((v) => [v.name.split('/').slice(1).join('/'), v]));
    // One weight each from the patch embedding, the learned positions, an attention and an MLP matrix.
    const picks: [string, number][] = [
      ['patch/w', 5],
      ['pos', 9],
      ['layer0/wq', 3],
      ['layer1/w2', 3],
      ['cls', 2],
    ];
    const { value, grads } = tf.variableGrads(
      loss,
      picks.map(([n]) => byName.get(n)!),
    );
    for (const [name, i] of picks) {
      const v = byName.get(name)!;
      const base = v.dataSync().slice();
      const g = grads[v.name]!.dataSync()[i]!;
      const at = (delta: number) => {
        const w = base.slice();
        w[i]! += delta;
        tf.tidy(() => v.assign(tf.tensor(w, v.shape)));
        return tf.tidy(() => loss().dataSync()[0]!);
      };
      const h = 1e-2;
      const fd = (at(h) - at(-h)) / (2 * h);
      tf.tidy(() => v.assign(tf.tensor(base, v.shape)));
      expect(Math.abs(g), name).toBeGreaterThan(1e-3);
      expect(Math.abs(fd - g), name).toBeLessThan(2e-4 + 0.02 * Math.abs(fd));
    }
    tf.dispose([x, y, value, ...Object.values(grads)]);
    m.dispose();
  });

  it('gives the same weights for the same seed and throws on bad configs', () => {
    const a = new TinyViT(config);
    const b = new TinyViT(config);
    expect(a.variables()[0]!.arraySync()).toEqual(b.variables()[0]!.arraySync());
    a.dispose();
    b.dispose();
    expect(() => new TinyViT({ ...config, patchSize: 3 })).toThrow('patchSize 3 must divide imageSize 8');
    expect(() => new TinyViT({ ...config, heads: 3 })).toThrow('dModel (8) must be divisible by heads (3)');
    expect(() => new TinyViT({ ...config, dModel: 6, heads: 1, positions: 'sinusoidal' })).toThrow(
      'dModel must be a multiple of 4 for 2-D sinusoidal positions, got 6',
    );
    expect(() => new TinyViT({ ...config, layers: 0 })).toThrow(
      'layers must be an integer from 1 to 8, got 0',
    );
    const m = new TinyViT(config);
    expect(() => tf.tidy(() => m.forward(tf.zeros([1, 4, 4, 3])).logits)).toThrow(
      'images must be [batch, 8, 8, 3], got [1,4,4,3]',
    );
    m.dispose();
  });
});

describe('SmallCnn', () => {
  it('im2col convolution and reshape pooling match tf.conv2d and tf.maxPool (1e-5), gradients too', () => {
    const rng = createRng(4);
    const x = tf.tensor4d(
      Float32Array.from({ length: 2 * 6 * 6 * 3 }, () => rng.normal()),
      [2, 6, 6, 3],
    );
    const f = tf.tensor4d(
      Float32Array.from({ length: 9 * 3 * 5 }, () => rng.normal()),
      [3, 3, 3, 5],
    );
    const bias = tf.tensor1d([0.1, -0.2, 0.3, 0, 0.5]);
    const ours = tf.tidy(() => conv3x3(x, f, bias).arraySync());
    const theirs = tf.tidy(() => (tf.add(tf.conv2d(x, f, 1, 'same'), bias) as tf.Tensor4D).arraySync());
    expect(Math.max(...ours.flat(3).map((v, i) => Math.abs(v - theirs.flat(3)[i]!)))).toBeLessThan(1e-5);
    const pooled = tf.tidy(() => maxPool2(x).arraySync());
    expect(pooled).toEqual(tf.tidy(() => tf.maxPool(x, 2, 2, 'valid').arraySync()));
    const gTheirs = tf.tidy(
      () =>
        tf.grad((w: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, w as tf.Tensor4D, 1, 'same'))))(
          f,
        ) as tf.Tensor4D,
    );
    const gOurs = tf.tidy(() =>
      Array.from(
        tf
          .grad((w: tf.Tensor) => tf.sum(tf.square(conv3x3(x, w, tf.zerosLike(bias)))))(f)
          .dataSync(),
      ),
    );
    const ref = gTheirs.dataSync();
    gOurs.forEach((v, i) =>
      expect(Math.abs(v - ref[i]!) / Math.max(1, Math.abs(ref[i]!))).toBeLessThan(1e-4),
    );
    tf.dispose([x, f, bias, gTheirs]);
  });

  it('counts its parameters as the closed form does, and its loss gradient matches finite differences', () => {
    const cfg = { imageSize: 8, channels: 3, conv1: 4, conv2: 4, hidden: 6, classes: 4, seed: 2 };
    const m = new SmallCnn(cfg);
    expect(m.parameterCount()).toBe(cnnParameterCount(cfg));
    // By hand: conv1 9·3·4 + 4, conv2 9·4·4 + 4, dense (2·2·4)·6 + 6, head 6·4 + 4.
    expect(cnnParameterCount(cfg)).toBe(112 + 148 + 102 + 28);
    const x = tf.tensor4d(randomImages(2, 8, 5), [2, 8, 8, 3]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([1, 3], 'int32'), 4));
    const loss = () => tf.losses.softmaxCrossEntropy(y, m.forward(x).logits) as tf.Scalar;
    const { value, grads } = tf.variableGrads(loss, [m.filter2]);
    const g = grads[m.filter2.name]!.dataSync();
    const base = m.filter2.dataSync().slice();
    const h = 1e-2;
    for (const i of [0, 17, 60, 143]) {
      const at = (delta: number) => {
        const w = base.slice();
        w[i]! += delta;
        tf.tidy(() => m.filter2.assign(tf.tensor(w, m.filter2.shape)));
        return tf.tidy(() => loss().dataSync()[0]!);
      };
      const fd = (at(h) - at(-h)) / (2 * h);
      expect(Math.abs(fd - g[i]!)).toBeLessThan(2e-3 + 0.02 * Math.abs(fd));
    }
    tf.tidy(() => m.filter2.assign(tf.tensor(base, m.filter2.shape)));
    tf.dispose([x, y, value, ...Object.values(grads)]);
    m.dispose();
  });

  it('throws on bad configs', () => {
    const cfg = { imageSize: 8, channels: 3, conv1: 4, conv2: 4, hidden: 6, classes: 4, seed: 2 };
    expect(() => new SmallCnn({ ...cfg, imageSize: 10 })).toThrow(
      'imageSize must be a multiple of 4, got 10',
    );
    expect(() => new SmallCnn({ ...cfg, conv1: 0 })).toThrow('conv1 must be an integer from 1 to 128, got 0');
  });
});

afterAll(() => {
  expect(tf.memory().numTensors).toBe(0);
});
