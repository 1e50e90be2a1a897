// The 'where' labelling of the Vision Transformer cell's shapes (kernels/vit-shapes.ts, kernels/vit-train.ts):
// the same images as the default 'shape' labelling, labelled by the quadrant the shape's centre lies in, and
// a seeded ViT with learned positions trained on it comes to encode the patch grid — the correlation of its
// position embeddings' cosine similarity with minus the grid distance (computed here in float64) rises from
// about 0 to above 0.3 in 400 steps (−0.083 → 0.470 with seed 1; WASM backend, as in the page without a GPU).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShapes } from '../../../kernels/vit-shapes';
import { DEFAULT_TRAINING, ShapeClassifierTrainer } from '../../../kernels/vit-train';
import { TinyViT } from '../../../kernels/vit-model';

createRequire(import.meta.url)('@tensorflow/tfjs-backend-wasm');
setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Pearson correlation, over distinct patch pairs, of the embeddings' cosine similarity with minus grid distance. */
function gridCorrelation(embeddings: number[][]): number {
  const grid = Math.round(Math.sqrt(embeddings.length));
  const norm = (v: number[]) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  const pairs: [number, number][] = [];
  for (let i = 0; i < embeddings.length; i++)
    for (let j = i + 1; j < embeddings.length; j++) {
      const [a, b] = [embeddings[i]!, embeddings[j]!];
      const cos = a.reduce((s, x, k) => s + x * b[k]!, 0) / (norm(a) * norm(b));
      const dist = Math.hypot(Math.floor(i / grid) - Math.floor(j / grid), (i % grid) - (j % grid));
      pairs.push([cos, -dist]);
    }
  const mean = (k: 0 | 1) => pairs.reduce((s, p) => s + p[k], 0) / pairs.length;
  const [mx, my] = [mean(0), mean(1)];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("the 'where' labelling", () => {
  it('draws the same images as the shape labelling, labelled by the quadrant of the centre', () => {
    const shape = generateShapes({ count: 64, size: 16, seed: 9 });
    const where = generateShapes({ count: 64, size: 16, seed: 9, task: 'where' });
    expect(where.images).toEqual(shape.images);
    expect(new Set(where.labels)).toEqual(new Set([0, 1, 2, 3]));
    // The lit pixels' mean position falls in the labelled quadrant (the shapes are near-symmetric about it).
    for (let n = 0; n < where.count; n++) {
      let [sx, sy, k] = [0, 0, 0];
      for (let p = 0; p < 256; p++) {
        if (where.images[(n * 256 + p) * 3]! <= 0.1 && where.images[(n * 256 + p) * 3 + 1]! <= 0.1) continue;
        [sx, sy, k] = [sx + (p % 16) + 0.5, sy + Math.floor(p / 16) + 0.5, k + 1];
      }
      const quadrant = (sy / k < 8 ? 0 : 2) + (sx / k < 8 ? 0 : 1);
      if (Math.abs(sx / k - 8) > 1.5 && Math.abs(sy / k - 8) > 1.5) expect(where.labels[n]).toBe(quadrant);
    }
    expect(() => generateShapes({ count: 1, size: 16, seed: 1, task: 'when' as 'where' })).toThrow(/task/);
  });

  it('teaches the learned positions the grid: correlation with minus grid distance rises past 0.3', () => {
    const trainer = new ShapeClassifierTrainer({ ...DEFAULT_TRAINING, task: 'where', steps: 400 });
    try {
      const vit = trainer.model as TinyViT;
      const initial = gridCorrelation(vit.positionEmbeddings().slice(1));
      for (let s = 0; s < 400; s++) trainer.trainStep();
      const trained = gridCorrelation(vit.positionEmbeddings().slice(1));
      expect(Math.abs(initial)).toBeLessThan(0.15);
      expect(trained).toBeGreaterThan(0.3);
      expect(trained - initial).toBeGreaterThan(0.2);
    } finally {
      trainer.dispose();
    }
  }, 120_000);
});
