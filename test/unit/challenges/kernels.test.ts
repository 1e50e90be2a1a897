// The open-problems kernels (kernels/challenges*.ts) against hand-worked cases and finite differences:
// rotation, the FGSM sign step, accuracy, a logistic model's loss and gradients by hand, and an MLP's
// parameter and input gradients against central differences of the float64 loss.
import { describe, expect, test } from 'vitest';
import {
  accuracy,
  bceWithLogit,
  classifierLogits,
  createClassifier,
  lossAndGrads,
  parameterCount,
} from '../../../kernels/challenges-model';
import { fgsmStep, rotatePoints, shortcutData } from '../../../kernels/challenges';

describe('rotatePoints', () => {
  test('90° about the origin maps (1, 0) to (0, 1) and (0, 2) to (−2, 0) (tol 1e-15)', () => {
    const r = rotatePoints([1, 0, 0, 2], 90);
    [0, 1, -2, 0].forEach((v, k) => expect(Math.abs(r[k]! - v)).toBeLessThan(1e-15));
  });
  test('180° about (1, 1) maps (2, 1) to (0, 1); 0° is the identity', () => {
    const r = rotatePoints([2, 1], 180, 1, 1);
    expect(Math.abs(r[0]! - 0)).toBeLessThan(1e-15);
    expect(Math.abs(r[1]! - 1)).toBeLessThan(1e-15);
    expect(Array.from(rotatePoints([0.3, -4], 0))).toEqual([0.3, -4]);
  });
  test('an odd length throws', () => {
    expect(() => rotatePoints([1, 2, 3], 10)).toThrow(/even length/);
  });
});

describe('fgsmStep', () => {
  test('x + ε·sign(g), sign 0 leaves the element alone', () => {
    const out = fgsmStep([1, 2, 3, -1], [0.5, -2, 0, 1e-12], 0.25);
    expect(Array.from(out)).toEqual([1.25, 1.75, 3, -0.75]);
  });
  test('bad arguments throw with their names', () => {
    expect(() => fgsmStep([1], [1, 2], 0.1)).toThrow(/same length/);
    expect(() => fgsmStep([1], [1], -0.1)).toThrow(/eps must be in \[0, 100\]/);
  });
});

describe('accuracy', () => {
  test('hand-worked: 2 of 4 right is 0.5', () => {
    expect(accuracy([1, 0, 1, 1], [1, 1, 1, 0])).toBe(0.5);
    expect(accuracy(Uint8Array.from([0, 1]), [0, 1])).toBe(1);
  });
  test('mismatched or empty inputs throw', () => {
    expect(() => accuracy([1], [1, 0])).toThrow(/same length/);
    expect(() => accuracy([], [])).toThrow(/at least one/);
  });
});

describe('the classifier', () => {
  test('a logistic model by hand: z = w·x + b, ℓ = log(1 + e^{−z}) for y = 1, ∂ℓ/∂x = (σ(z) − y)·w', () => {
    const net = createClassifier(2, 0, 1);
    expect(parameterCount(net)).toBe(3);
    net.params.set([1, -2, 0.5]); // w = (1, −2), b = 0.5
    const x = Float64Array.from([3, 1]);
    const z = 3 - 2 + 0.5;
    expect(classifierLogits(net, x, 1)[0]).toBe(z);
    const r = lossAndGrads(net, x, [1], 1);
    expect(Math.abs(r.loss - Math.log(1 + Math.exp(-z)))).toBeLessThan(1e-15);
    const s = 1 / (1 + Math.exp(-z)) - 1;
    [s * 1, s * -2].forEach((v, k) => expect(Math.abs(r.inputGrad[k]! - v)).toBeLessThan(1e-15));
    [s * 3, s * 1, s].forEach((v, k) => expect(Math.abs(r.grad[k]! - v)).toBeLessThan(1e-15));
    expect(Math.abs(bceWithLogit(0, 0) - Math.LN2)).toBeLessThan(1e-15);
    expect(bceWithLogit(800, 0)).toBe(800); // no overflow
  });

  test('MLP gradients match central differences (h = 1e-6, relative tol 1e-6), 11 rows', () => {
    const n = 11; // one block of eight rows and three leftover rows
    const net = createClassifier(3, 5, 7);
    for (let k = 0; k < net.params.length; k++) net.params[k]! += 0.1 * Math.sin(k); // non-zero biases
    const x = Float64Array.from({ length: 3 * n }, (_, k) => Math.cos(1.3 * k));
    const y = Array.from({ length: n }, (_, i) => i % 2);
    const { grad, inputGrad } = lossAndGrads(net, x, y, n);
    const h = 1e-6;
    const close = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-3, Math.abs(b));
    for (let k = 0; k < net.params.length; k++) {
      const keep = net.params[k]!;
      net.params[k] = keep + h;
      const up = lossAndGrads(net, x, y, n).loss;
      net.params[k] = keep - h;
      const down = lossAndGrads(net, x, y, n).loss;
      net.params[k] = keep;
      expect(close(grad[k]!, (up - down) / (2 * h))).toBeLessThan(1e-6);
    }
    // ∂ℓᵢ/∂xᵢ of each example's own loss: perturb one input, difference that example's loss.
    const own = (xs: Float64Array, i: number) => bceWithLogit(classifierLogits(net, xs, n)[i]!, y[i]!);
    for (let k = 0; k < x.length; k++) {
      const i = Math.floor(k / 3);
      const xp = x.slice();
      xp[k]! += h;
      const xm = x.slice();
      xm[k]! -= h;
      expect(close(inputGrad[k]!, (own(xp, i) - own(xm, i)) / (2 * h))).toBeLessThan(1e-6);
    }
  });

  test('bad shapes throw', () => {
    const net = createClassifier(2, 3, 1);
    expect(() => classifierLogits(net, new Float64Array(5), 3)).toThrow(/x must hold n × 2 = 6/);
    expect(() => lossAndGrads(net, new Float64Array(4), [1], 2)).toThrow(/y must hold n = 2/);
    expect(() => createClassifier(0, 3, 1)).toThrow(/inputs must be an integer/);
  });
});

describe('shortcutData', () => {
  test('agree = 1: the third feature is +scale exactly for label 1; agree = 0.5 at test is near half', () => {
    const d = shortcutData(200, 1, 2, 3);
    for (let i = 0; i < d.n; i++) expect(d.x[3 * i + 2]).toBe(d.y[i] === 1 ? 2 : -2);
    const t = shortcutData(2000, 0.5, 1, 4);
    let agree = 0;
    for (let i = 0; i < t.n; i++) if ((t.x[3 * i + 2]! > 0 ? 1 : 0) === t.y[i]) agree++;
    expect(Math.abs(agree / t.n - 0.5)).toBeLessThan(0.05); // 4.5 standard errors
  });
});
