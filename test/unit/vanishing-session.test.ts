// The vanishing-gradient cell's session in Node (tfjs CPU backend): the settings reach the kernels as they
// should — each configuration's gradient norms at init against central finite differences of the float64
// reference (test/unit/vanishing-reference.ts, 1e-3 relative: float32 against float64), its first training
// loss against the reference loss (1e-5), clipping against the equivalent unclipped learning rate
// lr·c/‖g‖ (1e-5), an exploding configuration ending diverged while the other goes on, stopping, and the
// metrics of a run.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_DIM, initialParameters, syntheticBatch } from '../../kernels/vanishing-net';
import { defaults } from '../../src/ui/kit/settings';
import { VanishingSession } from '../../src/demos/vanishing/vanishing-session';
import {
  VANISHING_SETTINGS,
  configsOf,
  presetPatch,
  type VanishingValues,
} from '../../src/demos/vanishing/settings';
import { referenceGradientNorms, referenceLoss } from './vanishing-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Small networks so the finite differences stay quick: A tanh/Xavier depth 4, B ReLU/He residual depth 5. */
const SMALL: VanishingValues = {
  ...defaults(VANISHING_SETTINGS),
  'a.depth': 4,
  'a.width': 8,
  'a.activation': 'tanh',
  'b.depth': 5,
  'b.width': 6,
  'b.norm': 'layer',
  batch: 8,
  seed: 5,
  steps: 10,
};

const session = () =>
  new VanishingSession(
    () => tf.ready(),
    () => undefined,
  );
const never = () => new AbortController().signal;

describe('the vanishing-gradient session', () => {
  it("computes each configuration's per-layer gradient norms at init as the float64 reference does", async () => {
    const s = session();
    await s.refresh(SMALL);
    configsOf(SMALL).forEach((cfg, k) => {
      const got = s.reports.reports[k]!.norms;
      const want = referenceGradientNorms(cfg);
      expect(got).toHaveLength(cfg.depth);
      got.forEach((g, l) => expect(Math.abs(g - want[l]!) / want[l]!, `${k} layer ${l}`).toBeLessThan(1e-3));
    });
  });

  it("calls today's defaults vanishing (A, deep sigmoid) and healthy (B)", async () => {
    const s = session();
    expect(s.verdicts()).toEqual([null, null]);
    await s.refresh(defaults(VANISHING_SETTINGS));
    expect(s.verdicts().map((v) => v?.kind)).toEqual(['vanishing', 'healthy']);
  });

  it('trains for the set steps from the reference loss, and reports the metrics of the run', async () => {
    const s = session();
    const steps: number[] = [];
    await s.train(SMALL, never(), (step) => steps.push(step));
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const [k, cfg] of configsOf(SMALL).entries()) {
      const { x, t } = syntheticBatch(cfg.seed, cfg.batch);
      const rows = Array.from({ length: cfg.batch }, (_, i) =>
        Array.from(x.subarray(i * INPUT_DIM, (i + 1) * INPUT_DIM)),
      );
      const weights = initialParameters(cfg).weights.map((w) => Float64Array.from(w));
      const want = referenceLoss(cfg, weights, rows, Array.from(t));
      expect(Math.abs(s.training.series[k]!.losses[0]! - want) / want).toBeLessThan(1e-5);
    }
    const [a, b] = s.training.series.map((r) => r.state!);
    // Losses and steps first: the run card's one-line summary shows the first four.
    expect(Object.keys(s.metrics()).slice(0, 4)).toEqual(['a.loss', 'b.loss', 'a.steps', 'b.steps']);
    expect(s.metrics()).toEqual({
      'a.verdict': s.verdicts()[0]!.kind,
      'a.steps': 10,
      'a.loss': a.loss,
      'a.firstLayerGradNorm': a.gradNorms[0],
      'a.clipped': false,
      'a.diverged': false,
      'b.verdict': s.verdicts()[1]!.kind,
      'b.steps': 10,
      'b.loss': b.loss,
      'b.firstLayerGradNorm': b.gradNorms[0],
      'b.clipped': false,
      'b.diverged': false,
    });
  });

  it('clips to the threshold: the same second loss as the unclipped step at lr·c/‖g‖', async () => {
    const clipped = session();
    const c = 0.05;
    let norms: number[] = [];
    await clipped.train({ ...SMALL, clipOn: true, clip: c }, never(), (step) => {
      if (step === 1) norms = clipped.training.series.map((r) => r.state!.globalNorm);
    });
    expect(norms.every((n) => n > c)).toBe(true); // the threshold bites on the first step
    expect(clipped.metrics()['a.clipped']).toBe(true);
    for (const k of [0, 1]) {
      const plain = session();
      await plain.train({ ...SMALL, lr: (SMALL.lr * c) / norms[k]! }, never(), () => undefined);
      const [got, want] = [clipped.training.series[k]!.losses[1]!, plain.training.series[k]!.losses[1]!];
      expect(Math.abs(got - want) / want, `configuration ${k}`).toBeLessThan(1e-5);
    }
  });

  it('ends an exploding configuration with a message while the other trains on; stops on abort', async () => {
    const s = session();
    const values: VanishingValues = {
      ...defaults(VANISHING_SETTINGS),
      ...presetPatch('a', 'naive'),
      steps: 20,
    };
    await s.train(values, never(), () => undefined);
    const m = s.metrics();
    expect(m['a.diverged']).toBe(true);
    expect(s.training.series[0]!.state!.diverged).toMatch(/^Configuration A diverged at step \d+/);
    expect(m['b.diverged']).toBe(false);
    expect(m['b.steps']).toBe(20);
    expect(s.training.series[0]!.losses.every(Number.isFinite)).toBe(true);

    const c = new AbortController();
    const stopped = s.train(SMALL, c.signal, (step) => step === 3 && c.abort());
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.training.series[0]!.steps).toEqual([1, 2, 3]); // the curve so far stays
  });
});
