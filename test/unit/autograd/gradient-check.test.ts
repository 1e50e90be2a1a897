import { describe, expect, it } from 'vitest';
import { checkGradients, prepareGradientCheck, variablesOf } from '../../../src/autograd/gradient-check';
import { EXPRESSION_PRESETS } from '../../../src/demos/backprop/presets';

describe('the gradient check (core vs finite differences vs mathjs)', () => {
  it('finds the variables of an expression, without function names or constants', () => {
    expect(variablesOf('tanh(w1*x1 + w2*x2 + b) * pi + sigmoid(e)')).toEqual(['w1', 'x1', 'w2', 'x2', 'b']);
  });

  for (const preset of EXPRESSION_PRESETS) {
    it(`agrees to 1e-7 on the "${preset.name}" preset`, () => {
      const check = checkGradients(preset.expr, preset.at);
      expect(check.rows.map((r) => r.variable)).toEqual(Object.keys(preset.at));
      expect(check.largest).toBeLessThan(1e-7);
    });
  }

  it("gives micrograd's tanh-neuron gradients", () => {
    const { at, expr } = EXPRESSION_PRESETS[0]!;
    const check = checkGradients(expr, at);
    const grads = Object.fromEntries(check.rows.map((r) => [r.variable, r.symbolic]));
    expect(check.value).toBeCloseTo(Math.SQRT1_2, 10);
    expect(grads.x1).toBeCloseTo(-1.5, 10);
    expect(grads.w1).toBeCloseTo(1, 10);
    expect(grads.x2).toBeCloseTo(0.5, 10);
    expect(grads.w2).toBeCloseTo(0, 10);
  });

  it('would expose a wrong gradient: the symbolic and finite-difference columns are independent of the core', () => {
    // relu at its kink: the core takes relu'(0) = 0, central differences see the mean slope 1/2, and
    // mathjs' derivative of (u + |u|)/2 is undefined there (|u|' = |u|/u): the strip shows the disagreement.
    const check = checkGradients('relu(x)', { x: 0 });
    expect(check.rows[0]!.core).toBe(0);
    expect(check.rows[0]!.finiteDifference).toBeCloseTo(0.5, 8);
    expect(check.rows[0]!.symbolic).toBeNaN();
    expect(check.rows[0]!.undefinedSomewhere).toBe(true);
    expect(check.largest).toBeCloseTo(0.5, 8);
    // Away from the kink all three agree.
    expect(checkGradients('relu(x)', { x: 0.3 }).largest).toBeLessThan(1e-9);
  });

  it('passes the core’s errors through (unknown function, unbound variable)', () => {
    expect(() => checkGradients('foo(x)', { x: 1 })).toThrow(/foo/);
    expect(() => checkGradients('x + z', { x: 1 })).toThrow(/z/);
  });
});

describe('the symbolic derivative, taken once and never simplified (issue 17)', () => {
  const sum30 = Array.from({ length: 30 }, () => 'x').join(' + ');
  const product12 = Array.from({ length: 12 }, () => 'x').join(' * ');

  it('x + x + … + x (30 terms) and x·x·…·x (12 factors) come back with the closed-form derivative', () => {
    // Before: mathjs simplified each derivative; 30 terms did not return within 4 minutes.
    const sum = prepareGradientCheck(sum30).check({ x: 0.7 });
    expect(sum.symbolicGaveUp).toBe('');
    expect(sum.value).toBeCloseTo(21, 12);
    expect(sum.rows[0]!.symbolic).toBeCloseTo(30, 12); // d/dx 30x = 30
    expect(sum.largest).toBeLessThan(1e-6);
    const product = prepareGradientCheck(product12).check({ x: 1.1 });
    expect(product.symbolicGaveUp).toBe('');
    expect(product.rows[0]!.symbolic).toBeCloseTo(12 * 1.1 ** 11, 10); // d/dx x^12 = 12 x^11
    expect(product.rows[0]!.core).toBeCloseTo(12 * 1.1 ** 11, 10);
  });

  it('derives once per variable at preparation and only evaluates at each new point', () => {
    const p = prepareGradientCheck('sigmoid(w*x + b)');
    expect(p.derivations).toBe(3);
    const sig = (u: number) => 1 / (1 + Math.exp(-u));
    for (const x of [-2, -0.5, 0, 1.5]) {
      const check = p.check({ w: 0.8, x, b: 0.1 });
      const s = sig(0.8 * x + 0.1);
      const dw = check.rows.find((r) => r.variable === 'w')!.symbolic;
      expect(dw).toBeCloseTo(s * (1 - s) * x, 12); // σ' = σ(1 − σ), by hand
    }
    expect(p.derivations).toBe(3);
  });

  it('gives up with a message on an expression whose rewrite is too large (relu nested 12 deep)', () => {
    // relu(u) = (u + |u|)/2 doubles u at each level: 2^12 copies of x. Core and finite differences remain.
    const expr = 'relu('.repeat(12) + 'x' + ')'.repeat(12);
    const check = prepareGradientCheck(expr).check({ x: 0.4 });
    expect(check.symbolicGaveUp).toMatch(/gave up: .* nodes \(limit 2000\)/);
    expect(check.rows[0]!.symbolic).toBeNaN();
    expect(check.rows[0]!.core).toBe(1);
    expect(check.rows[0]!.finiteDifference).toBeCloseTo(1, 8);
    expect(check.value).toBeCloseTo(0.4, 14);
  });

  it('gives up past its time budget, between variables, and says before which', () => {
    let t = 0;
    const p = prepareGradientCheck('x*y + z', { budgetMs: 250, now: () => (t += 200) });
    // Clock reads: start 200, before x 400 (200 ms: go), before y 600 (400 ms: stop).
    expect(p.derivations).toBe(1);
    expect(p.symbolicGaveUp).toMatch(/after 400 ms \(limit 250 ms\), before y/);
    const check = p.check({ x: 2, y: 3, z: 1 });
    expect(check.rows.map((r) => r.symbolic)).toEqual([3, NaN, NaN]);
  });
});
