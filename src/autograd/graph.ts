// The computation graph of an expression as plain data, for drawing and for stepping through backprop:
// nodes in topological order with their values, gradients and per-edge local derivatives, and the
// backward pass replayed one node at a time.
//
// Example:
//   const graph = buildGraph('x*y + x', { x: 2, y: 3 });
//   graph.nodes[graph.variables.x].grad  // 4
//   backwardSteps(graph)[0]              // the output: grad 1, and what it adds to each input

import { expressionToValue } from './expression';
import { OP_CODE, OP_RULES, type PrimitiveOp } from './ops';
import { topologicalOrder, type Value } from './value';

export interface GraphNode {
  /** Index of the node in `nodes`; inputs always have smaller ids than their consumers. */
  id: number;
  /** 'var' for a variable, 'const' for a number, else the primitive op. */
  op: 'var' | 'const' | PrimitiveOp;
  /** What to draw: the variable's name, the number, or the op's symbol ('+', '×', 'tanh', '^2'). */
  label: string;
  value: number;
  /** ∂output/∂node at this point. */
  grad: number;
  /** Ids of the inputs, one entry per use: x*x has [x, x]. */
  inputs: number[];
  /** ∂node/∂inputs[i] at this point, the local derivative on each incoming edge. */
  localGrads: number[];
}

export interface ExpressionGraph {
  expr: string;
  nodes: GraphNode[];
  /** Id of the output node (the last one). */
  output: number;
  /** Id of each variable's node; a variable used several times is one node. */
  variables: Record<string, number>;
}

export interface BackwardEdge {
  /** Id of the input that receives gradient along this edge. */
  input: number;
  /** ∂node/∂input. */
  localGrad: number;
  /** node.grad × localGrad: what this edge adds to the input's gradient. */
  contribution: number;
  /** The input's gradient after adding this contribution (earlier steps included). */
  inputGradAfter: number;
}

export interface BackwardStep {
  /** Id of the node whose gradient is passed back in this step. */
  node: number;
  /** Its gradient, complete at this point (every consumer has already passed its share back). */
  grad: number;
  /** One entry per input; empty for variables and constants. */
  edges: BackwardEdge[];
}

/**
 * Parses `expr`, runs forward and backward at `at`, and returns the graph as plain data.
 * Throws an Error naming the problem for a syntax error, an unknown function, an unbound variable, a
 * variable exponent, a non-finite input, or a sub-expression that is not finite at `at`.
 */
export function buildGraph(expr: string, at: Record<string, number>): ExpressionGraph {
  const { output, variables } = expressionToValue(expr, at);
  output.backward();
  const order = topologicalOrder(output);
  const id = new Map<Value, number>(order.map((node, i) => [node, i]));
  const nodes = order.map((node, i): GraphNode => ({
    id: i,
    op: node.op === 'leaf' ? 'var' : node.op,
    label: labelOf(node),
    value: node.data,
    grad: node.grad,
    inputs: node.inputs.map((input) => id.get(input)!),
    localGrads: node.localGrads.slice(),
  }));
  const variableIds: Record<string, number> = {};
  for (const [name, leaf] of variables) variableIds[name] = id.get(leaf)!;
  return { expr, nodes, output: order.length - 1, variables: variableIds };
}

/**
 * Value and gradient of `expr` at `at`: `gradients('x*y + x', { x: 2, y: 3 })` gives
 * `{ value: 8, grads: { x: 4, y: 2 } }`. Every name in `at` gets a gradient (0 if the expression does not
 * use it). Gradients can be ±Infinity at a singular point (sqrt(x) at x = 0); relu'(0) = abs'(0) = 0.
 */
export function gradients(
  expr: string,
  at: Record<string, number>,
): { value: number; grads: Record<string, number> } {
  const graph = buildGraph(expr, at);
  const grads: Record<string, number> = {};
  for (const name of Object.keys(at)) {
    const node = graph.variables[name];
    grads[name] = node === undefined ? 0 : graph.nodes[node].grad;
  }
  return { value: graph.nodes[graph.output].value, grads };
}

/**
 * The backward pass as data, one step per node in reverse topological order (output first): the node's
 * gradient and, for each input edge, upstream grad × local derivative = contribution added to the input.
 * Replays the accumulation of Value.backward from the graph's own local derivatives, so the last
 * `inputGradAfter` seen for each node equals its `grad`.
 *
 * Example: for (const step of backwardSteps(graph)) for (const e of step.edges) draw(step.node, e)
 */
export function backwardSteps(graph: ExpressionGraph): BackwardStep[] {
  const grad = new Float64Array(graph.nodes.length);
  grad[graph.output] = 1;
  const steps: BackwardStep[] = [];
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const node = graph.nodes[i];
    const edges = node.inputs.map((input, j): BackwardEdge => {
      const localGrad = node.localGrads[j];
      // A zero gradient passes nothing back, as in Value.backward (so 0 × ∞ adds 0, not NaN).
      const contribution = grad[i] === 0 ? 0 : grad[i] * localGrad;
      grad[input] += contribution;
      return { input, localGrad, contribution, inputGradAfter: grad[input] };
    });
    steps.push({ node: i, grad: grad[i], edges });
  }
  return steps;
}

function labelOf(node: Value): string {
  if (node.op === 'leaf' || node.op === 'const') return node.label;
  const symbol = OP_RULES[OP_CODE[node.op]].symbol;
  return node.op === 'pow' ? `${symbol}${Number(node.k.toPrecision(4))}` : symbol;
}
