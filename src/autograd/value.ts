// The scalar Value: one node of a computation graph, micrograd style. Each op computes its output and its
// local derivatives (∂out/∂input) at once from the shared op table, so backward is only
// "input.grad += out.grad × local" over the graph in reverse topological order.
//
// Example: const x = new Value(2, 'x'); const y = x.mul(x).add(x); y.backward(); x.grad === 5

import { OP_RULES, OP_CODE, type PrimitiveOp } from './ops';

/** 'leaf' is an input whose gradient we want (a variable, a weight); 'const' is a fixed number. */
export type ValueOp = PrimitiveOp | 'leaf' | 'const';

export class Value {
  data: number;
  /** ∂(the output backward() was called on)/∂this; accumulates until zeroGrad(). */
  grad = 0;
  readonly op: ValueOp;
  /** Inputs, one entry per use: x.mul(x) has inputs [x, x]. */
  readonly inputs: readonly Value[];
  /** ∂this/∂inputs[i], evaluated at the forward values. */
  readonly localGrads: readonly number[];
  /** The op's constant: the exponent of pow; 0 otherwise. */
  readonly k: number;
  label: string;

  /** A leaf: `new Value(2, 'x')`. Ops create the other nodes. */
  constructor(
    data: number,
    label = '',
    op: ValueOp = 'leaf',
    inputs: readonly Value[] = [],
    localGrads: readonly number[] = [],
    k = 0,
  ) {
    this.data = data;
    this.label = label;
    this.op = op;
    this.inputs = inputs;
    this.localGrads = localGrads;
    this.k = k;
  }

  /** A fixed number in a graph (nothing reads its gradient): `Value.constant(3)`. */
  static constant(c: number): Value {
    return new Value(c, Number.isInteger(c) ? String(c) : String(Number(c.toPrecision(4))), 'const');
  }

  /**
   * Applies a primitive from the op table: `Value.apply('tanh', x)`, `Value.apply('pow', x, undefined, 2)`.
   * An op on constants only is folded into a constant, so `x - 2` draws as x + (−2), not x + (2 × −1).
   */
  static apply(op: PrimitiveOp, a: Value, b?: Value, k = 0): Value {
    const rule = OP_RULES[OP_CODE[op]];
    if (rule.arity === 2 && !b) throw new Error(`${op} needs two inputs`);
    const bData = b ? b.data : 0;
    const out = rule.forward(a.data, bData, k);
    if (a.op === 'const' && (!b || b.op === 'const')) return Value.constant(out);
    const dA = rule.dA(a.data, bData, out, k);
    if (!b) return new Value(out, '', op, [a], [dA], k);
    return new Value(out, '', op, [a, b], [dA, rule.dB(a.data, bData, out, k)], k);
  }

  // Primitives: the forward rule and local derivative live in ops.ts.
  add(other: Value | number): Value {
    return Value.apply('add', this, toValue(other));
  }
  mul(other: Value | number): Value {
    return Value.apply('mul', this, toValue(other));
  }
  /** this^k for a constant exponent k (a variable exponent is exp(k·log x)). */
  pow(k: number): Value {
    return Value.apply('pow', this, undefined, k);
  }
  exp(): Value {
    return Value.apply('exp', this);
  }
  log(): Value {
    return Value.apply('log', this);
  }
  tanh(): Value {
    return Value.apply('tanh', this);
  }
  sigmoid(): Value {
    return Value.apply('sigmoid', this);
  }
  relu(): Value {
    return Value.apply('relu', this);
  }
  sin(): Value {
    return Value.apply('sin', this);
  }
  cos(): Value {
    return Value.apply('cos', this);
  }
  abs(): Value {
    return Value.apply('abs', this);
  }

  // Composites: built from primitives, so their gradients follow from the chain rule with no new rules.
  neg(): Value {
    return this.mul(-1);
  }
  sub(other: Value | number): Value {
    return this.add(toValue(other).neg());
  }
  div(other: Value | number): Value {
    return this.mul(toValue(other).pow(-1));
  }
  sqrt(): Value {
    return this.pow(0.5);
  }

  /**
   * Sets this.grad = 1 and adds every node's contribution to its inputs, in reverse topological order.
   * Iterative (no recursion), so a graph 100 000 nodes deep is fine. Gradients accumulate: call
   * zeroGrad() first to start again from zero.
   */
  backward(): void {
    const order = topologicalOrder(this);
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      // A zero gradient passes nothing back: this skips dead branches (relu off, a hinge point beyond its
      // margin) and keeps 0 × ∞ from turning into NaN. The tape does the same, so both stay identical.
      if (node.grad === 0) continue;
      for (let j = 0; j < node.inputs.length; j++) {
        node.inputs[j].grad += node.grad * node.localGrads[j];
      }
    }
  }

  /** Sets the grad of this node and of everything it depends on to 0. */
  zeroGrad(): void {
    for (const node of topologicalOrder(this)) node.grad = 0;
  }
}

function toValue(x: Value | number): Value {
  return x instanceof Value ? x : Value.constant(x);
}

/**
 * The nodes `root` depends on (root included), each once, every node after all of its inputs.
 * A depth-first search with an explicit stack instead of recursion, so deep graphs cannot overflow it.
 *
 * Example: topologicalOrder(y).at(-1) === y
 */
export function topologicalOrder(root: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>([root]);
  const stack: Value[] = [root];
  const nextInput: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top];
    const i = nextInput[top];
    if (i < node.inputs.length) {
      nextInput[top] = i + 1;
      const input = node.inputs[i];
      if (!visited.has(input)) {
        visited.add(input);
        stack.push(input);
        nextInput.push(0);
      }
    } else {
      order.push(node);
      stack.pop();
      nextInput.pop();
    }
  }
  return order;
}
