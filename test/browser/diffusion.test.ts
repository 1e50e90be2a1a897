// In real headless Chromium: the tfjs training path on WebGL agrees with the typed-array path and leaks
// nothing; the worker trains exactly as the inline path does (same code, same float64 numbers) and stops
// on request keeping its weights; the point canvas draws.
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import {
  BatchSampler,
  Denoiser,
  energyDistance,
  lossAndGradients,
  makeToyData,
  noiseSchedule,
  trainDenoiser,
  type SampleFrame,
} from '../../kernels/diffusion/index';
import { TfDenoiser, trainDenoiserTf } from '../../kernels/diffusion/tf-trainer';
import '../../src/demos/diffusion/point-canvas';
import { diffusionWorker } from '../../src/demos/diffusion/worker-client';
import { ComputeRuntime } from '../../src/runtime/compute';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';

const schedule = noiseSchedule(1000, 'linear');
const data = makeToyData('swissroll', 500, 3);

describe('the tfjs path on WebGL', () => {
  it('gives the typed-array loss (rel 1e-4) and gradients (1e-3·max|g|) on the same batch', async () => {
    const tf = await new ComputeRuntime('webgl').ensure();
    expect(tf.getBackend()).toBe('webgl');
    const net = new Denoiser({ T: 1000, seed: 2 });
    const batch = new BatchSampler(data, schedule, 64, 5);
    batch.next();
    await expectNoTensorLeak(tf, async () => {
      const model = new TfDenoiser(tf, net);
      try {
        const got = await model.lossAndGradients(batch);
        const loss = lossAndGradients(net, batch);
        expect(Math.abs(got.loss / loss - 1)).toBeLessThan(1e-4);
        const scale = Math.max(...net.grads.map(Math.abs));
        got.grads.forEach((g, i) => expect(Math.abs(g - net.grads[i])).toBeLessThan(1e-3 * scale));
      } finally {
        model.dispose();
      }
    });
  });

  it('trains 30 steps with the typed-array losses (rel 1e-3), leaving no tensor behind', async () => {
    const tf = await new ComputeRuntime('webgl').ensure();
    expect(tf.getBackend()).toBe('webgl');
    const options = { steps: 30, batchSize: 64, seed: 4 };
    const typed: number[] = [];
    for await (const s of trainDenoiser(new Denoiser({ T: 1000, seed: 2 }), data, schedule, options))
      typed.push(s.loss);
    const viaTf: number[] = [];
    await expectNoTensorLeak(tf, async () => {
      for await (const s of trainDenoiserTf(tf, new Denoiser({ T: 1000, seed: 2 }), data, schedule, options))
        viaTf.push(s.loss);
    });
    viaTf.forEach((l, i) => expect(Math.abs(l / typed[i] - 1)).toBeLessThan(1e-3));
  });
});

describe('the worker', () => {
  it('trains exactly as the inline path does, and samples', async () => {
    const client = diffusionWorker()!;
    expect(client).not.toBeNull();
    try {
      const inline = new Denoiser({ T: 1000, seed: 6 });
      const options = { steps: 120, lr: 3e-3, batchSize: 32, seed: 9 };
      const losses: number[] = [];
      for await (const s of trainDenoiser(inline, data, schedule, options)) losses.push(s.loss);
      const remote = new Denoiser({ T: 1000, seed: 6 });
      const reported: number[] = [];
      const request = {
        config: { ...remote.config },
        params: remote.params.slice(),
        data,
        schedule: 'linear' as const,
        options,
      };
      await client.run('train', request, {
        onProgress: (r) => {
          reported.push(...r.losses);
          remote.params.set(r.params);
        },
      });
      expect(reported).toEqual(losses);
      expect(remote.params).toEqual(inline.params);

      const frames: SampleFrame[] = [];
      const sampling = { n: 50, method: 'ddim' as const, steps: 20, seed: 1 };
      const request2 = {
        config: { ...remote.config },
        params: remote.params.slice(),
        schedule: 'linear' as const,
        options: sampling,
        heldOut: data,
      };
      const result = await client.run('sample', request2, { onProgress: (batch) => frames.push(...batch) });
      expect(client.workersStarted).toBe(1); // one worker served both jobs
      expect(frames.at(-1)).toMatchObject({ t: 0, step: 20 });
      expect(frames.at(-1)!.x.every(Number.isFinite)).toBe(true);
      // The worker measured the samples against the held-out points as the page would.
      expect(result.distance).toBe(energyDistance(frames.at(-1)!.x, data));
    } finally {
      client.terminate();
    }
  });

  it('stops on request, reporting the weights it reached, and rejects with an AbortError', async () => {
    const client = diffusionWorker()!;
    try {
      const net = new Denoiser({ T: 1000, seed: 6 });
      const before = net.params.slice();
      const controller = new AbortController();
      let steps = 0;
      const request = {
        config: { ...net.config },
        params: net.params.slice(),
        data,
        schedule: 'linear' as const,
        options: { steps: 100_000, lr: 3e-3, batchSize: 32, seed: 1 },
      };
      const run = client.run('train', request, {
        signal: controller.signal,
        onProgress: (r) => {
          steps += r.losses.length;
          net.params.set(r.params);
          if (steps > 0) controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(steps).toBeGreaterThan(0);
      expect(steps).toBeLessThan(100_000);
      expect(net.params).not.toEqual(before);
    } finally {
      client.terminate();
    }
  });
});

it('the point canvas draws its layers', async () => {
  const el = document.createElement('viva-point-canvas');
  el.layers = [
    { kind: 'points', points: Float64Array.from([0, 0, 1, 1]), color: '#f00', size: 3, name: 'p' },
    { kind: 'arrows', segments: Float64Array.from([0, 0, 1, 0]), color: '#00f', name: 'a' },
  ];
  el.style.width = '300px';
  document.body.append(el);
  const deadline = performance.now() + 5000;
  while (el.drawCount === 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(el.drawCount).toBeGreaterThan(0);
  expect(el.shadowRoot!.querySelectorAll('.legend .swatch')).toHaveLength(2);
  el.remove();
});
