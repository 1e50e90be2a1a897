// The tabular data set and MLP of question 16 (kernels/interpret-tabular.ts, interpret-explain.ts): the true
// attributions equal exact Shapley values of the true function, the MLP's input gradient matches central
// differences, a short seeded training run fits held-out data, and the explanation's completeness gaps and
// scores are what the kernels promise.
import { describe, expect, it } from 'vitest';
import { kernelShap } from '../../../kernels/interpret-shap';
import { explainGlobal, explainPoint } from '../../../kernels/interpret-explain';
import {
  TabularMlp,
  TabularTrainer,
  makeTabularData,
  rSquared,
  trueAttribution,
  trueFunction,
} from '../../../kernels/interpret-tabular';

describe('the tabular data set', () => {
  it('trueAttribution is the exact Shapley value of the true function over a zero-mean background', () => {
    // Rows b and −b: every feature's background mean is exactly 0; m₄₅ = mean of b₄b₅ shifts the
    // interaction's split to (x₄x₅ − m₄₅)/2.
    const half = makeTabularData(6, 0, 3).X;
    const bg = [...half, ...half.map((r) => r.map((v) => -v))];
    const m45 = bg.reduce((s, b) => s + b[4]! * b[5]!, 0) / bg.length;
    const x = [0.5, -1, 2, 0.3, 1.2, -0.7, 0.9, -2];
    const phi = kernelShap(trueFunction, x, bg);
    const want = trueAttribution(x).map((v, i) => (i === 4 || i === 5 ? v - m45 / 2 : v));
    phi.forEach((p, i) => expect(p).toBeCloseTo(want[i]!, 12));
  });

  it('x₆ has the asked correlation with x₀ and the data are seeded', () => {
    const d = makeTabularData(4000, 0.8, 1);
    const r =
      d.X.reduce((s, x) => s + x[0]! * x[6]!, 0) /
      Math.sqrt(d.X.reduce((s, x) => s + x[0]! ** 2, 0) * d.X.reduce((s, x) => s + x[6]! ** 2, 0));
    expect(r).toBeGreaterThan(0.77);
    expect(r).toBeLessThan(0.83);
    expect(makeTabularData(5, 0.8, 1)).toEqual(makeTabularData(5, 0.8, 1));
    expect(() => makeTabularData(5, 1.2, 1)).toThrow(/correlation/);
  });
});

describe('the MLP', () => {
  it('its input gradient matches central differences (1e-7)', () => {
    const m = new TabularMlp(8, 4);
    const x = [0.3, -0.2, 1, 0.5, -1, 0.7, 0.1, -0.4];
    const g = m.grad(x);
    const h = 1e-5;
    g.forEach((gi, i) => {
      const up = x.slice();
      const dn = x.slice();
      up[i]! += h;
      dn[i]! -= h;
      expect(Math.abs(gi - (m.predict(up) - m.predict(dn)) / (2 * h))).toBeLessThan(1e-7);
    });
  });

  it('trains to R² > 0.95 on held-out data in 300 seeded steps, reproducibly, and the explanation is consistent', () => {
    const data = makeTabularData(256, 0.9, 1);
    const test = makeTabularData(128, 0.9, 2);
    const train = () => {
      const t = new TabularTrainer(data, { hidden: 16, lr: 0.02, seed: 1 });
      let loss = 0;
      for (let s = 0; s < 300; s++) loss = t.step();
      return { t, loss };
    };
    const a = train();
    expect(rSquared(a.t.model, test)).toBeGreaterThan(0.95);
    expect(train().loss).toBe(a.loss);
    const x = test.X[0]!;
    const o = { igSteps: 64, sgSigma: 0.3, sgSamples: 16, background: 16, limeSamples: 200, seed: 1 };
    const e = explainPoint(a.t.model, data, x, o);
    expect(Math.abs(e.shapGap)).toBeLessThan(1e-12);
    expect(Math.abs(e.igGap)).toBeLessThan(1e-3);
    // Fewer steps: a larger completeness gap.
    expect(Math.abs(explainPoint(a.t.model, data, x, { ...o, igSteps: 2 }).igGap)).toBeGreaterThan(
      Math.abs(e.igGap),
    );
    for (const m of e.methods) {
      expect(m.values.every(Number.isFinite)).toBe(true);
      expect(m.score).toBeGreaterThan(-1);
    }
    // Exact SHAP of a well-fitted model ranks the features like the truth.
    expect(e.methods.find((m) => m.id === 'shap')!.score).toBeGreaterThan(0.6);
    const g = explainGlobal(a.t.model, data, 1);
    expect(g.score).toBeGreaterThan(0.8);
  });
});
