// Every op's gradient against central finite differences of its own forward value.
// Tolerance: |analytic − numeric| ≤ 1e-6 · max(1, |numeric|) with h = 1e-6 (central differences are accurate
// to ~h² · f''' + ε/h ≈ 1e-10 here). Points avoid the kinks of relu and abs and stay inside log/sqrt domains.
import { describe, expect, test } from 'vitest';
import { Value, gradients } from '../../../src/autograd';

const h = 1e-6;
const tol = (numeric: number) => 1e-6 * Math.max(1, Math.abs(numeric));

function centralDifference(f: (x: number) => number, x: number): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

const unary: Record<string, { f: (v: Value) => Value; points: number[] }> = {
  neg: { f: (v) => v.neg(), points: [-2, 0.3, 4] },
  exp: { f: (v) => v.exp(), points: [-2, 0, 0.7, 2.5] },
  log: { f: (v) => v.log(), points: [0.1, 1, 3.7] },
  sqrt: { f: (v) => v.sqrt(), points: [0.2, 1, 9] },
  tanh: { f: (v) => v.tanh(), points: [-2, -0.3, 0, 0.9] },
  sigmoid: { f: (v) => v.sigmoid(), points: [-3, 0, 0.4, 5] },
  relu: { f: (v) => v.relu(), points: [-1.2, -0.1, 0.2, 3] },
  sin: { f: (v) => v.sin(), points: [-2, 0, 1, 4] },
  cos: { f: (v) => v.cos(), points: [-2, 0.5, 1, 4] },
  abs: { f: (v) => v.abs(), points: [-3, -0.2, 0.2, 3] },
  'pow 2': { f: (v) => v.pow(2), points: [-1.5, 0.3, 2] },
  'pow 3': { f: (v) => v.pow(3), points: [-1.5, 0.3, 2] },
  'pow -1': { f: (v) => v.pow(-1), points: [-1.5, 0.3, 2] },
  'pow 1.5': { f: (v) => v.pow(1.5), points: [0.3, 2] },
  'pow -0.5': { f: (v) => v.pow(-0.5), points: [0.3, 2] },
};

const binary: Record<string, { f: (a: Value, b: Value) => Value; points: [number, number][] }> = {
  add: {
    f: (a, b) => a.add(b),
    points: [
      [1, 2],
      [-0.5, 3],
    ],
  },
  sub: {
    f: (a, b) => a.sub(b),
    points: [
      [1, 2],
      [-0.5, 3],
    ],
  },
  mul: {
    f: (a, b) => a.mul(b),
    points: [
      [1.5, -2],
      [0.25, 3],
    ],
  },
  div: {
    f: (a, b) => a.div(b),
    points: [
      [1.5, -2],
      [0.25, 3],
      [-4, 0.5],
    ],
  },
};

describe('each unary op matches central finite differences', () => {
  for (const [name, { f, points }] of Object.entries(unary)) {
    test.each(points)(`${name} at %d`, (x0) => {
      const x = new Value(x0, 'x');
      const y = f(x);
      y.backward();
      const numeric = centralDifference((t) => f(new Value(t)).data, x0);
      expect(Math.abs(x.grad - numeric)).toBeLessThanOrEqual(tol(numeric));
    });
  }
});

describe('each binary op matches central finite differences in both inputs', () => {
  for (const [name, { f, points }] of Object.entries(binary)) {
    test.each(points)(`${name} at (%d, %d)`, (a0, b0) => {
      const a = new Value(a0, 'a');
      const b = new Value(b0, 'b');
      f(a, b).backward();
      const dA = centralDifference((t) => f(new Value(t), new Value(b0)).data, a0);
      const dB = centralDifference((t) => f(new Value(a0), new Value(t)).data, b0);
      expect(Math.abs(a.grad - dA)).toBeLessThanOrEqual(tol(dA));
      expect(Math.abs(b.grad - dB)).toBeLessThanOrEqual(tol(dB));
    });
  }
});

describe('gradients() of each supported function matches finite differences of its value', () => {
  const cases: [string, number][] = [
    ['exp(x)', 0.4],
    ['log(x)', 2.5],
    ['sqrt(x)', 3],
    ['tanh(x)', -0.6],
    ['sigmoid(x)', 1.2],
    ['relu(x)', 0.8],
    ['relu(x)', -0.8],
    ['sin(x)', 2.2],
    ['cos(x)', 2.2],
    ['abs(x)', -1.1],
    ['x^3 - 2/x', 1.3],
    ['-x', 5],
  ];
  test.each(cases)('%s at x = %d', (expr, x0) => {
    const numeric = centralDifference((t) => gradients(expr, { x: t }).value, x0);
    const { grads } = gradients(expr, { x: x0 });
    expect(Math.abs(grads.x - numeric)).toBeLessThanOrEqual(tol(numeric));
  });
});

describe('kinks have the documented subgradient', () => {
  test("relu'(0) = 0 and abs'(0) = 0", () => {
    expect(gradients('relu(x)', { x: 0 }).grads.x).toBe(0);
    expect(gradients('abs(x)', { x: 0 }).grads.x).toBe(0);
  });
});
