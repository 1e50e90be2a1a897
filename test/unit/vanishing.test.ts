// Per-layer gradient norms of the vanishing-gradient network (CPU backend, float32) against a float64
// plain-JavaScript reference differentiated by central differences; the classic cases (deep sigmoid vanishes,
// ReLU + He + residual stays healthy, naive init explodes or vanishes); the activations with their
// derivatives; seeded reproducibility; input validation; no tensor leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { ACTIVATION_NAMES, ACTIVATIONS, activate, activationCurve } from '../../kernels/activations';
import { gradientReport, layerGradientNorms, type VanishingConfig } from '../../kernels/vanishing';
import { initialParameters, initStd, syntheticBatch } from '../../kernels/vanishing-net';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';
import { referenceGradientNorms } from './vanishing-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base: VanishingConfig = {
  depth: 20,
  width: 32,
  activation: 'sigmoid',
  init: 'xavier',
  residual: false,
  norm: 'none',
  seed: 1,
  batch: 64,
};
const first = (n: number[]) => n[0]!;
const last = (n: number[]) => n[n.length - 1]!;

describe('activations and their derivatives', () => {
  it('each df matches a central difference of its f (1e-6) on [-6, 6]', () => {
    for (const name of ACTIVATION_NAMES) {
      const { f, df } = ACTIVATIONS[name];
      for (let z = -6; z <= 6; z += 0.173) {
        const h = 1e-5;
        expect(Math.abs(df(z) - (f(z + h) - f(z - h)) / (2 * h)), `${name} at ${z}`).toBeLessThan(1e-6);
      }
    }
  });

  it('maxSlope is the largest |df| on a fine grid (1e-3), e.g. 1/4 for sigmoid', () => {
    for (const name of ACTIVATION_NAMES) {
      const { z, df } = activationCurve(name, -8, 8, 10_000);
      expect(z).toHaveLength(10_000);
      expect(Math.abs(Math.max(...df.map(Math.abs)) - ACTIVATIONS[name].maxSlope), name).toBeLessThan(1e-3);
    }
    expect(ACTIVATIONS.sigmoid.df(0)).toBe(0.25);
  });

  it('the tfjs version of each activation agrees with the plain one (2e-6)', async () => {
    const zs = Array.from({ length: 41 }, (_, i) => -5 + i * 0.25);
    for (const name of ACTIVATION_NAMES) {
      const out = tf.tidy(() => activate(name, tf.tensor1d(zs)));
      const got = await out.data();
      out.dispose();
      zs.forEach((z, i) => expect(Math.abs(got[i]! - ACTIVATIONS[name].f(z)), name).toBeLessThan(2e-6));
    }
  });

  it('rejects a bad curve request with the argument named', () => {
    expect(() => activationCurve('swish' as never)).toThrow(/activation must be one of/);
    expect(() => activationCurve('relu', 1, 0)).toThrow(/lo < hi/);
    expect(() => activationCurve('relu', -1, 1, 1)).toThrow(/points must be an integer from 2/);
  });
});

describe('initial weights and data', () => {
  it('draw each layer with the standard deviation its init names (within 5%)', () => {
    for (const init of ['naive', 'xavier', 'he'] as const) {
      const p = initialParameters({ ...base, depth: 4, width: 64, init });
      p.weights.forEach((w, l) => {
        if (w.length < 1000) return; // too few samples to estimate
        const std = Math.sqrt(w.reduce((a, v) => a + v * v, 0) / w.length);
        const want = initStd(init, p.dims[l]!, p.dims[l + 1]!);
        expect(Math.abs(std / want - 1), `${init} layer ${l}`).toBeLessThan(0.05);
      });
    }
    expect(initStd('naive', 64, 64)).toBe(1);
    expect(initStd('xavier', 64, 64)).toBeCloseTo(Math.sqrt(1 / 64), 12);
    expect(initStd('he', 64, 64)).toBeCloseTo(Math.sqrt(2 / 64), 12);
  });

  it('keep the data batch unchanged when depth or width change', () => {
    expect(syntheticBatch(3, 8)).toEqual(syntheticBatch(3, 8));
    expect(syntheticBatch(3, 8).x).not.toEqual(syntheticBatch(4, 8).x);
    const a = syntheticBatch(3, 16);
    expect(Array.from(a.t).every(Number.isFinite)).toBe(true);
  });
});

describe('layerGradientNorms against the float64 finite-difference reference', () => {
  const small = { ...base, depth: 4, width: 5, batch: 6, seed: 7 };
  const cases: Partial<VanishingConfig>[] = [
    { activation: 'sigmoid', init: 'xavier' },
    { activation: 'tanh', init: 'xavier', norm: 'layer' },
    { activation: 'relu', init: 'he', residual: true },
    { activation: 'gelu', init: 'xavier', residual: true, norm: 'layer' },
    { activation: 'relu', init: 'naive', norm: 'batch' },
    { activation: 'sigmoid', init: 'he', residual: true, norm: 'batch' },
    { activation: 'gelu', init: 'he', depth: 1 },
    { activation: 'tanh', init: 'he', depth: 2, residual: true },
  ];
  for (const c of cases) {
    const cfg = { ...small, ...c };
    it(`${JSON.stringify(c)}: every layer within 1e-4 relative`, async () => {
      const got = await layerGradientNorms(cfg);
      const want = referenceGradientNorms(cfg);
      expect(got).toHaveLength(cfg.depth);
      got.forEach((g, l) => expect(Math.abs(g - want[l]!) / want[l]!, `layer ${l}`).toBeLessThan(1e-4));
    });
  }
});

describe('the classic cases (depth 20, width 32, batch 64)', () => {
  it('sigmoid + Xavier vanishes: the first layer is below 1e-3 of the last, for three seeds', async () => {
    for (const seed of [1, 2, 3]) {
      const n = await layerGradientNorms({ ...base, seed });
      expect(first(n) / last(n), `seed ${seed}`).toBeLessThan(1e-3);
    }
  });

  it('ReLU + He + residual stays healthy: the first layer within 100× of the last, every layer too', async () => {
    for (const seed of [1, 2, 3]) {
      const n = await layerGradientNorms({ ...base, activation: 'relu', init: 'he', residual: true, seed });
      const ratio = first(n) / last(n);
      expect(ratio, `seed ${seed}`).toBeGreaterThan(1e-2);
      expect(ratio, `seed ${seed}`).toBeLessThan(1e2);
      expect(Math.max(...n) / Math.min(...n), `seed ${seed}`).toBeLessThan(1e2);
    }
  });

  it('naive N(0, 1) init without normalization explodes or vanishes by orders of magnitude', async () => {
    const naive = { ...base, init: 'naive' as const };
    const healthy = await layerGradientNorms({ ...base, activation: 'relu', init: 'he', residual: true });
    // ReLU and GELU: every layer's gradient is astronomically larger than the healthy network's.
    for (const activation of ['relu', 'gelu'] as const) {
      const n = await layerGradientNorms({ ...naive, activation });
      expect(Math.min(...n) / Math.max(...healthy), activation).toBeGreaterThan(1e12);
    }
    // Sigmoid saturates: the gradient vanishes towards the first layer.
    const sig = await layerGradientNorms({ ...naive, activation: 'sigmoid' });
    expect(first(sig) / last(sig)).toBeLessThan(1e-3);
    // Tanh saturates, but each backward step multiplies by a large W: it grows towards the first layer.
    const tanh = await layerGradientNorms({ ...naive, activation: 'tanh' });
    expect(first(tanh) / last(tanh)).toBeGreaterThan(1e3);
  });

  it('batch norm tames the same naive ReLU network: every layer within 1e3', async () => {
    const n = await layerGradientNorms({ ...base, activation: 'relu', init: 'naive', norm: 'batch' });
    expect(Math.max(...n)).toBeLessThan(1e3);
    expect(Math.min(...n)).toBeGreaterThan(1e-1);
  });

  it('at depth 64 a sigmoid gradient falls below 1e-30 yet stays a number, and naive ReLU overflows', async () => {
    const sig = await layerGradientNorms({ ...base, depth: 64 });
    expect(first(sig)).toBeLessThan(1e-30);
    expect(sig.every(Number.isFinite)).toBe(true);
    const report = await gradientReport({ ...base, depth: 64, activation: 'relu', init: 'naive' });
    expect(Number.isFinite(report.loss)).toBe(false);
  });
});

describe('gradientReport', () => {
  it('reports the forward signal: naive ReLU activations grow ~√(width/2) per layer, He keeps them O(1)', async () => {
    const naive = await gradientReport({ ...base, depth: 8, activation: 'relu', init: 'naive' });
    const he = await gradientReport({ ...base, depth: 8, activation: 'relu', init: 'he' });
    expect(naive.activationRms).toHaveLength(7);
    const growth = (naive.activationRms[6]! / naive.activationRms[1]!) ** (1 / 5);
    expect(growth).toBeGreaterThan(Math.sqrt(16) * 0.7);
    expect(growth).toBeLessThan(Math.sqrt(16) * 1.3);
    expect(Math.max(...he.activationRms)).toBeLessThan(3);
    expect(he.loss).toBeGreaterThan(0);
  });
});

describe('reproducibility, validation, leaks', () => {
  it('the same config and seed give exactly the same norms; another seed gives others', async () => {
    const cfg = { ...base, depth: 8, activation: 'gelu' as const, norm: 'batch' as const };
    expect(await layerGradientNorms(cfg)).toEqual(await layerGradientNorms(cfg));
    expect(await layerGradientNorms(cfg)).not.toEqual(await layerGradientNorms({ ...cfg, seed: 2 }));
  });

  it('rejects bad configs with the field and its range named', async () => {
    const bad: [Partial<VanishingConfig>, RegExp][] = [
      [{ depth: 0 }, /depth must be an integer from 1 to 64, got 0/],
      [{ depth: 65 }, /depth must be an integer from 1 to 64/],
      [{ depth: 2.5 }, /depth must be an integer/],
      [{ width: 1 }, /width must be an integer from 2 to 128/],
      [{ width: 129 }, /width must be an integer from 2 to 128/],
      [{ batch: 1 }, /batch must be an integer from 2 to 256/],
      [{ activation: 'swish' as never }, /activation must be one of sigmoid, tanh, relu, gelu/],
      [{ init: 'orthogonal' as never }, /init must be one of naive, xavier, he/],
      [{ norm: 'group' as never }, /norm must be one of none, batch, layer/],
      [{ residual: 'yes' as never }, /residual must be true or false/],
      [{ seed: NaN }, /seed must be an integer/],
    ];
    for (const [patch, message] of bad) {
      await expect(layerGradientNorms({ ...base, ...patch })).rejects.toThrow(message);
    }
  });

  it('leaves no tensors behind, including when the forward pass overflows', async () => {
    await expectNoTensorLeak(tf, () =>
      layerGradientNorms({ ...base, depth: 6, norm: 'layer', residual: true }),
    );
    await expectNoTensorLeak(tf, () =>
      gradientReport({ ...base, depth: 64, activation: 'relu', init: 'naive' }),
    );
    await expectNoTensorLeak(tf, () => gradientReport({ ...base, depth: 1 }));
  });
});
