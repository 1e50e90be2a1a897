// Hand-worked cases and the bookkeeping of backward: accumulation over several uses, zeroing, depth.
import { describe, expect, test } from 'vitest';
import { Value, gradients, topologicalOrder } from '../../../src/autograd';

describe('hand-worked gradients', () => {
  test('x*y + x at (2, 3) has value 8 and grads x = y + 1 = 4, y = x = 2', () => {
    const { value, grads } = gradients('x*y + x', { x: 2, y: 3 });
    expect(value).toBe(8);
    expect(grads).toEqual({ x: 4, y: 2 });
  });

  test("micrograd's tanh neuron: value 0.7071, dx1 = -1.5, dw1 = 1, dx2 = 0.5, dw2 = 0 (tol 1e-12)", () => {
    const at = { x1: 2, x2: 0, w1: -3, w2: 1, b: 6.8813735870195432 };
    const { value, grads } = gradients('tanh(w1*x1 + w2*x2 + b)', at);
    expect(value).toBeCloseTo(Math.SQRT1_2, 12);
    expect(grads.x1).toBeCloseTo(-1.5, 12);
    expect(grads.w1).toBeCloseTo(1.0, 12);
    expect(grads.x2).toBeCloseTo(0.5, 12);
    expect(grads.w2).toBeCloseTo(0, 12);
    expect(grads.b).toBeCloseTo(0.5, 12);
  });

  test('the same neuron written with Value methods gives the same numbers', () => {
    const [x1, x2, w1, w2, b] = [2, 0, -3, 1, 6.8813735870195432].map((v) => new Value(v));
    const o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
    o.backward();
    expect(o.data).toBeCloseTo(Math.SQRT1_2, 12);
    expect([x1.grad, w1.grad, x2.grad, w2.grad]).toEqual([
      expect.closeTo(-1.5, 12),
      expect.closeTo(1, 12),
      expect.closeTo(0.5, 12),
      expect.closeTo(0, 12),
    ]);
  });

  test("micrograd's test_sanity_check expression: y = 8·relu-chain gives x.grad = 46, y = -20", () => {
    // x = -4; z = 2x + 2 + x; q = relu(z) + z·x; h = relu(z·z); y = h + q + q·x  (micrograd/test/test_engine.py)
    const x = new Value(-4);
    const z = x.mul(2).add(2).add(x);
    const q = z.relu().add(z.mul(x));
    const hh = z.mul(z).relu();
    const y = hh.add(q).add(q.mul(x));
    y.backward();
    expect(y.data).toBe(-20);
    expect(x.grad).toBe(46);
  });
});

describe('accumulation and zeroing', () => {
  test('a node used several times sums the gradients of its uses: d(x·x·x)/dx = 3x²', () => {
    const x = new Value(1.5);
    x.mul(x).mul(x).backward();
    expect(x.grad).toBeCloseTo(3 * 1.5 ** 2, 14);
  });

  test('backward again without zeroing piles onto stale grads; after zeroGrad it gives the identical result', () => {
    const a = new Value(0.3);
    const b = new Value(-1.2);
    const out = a.mul(b).add(a.exp()).tanh().mul(a);
    out.backward();
    const first = [a.grad, b.grad];
    out.backward();
    // Intermediate nodes still hold their old grads, so they pass them back again (as in micrograd).
    expect(a.grad).not.toBe(first[0]);
    out.zeroGrad();
    expect([a.grad, b.grad, out.grad]).toEqual([0, 0, 0]);
    out.backward();
    expect([a.grad, b.grad]).toEqual(first);
  });

  test('a graph 100 000 ops deep runs backward without overflowing the stack', () => {
    const x = new Value(0.5);
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.mul(1).add(0);
    y.backward();
    expect(x.grad).toBe(1);
    // x, then per step: the mul, its constant 1, the add, its constant 0.
    expect(topologicalOrder(y).length).toBe(1 + 4 * 100_000);
  });
});

describe('composite ops are built from primitives', () => {
  test('sub, div, neg and sqrt introduce only primitive ops', () => {
    const x = new Value(2);
    const y = new Value(5);
    const out = x.sub(y).div(y).neg().add(x.sqrt());
    const ops = new Set(topologicalOrder(out).map((v) => v.op));
    expect([...ops].sort()).toEqual(['add', 'const', 'leaf', 'mul', 'pow']);
  });

  test('an op on constants only is folded into a constant', () => {
    const c = Value.constant(2).mul(3).add(1);
    expect(c.op).toBe('const');
    expect(c.data).toBe(7);
    expect(new Value(1).sub(2).inputs.map((v) => v.op)).toEqual(['leaf', 'const']);
  });
});
