// Side-by-side training of two vanishing-gradient configurations (CPU backend): its first step's gradient
// norms are layerGradientNorms', its loss against the float64 reference, clipping against an equivalent
// unclipped learning rate, divergence ending one run with a message, exact seeded reproducibility, abort and
// no tensor leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import {
  layerGradientNorms,
  trainSideBySide,
  type SideBySideOptions,
  type SideBySideSnapshot,
  type VanishingConfig,
} from '../../kernels/vanishing';
import { INPUT_DIM, initialParameters, syntheticBatch } from '../../kernels/vanishing-net';
import { isAbortError } from '../../src/runtime/abort';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';
import { referenceLoss } from './vanishing-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const sigmoid: VanishingConfig = {
  depth: 10,
  width: 16,
  activation: 'sigmoid',
  init: 'xavier',
  residual: false,
  norm: 'none',
  seed: 1,
  batch: 32,
};
const healthy: VanishingConfig = { ...sigmoid, activation: 'relu', init: 'he', residual: true };
const naive: VanishingConfig = { ...sigmoid, activation: 'relu', init: 'naive' };

async function collect(
  configs: [VanishingConfig, VanishingConfig],
  options: SideBySideOptions,
): Promise<SideBySideSnapshot[]> {
  const out: SideBySideSnapshot[] = [];
  for await (const s of trainSideBySide(configs, options)) out.push(s);
  return out;
}

describe('trainSideBySide', () => {
  it("starts from layerGradientNorms' numbers exactly and from the float64 reference loss (1e-5)", async () => {
    const [s] = await collect([sigmoid, healthy], { steps: 1, lr: 0.02, clip: null });
    expect(s!.step).toBe(1);
    expect(s!.runs[0].gradNorms).toEqual(await layerGradientNorms(sigmoid));
    expect(s!.runs[1].gradNorms).toEqual(await layerGradientNorms(healthy));
    for (const [k, cfg] of [sigmoid, healthy].entries()) {
      const { x, t } = syntheticBatch(cfg.seed, cfg.batch);
      const rows = Array.from({ length: cfg.batch }, (_, i) =>
        Array.from(x.subarray(i * INPUT_DIM, (i + 1) * INPUT_DIM)),
      );
      const weights = initialParameters(cfg).weights.map((w) => Float64Array.from(w));
      const want = referenceLoss(cfg, weights, rows, Array.from(t));
      expect(Math.abs(s!.runs[k]!.loss - want) / want).toBeLessThan(1e-5);
    }
  });

  it('the healthy network learns while the deep sigmoid one stalls (60 steps)', async () => {
    const snaps = await collect([sigmoid, healthy], { steps: 60, lr: 0.02, clip: null });
    const [start, end] = [snaps[0]!, snaps[snaps.length - 1]!];
    expect(end.runs[1].loss).toBeLessThan(0.5 * start.runs[1].loss);
    expect(end.runs[1].loss).toBeLessThan(0.5 * end.runs[0].loss);
    // The sigmoid net only fits its read-out (the mean): its loss barely moves ...
    expect(end.runs[0].loss).toBeGreaterThan(0.9 * start.runs[0].loss);
    // ... because its first layer's gradient stays 1e-4 of the healthy net's at every step.
    for (const s of snaps) expect(s.runs[0].gradNorms[0]! / s.runs[1].gradNorms[0]!).toBeLessThan(1e-4);
    expect(snaps.every((s) => s.runs.every((r) => r.diverged === null))).toBe(true);
  });

  it('clipping the global norm to c equals an unclipped step at lr·c/‖g‖ (1e-4), and is reported', async () => {
    const lr = 0.05;
    const clip = 0.5;
    const clipped = await collect([healthy, sigmoid], { steps: 2, lr, clip });
    const g = clipped[0]!.runs[0].globalNorm;
    expect(g).toBeGreaterThan(clip);
    expect(clipped[0]!.runs[0].clipped).toBe(true);
    const plain = await collect([healthy, sigmoid], { steps: 2, lr: (lr * clip) / g, clip: null });
    const [a, b] = [clipped[1]!.runs[0].loss, plain[1]!.runs[0].loss];
    expect(Math.abs(a - b) / b).toBeLessThan(1e-4);
    // A threshold above the norm changes nothing at all.
    const loose = await collect([healthy, sigmoid], { steps: 2, lr, clip: 1e9 });
    const none = await collect([healthy, sigmoid], { steps: 2, lr, clip: null });
    expect(loose[1]!.runs[0].loss).toBe(none[1]!.runs[0].loss);
    expect(loose[0]!.runs[0].clipped).toBe(false);
  });

  it('an exploding run ends with a message and keeps its last finite loss; the other run goes on', async () => {
    const snaps = await collect([naive, healthy], { steps: 40, lr: 0.02, clip: null });
    const end = snaps[snaps.length - 1]!;
    expect(end.step).toBe(40);
    expect(end.runs[0].diverged).toMatch(
      /^Configuration A diverged at step \d+: the (loss|gradient norm) became (NaN|Infinity|-Infinity)/,
    );
    expect(end.runs[0].diverged).toMatch(/gradient clipping/);
    expect(Number.isFinite(end.runs[0].loss)).toBe(true);
    expect(end.runs[0].gradNorms.every(Number.isFinite)).toBe(true);
    expect(end.runs[1].diverged).toBeNull();
    expect(end.runs[1].steps).toBe(40);
    // With clipping, the same naive network stays finite.
    const clipped = await collect([naive, naive], { steps: 10, lr: 0.02, clip: 1 });
    expect(clipped[9]!.runs.every((r) => r.diverged === null && r.clipped)).toBe(true);
  });

  it('stops once both runs have diverged', async () => {
    const snaps = await collect([naive, { ...naive, seed: 2 }], { steps: 500, lr: 0.05, clip: null });
    expect(snaps.length).toBeLessThan(500);
    expect(snaps[snaps.length - 1]!.runs.every((r) => r.diverged !== null)).toBe(true);
  });

  it('reproduces exactly with the same seeds, and differs with another', async () => {
    const opts = { steps: 5, lr: 0.02, clip: 1 };
    const a = await collect([sigmoid, { ...healthy, norm: 'batch' }], opts);
    const b = await collect([sigmoid, { ...healthy, norm: 'batch' }], opts);
    expect(a).toEqual(b);
    const c = await collect([sigmoid, { ...healthy, norm: 'batch', seed: 2 }], opts);
    expect(c[4]!.runs[1].loss).not.toBe(a[4]!.runs[1].loss);
  });

  it('rejects bad options and configs with the argument named', async () => {
    const bad: [Partial<SideBySideOptions>, RegExp][] = [
      [{ steps: 0 }, /steps must be an integer from 1 to 100000/],
      [{ lr: 0 }, /lr must be in \(0, 10\]/],
      [{ lr: NaN }, /lr must be in/],
      [{ clip: -1 }, /clip must be a positive number or null/],
    ];
    for (const [patch, message] of bad) {
      await expect(collect([sigmoid, healthy], { steps: 1, lr: 0.1, clip: null, ...patch })).rejects.toThrow(
        message,
      );
    }
    await expect(
      collect([sigmoid, { ...healthy, depth: 0 }], { steps: 1, lr: 0.1, clip: null }),
    ).rejects.toThrow(/depth must be an integer from 1 to 64/);
  });

  it('stops promptly on abort with an AbortError, and leaves no tensors after run, abort, break and rerun', async () => {
    await expectNoTensorLeak(tf, async () => {
      await collect([sigmoid, naive], { steps: 3, lr: 0.02, clip: null });
      const controller = new AbortController();
      let seen = 0;
      const err = await (async () => {
        for await (const s of trainSideBySide([sigmoid, healthy], {
          steps: 1000,
          lr: 0.02,
          clip: null,
          signal: controller.signal,
        })) {
          seen = s.step;
          if (s.step === 3) controller.abort();
        }
      })().catch((e: unknown) => e);
      expect(isAbortError(err)).toBe(true);
      expect(seen).toBe(3);
      for await (const s of trainSideBySide([healthy, healthy], { steps: 100, lr: 0.02, clip: null })) {
        if (s.step === 2) break;
      }
      await collect([sigmoid, healthy], { steps: 2, lr: 0.02, clip: 0.1 });
    });
    const aborted = new AbortController();
    aborted.abort();
    const gen = trainSideBySide([sigmoid, healthy], {
      steps: 5,
      lr: 0.02,
      clip: null,
      signal: aborted.signal,
    });
    await expect(gen.next()).rejects.toSatisfy(isAbortError);
  });
});
