// The primitive operations of the autograd core: each op's forward rule and its local derivatives, written
// side by side. This table is the only place a derivative is written. The object graph (value.ts) and the
// typed-array tape (tape.ts) both read it, so the drawn graph and the fast training path cannot disagree.
// Composite ops (sub, div, neg, sqrt) are built from these primitives in value.ts and need no rule here.

/** Names of the primitive ops, in op-code order (the tape stores the index). */
export const PRIMITIVE_OPS = [
  'add',
  'mul',
  'pow',
  'exp',
  'log',
  'tanh',
  'sigmoid',
  'relu',
  'sin',
  'cos',
  'abs',
] as const;

export type PrimitiveOp = (typeof PRIMITIVE_OPS)[number];

/**
 * One primitive: `out = forward(a, b, k)` and its partial derivatives at that point.
 * `k` is the op's constant (the exponent of pow; 0 elsewhere). Derivatives get `out` as well, because
 * several are cheapest in terms of the output (exp, tanh, sigmoid).
 */
export interface OpRule {
  readonly name: PrimitiveOp;
  readonly arity: 1 | 2;
  /** How the op is drawn in a graph node ('+', '×', 'tanh'; pow appends its exponent). */
  readonly symbol: string;
  forward(a: number, b: number, k: number): number;
  /** ∂out/∂a. */
  dA(a: number, b: number, out: number, k: number): number;
  /** ∂out/∂b; 0 for unary ops. */
  dB(a: number, b: number, out: number, k: number): number;
}

const noSecondInput = (): number => 0;

// Each entry reads as "forward | local derivative". Kinks: relu'(0) = 0 and abs'(0) = 0 (a subgradient,
// the same choice as tfjs and PyTorch), so a gradient is always a finite number there.
const RULES: Record<PrimitiveOp, Omit<OpRule, 'name'>> = {
  add: { arity: 2, symbol: '+', forward: (a, b) => a + b, dA: () => 1, dB: () => 1 },
  mul: { arity: 2, symbol: '×', forward: (a, b) => a * b, dA: (_a, b) => b, dB: (a) => a },
  pow: {
    arity: 1,
    symbol: '^',
    forward: (a, _b, k) => a ** k,
    dA: (a, _b, _out, k) => k * a ** (k - 1),
    dB: noSecondInput,
  },
  exp: { arity: 1, symbol: 'exp', forward: (a) => Math.exp(a), dA: (_a, _b, out) => out, dB: noSecondInput },
  log: { arity: 1, symbol: 'log', forward: (a) => Math.log(a), dA: (a) => 1 / a, dB: noSecondInput },
  tanh: {
    arity: 1,
    symbol: 'tanh',
    forward: (a) => Math.tanh(a),
    dA: (_a, _b, out) => 1 - out * out,
    dB: noSecondInput,
  },
  sigmoid: {
    arity: 1,
    symbol: 'σ',
    forward: (a) => 1 / (1 + Math.exp(-a)),
    dA: (_a, _b, out) => out * (1 - out),
    dB: noSecondInput,
  },
  relu: {
    arity: 1,
    symbol: 'relu',
    forward: (a) => (a > 0 ? a : 0),
    dA: (a) => (a > 0 ? 1 : 0),
    dB: noSecondInput,
  },
  sin: { arity: 1, symbol: 'sin', forward: (a) => Math.sin(a), dA: (a) => Math.cos(a), dB: noSecondInput },
  cos: { arity: 1, symbol: 'cos', forward: (a) => Math.cos(a), dA: (a) => -Math.sin(a), dB: noSecondInput },
  abs: {
    arity: 1,
    symbol: 'abs',
    forward: (a) => Math.abs(a),
    dA: (a) => (a > 0 ? 1 : a < 0 ? -1 : 0),
    dB: noSecondInput,
  },
};

/** The op rules indexed by op code: `OP_RULES[OP_CODE.tanh].forward(0.5, 0, 0)`. */
export const OP_RULES: readonly OpRule[] = PRIMITIVE_OPS.map((name) => ({ name, ...RULES[name] }));

/** Op code of each primitive: `OP_CODE.mul === 1`. */
export const OP_CODE = Object.fromEntries(PRIMITIVE_OPS.map((name, code) => [name, code])) as Record<
  PrimitiveOp,
  number
>;
