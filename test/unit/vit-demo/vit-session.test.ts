// The Vision Transformer cell's session in Node (WASM backend), with the worker's job run inline: the patch
// tokens of the shown image, the sinusoidal similarity map, a small run of both models (curves, evaluations,
// metrics, no tensor left), the size sweep, Stop, rebuild, the settings table and the image-file checks.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { patchify } from '../../../kernels/vit';
import { SettingsStore } from '../../../src/ui/kit/settings-store';
import { checkImageFile, MAX_FILE_BYTES } from '../../../src/demos/vit/image-file';
import { similarityMosaic } from '../../../src/demos/vit/image-view';
import { VitSession, type RunLike, type TrainerPort } from '../../../src/demos/vit/session';
import { VIT_SETTINGS } from '../../../src/demos/vit/settings';
import { runTrainingJob } from '../../../src/demos/vit/train-job';

// WASM, as in a page without a GPU (the CPU backend's convolutions make this file minutes long).
createRequire(import.meta.url)('@tensorflow/tfjs-backend-wasm');
setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

const leaks: number[] = [];
const inline: TrainerPort = {
  train: async (args, signal, onProgress) => {
    const result = await runTrainingJob(args, { signal, progress: onProgress }, tf.getBackend());
    leaks.push(result.leaked);
    return result;
  },
};

function handle(signal = new AbortController().signal): RunLike & { draws: number; labels: string[] } {
  const h = {
    signal,
    draws: 0,
    labels: [] as string[],
    draw: () => void h.draws++,
    progress: (_f: number | null, l?: string) => void h.labels.push(l ?? ''),
  };
  return h;
}

function session(query = 'steps=20&trainSize=64&compareSteps=10') {
  const store = new SettingsStore(VIT_SETTINGS);
  store.applyQuery(query);
  return new VitSession(store, inline, { testSize: 32 });
}

describe('VitSession', () => {
  it('shows the shown image as patchify’s tokens and follows the patch size', () => {
    const s = session();
    expect(s.tokens()).toEqual(patchify(s.image(), 4));
    expect(s.tokens().length).toBe(16);
    s.store.set('patch', '2');
    expect(s.tokens().length).toBe(64);
    expect(s.sinusoidalSimilarity().length).toBe(64);
    s.store.set('sample', 3);
    expect(s.tokens()).toEqual(patchify(s.image(), 2));
  });

  it('lays the similarity out as a grid of grids', () => {
    const sim = [
      [1, 0.5, 0.2, 0.1],
      [0.5, 1, 0.3, 0.2],
      [0.2, 0.3, 1, 0.4],
      [0.1, 0.2, 0.4, 1],
    ];
    // grid 2: block (0,1) is position 1's map: rows [1, 0.5... ] as a 2×2 → [[0.5, 1], [0.3, 0.2]]
    expect(similarityMosaic(sim, 2)).toEqual([
      [1, 0.5, 0.5, 1],
      [0.2, 0.1, 0.3, 0.2],
      [0.2, 0.3, 0.1, 0.2],
      [1, 0.4, 0.4, 1],
    ]);
  });

  it('trains the ViT then the CNN: curves, evaluations, metrics, and no tensor left', async () => {
    const s = session();
    leaks.length = 0;
    const h = handle();
    await s.train(h);
    expect(s.curves.vit.steps).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(s.curves.cnn.steps.length).toBe(20);
    expect(s.curves.vit.evalSteps).toEqual([20]);
    expect(s.curves.vit.losses.every(Number.isFinite)).toBe(true);
    const ev = s.evaluations.vit!;
    expect(ev.attention.length).toBe(4);
    expect(ev.attention[0]!.rollout.length).toBe(4);
    expect(ev.positionSimilarity!.length).toBe(16);
    expect(s.evaluations.cnn!.positionSimilarity).toBeNull();
    expect(s.probeImages().length).toBe(4);
    const m = s.metrics();
    expect(m.vitTestAccuracy).toBe(s.curves.vit.accuracy[0]);
    expect(m.cnnParameters).toBeGreaterThan(0);
    expect(m.backend).toBe('wasm');
    expect(h.draws).toBeGreaterThan(2);
    expect(leaks).toEqual([0, 0]);
    expect(m.tensorsLeft).toBe(0);
    s.rebuild();
    expect(s.curves.vit.steps).toEqual([]);
  });

  it('a seed change changes the run; the same settings reproduce it', async () => {
    const a = session();
    const b = session();
    const c = session('steps=20&trainSize=64&seed=9&withCnn=false');
    await a.train(handle());
    await b.train(handle());
    await c.train(handle());
    expect(a.curves.vit.losses).toEqual(b.curves.vit.losses);
    expect(c.curves.vit.losses).not.toEqual(a.curves.vit.losses);
    expect(c.curves.cnn.steps).toEqual([]);
  });

  it('stops on abort with the model disposed', async () => {
    const s = session('steps=500&trainSize=64');
    const controller = new AbortController();
    leaks.length = 0;
    const before = tf.memory().numTensors;
    const h = handle(controller.signal);
    h.draw = () => {
      if (s.curves.vit.steps.length >= 1) controller.abort();
    };
    await expect(s.train(h)).rejects.toThrow('stopped');
    expect(s.curves.vit.steps.length).toBeLessThan(500);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('sweeps both models over the training-set sizes', async () => {
    const s = session();
    await s.compare(handle());
    expect(s.comparison.map((c) => `${c.model}@${c.size}`)).toEqual([
      'vit@256',
      'cnn@256',
      'vit@1024',
      'cnn@1024',
      'vit@4096',
      'cnn@4096',
    ]);
    for (const c of s.comparison) expect(c.accuracy).toBeGreaterThanOrEqual(0);
    expect(s.metrics()['cnn@4096']).toBe(s.comparison[5]!.accuracy);
  }, 60_000);
});

describe('checkImageFile', () => {
  it('accepts images and names the problem otherwise', () => {
    expect(checkImageFile({ name: 'a.png', type: 'image/png', size: 1000 })).toBeNull();
    expect(checkImageFile({ name: 'a.txt', type: 'text/plain', size: 10 })).toBe(
      '“a.txt” is not an image (its type is text/plain); choose a PNG, JPEG, GIF or WebP file.',
    );
    expect(checkImageFile({ name: 'big.jpg', type: 'image/jpeg', size: MAX_FILE_BYTES + 1 })).toBe(
      '“big.jpg” is 20.0 MB; the limit is 20 MB.',
    );
    expect(checkImageFile({ name: 'e.png', type: 'image/png', size: 0 })).toBe('“e.png” is empty.');
  });
});
