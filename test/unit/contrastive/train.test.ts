// The contrastive cell's data, networks and training (kernels/contrastive-{data,net,train}.ts): augmentations
// against their closed forms, the MLP's and cross-entropy's gradients against finite differences, and the
// training itself: seeded runs repeat exactly, NT-Xent lifts the linear probe far above the untrained encoder,
// alignment alone collapses the embedding, SimSiam's predictor with stop-gradient does not.
import { describe, expect, it } from 'vitest';
import { augment, makeClassPoints } from '../../../kernels/contrastive-data';
import { Mlp, linearProbe, softmaxCrossEntropy } from '../../../kernels/contrastive-net';
import {
  ContrastiveTrainer,
  DEFAULT_CONTRASTIVE,
  DEFAULT_STEPS,
  type Objective,
} from '../../../kernels/contrastive-train';
import { createRng } from '../../../src/runtime/rng';

const NONE = { jitter: 0, rotation: 0, scale: 0, mask: 0 };

describe('data and augmentations', () => {
  it('labels cycle through the classes; rings sit at radius 3(c + 1)/K', () => {
    const { x, y } = makeClassPoints('rings', 300, 3, 1);
    expect(Array.from(y.slice(0, 6))).toEqual([0, 1, 2, 0, 1, 2]);
    for (let i = 0; i < 300; i++)
      expect(Math.abs(Math.hypot(x[2 * i]!, x[2 * i + 1]!) - (y[i]! + 1))).toBeLessThan(0.7);
  });
  it('no augmentation is the identity; rotation alone keeps the norm; mask 1 zeroes one coordinate', () => {
    const { x } = makeClassPoints('blobs', 40, 4, 2);
    const idx = Int32Array.from({ length: 40 }, (_, i) => i);
    const out = new Float64Array(80);
    augment(x, idx, NONE, createRng(1), out);
    expect(out).toEqual(x);
    augment(x, idx, { ...NONE, rotation: 180 }, createRng(1), out);
    for (let i = 0; i < 40; i++)
      expect(Math.hypot(out[2 * i]!, out[2 * i + 1]!)).toBeCloseTo(Math.hypot(x[2 * i]!, x[2 * i + 1]!), 12);
    augment(x, idx, { ...NONE, mask: 1 }, createRng(1), out);
    for (let i = 0; i < 40; i++) expect(out[2 * i] === 0 || out[2 * i + 1] === 0).toBe(true);
  });
  it('names a bad strength', () => {
    expect(() => new ContrastiveTrainer({ ...DEFAULT_CONTRASTIVE, jitter: 3 })).toThrow(
      'jitter must be in [0, 2], got 3',
    );
    expect(() => new ContrastiveTrainer({ ...DEFAULT_CONTRASTIVE, temperature: 0 })).toThrow(
      'temperature must be in (0, 10], got 0',
    );
  });
});

describe('networks', () => {
  it('Mlp.backward and softmaxCrossEntropy agree with finite differences (1e-6)', () => {
    const net = new Mlp([2, 5, 3], 7);
    const rng = createRng(3);
    const x = Float64Array.from({ length: 8 }, () => rng.normal());
    const labels = [0, 2, 1, 2];
    const f = () => softmaxCrossEntropy(net.forward(x, 4), labels, 4, 3, new Float64Array(12));
    const g = new Float64Array(12);
    softmaxCrossEntropy(net.forward(x, 4), labels, 4, 3, g);
    net.grads.fill(0);
    const dx = net.backward(g, 4);
    for (let k = 0; k < net.params.length; k++) {
      const v = net.params[k]!;
      net.params[k] = v + 1e-6;
      const up = f();
      net.params[k] = v - 1e-6;
      const down = f();
      net.params[k] = v;
      expect(Math.abs(net.grads[k]! - (up - down) / 2e-6)).toBeLessThan(1e-6);
    }
    for (let k = 0; k < 8; k++) {
      const v = x[k]!;
      x[k] = v + 1e-6;
      const up = f();
      x[k] = v - 1e-6;
      const down = f();
      x[k] = v;
      expect(Math.abs(dx[k]! - (up - down) / 2e-6)).toBeLessThan(1e-6);
    }
  });
  it('the linear probe separates separable features and is at chance on identical ones', () => {
    const n = 40;
    const y = Int32Array.from({ length: n }, (_, i) => i % 2);
    const sep = Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? (y[k >> 1] ? 1 : -1) : 0.3));
    expect(linearProbe({ x: sep, y, n }, { x: sep, y, n }, 2, 2).testAccuracy).toBe(1);
    const same = new Float64Array(2 * n).fill(0.5);
    expect(linearProbe({ x: same, y, n }, { x: same, y, n }, 2, 2).testAccuracy).toBe(0.5);
  });
});

describe('training', () => {
  const run = (objective: Objective, steps = DEFAULT_STEPS) => {
    const t = new ContrastiveTrainer({ ...DEFAULT_CONTRASTIVE, objective });
    const before = t.evaluate();
    const losses = Array.from({ length: steps }, () => t.step());
    return { t, before, after: t.evaluate(), losses };
  };
  it('NT-Xent: the probe rises far above the untrained encoder and near the supervised baseline; repeats exactly', () => {
    const a = run('ntxent');
    expect(a.after.probe.testAccuracy).toBeGreaterThan(0.95);
    expect(a.after.probe.testAccuracy - a.before.probe.testAccuracy).toBeGreaterThan(0.15);
    expect(a.after.supervised).toBeGreaterThan(0.95);
    expect(a.after.uniformity).toBeLessThan(a.before.uniformity - 0.5);
    expect(run('ntxent').losses).toEqual(a.losses);
  });
  it('alignment alone collapses (uniformity → 0, probe near chance); SimSiam with stop-gradient does not', () => {
    const col = run('align');
    expect(col.after.alignment).toBeLessThan(1e-3);
    expect(col.after.uniformity).toBeGreaterThan(-0.01);
    expect(col.after.probe.testAccuracy).toBeLessThan(0.6);
    const sim = run('simsiam');
    expect(sim.after.uniformity).toBeLessThan(-0.5);
    expect(sim.after.probe.testAccuracy).toBeGreaterThan(0.9);
  });
  it('a lower temperature puts more of the gradient on the hardest negative; weights sum to 1', () => {
    const { t } = run('ntxent', 100);
    const hot = t.negativeWeights(1);
    const cold = t.negativeWeights(0.05);
    expect(hot.weight.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    // The share of the gradient on the hardest tenth of the negatives (the highest cosines, at the end).
    const top = (w: number[]) => w.slice(-Math.round(w.length / 10)).reduce((a, b) => a + b);
    expect(top(cold.weight)).toBeGreaterThan(top(hot.weight) + 0.2);
    expect(hot.cos).toEqual([...hot.cos].sort((a, b) => a - b));
  });
});
