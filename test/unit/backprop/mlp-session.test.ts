// The MLP trainer's session in Node: one step against a forward pass and loss written out independently
// (and its update against central differences of that loss), convergence at today's defaults, the live and
// rebuild settings, Stop, the decision boundary, and run cards that replay bit for bit.
import { describe, expect, it } from 'vitest';
import { L2, MlpSession, GRID, GRID_HI, GRID_LO } from '../../../src/demos/backprop/mlp-session';
import { BACKPROP_SETTINGS, mlpSettings, type MlpSettings } from '../../../src/demos/backprop/settings';
import { isAbortError } from '../../../src/runtime/abort';
import { makeRunCard } from '../../../src/ui/kit/run-card';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

const DEFAULTS = mlpSettings(new SettingsStore(BACKPROP_SETTINGS).values);

/**
 * The mean loss over the data plus L2 · Σp², from the flat parameters (layer by layer, neuron by neuron,
 * weights then bias), written out without the autograd core.
 */
function referenceLoss(s: MlpSession, params: Float64Array, kind: 'hinge' | 'logistic'): number {
  const widths = [2, ...s.sizes, 1];
  const act = s.config.act === 'tanh' ? Math.tanh : (u: number) => Math.max(0, u);
  let total = 0;
  s.data.xs.forEach((point, i) => {
    let a = point.slice();
    let k = 0;
    for (let l = 1; l < widths.length; l++) {
      const next: number[] = [];
      for (let j = 0; j < widths[l]!; j++) {
        let sum = 0;
        for (let q = 0; q < widths[l - 1]!; q++) sum += params[k++]! * a[q]!;
        sum += params[k++]!;
        next.push(l === widths.length - 1 ? sum : act(sum));
      }
      a = next;
    }
    const m = a[0]! * s.data.ys[i]!;
    total += kind === 'hinge' ? Math.max(0, 1 - m) : Math.log(1 + Math.exp(-m));
  });
  let sq = 0;
  for (const p of params) sq += p * p;
  return total / s.data.xs.length + L2 * sq;
}

describe('the MLP session', () => {
  it("one step's loss is the independent loss of the parameters before it; the update is −lr × its central differences", () => {
    const settings: MlpSettings = { ...DEFAULTS, sizes: '5, 3', loss: 'logistic', lr: 0.2 };
    const s = new MlpSession(settings);
    const before = s.mlp.getParameters();
    const r = s.step();
    expect(Math.abs(r.loss - referenceLoss(s, before, 'logistic'))).toBeLessThan(1e-12);
    const after = s.mlp.getParameters();
    const h = 1e-6;
    for (let i = 0; i < before.length; i++) {
      const plus = Float64Array.from(before);
      const minus = Float64Array.from(before);
      plus[i]! += h;
      minus[i]! -= h;
      const fd = (referenceLoss(s, plus, 'logistic') - referenceLoss(s, minus, 'logistic')) / (2 * h);
      expect(Math.abs((before[i]! - after[i]!) / 0.2 - fd)).toBeLessThan(1e-7);
    }
    expect(s.stepCount).toBe(1);
    expect(s.losses).toEqual([r.loss]);
  });

  it('the hinge loss it reports matches the independent hinge loss too', () => {
    const s = new MlpSession(DEFAULTS);
    s.step();
    const params = s.mlp.getParameters();
    const r = s.step();
    expect(Math.abs(r.loss - referenceLoss(s, params, 'hinge'))).toBeLessThan(1e-12);
  });

  it("learns the moons at today's defaults: 500 steps reach at least 95% accuracy (what Run showed)", async () => {
    const s = new MlpSession(DEFAULTS);
    await s.train(DEFAULTS.steps);
    const m = s.metrics();
    expect(m.steps).toBe(500);
    expect(m.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(m.loss).toBeLessThan(s.losses[0]! / 4);
    expect(m.parameters).toBe(16 * 3 + 16 * 17 + 17);
  });

  it('live settings (loss, learning rate, steps) keep the network; the others rebuild it', () => {
    const s = new MlpSession(DEFAULTS);
    s.step();
    expect(s.configure({ ...DEFAULTS, lr: 0.01, loss: 'logistic', steps: 20 })).toBe(false);
    expect(s.stepCount).toBe(1);
    expect(s.config.lr).toBe(0.01);
    const params = s.mlp.getParameters();
    const r = s.step();
    expect(Math.abs(r.loss - referenceLoss(s, params, 'logistic'))).toBeLessThan(1e-12);
    for (const change of [
      { seed: 2 },
      { noise: 0.2 },
      { data: 'xor' },
      { sizes: '4' },
      { act: 'relu' },
    ] as const) {
      const t = new MlpSession(DEFAULTS);
      t.step();
      expect(t.configure({ ...DEFAULTS, ...change })).toBe(true);
      expect(t.stepCount).toBe(0);
      expect(t.losses).toEqual([]);
    }
  });

  it('Stop ends train() with an AbortError and keeps the steps done', async () => {
    const s = new MlpSession(DEFAULTS);
    const controller = new AbortController();
    const err = await s
      .train(1000, {
        signal: controller.signal,
        onStep: (done) => done === 7 && controller.abort(),
        yieldFn: () => Promise.resolve(),
      })
      .catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    // It checks the signal after every step, so it stops right after the 7th.
    expect(s.stepCount).toBe(7);
    expect(s.losses).toHaveLength(7);
  });

  it('the decision boundary is tanh of the score on a 48 × 48 grid from −2 to 2.5, row by row', () => {
    const s = new MlpSession(DEFAULTS);
    for (let k = 0; k < 5; k++) s.step();
    const z = s.boundary();
    expect(z).toHaveLength(GRID);
    const at = (i: number) => GRID_LO + ((GRID_HI - GRID_LO) * i) / (GRID - 1);
    for (const [r, c] of [
      [0, 0],
      [0, 47],
      [20, 31],
      [47, 3],
    ] as const)
      expect(z[r]![c]!).toBeCloseTo(Math.tanh(s.mlp.predict(at(c), at(r))), 12);
    expect(s.boundary()).toBe(z); // cached until the next step
    s.step();
    expect(s.boundary()).not.toBe(z);
  });

  it('a bad layer text is refused by the session too (the table refuses it first)', () => {
    expect(() => new MlpSession({ ...DEFAULTS, sizes: '16, 100' })).toThrow('"100" is not');
  });
});

describe('run cards replay bit for bit', () => {
  async function runFrom(store: SettingsStore<typeof BACKPROP_SETTINGS>) {
    const s = new MlpSession(mlpSettings(store.values));
    await s.train(store.values.steps);
    return s.metrics();
  }

  it('a fresh session from the card’s settings gives identical metrics; another seed does not', async () => {
    const store = new SettingsStore(BACKPROP_SETTINGS);
    store.patch({ steps: 40, sizes: '8, 8', data: 'circles', lr: 0.1, seed: 5 });
    const metrics = await runFrom(store);
    const card = makeRunCard({
      question: 'backprop',
      outcome: 'done',
      settings: { ...store.values },
      backend: null,
      renderer: null,
      tfjsVersion: null,
      appVersion: 'test',
      userAgent: 'node',
      startedAt: new Date(0),
      durationMs: 1,
      metrics,
    });
    const replay = new SettingsStore(BACKPROP_SETTINGS);
    expect(replay.patch(card.settings, 'replay')).toEqual([]);
    const again = await runFrom(replay);
    expect(Object.keys(again)).toEqual(Object.keys(card.metrics));
    for (const [k, v] of Object.entries(card.metrics)) expect(again[k as keyof typeof again]).toBe(v);
    expect(again.steps).toBe(40);

    replay.set('seed', 6);
    const other = await runFrom(replay);
    expect(other.loss).not.toBe(metrics.loss);
  });
});

describe('drawing while training', () => {
  it('the boundary train() draws row by row is the exact boundary of the network when it began', async () => {
    const s = new MlpSession(DEFAULTS);
    const reference = new MlpSession(DEFAULTS);
    await s.train(1, { yieldFn: () => Promise.resolve() }); // begins a boundary after step 1
    reference.step();
    const atStep1 = reference.boundary();
    await s.train(GRID - 2, { yieldFn: () => Promise.resolve() }); // 48 rows in all: not complete yet
    expect(s.stepCount).toBe(GRID - 1);
    expect(s.latestBoundary()).toEqual(s.boundary()); // nothing drawn yet: the exact one
    await s.train(1, { yieldFn: () => Promise.resolve() });
    expect(s.latestBoundary()).toEqual(atStep1);
    expect(s.latestBoundary()).not.toEqual(s.boundary());
  });

  it('thins long curves to every k-th step and the last, keeping short ones whole', () => {
    const s = new MlpSession({ ...DEFAULTS, sizes: '2' });
    for (let k = 0; k < 25; k++) s.step();
    expect(s.curves(100)).toEqual({
      steps: Array.from({ length: 25 }, (_, i) => i + 1),
      loss: s.losses,
      accuracy: s.accuracies,
    });
    const thin = s.curves(10);
    expect(thin.steps).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25]);
    expect(thin.loss).toEqual(thin.steps.map((k) => s.losses[k - 1]));
    expect(new MlpSession(DEFAULTS).curves(10)).toEqual({ steps: [], loss: [], accuracy: [] });
  });
});
