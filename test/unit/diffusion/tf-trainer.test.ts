// The tfjs training path against the typed-array one (CPU backend, float32 vs float64): the same loss and
// gradients on the same batch, the same losses over a short run, and no tensor left behind — after a run,
// a stopped run, a failed run and a rerun.
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { Denoiser, type DenoiserActivation } from '../../../kernels/diffusion/denoiser';
import { noiseSchedule } from '../../../kernels/diffusion/schedule';
import { TfDenoiser, trainDenoiserTf } from '../../../kernels/diffusion/tf-trainer';
import { makeToyData } from '../../../kernels/diffusion/toy-data';
import { BatchSampler, lossAndGradients, trainDenoiser } from '../../../kernels/diffusion/trainer';
import { expectNoTensorLeak } from '../../../src/runtime/leak-guard';

const schedule = noiseSchedule(200, 'cosine');
const data = makeToyData('swissroll', 300, 2);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each<DenoiserActivation>(['relu', 'silu'])('%s network', (activation) => {
  test('loss and every gradient agree with the typed-array path (loss rel 1e-5; grads 1e-4·max|g|)', async () => {
    const net = new Denoiser({ T: 200, seed: 6, activation, hidden: 16 });
    const batch = new BatchSampler(data, schedule, 32, 3);
    batch.next();
    const model = new TfDenoiser(tf, net);
    try {
      const got = await model.lossAndGradients(batch);
      const loss = lossAndGradients(net, batch);
      expect(Math.abs(got.loss / loss - 1)).toBeLessThan(1e-5);
      const scale = Math.max(...net.grads.map(Math.abs));
      got.grads.forEach((g, i) => expect(Math.abs(g - net.grads[i])).toBeLessThan(1e-4 * scale));
    } finally {
      model.dispose();
    }
  });
});

test('40 training steps: the same losses as the typed-array trainer (rel 1e-3) and nearby weights', async () => {
  const [a, b] = [
    new Denoiser({ T: 200, seed: 7, hidden: 16 }),
    new Denoiser({ T: 200, seed: 7, hidden: 16 }),
  ];
  const options = { steps: 40, batchSize: 32, lr: 3e-3, seed: 8, syncEvery: 7 };
  const typed: number[] = [];
  for await (const s of trainDenoiser(a, data, schedule, options)) typed.push(s.loss);
  const viaTf: number[] = [];
  await expectNoTensorLeak(tf, async () => {
    for await (const s of trainDenoiserTf(tf, b, data, schedule, options)) viaTf.push(s.loss);
  });
  viaTf.forEach((l, i) => expect(Math.abs(l / typed[i] - 1)).toBeLessThan(1e-3));
  // Adam moves each weight ≤ lr per step whatever the gradient's size, so float32 rounding of a tiny
  // gradient can move a weight differently; the weights stay within a few steps' worth (40·lr = 0.12).
  const diffs = b.params.map((p, i) => Math.abs(p - a.params[i]));
  expect(Math.max(...diffs)).toBeLessThan(0.02);
  expect(diffs.reduce((x, y) => x + y, 0) / diffs.length).toBeLessThan(1e-3);
});

test('no tensor is left behind after Stop or a failure; a rerun starts clean; Stop keeps the weights', async () => {
  const net = new Denoiser({ T: 200, seed: 1, hidden: 16 });
  const before = net.params.slice();
  await expectNoTensorLeak(tf, async () => {
    const controller = new AbortController();
    const run = (async () => {
      for await (const s of trainDenoiserTf(
        tf,
        net,
        data,
        schedule,
        { steps: 500, seed: 1 },
        controller.signal,
      ))
        if (s.step === 5) controller.abort();
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
  expect(net.params).not.toEqual(before); // the 5 steps were copied back
  await expectNoTensorLeak(tf, async () => {
    const huge = Float64Array.from(data, (v) => v * 1e30);
    const run = async () => {
      for await (const _ of trainDenoiserTf(tf, new Denoiser({ T: 200, seed: 1 }), huge, schedule, {
        steps: 3,
        seed: 1,
      }))
        void _;
    };
    await expect(run()).rejects.toThrow(/training diverged at step 1/);
  });
  await expectNoTensorLeak(tf, async () => {
    for await (const _ of trainDenoiserTf(tf, net, data, schedule, { steps: 3, seed: 2 })) void _;
  });
});

test('bad options name the argument', async () => {
  const run = async () => {
    for await (const _ of trainDenoiserTf(tf, new Denoiser({ T: 200, seed: 1 }), data, schedule, {
      seed: 1,
      syncEvery: 0,
    }))
      void _;
  };
  await expect(run()).rejects.toThrow('syncEvery must be a positive integer, got 0');
});
