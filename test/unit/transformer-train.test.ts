// Training the tiny transformer on the CPU backend: it learns to reverse digit sequences within a bounded
// number of steps (seeded), the run is reproducible, abortable and leak-free, and a NaN ends it with a
// clear message. The training config is smaller than the cell's default (4 digits, d_model 16, one layer)
// so this file stays well under a minute on a 2-core machine; the cell's default is timed by
// scripts/bench-transformer.ts.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerFor } from '../../kernels/transformer/task';
import {
  TransformerTrainer,
  type TransformerOptions,
  type TransformerSnapshot,
} from '../../kernels/transformer/trainer';
import { createRng } from '../../src/runtime/rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small: TransformerOptions = {
  task: 'reverse',
  length: 4,
  dModel: 16,
  heads: 2,
  layers: 1,
  ffMultiplier: 2,
  learningRate: 0.01,
  batchSize: 32,
  evalSize: 128,
  seed: 1,
};
const noYield = async () => {};

async function collect(it: AsyncGenerator<TransformerSnapshot>): Promise<TransformerSnapshot[]> {
  const out: TransformerSnapshot[] = [];
  for await (const s of it) out.push(s);
  return out;
}

describe('training the tiny transformer (CPU)', () => {
  it('reaches ≥ 95% sequence accuracy on reversal within 300 steps, and its greedy answers are right', async () => {
    const before = tf.memory().numTensors;
    const trainer = new TransformerTrainer(small);
    const snaps = await collect(
      trainer.train({ steps: 300, evalEvery: 25, stopAtAccuracy: 0.95, yieldFn: noYield }),
    );
    const last = snaps.at(-1)!;
    expect(last.evaluation!.sequenceAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(last.step).toBeLessThanOrEqual(300);
    // The loss fell from about ln 11 (a uniform guess) by more than 10×.
    expect(snaps[0]!.loss).toBeGreaterThan(1.8);
    expect(last.loss).toBeLessThan(snaps[0]!.loss / 10);
    // Greedy decoding (one digit at a time, feeding its own answers back) on fresh questions.
    const rng = createRng(99);
    let right = 0;
    for (let n = 0; n < 40; n++) {
      const digits = Array.from({ length: 4 }, () => rng.int(10));
      const p = await trainer.predict(digits);
      expect(p.expected).toEqual(answerFor('reverse', digits));
      if (p.correct) right++;
    }
    expect(right).toBeGreaterThanOrEqual(34); // ≥ 85% of 40 fresh questions (eval set: ≥ 95%)
    // Snapshots carry every layer's and head's attention on the probe, each row a distribution.
    const att = last.probe!.attention;
    expect(att).toHaveLength(1);
    expect(att[0]).toHaveLength(2);
    expect(att[0]![0]).toHaveLength(8);
    att[0]![0]!.forEach((row) => expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5));
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('repeats exactly from its seed and differs with another seed', async () => {
    const losses = async (seed: number) => {
      const t = new TransformerTrainer({ ...small, seed });
      const s = await collect(t.train({ steps: 4, evalEvery: 100, yieldFn: noYield }));
      t.dispose();
      return s.map((x) => x.loss);
    };
    const a = await losses(3);
    expect(await losses(3)).toEqual(a);
    expect(await losses(4)).not.toEqual(a);
  });

  it('stops promptly on abort, keeps what it learned, trains on afterwards, and holds no extra tensors', async () => {
    const before = tf.memory().numTensors;
    const trainer = new TransformerTrainer(small);
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const s of trainer.train({ steps: 100, signal: controller.signal, yieldFn: noYield })) {
          seen.push(s.step);
          if (s.step === 3) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1, 2, 3]);
    expect(trainer.stepCount).toBe(3);
    const held = tf.memory().numTensors;
    const more = await collect(trainer.train({ steps: 2, evalEvery: 1, yieldFn: noYield }));
    expect(more.map((s) => s.step)).toEqual([4, 5]);
    expect(tf.memory().numTensors).toBe(held); // steps, evaluations and predictions leave nothing behind
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(trainer.evaluate()).rejects.toThrow('this trainer has been disposed');
  });

  it('ends with a clear message when the loss becomes NaN', async () => {
    const trainer = new TransformerTrainer(small);
    // Corrupt one weight through tfjs' public registry of variables, as a diverging run would.
    const name = Object.keys(tf.engine().registeredVariables).find((n) => n.endsWith('/w_out'))!;
    const w = tf.engine().registeredVariables[name]!;
    tf.tidy(() => w.assign(tf.fill(w.shape, NaN)));
    await expect(collect(trainer.train({ steps: 5, yieldFn: noYield }))).rejects.toThrow(
      'Training diverged at step 1: the loss became NaN. Lower the learning rate (now 0.01) and press Reset.',
    );
    trainer.dispose();
  });

  it('rejects bad options by name', () => {
    expect(() => new TransformerTrainer({ ...small, learningRate: 0 })).toThrow(
      'learningRate must be in (0, 0.1], got 0',
    );
    expect(() => new TransformerTrainer({ ...small, length: 1 })).toThrow(
      'sequence length must be an integer from 2 to 8, got 1',
    );
    expect(() => new TransformerTrainer({ ...small, heads: 3 })).toThrow(
      'dModel (16) must be divisible by heads (3)',
    );
    const t = new TransformerTrainer(small);
    expect(() => t.setProbe([1, 2, 3])).toThrow('the probe must have 4 digits, got 3');
    t.dispose();
  });
});
