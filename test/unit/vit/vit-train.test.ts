// kernels/vit-train.ts: seeded runs reproduce exactly (ViT and CNN), no tensor is left after a run, an abort or
// a rerun, a non-finite loss ends the run with its message, the attention rollout and position-similarity read-outs have their shapes and sums, bad options
// throw, and the default ViT run reaches ≥ 90% test accuracy on the default shapes set (WASM backend, as in
// the page without a GPU).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_TRAINING,
  ShapeClassifierTrainer,
  trainShapeClassifier,
  type TrainingOptions,
  type TrainingSnapshot,
} from '../../../kernels/vit-train';
import { expectNoTensorLeak } from '../../../src/runtime/leak-guard';

createRequire(import.meta.url)('@tensorflow/tfjs-backend-wasm');
setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small: TrainingOptions = {
  ...DEFAULT_TRAINING,
  dModel: 8,
  trainSize: 64,
  testSize: 16,
  steps: 6,
  batchSize: 8,
  seed: 4,
};

async function collect(o: TrainingOptions, signal?: AbortSignal): Promise<TrainingSnapshot[]> {
  const out: TrainingSnapshot[] = [];
  for await (const s of trainShapeClassifier(o, signal, 3)) out.push(s);
  return out;
}

describe('trainShapeClassifier', () => {
  it('reproduces a seeded run exactly, for the ViT and the CNN, and leaks no tensor', async () => {
    for (const model of ['vit', 'cnn'] as const) {
      const a = await expectNoTensorLeak(tf, () => collect({ ...small, model }));
      const b = await collect({ ...small, model });
      expect(a).toEqual(b);
      expect(a.length).toBe(6);
      expect(Number.isNaN(a[1]!.testAccuracy)).toBe(true);
      expect(a[2]!.testAccuracy).toBeGreaterThanOrEqual(0);
      const c = await collect({ ...small, model, seed: 5 });
      expect(c[0]!.loss).not.toBe(a[0]!.loss);
    }
  });

  it('stops on abort and leaves no tensor behind', async () => {
    const controller = new AbortController();
    const seen = await expectNoTensorLeak(tf, async () => {
      const out: TrainingSnapshot[] = [];
      for await (const s of trainShapeClassifier({ ...small, steps: 100 }, controller.signal)) {
        out.push(s);
        if (out.length === 2) controller.abort();
      }
      return out;
    });
    expect(seen.length).toBe(2);
  });

  it('ends with a clear message when the loss is not finite', async () => {
    await expectNoTensorLeak(tf, () => {
      const t = new ShapeClassifierTrainer(small);
      // Corrupt one weight, as a diverging run would.
      const w = t.model.variables()[0]!;
      tf.tidy(() => w.assign(tf.fill(w.shape, NaN)));
      expect(() => t.trainStep()).toThrow('the loss became NaN at step 1; lower the learning rate');
      t.dispose();
    });
  });

  it('throws on bad options, naming them', () => {
    expect(() => new ShapeClassifierTrainer({ ...small, batchSize: 0 })).toThrow(
      'batchSize must be an integer from 1 to 512, got 0',
    );
    expect(() => new ShapeClassifierTrainer({ ...small, learningRate: 0 })).toThrow(
      'learningRate must be in (0, 1], got 0',
    );
    expect(() => new ShapeClassifierTrainer({ ...small, patchSize: 3 })).toThrow(
      'patchSize 3 must divide imageSize 16',
    );
  });
});

describe('ShapeClassifierTrainer read-outs', () => {
  it('gives a grid × grid rollout per test image and a position-similarity map with unit diagonal', async () => {
    await expectNoTensorLeak(tf, () => {
      const t = new ShapeClassifierTrainer(small);
      t.trainStep();
      const maps = t.attentionOverTest([0, 3]);
      expect(maps.length).toBe(2);
      for (const m of maps) {
        expect(m.rollout.length).toBe(4);
        expect(m.rollout.every((r) => r.length === 4)).toBe(true);
        const patchMass = m.rollout.flat().reduce((a, b) => a + b, 0);
        expect(patchMass).toBeGreaterThan(0);
        expect(patchMass).toBeLessThan(1);
        expect(m.predicted).toBeGreaterThanOrEqual(0);
      }
      expect(t.attentionOverTest([])).toEqual([]);
      const sim = t.positionSimilarity()!;
      expect(sim.length).toBe(16);
      sim.forEach((r, i) => expect(r[i]).toBe(1));
      t.dispose();
      const cnn = new ShapeClassifierTrainer({ ...small, model: 'cnn' });
      expect(cnn.positionSimilarity()).toBeNull();
      expect(cnn.attentionOverTest([1])[0]!.rollout).toEqual([]);
      cnn.dispose();
    });
  });
});

describe('the default ViT run', () => {
  it('reaches ≥ 90% test accuracy on the default shapes set (WASM)', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    try {
      const snaps = await collect(DEFAULT_TRAINING);
      expect(snaps.at(-1)!.step).toBe(DEFAULT_TRAINING.steps);
      expect(snaps.at(-1)!.testAccuracy).toBeGreaterThanOrEqual(0.9);
    } finally {
      await tf.setBackend('cpu');
    }
  }, 240_000);
});
