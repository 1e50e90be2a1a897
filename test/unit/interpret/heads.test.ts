// Activation patching on the tiny transformer (kernels/interpret-heads.ts, interpret-heads-train.ts): the
// float64 forward pass read from a TinyTransformer's weights equals the model's own logits (1e-4), patching
// every head at once restores the clean logit difference exactly, patching a head with its own corrupted
// output restores nothing, the reverse question is built as described, and training steps lower the loss.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { headKey, patchingSweep, reverseQuestion, runHeads } from '../../../kernels/interpret-heads';
import { HEADS_DEFAULTS, HeadsTrainer, readWeights } from '../../../kernels/interpret-heads-train';
import { expectNoTensorLeak } from '../../../src/runtime/leak-guard';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('runHeads and patching', () => {
  it('matches the tfjs model’s logits and patches as promised', async () => {
    await expectNoTensorLeak(tf, check);
  });
});

async function check() {
  {
    const t = new HeadsTrainer({ ...HEADS_DEFAULTS, batchSize: 16, seed: 3 });
    const first = await t.step();
    for (let s = 0; s < 4; s++) await t.step();
    const w = await readWeights(t.model);
    for (const seq of [
      [3, 1, 4, 1, 10, 1, 4, 1],
      [9, 0, 0, 2, 10, 2, 0, 0],
    ]) {
      const mine = runHeads(w, seq);
      const theirs = tf.tidy(
        () => t.model.forward(tf.tensor2d([seq], [1, 8], 'int32')).logits.arraySync()[0]!,
      );
      mine.logits.forEach((row, i) =>
        row.forEach((v, j) => expect(Math.abs(v - theirs[i]![j]!)).toBeLessThan(1e-4)),
      );
      mine.attention.forEach((layer) =>
        layer.forEach((a) => a.forEach((row, q) => row.forEach((v, k) => k > q && expect(v).toBe(0)))),
      );
    }
    const qn = reverseQuestion([3, 7, 4, 9], 1, 2);
    expect(qn.clean).toEqual([3, 7, 4, 9, 10, 9, 4, 7]);
    expect(qn.corrupted).toEqual([3, 2, 4, 9, 10, 9, 4, 7]);
    expect(qn.position).toBe(6);
    const p = patchingSweep(w, qn);
    expect(p.allRestored).toBeCloseTo(1, 10);
    expect(p.restored.flat().every(Number.isFinite)).toBe(true);
    // Patching a head with the corrupted run's own output changes nothing.
    const corrupt = runHeads(w, qn.corrupted);
    const self = runHeads(w, qn.corrupted, new Map([[headKey(1, 0), corrupt.headOutputs[1]![0]!]]));
    expect(self.logits).toEqual(corrupt.logits);
    expect(() => reverseQuestion([1, 2], 0, 1)).toThrow(/replacement/);
    const later = await t.step();
    expect(later).toBeLessThan(first);
    t.dispose();
  }
}
