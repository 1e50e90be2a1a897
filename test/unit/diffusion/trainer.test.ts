// Training: the loss against its definition, Adam against hand-worked steps, and a short seeded run that
// lowers both the loss and the samples' distance to the data. Plus reproducibility, Stop and divergence.
import { describe, expect, test } from 'vitest';
import { Denoiser } from '../../../kernels/diffusion/denoiser';
import { energyDistance, qualityReference } from '../../../kernels/diffusion/distance';
import { sampleDiffusion } from '../../../kernels/diffusion/sampler';
import { noiseSchedule, qSample } from '../../../kernels/diffusion/schedule';
import { makeToyData } from '../../../kernels/diffusion/toy-data';
import {
  DenoiserAdam as Adam,
  BatchSampler,
  epsilonLoss,
  learningRateAt,
  lossAndGradients,
  trainDenoiser,
  type TrainOptions,
} from '../../../kernels/diffusion/trainer';
import { createRng } from '../../../src/runtime/rng';

const schedule = noiseSchedule(100, 'linear');
const data = makeToyData('moons', 400, 1);

describe('epsilonLoss', () => {
  const rng = createRng(2);
  const x0 = makeToyData('swissroll', 50, 3);
  const noise = Float64Array.from({ length: 100 }, () => rng.normal());

  test('is 0 for a model that returns the true noise', () => {
    expect(epsilonLoss((_xt, _t, out) => out.set(noise), x0, 40, noise, schedule)).toBe(0);
  });

  test('is the mean of ε² for a model that predicts 0, and hands the model x_t = qSample(x0, t, ε)', () => {
    let seen: Float64Array | null = null;
    const loss = epsilonLoss(
      (xt, _t, out) => {
        seen = xt.slice();
        out.fill(0);
      },
      x0,
      40,
      noise,
      schedule,
    );
    expect(loss).toBeCloseTo(noise.reduce((a, e) => a + e * e, 0) / 100, 14);
    expect(seen).toEqual(qSample(x0, 40, noise, schedule));
  });

  test('the training loss is this loss, averaged over the batch (tol 1e-12)', () => {
    const net = new Denoiser({ T: 100, seed: 1 });
    const batch = new BatchSampler(data, schedule, 16, 7);
    batch.next();
    const trained = lossAndGradients(net, batch);
    let sum = 0;
    for (let i = 0; i < 16; i++) {
      const pick = (a: Float64Array) => a.subarray(2 * i, 2 * i + 2);
      sum += epsilonLoss(
        (xt, t, out) => net.predict(xt, t, out),
        pick(batch.x0),
        batch.ts[i],
        pick(batch.noise),
        schedule,
      );
    }
    expect(Math.abs(trained - sum / 16)).toBeLessThan(1e-12);
  });
});

test('Adam: the first step moves each weight by lr·g/(|g| + ε); the second by the bias-corrected moments', () => {
  const params = Float64Array.from([1, -2, 0.5]);
  const g1 = Float64Array.from([0.3, -4, 1e-3]);
  const g2 = Float64Array.from([-0.1, 2, 1e-3]);
  const adam = new Adam(3);
  adam.step(params, g1, 0.1);
  [1, -2, 0.5].forEach((p, i) =>
    expect(params[i]).toBeCloseTo(p - (0.1 * g1[i]) / (Math.abs(g1[i]) + 1e-7), 12),
  );
  const after1 = params.slice();
  adam.step(params, g2, 0.1);
  for (let i = 0; i < 3; i++) {
    const m = (0.9 * 0.1 * g1[i] + 0.1 * g2[i]) / (1 - 0.81);
    const v = (0.999 * 0.001 * g1[i] ** 2 + 0.001 * g2[i] ** 2) / (1 - 0.999 ** 2);
    expect(params[i]).toBeCloseTo(after1[i] - (0.1 * m) / (Math.sqrt(v) + 1e-7), 12);
  }
});

test('learningRateAt: warm-up over 2% of the steps, the peak, then cosine down to lr/100', () => {
  const o = { steps: 1000, lr: 0.01, lrSchedule: 'cosine' as const };
  expect(learningRateAt(0, o)).toBeCloseTo(0.01 / 20, 15);
  expect(learningRateAt(19, o)).toBeCloseTo(0.01, 15);
  expect(learningRateAt(20, o)).toBeCloseTo(0.01, 15);
  expect(learningRateAt(510, o)).toBeCloseTo(0.01 * (0.01 + 0.99 * 0.5), 6);
  expect(learningRateAt(1000, o)).toBeCloseTo(0.0001, 15);
  expect(learningRateAt(500, { ...o, lrSchedule: 'constant' })).toBe(0.01);
});

async function train(net: Denoiser, options: Partial<TrainOptions> & { seed: number }, signal?: AbortSignal) {
  const losses: number[] = [];
  for await (const s of trainDenoiser(net, data, schedule, options, signal)) losses.push(s.loss);
  return losses;
}

test('a short seeded run lowers the loss and the distance of its samples to the data', async () => {
  // Moons, T = 100, the default network, 700 steps of 64: a few seconds on one core.
  const net = new Denoiser({ T: 100, seed: 2 });
  const ref = await qualityReference('moons', 500, 50);
  const distance = async () => {
    let x: Float64Array = new Float64Array(0);
    for await (const f of sampleDiffusion((xt, t, out) => net.predict(xt, t, out), schedule, {
      n: 500,
      method: 'ddpm',
      steps: 100,
      seed: 9,
    }))
      x = f.x;
    return energyDistance(x, ref.heldOut);
  };
  const before = await distance();
  const losses = await train(net, { steps: 700, batchSize: 64, lr: 3e-3, seed: 4 });
  const after = await distance();
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  expect(mean(losses.slice(-100))).toBeLessThan(0.85 * mean(losses.slice(0, 100))); // measured 0.54 vs 0.74
  // Untrained (ε̂ ≈ 0) the reverse process scatters the points wider than N(0, I) (measured 1.76 vs 0.08);
  // trained, they land within ~2× the data-vs-data floor (measured 0.009, floor 0.005).
  expect(before).toBeGreaterThan(ref.noise);
  expect(after).toBeLessThan(before / 4);
  expect(after).toBeLessThan(ref.noise / 5);
});

test('the same seeds give the same losses and weights, exactly', async () => {
  const [a, b] = [new Denoiser({ T: 100, seed: 3 }), new Denoiser({ T: 100, seed: 3 })];
  const la = await train(a, { steps: 30, batchSize: 16, seed: 5 });
  expect(await train(b, { steps: 30, batchSize: 16, seed: 5 })).toEqual(la);
  expect(b.params).toEqual(a.params);
});

test('Stop rejects with an AbortError and keeps every finished step', async () => {
  const net = new Denoiser({ T: 100, seed: 3 });
  const controller = new AbortController();
  const run = (async () => {
    for await (const s of trainDenoiser(
      net,
      data,
      schedule,
      { steps: 1000, batchSize: 16, seed: 5 },
      controller.signal,
    ))
      if (s.step === 12) controller.abort();
  })();
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  // Same as a 12-step run, with the cosine schedule of a 1000-step run.
  const reference = new Denoiser({ T: 100, seed: 3 });
  let k = 0;
  for await (const _ of trainDenoiser(reference, data, schedule, { steps: 1000, batchSize: 16, seed: 5 }))
    if (++k === 12) break;
  expect(net.params).toEqual(reference.params);
});

test('an infinite loss ends the run with a message naming the step', async () => {
  const huge = Float64Array.from(data, (v) => v * 1e200);
  const net = new Denoiser({ T: 100, seed: 1 });
  const run = async () => {
    for await (const _ of trainDenoiser(net, huge, schedule, { steps: 5, seed: 1 })) void _;
  };
  await expect(run()).rejects.toThrow(
    'training diverged at step 1: the loss is Infinity; try a lower learning rate',
  );
});

test('bad options name the argument', async () => {
  const net = new Denoiser({ T: 100, seed: 1 });
  const run = async (o: Partial<TrainOptions>, T = 100) => {
    for await (const _ of trainDenoiser(net, data, noiseSchedule(T, 'linear'), { seed: 1, ...o })) void _;
  };
  await expect(run({ steps: 0 })).rejects.toThrow('steps must be an integer in 1..1000000, got 0');
  await expect(run({ batchSize: 5000 })).rejects.toThrow('batchSize must be an integer in 1..4096, got 5000');
  await expect(run({ lr: 0 })).rejects.toThrow('lr must be in (0, 1], got 0');
  await expect(run({}, 50)).rejects.toThrow('schedule has 50 steps but the network was built for T = 100');
});
