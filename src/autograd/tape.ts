// The training fast path: a Value graph recorded once onto a tape of typed arrays (op codes, input indices,
// values, local derivatives, grads), then replayed forward and backward as many times as needed without
// allocating — e.g. the loss of one point, replayed for every point of a batch. Replaying reads the same op table (ops.ts) as Value does, so both paths compute the same
// numbers in the same order; only the storage differs.
//
// Example:
//   const w = new Value(0.5), x = new Value(2);
//   const tape = Tape.record(w.mul(x).tanh(), [w, x]);
//   tape.values[0] = -1; tape.forward(); tape.backward(); tape.grads[0]  // ∂tanh(w·x)/∂w at w = -1

import { OP_CODE, OP_RULES, type PrimitiveOp } from './ops';
import { topologicalOrder, type Value } from './value';

const { add: ADD, mul: MUL, tanh: TANH, relu: RELU } = OP_CODE;
const [add, mul, tanh, relu] = [OP_RULES[ADD], OP_RULES[MUL], OP_RULES[TANH], OP_RULES[RELU]];

export class Tape {
  /** Number of slots: leaves first (in the order given to record), then constants, then ops. */
  readonly size: number;
  /** Slots 0 .. leafCount-1 are the leaves: write their values here before forward(). */
  readonly leafCount: number;
  /** Slot of the recorded output. */
  readonly output: number;
  /** Slots of the extra nodes passed as `watch` to record, in that order. */
  readonly watched: Int32Array;
  readonly values: Float64Array;
  readonly grads: Float64Array;
  private readonly firstOp: number;
  private readonly code: Uint8Array;
  /** The op's input slots at [2n] and [2n + 1]; the second is -1 for unary ops. Interleaved (like `locals`)
   * so the loops hold few arrays in registers: separate arrays measured ~2× slower. */
  private readonly inputs: Int32Array;
  /** ∂slot/∂input at [2n] and [2n + 1], from the last forward(). */
  private readonly locals: Float64Array;
  /** The op's constant (pow's exponent). */
  private readonly constant: Float64Array;

  private constructor(size: number, leafCount: number, firstOp: number, output: number, watched: Int32Array) {
    this.size = size;
    this.leafCount = leafCount;
    this.firstOp = firstOp;
    this.output = output;
    this.watched = watched;
    this.values = new Float64Array(size);
    this.grads = new Float64Array(size);
    this.code = new Uint8Array(size);
    this.inputs = new Int32Array(2 * size).fill(-1);
    this.locals = new Float64Array(2 * size);
    this.constant = new Float64Array(size);
  }

  /**
   * Records the graph that `output` depends on. `leaves` become the writable slots 0..leaves.length-1; any
   * other node without inputs is baked in as a constant with its current value. `watch` lists nodes whose
   * slots you want to read after forward() (e.g. the per-point scores).
   */
  static record(output: Value, leaves: readonly Value[], watch: readonly Value[] = []): Tape {
    const order = topologicalOrder(output);
    const slot = new Map<Value, number>();
    leaves.forEach((leaf, i) => {
      if (slot.has(leaf)) throw new Error(`Tape.record: leaf ${i} is listed twice`);
      slot.set(leaf, i);
    });
    let next = leaves.length;
    for (const node of order) if (node.inputs.length === 0 && !slot.has(node)) slot.set(node, next++);
    const firstOp = next;
    for (const node of order) if (node.inputs.length > 0) slot.set(node, next++);

    const watched = Int32Array.from(watch, (node) => {
      const s = slot.get(node);
      if (s === undefined) throw new Error('Tape.record: a watched node is not part of the graph');
      return s;
    });
    const tape = new Tape(next, leaves.length, firstOp, slot.get(output)!, watched);
    for (const [node, s] of slot) {
      tape.values[s] = node.data;
      if (node.inputs.length === 0) continue;
      tape.code[s] = OP_CODE[node.op as PrimitiveOp];
      tape.constant[s] = node.k;
      tape.inputs[2 * s] = slot.get(node.inputs[0])!;
      if (node.inputs.length > 1) tape.inputs[2 * s + 1] = slot.get(node.inputs[1])!;
      tape.locals[2 * s] = node.localGrads[0];
      if (node.inputs.length > 1) tape.locals[2 * s + 1] = node.localGrads[1];
    }
    return tape;
  }

  /** Recomputes every op (values and local derivatives) from the current leaf values; returns the output. */
  forward(): number {
    const { values, code, inputs, locals, firstOp, size } = this;
    for (let n = firstOp; n < size; n++) {
      const op = code[n];
      const a = values[inputs[2 * n]];
      let out: number;
      // The ops an MLP is made of get their own branch, so each call site sees one rule and the JIT inlines
      // it; the others share one generic call through the table (megamorphic, several times slower per op,
      // but rare). An if-chain, most frequent first, measured faster here than a switch.
      if (op === MUL) {
        const b = values[inputs[2 * n + 1]];
        out = mul.forward(a, b, 0);
        locals[2 * n] = mul.dA(a, b, out, 0);
        locals[2 * n + 1] = mul.dB(a, b, out, 0);
      } else if (op === ADD) {
        // add's local derivatives are the constants 1 and 1, written once by record().
        out = add.forward(a, values[inputs[2 * n + 1]], 0);
      } else if (op === TANH) {
        out = tanh.forward(a, 0, 0);
        locals[2 * n] = tanh.dA(a, 0, out, 0);
      } else if (op === RELU) {
        out = relu.forward(a, 0, 0);
        locals[2 * n] = relu.dA(a, 0, out, 0);
      } else {
        out = this.forwardGeneric(n, a);
      }
      values[n] = out;
    }
    return values[this.output];
  }

  /** Any op, through the table: computes slot n's value and locals; `a` is its first input's value. */
  private forwardGeneric(n: number, a: number): number {
    const rule = OP_RULES[this.code[n]];
    const bSlot = this.inputs[2 * n + 1];
    const b = bSlot >= 0 ? this.values[bSlot] : 0;
    const k = this.constant[n];
    const out = rule.forward(a, b, k);
    this.locals[2 * n] = rule.dA(a, b, out, k);
    if (bSlot >= 0) this.locals[2 * n + 1] = rule.dB(a, b, out, k);
    return out;
  }

  /**
   * Sets `grads` to seed × ∂output/∂slot, from the locals of the last forward(). With `accumulate`, the leaf
   * slots add to what they hold instead, so a batch can sum its points' gradients into the weights:
   * `tape.backward(1 / n, true)` once per point.
   */
  backward(seed = 1, accumulate = false): void {
    const { grads, inputs, locals, firstOp, size } = this;
    grads.fill(0, accumulate ? this.leafCount : 0);
    grads[this.output] += seed;
    for (let n = size - 1; n >= firstOp; n--) {
      const g = grads[n];
      // As in Value.backward: a zero gradient passes nothing back (e.g. a point beyond its hinge margin).
      if (g === 0) continue;
      grads[inputs[2 * n]] += g * locals[2 * n];
      const bSlot = inputs[2 * n + 1];
      if (bSlot >= 0) grads[bSlot] += g * locals[2 * n + 1];
    }
  }
}
