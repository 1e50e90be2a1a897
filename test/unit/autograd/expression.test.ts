// gradients() on random compositions against mathjs' symbolic derivative, and its errors on bad input.
import { describe, expect, test } from 'vitest';
import { derivative, evaluate } from 'mathjs';
import { SUPPORTED_FUNCTIONS, gradients } from '../../../src/autograd';
import { createRng, type Rng } from '../../../src/runtime/rng';

const VARIABLES = ['x', 'y', 'z'];

/**
 * A random expression of depth ≤ `depth`, written twice: for Viva, and for mathjs, which has no sigmoid or
 * relu (written there as 1/(1+exp(-u)) and (u+abs(u))/2, equal away from relu's kink). Arguments of log,
 * sqrt, division and fractional powers are kept positive (u² + c) so every point is in the domain.
 */
function randomExpression(rng: Rng, depth: number): { viva: string; mathjs: string } {
  if (depth === 0 || rng.uniform() < 0.2) {
    if (rng.uniform() < 0.25) {
      const c = String(Math.round(rng.uniform() * 30) / 10 + 0.5);
      return { viva: c, mathjs: c };
    }
    const v = VARIABLES[rng.int(VARIABLES.length)];
    return { viva: v, mathjs: v };
  }
  const a = randomExpression(rng, depth - 1);
  const pick = rng.int(14);
  if (pick < 4) {
    const b = randomExpression(rng, depth - 1);
    const op = ['+', '-', '*', '/'][pick];
    if (op === '/')
      return { viva: `(${a.viva}) / ((${b.viva})^2 + 1)`, mathjs: `(${a.mathjs}) / ((${b.mathjs})^2 + 1)` };
    return { viva: `(${a.viva}) ${op} (${b.viva})`, mathjs: `(${a.mathjs}) ${op} (${b.mathjs})` };
  }
  if (pick === 4) return { viva: `-(${a.viva})`, mathjs: `-(${a.mathjs})` };
  if (pick === 5) {
    const k = [2, 3, -1, 0.5, 1.5][rng.int(5)];
    return { viva: `((${a.viva})^2 + 0.5)^${k}`, mathjs: `((${a.mathjs})^2 + 0.5)^${k}` };
  }
  const fn = SUPPORTED_FUNCTIONS[rng.int(SUPPORTED_FUNCTIONS.length)];
  if (fn === 'log' || fn === 'sqrt')
    return { viva: `${fn}((${a.viva})^2 + 0.3)`, mathjs: `${fn}((${a.mathjs})^2 + 0.3)` };
  if (fn === 'exp') return { viva: `exp(tanh(${a.viva}))`, mathjs: `exp(tanh(${a.mathjs}))` };
  if (fn === 'sigmoid') return { viva: `sigmoid(${a.viva})`, mathjs: `1 / (1 + exp(-(${a.mathjs})))` };
  if (fn === 'relu') return { viva: `relu(${a.viva})`, mathjs: `((${a.mathjs}) + abs(${a.mathjs})) / 2` };
  return { viva: `${fn}(${a.viva})`, mathjs: `${fn}(${a.mathjs})` };
}

describe('gradients() agrees with mathjs derivative() on 50 seeded random compositions (tol 1e-8 relative)', () => {
  const rng = createRng(2024);
  const cases = Array.from({ length: 50 }, (_, i) => {
    const { viva, mathjs } = randomExpression(rng, 4);
    const at = { x: rng.uniform() * 3 - 1.5, y: rng.uniform() * 3 - 1.5, z: rng.uniform() * 3 - 1.5 };
    return { name: `#${i}: ${viva}`, viva, mathjs, at };
  });

  test.each(cases)('$name', ({ viva, mathjs, at }) => {
    const { value, grads } = gradients(viva, at);
    expect(Math.abs(value - evaluate(mathjs, { ...at }))).toBeLessThanOrEqual(
      1e-8 * Math.max(1, Math.abs(value)),
    );
    for (const v of VARIABLES) {
      const reference = derivative(mathjs, v).evaluate({ ...at }) as number;
      expect(Math.abs(grads[v] - reference)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(reference)));
    }
  });

  test('the generated set uses every supported function and operator', () => {
    const all = cases.map((c) => c.viva).join(' ');
    for (const fn of SUPPORTED_FUNCTIONS) expect(all).toContain(`${fn}(`);
    for (const op of [' + ', ' - ', ' * ', ' / ', '^', '-(']) expect(all).toContain(op);
  });
});

describe('expression syntax', () => {
  test('implicit multiplication, unary plus, named constants and constant exponents work', () => {
    expect(gradients('2x + +y', { x: 1, y: 1 }).grads).toEqual({ x: 2, y: 1 });
    expect(gradients('pi * x', { x: 1 }).grads.x).toBeCloseTo(Math.PI, 15);
    expect(gradients('x^(1/2)', { x: 4 }).grads.x).toBeCloseTo(0.25, 15);
    expect(gradients('x^(2*3-4)', { x: 3 }).grads.x).toBeCloseTo(6, 15);
  });

  test('a variable in `at` that the expression does not use gets gradient 0', () => {
    expect(gradients('x^2', { x: 3, unused: 1 }).grads).toEqual({ x: 6, unused: 0 });
  });

  test('a name bound in `at` wins over the constant of the same name', () => {
    expect(gradients('e * x', { e: 2, x: 5 })).toEqual({ value: 10, grads: { e: 5, x: 2 } });
  });
});

describe('bad input throws an error that names the problem', () => {
  test('an unknown function names it and lists the supported ones', () => {
    expect(() => gradients('foo(x)', { x: 1 })).toThrow(
      'Unknown function "foo". Supported functions: exp, log, sqrt, tanh, sigmoid, relu, sin, cos, abs',
    );
  });

  test('an unbound variable is named', () => {
    expect(() => gradients('x + q', { x: 1 })).toThrow('Variable "q" has no value');
  });

  test("a syntax error says it cannot parse, with mathjs' position", () => {
    expect(() => gradients('x + * 2', { x: 1 })).toThrow(/Cannot parse "x \+ \* 2": .*char/);
    expect(() => gradients('(x + 1', { x: 1 })).toThrow(/Cannot parse/);
  });

  test('a non-finite input names the variable and the value', () => {
    expect(() => gradients('x + y', { x: 1, y: NaN })).toThrow(
      'Variable "y" must be a finite number, got NaN',
    );
    expect(() => gradients('x', { x: Infinity })).toThrow(
      'Variable "x" must be a finite number, got Infinity',
    );
  });

  test('a variable exponent is refused with the alternative spelled out', () => {
    expect(() => gradients('x ^ y', { x: 2, y: 3 })).toThrow(
      /exponent depends on the variable y.*exp\(y \* log\(x\)\)/,
    );
  });

  test('a sub-expression that is not finite at the point is named', () => {
    expect(() => gradients('log(x - 5)', { x: 1 })).toThrow('"log(x - 5)" is NaN at this point');
    expect(() => gradients('1 / x', { x: 0 })).toThrow(/is Infinity at this point/);
  });

  test('unsupported operators, syntax, arity and empty input are refused', () => {
    expect(() => gradients('x % 2', { x: 1 })).toThrow('Unsupported operator "%"');
    expect(() => gradients('x == 2', { x: 1 })).toThrow('Unsupported operator "=="');
    expect(() => gradients('[x, 2]', { x: 1 })).toThrow('Unsupported syntax');
    expect(() => gradients('log(x, 2)', { x: 1 })).toThrow('log takes one argument, got 2');
    expect(() => gradients('  ', {})).toThrow('The expression is empty');
  });

  test('a failed call leaves nothing behind: the next valid call gives the same result as before', () => {
    const before = gradients('tanh(a*b) + a', { a: 0.3, b: -2 });
    for (const bad of ['foo(a)', 'a + c', 'a +', 'a ^ b', 'log(-a)']) {
      expect(() => gradients(bad, { a: 0.3, b: -2 })).toThrow();
    }
    expect(gradients('tanh(a*b) + a', { a: 0.3, b: -2 })).toEqual(before);
  });
});
