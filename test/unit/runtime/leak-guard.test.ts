import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoTensorLeak, TensorLeakError } from '../../../src/runtime/leak-guard';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the tensor-leak guard', () => {
  it('passes a function that disposes what it makes, and returns its result', async () => {
    const sum = await expectNoTensorLeak(tf, async () => {
      const t = tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3])));
      const v = (await t.data())[0];
      t.dispose();
      return v;
    });
    expect(sum).toBe(6);
  });

  it('catches a function that leaves two tensors behind, with the counts', async () => {
    const kept: tf.Tensor[] = [];
    const err = await expectNoTensorLeak(tf, () => {
      const a = tf.tensor1d([1]);
      kept.push(a, tf.add(a, a));
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TensorLeakError);
    expect((err as TensorLeakError).after - (err as TensorLeakError).before).toBe(2);
    expect((err as Error).message).toMatch(/2 tensor\(s\) left behind/);
    tf.dispose(kept);
  });
});
