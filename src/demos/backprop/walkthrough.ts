// Stepping through backprop on an expression graph: first the forward pass, one node at a time in
// topological order, then the backward pass, one node at a time in reverse order. A frame says what is
// known at a step (values, partial and complete gradients), what to highlight, and the arithmetic to
// show: "upstream grad × local derivative = added to the input's grad", with the sum where paths meet.
// Pure data; the view draws it.
//
// Example: const w = createWalkthrough(buildGraph('x*y + x', { x: 2, y: 3 })); frameAt(w, w.total);
import { backwardSteps, type BackwardStep, type ExpressionGraph, type GraphNode } from '../../autograd';

export interface Walkthrough {
  graph: ExpressionGraph;
  backward: BackwardStep[];
  /** Number of steps: one per node forward, one per node backward. Frame indices run 0..total. */
  total: number;
}

export interface Frame {
  index: number;
  phase: 'start' | 'forward' | 'backward' | 'done';
  /** The node computed (forward) or passing its gradient back (backward) at this step. */
  active: number | null;
  activeInputs: number[];
  /** Values known so far (null = not computed yet). */
  values: (number | null)[];
  /** Gradients accumulated so far (null = none yet). */
  grads: (number | null)[];
  /** Whether a node's gradient is complete (it has passed it on, or it is a leaf with every path in). */
  complete: boolean[];
  /** The arithmetic of this step, one line per edge. */
  lines: string[];
}

export function createWalkthrough(graph: ExpressionGraph): Walkthrough {
  return { graph, backward: backwardSteps(graph), total: graph.nodes.length * 2 };
}

/** Four significant digits, with −0 shown as 0. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-4) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

/** How a node is named in the step text: a variable by its name, a constant by its value, an op as n<id>. */
export function nodeName(node: GraphNode): string {
  return node.op === 'var' || node.op === 'const' ? node.label : `n${node.id}`;
}

function forwardLine(graph: ExpressionGraph, node: GraphNode): string {
  if (node.op === 'var') return `${node.label} = ${fmt(node.value)} (input)`;
  if (node.op === 'const') return `constant ${fmt(node.value)}`;
  const args = node.inputs.map((i) => graph.nodes[i]!);
  const names = args.map(nodeName);
  const values = args.map((a) => fmt(a.value));
  const infix = ['+', '×', '−', '÷'].includes(node.label) && args.length === 2;
  const formula = infix
    ? `${names[0]} ${node.label} ${names[1]} = ${values[0]} ${node.label} ${values[1]}`
    : node.op === 'pow'
      ? `${names[0]}${node.label} = ${values[0]}${node.label}`
      : `${node.label}(${names.join(', ')}) = ${node.label}(${values.join(', ')})`;
  return `${nodeName(node)} = ${formula} = ${fmt(node.value)}`;
}

export function frameAt(w: Walkthrough, index: number): Frame {
  const { graph } = w;
  const n = graph.nodes.length;
  const i = Math.max(0, Math.min(w.total, Math.round(index)));
  const values: (number | null)[] = graph.nodes.map((node, k) => (k < Math.min(i, n) ? node.value : null));
  const grads: (number | null)[] = new Array(n).fill(null);
  const complete = new Array<boolean>(n).fill(false);
  let lines: string[] = [];
  let active: number | null = null;
  let activeInputs: number[] = [];

  if (i >= 1 && i <= n) {
    const node = graph.nodes[i - 1]!;
    active = node.id;
    activeInputs = [...new Set(node.inputs)];
    lines = [forwardLine(graph, node)];
  }
  const backwardDone = Math.max(0, i - n);
  for (let s = 0; s < backwardDone; s++) {
    const step = w.backward[s]!;
    const node = graph.nodes[step.node]!;
    grads[step.node] = step.grad;
    complete[step.node] = true;
    if (s === backwardDone - 1) {
      active = step.node;
      activeInputs = [...new Set(step.edges.map((e) => e.input))];
      lines =
        s === 0
          ? [`∂L/∂${nodeName(node)} = 1 (the output's gradient with respect to itself)`]
          : [
              `∂L/∂${nodeName(node)} = ${fmt(step.grad)} is complete: every consumer has passed its share back`,
            ];
    }
    for (const e of step.edges) {
      const before = grads[e.input];
      grads[e.input] = e.inputGradAfter;
      if (s !== backwardDone - 1) continue;
      const target = nodeName(graph.nodes[e.input]!);
      let line = `∂L/∂${target} += ${fmt(step.grad)} × ${fmt(e.localGrad)} = ${fmt(e.contribution)}`;
      if (before !== null)
        line += `; paths meet: ${fmt(before)} + ${fmt(e.contribution)} = ${fmt(e.inputGradAfter)}`;
      lines.push(line);
    }
  }
  // A leaf's gradient is complete once every consumer has passed back, i.e. when the pass is over.
  if (i === w.total) for (let k = 0; k < n; k++) complete[k] = true;
  const phase = i === 0 ? 'start' : i <= n ? 'forward' : i < w.total ? 'backward' : 'done';
  if (phase === 'done' && lines.length === 0) lines = ['Backward pass complete.'];
  return { index: i, phase, active, activeInputs, values, grads, complete, lines };
}
