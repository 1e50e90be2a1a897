import { describe, expect, it } from 'vitest';
import { checkGradients, variablesOf } from '../../../src/autograd/gradient-check';
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
