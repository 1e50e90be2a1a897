// The expressions the backprop cell offers to start from, with the point to evaluate them at, and the values
// a typed expression's variables start at.

export interface ExpressionPreset {
  name: string;
  expr: string;
  at: Record<string, number>;
}

export const EXPRESSION_PRESETS: ExpressionPreset[] = [
  {
    name: 'tanh neuron',
    expr: 'tanh(w1*x1 + w2*x2 + b)',
    at: { x1: 2, x2: 0, w1: -3, w2: 1, b: 6.8813735870195432 },
  },
  {
    name: 'sigmoid with log loss',
    expr: '-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))',
    at: { y: 1, w: 0.5, x: 2, b: -0.3 },
  },
  { name: 'a node used twice', expr: 'x*y + x', at: { x: 2, y: 3 } },
  {
    name: 'two-layer composite',
    expr: 'sigmoid(v1*tanh(w1*x + b1) + v2*relu(w2*x + b2))',
    at: { x: 0.5, w1: 1.5, b1: -0.2, w2: -0.8, b2: 0.9, v1: 2, v2: -1.2 },
  },
];

/** Bounds of a variable's slider; typed values outside are clamped with a message. */
export const VARIABLE_RANGE = { min: -10, max: 10, step: 0.001 };

/**
 * The start value of a typed expression's i-th variable (in order of first appearance): 0.2 + 0.7·frac(0.5 +
 * i/φ), two decimals: 0.55, 0.28, 0.72, 0.45, 0.88, … Positive (log and sqrt are defined), distinct (x − y
 * is not 0), below 1 (a few products and sums stay off tanh's and σ's flat tails). No randomness, so no seed.
 */
export function startValue(i: number): number {
  const f = (0.5 + i * 0.6180339887498949) % 1;
  return Math.round((0.2 + 0.7 * f) * 100) / 100;
}
