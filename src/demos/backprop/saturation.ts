// Saturated squashing nodes: a tanh or sigmoid whose local derivative (1 − tanh², σ(1 − σ)) is below a
// threshold passes almost no gradient back, so every variable behind it gets a gradient near 0. The graph
// and the verification table flag them, so a vanishing gradient reads as saturation, not as a broken
// backprop. Pure data.
//
// Example: saturatedNodes(buildGraph('tanh(x*w + b)', { x: 1, w: 1, b: 6.88 }))  // [{ id: 5, local: 5.7e-6 }]
import type { ExpressionGraph } from '../../autograd';

/** A tanh or σ node counts as saturated when its local derivative is below this (issue 17's 1e-3). */
export const SATURATION_THRESHOLD = 1e-3;

export interface SaturatedNode {
  id: number;
  op: 'tanh' | 'sigmoid';
  /** The node's local derivative at this point. */
  local: number;
  /** The variables upstream of the node, whose gradients pass through it. */
  behind: string[];
}

export function saturatedNodes(graph: ExpressionGraph, threshold = SATURATION_THRESHOLD): SaturatedNode[] {
  const out: SaturatedNode[] = [];
  for (const node of graph.nodes) {
    if (node.op !== 'tanh' && node.op !== 'sigmoid') continue;
    const local = node.localGrads[0]!;
    if (!(Math.abs(local) < threshold)) continue;
    const upstream = new Set<number>();
    const stack = [...node.inputs];
    while (stack.length) {
      const id = stack.pop()!;
      if (upstream.has(id)) continue;
      upstream.add(id);
      stack.push(...graph.nodes[id]!.inputs);
    }
    const behind = Object.entries(graph.variables)
      .filter(([, id]) => upstream.has(id))
      .map(([name]) => name);
    out.push({ id: node.id, op: node.op, local, behind });
  }
  return out;
}
