// The walkthrough's session in Node: its gradients against hand-worked values and central differences of
// the expression written out in plain JavaScript; bad points keep the last graph; the step reached.
import { describe, expect, it } from 'vitest';
import { ExpressionSession } from '../../../src/demos/backprop/expression-session';
import { EXPRESSION_PRESETS } from '../../../src/demos/backprop/presets';

/** The final frame's gradient of each variable. */
function gradsAtEnd(s: ExpressionSession): Record<string, number> {
  s.toEnd();
  const frame = s.frame()!;
  const out: Record<string, number> = {};
  for (const [name, id] of Object.entries(s.walkthrough!.graph.variables)) out[name] = frame.grads[id]!;
  return out;
}

/** Central differences of f at `at`, h = 1e-6. */
function centralDifferences(
  f: (v: Record<string, number>) => number,
  at: Record<string, number>,
): Record<string, number> {
  const h = 1e-6;
  const out: Record<string, number> = {};
  for (const name of Object.keys(at))
    out[name] = (f({ ...at, [name]: at[name]! + h }) - f({ ...at, [name]: at[name]! - h })) / (2 * h);
  return out;
}

describe('the expression session', () => {
  it('x*y + x at (2, 3): ∂/∂x = y + 1 = 4 (two paths), ∂/∂y = x = 2, f = 8 (by hand)', () => {
    const s = new ExpressionSession();
    expect(s.set('x*y + x', { x: 2, y: 3 })).toBe(true);
    expect(s.total).toBe(8);
    expect(s.check!.value).toBe(8);
    expect(gradsAtEnd(s)).toEqual({ x: 4, y: 2 });
  });

  it("the tanh neuron's gradients match micrograd's (by hand: 1 − tanh² = 1/2) and central differences", () => {
    const p = EXPRESSION_PRESETS[0]!;
    const s = new ExpressionSession();
    expect(s.set(p.expr, p.at)).toBe(true);
    const g = gradsAtEnd(s);
    // n = w1·x1 + w2·x2 + b = 0.8814, tanh(n) = 1/√2, so ∂f/∂n = 1 − 1/2 = 1/2.
    expect(s.check!.value).toBeCloseTo(Math.SQRT1_2, 12);
    expect(g.x1).toBeCloseTo(-1.5, 12);
    expect(g.w1).toBeCloseTo(1, 12);
    expect(g.x2).toBeCloseTo(0.5, 12);
    expect(g.w2).toBeCloseTo(0, 12);
    expect(g.b).toBeCloseTo(0.5, 12);
    const fd = centralDifferences((v) => Math.tanh(v.w1! * v.x1! + v.w2! * v.x2! + v.b!), p.at);
    for (const name of Object.keys(p.at)) expect(Math.abs(g[name]! - fd[name]!)).toBeLessThan(1e-8);
  });

  it('the two-layer composite matches central differences of the same formula in plain JavaScript', () => {
    const p = EXPRESSION_PRESETS[3]!;
    const sig = (u: number) => 1 / (1 + Math.exp(-u));
    const f = (v: Record<string, number>) =>
      sig(v.v1! * Math.tanh(v.w1! * v.x! + v.b1!) + v.v2! * Math.max(0, v.w2! * v.x! + v.b2!));
    const s = new ExpressionSession();
    expect(s.set(p.expr, p.at)).toBe(true);
    expect(s.check!.value).toBeCloseTo(f(p.at), 14);
    const g = gradsAtEnd(s);
    const fd = centralDifferences(f, p.at);
    for (const name of Object.keys(p.at)) expect(Math.abs(g[name]! - fd[name]!)).toBeLessThan(1e-8);
  });

  it('a point with no derivative is refused with a message; the last good graph stays', () => {
    const s = new ExpressionSession();
    s.set('x*y + x', { x: 2, y: 3 });
    const before = s.walkthrough;
    expect(s.set('log(x - 1)', { x: 1 })).toBe(false);
    expect(s.error).toContain('no derivative');
    expect(s.walkthrough).toBe(before);
    expect(s.expr).toBe('x*y + x');
    expect(s.set('log(x - 1)', { x: 3 })).toBe(true);
    expect(s.error).toBe('');
    expect(s.check!.value).toBeCloseTo(Math.log(2), 14);
  });

  it('new values keep the step reached; a new expression starts over; steps stay within 0..total', () => {
    const s = new ExpressionSession();
    s.set('x*y + x', { x: 2, y: 3 });
    s.step(5);
    s.set('x*y + x', { x: -1, y: 3 });
    expect(s.index).toBe(5);
    expect(s.frame()!.grads[s.walkthrough!.graph.output]).toBe(1);
    s.step(100);
    expect(s.index).toBe(8);
    expect(s.atEnd).toBe(true);
    s.step(-100);
    expect(s.index).toBe(0);
    s.step(3);
    s.set('x + 1', { x: 1 });
    expect(s.index).toBe(0);
  });

  it('hands out the same frame object until the step changes (views redraw only on change)', () => {
    const s = new ExpressionSession();
    s.set('x*y + x', { x: 2, y: 3 });
    const f0 = s.frame();
    expect(s.frame()).toBe(f0);
    s.step(1);
    expect(s.frame()).not.toBe(f0);
    expect(s.frame()!.index).toBe(1);
  });

  it('derives once per expression: 20 value changes of the three-tanh example evaluate, never re-derive', () => {
    const expr = 'sigmoid(w1*tanh(a1*x+c1)+w2*tanh(a2*x+c2)+w3*tanh(a3*x+c3)+b)';
    const at = {
      w1: 0.5,
      a1: 1,
      x: 0.3,
      c1: 0,
      w2: -0.4,
      a2: 0.7,
      c2: 0.2,
      w3: 0.9,
      a3: -1.2,
      c3: 0.1,
      b: 0,
    };
    const s = new ExpressionSession();
    expect(s.set(expr, at)).toBe(true);
    expect(s.derivations).toBe(1);
    const sig = (u: number) => 1 / (1 + Math.exp(-u));
    for (let i = 1; i <= 20; i++) {
      const x = -1 + i * 0.1; // a slider drag on x
      expect(s.set(expr, { ...at, x })).toBe(true);
      const u = 0.5 * Math.tanh(x) - 0.4 * Math.tanh(0.7 * x + 0.2) + 0.9 * Math.tanh(-1.2 * x + 0.1);
      const dx =
        sig(u) *
        (1 - sig(u)) *
        (0.5 * (1 - Math.tanh(x) ** 2) -
          0.4 * 0.7 * (1 - Math.tanh(0.7 * x + 0.2) ** 2) +
          0.9 * -1.2 * (1 - Math.tanh(-1.2 * x + 0.1) ** 2));
      const row = s.check!.rows.find((r) => r.variable === 'x')!;
      expect(row.symbolic).toBeCloseTo(dx, 12);
      expect(row.core).toBeCloseTo(dx, 12);
    }
    expect(s.derivations).toBe(1);
    s.set('x*y + x', { x: 2, y: 3 });
    expect(s.derivations).toBe(2);
  });

  it('answers x + x + … + x (30 terms) and x·x·…·x (12 factors) with the right gradients', () => {
    const s = new ExpressionSession();
    expect(s.set(Array.from({ length: 30 }, () => 'x').join('+'), { x: 0.5 })).toBe(true);
    expect(s.check!.rows[0]!.symbolic).toBeCloseTo(30, 12);
    expect(gradsAtEnd(s).x).toBeCloseTo(30, 12);
    expect(s.set(Array.from({ length: 12 }, () => 'x').join('*'), { x: 0.9 })).toBe(true);
    expect(s.check!.rows[0]!.symbolic).toBeCloseTo(12 * 0.9 ** 11, 12);
    expect(s.check!.symbolicGaveUp).toBe('');
  });

  it('marks the last good graph stale while the input is invalid (1/0), and not once it is fixed', () => {
    const s = new ExpressionSession();
    s.set('x*y + x', { x: 2, y: 3 });
    expect(s.stale).toBe(false);
    expect(s.set('1/0', {})).toBe(false);
    expect(s.error).toMatch(/Infinity/);
    expect(s.stale).toBe(true);
    expect(s.set('x/2', { x: 1 })).toBe(true);
    expect(s.stale).toBe(false);
  });
});
