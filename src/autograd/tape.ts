// The training fast path: a Value graph recorded once onto a tape of typed arrays (op codes, input indices,
// values, local derivatives, grads), then replayed forward and backward as many times as needed without
// allocating. Replaying reads the same op table (ops.ts) as Value does, so both paths compute the same
// numbers in the same order; only the storage differs.
//
// Example:
//   const w = new Value(0.5), x = new Value(2);
//   const tape = Tape.record(w.mul(x).tanh(), [w, x]);
//   tape.values[0] = -1; tape.forward(); tape.backward(); tape.grads[0]  // ∂tanh(w·x)/∂w at w = -1

import { OP_CODE, OP_RULES, PRIMITIVE_OPS, type PrimitiveOp } from './ops';
import { topologicalOrder, type Value } from './value';

const [add, mul, pow, exp, log, tanh, sigmoid, relu, sin, cos, abs] = OP_RULES;
const [ADD, MUL, POW, EXP, LOG, TANH, SIGMOID, RELU, SIN, COS] = PRIMITIVE_OPS.map((_, code) => code);

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
  private readonly inputA: Int32Array;
  /** -1 for unary ops. */
  private readonly inputB: Int32Array;
  private readonly constant: Float64Array;
  private readonly localA: Float64Array;
  private readonly localB: Float64Array;

  private constructor(size: number, leafCount: number, firstOp: number, output: number, watched: Int32Array) {
    this.size = size;
    this.leafCount = leafCount;
    this.firstOp = firstOp;
    this.output = output;
    this.watched = watched;
    this.values = new Float64Array(size);
    this.grads = new Float64Array(size);
    this.code = new Uint8Array(size);
    this.inputA = new Int32Array(size);
    this.inputB = new Int32Array(size).fill(-1);
    this.constant = new Float64Array(size);
    this.localA = new Float64Array(size);
    this.localB = new Float64Array(size);
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
      tape.inputA[s] = slot.get(node.inputs[0])!;
      if (node.inputs.length > 1) tape.inputB[s] = slot.get(node.inputs[1])!;
    }
    return tape;
  }

  /** Recomputes every op from the current leaf values and returns the output's value. */
  forward(): number {
    const { values, code, inputA, inputB, constant, localA, localB } = this;
    for (let n = this.firstOp; n < this.size; n++) {
      const a = values[inputA[n]];
      const bSlot = inputB[n];
      const b = bSlot >= 0 ? values[bSlot] : 0;
      const k = constant[n];
      // One case per op, each calling its own rule: every call site sees a single function, so the JIT
      // inlines the rule. (One generic call through OP_RULES[code] is megamorphic and ~10× slower.)
      let out: number;
      let dA: number;
      let dB = 0;
      switch (code[n]) {
        case ADD:
          out = add.forward(a, b, k);
          dA = add.dA(a, b, out, k);
          dB = add.dB(a, b, out, k);
          break;
        case MUL:
          out = mul.forward(a, b, k);
          dA = mul.dA(a, b, out, k);
          dB = mul.dB(a, b, out, k);
          break;
        case POW:
          out = pow.forward(a, b, k);
          dA = pow.dA(a, b, out, k);
          break;
        case EXP:
          out = exp.forward(a, b, k);
          dA = exp.dA(a, b, out, k);
          break;
        case LOG:
          out = log.forward(a, b, k);
          dA = log.dA(a, b, out, k);
          break;
        case TANH:
          out = tanh.forward(a, b, k);
          dA = tanh.dA(a, b, out, k);
          break;
        case SIGMOID:
          out = sigmoid.forward(a, b, k);
          dA = sigmoid.dA(a, b, out, k);
          break;
        case RELU:
          out = relu.forward(a, b, k);
          dA = relu.dA(a, b, out, k);
          break;
        case SIN:
          out = sin.forward(a, b, k);
          dA = sin.dA(a, b, out, k);
          break;
        case COS:
          out = cos.forward(a, b, k);
          dA = cos.dA(a, b, out, k);
          break;
        default:
          out = abs.forward(a, b, k);
          dA = abs.dA(a, b, out, k);
      }
      values[n] = out;
      localA[n] = dA;
      localB[n] = dB;
    }
    return values[this.output];
  }

  /** Fills `grads` with ∂output/∂slot for every slot, from the locals of the last forward(). */
  backward(): void {
    const { grads, inputA, inputB, localA, localB } = this;
    grads.fill(0);
    grads[this.output] = 1;
    for (let n = this.size - 1; n >= this.firstOp; n--) {
      const g = grads[n];
      grads[inputA[n]] += g * localA[n];
      const bSlot = inputB[n];
      if (bSlot >= 0) grads[bSlot] += g * localB[n];
    }
  }
}
