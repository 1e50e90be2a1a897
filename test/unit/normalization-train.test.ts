// The none / batch-norm / layer-norm training comparison (CPU backend): the networks learn the circles, batch
// norm's train/eval gap closes as its running statistics catch up, small batches make batch norm worse than
// large ones, exact seeded reproducibility, validation, abort and no tensor leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { checkLosses } from '../../kernels/normalization-train';
import {
  trainNormComparison,
  type NormTrainOptions,
  type NormTrainSnapshot,
} from '../../kernels/normalization';
import { isAbortError } from '../../src/runtime/abort';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function collect(options: NormTrainOptions): Promise<NormTrainSnapshot[]> {
  const out: NormTrainSnapshot[] = [];
  for await (const s of trainNormComparison(options)) out.push(s);
  return out;
}

describe('trainNormComparison', () => {
  it('at batch 64 batch norm learns the circles first, and its train/eval gap shrinks as its running statistics catch up', async () => {
    const opts = { batchSize: 64, lr: 0.05, seed: 1 };
    const [start] = await collect({ ...opts, steps: 1 }); // scored: the last step always is
    const snaps = await collect({ ...opts, steps: 100, evalEvery: 50 });
    expect(snaps).toHaveLength(100);
    expect(snaps.filter((s) => s.heldOut).map((s) => s.step)).toEqual([50, 100]);
    expect(snaps[0]!.trainLoss).toEqual(start!.trainLoss);
    const end = snaps[99]!.heldOut!;
    expect(end.accuracy.batch).toBeGreaterThan(0.9);
    expect(end.loss.batch).toBeLessThan(0.5 * Math.min(end.loss.none, end.loss.layer));
    // In eval mode the running statistics start at (0, 1) and move 10% of the way per step.
    expect(start!.heldOut!.bnModeGap).toBeGreaterThan(3 * end.bnModeGap);
    expect(end.bnModeGap).toBeLessThan(0.2);
    for (const s of snaps) expect(Object.values(s.trainLoss).every(Number.isFinite)).toBe(true);
  });

  it('at batch size 2 batch norm’s statistics are so noisy that train and eval mode stay far apart', async () => {
    const small = await collect({ batchSize: 2, steps: 60, lr: 0.05, seed: 1, evalEvery: 20 });
    const large = await collect({ batchSize: 64, steps: 60, lr: 0.05, seed: 1, evalEvery: 20 });
    expect(small.filter((s) => s.heldOut).map((s) => s.step)).toEqual([20, 40, 60]);
    expect(small[59]!.heldOut!.bnModeGap).toBeGreaterThan(4 * large[59]!.heldOut!.bnModeGap);
    expect(large[59]!.heldOut!.accuracy.batch).toBeGreaterThan(small[59]!.heldOut!.accuracy.batch);
  });

  it('reproduces exactly with a seed, and differs with another', async () => {
    const opts = { batchSize: 8, steps: 6, lr: 0.05, seed: 3, evalEvery: 3 };
    const a = await collect(opts);
    expect(await collect(opts)).toEqual(a);
    expect((await collect({ ...opts, seed: 4 }))[5]!.trainLoss).not.toEqual(a[5]!.trainLoss);
  });

  it('a non-finite loss ends the run with a message naming the network', () => {
    // Within the allowed learning rates (≤ 2) these ReLU nets do not overflow: the check is tested directly.
    expect(() => checkLosses([0.5, NaN, 0.4], 17)).toThrow(
      'The batch network diverged at step 17: its loss became NaN. Lower the learning rate.',
    );
    expect(() => checkLosses([0.5, 0.3, Infinity], 2)).toThrow(/The layer network diverged at step 2/);
    expect(() => checkLosses([0.5, 0.3, 0.2], 2)).not.toThrow();
  });

  it('rejects bad options with the argument named', async () => {
    const base = { batchSize: 8, steps: 5, lr: 0.05, seed: 1 };
    const bad: [Partial<NormTrainOptions>, RegExp][] = [
      [{ batchSize: 1 }, /batchSize must be an integer from 2 to 256, got 1/],
      [{ batchSize: 257 }, /batchSize must be an integer from 2 to 256/],
      [{ steps: 0 }, /steps must be an integer from 1 to 20000/],
      [{ lr: 0 }, /lr must be in \(0, 2\]/],
      [{ seed: 1.5 }, /seed must be an integer/],
      [{ evalEvery: 0 }, /evalEvery must be an integer from 1 to 1000/],
    ];
    for (const [patch, message] of bad) await expect(collect({ ...base, ...patch })).rejects.toThrow(message);
  });

  it('stops on abort with an AbortError and leaves no tensors after run, abort, break and rerun', async () => {
    await expectNoTensorLeak(tf, async () => {
      await collect({ batchSize: 16, steps: 3, lr: 0.05, seed: 1, evalEvery: 1 });
      const controller = new AbortController();
      let seen = 0;
      const err = await (async () => {
        for await (const s of trainNormComparison({
          batchSize: 16,
          steps: 1000,
          lr: 0.05,
          seed: 1,
          signal: controller.signal,
        })) {
          seen = s.step;
          if (s.step === 2) controller.abort();
        }
      })().catch((e: unknown) => e);
      expect(isAbortError(err)).toBe(true);
      expect(seen).toBe(2);
      for await (const s of trainNormComparison({ batchSize: 4, steps: 50, lr: 0.05, seed: 1 })) {
        if (s.step === 2) break;
      }
      await collect({ batchSize: 7, steps: 2, lr: 0.05, seed: 2, evalEvery: 1 });
    });
  });
});
