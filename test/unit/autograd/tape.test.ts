// The tape replays the same op table as Value, so a replay must reproduce a freshly built graph exactly.
import { describe, expect, test } from 'vitest';
import { Tape, Value, expressionToValue } from '../../../src/autograd';
import { createRng } from '../../../src/runtime/rng';

// Uses every primitive, every composite and a variable used several times.
const EXPR =
  'sigmoid(a*b - c) * log(a^2 + 1) + relu(b - c) / (c^2 + 1) + sin(a) * cos(b) + abs(c) + exp(tanh(a)) - sqrt(b^2 + 2)';
const NAMES = ['a', 'b', 'c'];

function freshGraph(at: Record<string, number>) {
  const { output, variables } = expressionToValue(EXPR, at);
  output.backward();
  return { value: output.data, grads: NAMES.map((n) => variables.get(n)!.grad) };
}

describe('Tape', () => {
  test('replaying at new leaf values gives exactly the value and grads of a freshly built graph', () => {
    const { output, variables } = expressionToValue(EXPR, { a: 0.5, b: -0.3, c: 0.8 });
    const tape = Tape.record(
      output,
      NAMES.map((n) => variables.get(n)!),
    );
    const rng = createRng(7);
    for (let trial = 0; trial < 20; trial++) {
      const at = { a: rng.uniform() * 4 - 2, b: rng.uniform() * 4 - 2, c: rng.uniform() * 4 - 2 };
      NAMES.forEach((n, i) => (tape.values[i] = at[n as keyof typeof at]));
      const value = tape.forward();
      tape.backward();
      const reference = freshGraph(at);
      expect(value).toBe(reference.value);
      expect(Array.from(tape.grads.subarray(0, 3))).toEqual(reference.grads);
    }
  });

  test('repeated forward/backward at the same point is stable (grads are reset, not accumulated)', () => {
    const w = new Value(0.5);
    const x = new Value(2);
    const tape = Tape.record(w.mul(x).tanh().mul(w), [w, x]);
    tape.forward();
    tape.backward();
    const first = Array.from(tape.grads);
    tape.forward();
    tape.backward();
    expect(Array.from(tape.grads)).toEqual(first);
    expect(first[0]).toBeCloseTo(Math.tanh(1) + 0.5 * (1 - Math.tanh(1) ** 2) * 2, 14);
  });

  test('backward(seed, accumulate) adds seed × grad into the leaves and resets the other slots', () => {
    const w = new Value(0.5);
    const x = new Value(2);
    const tape = Tape.record(w.mul(x).tanh(), [w, x]);
    const dw = (t: number) => t * (1 - Math.tanh(0.5 * t) ** 2); // ∂tanh(w·x)/∂w = x · (1 − tanh²)
    tape.grads.fill(0);
    for (const xi of [2, -1, 3]) {
      tape.values[1] = xi;
      tape.forward();
      tape.backward(0.5, true);
    }
    expect(tape.grads[0]).toBeCloseTo(0.5 * (dw(2) + dw(-1) + dw(3)), 14);
    expect(tape.grads[tape.output]).toBe(0.5);
    tape.backward();
    expect(tape.grads[0]).toBeCloseTo(dw(3), 14);
  });

  test('nodes without inputs that are not listed as leaves are baked in as constants', () => {
    const x = new Value(3);
    const c = new Value(10);
    const tape = Tape.record(x.mul(c), [x]);
    tape.values[0] = 4;
    expect(tape.forward()).toBe(40);
    expect(tape.leafCount).toBe(1);
  });

  test('record refuses a leaf listed twice and a watched node outside the graph', () => {
    const x = new Value(1);
    expect(() => Tape.record(x.mul(2), [x, x])).toThrow('leaf 1 is listed twice');
    expect(() => Tape.record(x.mul(2), [x], [new Value(5)])).toThrow('not part of the graph');
  });
});
