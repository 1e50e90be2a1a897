// The expression graph as data (for drawing) and the backward pass as steps (for the step-through view).
import { describe, expect, test } from 'vitest';
import { backwardSteps, buildGraph, gradients } from '../../../src/autograd';

describe('buildGraph', () => {
  test('x*y + x: x is one node with two consumers, nodes in topological order, grads filled in', () => {
    const graph = buildGraph('x*y + x', { x: 2, y: 3 });
    const x = graph.variables.x;
    const y = graph.variables.y;
    const consumersOfX = graph.nodes.filter((n) => n.inputs.includes(x));
    expect(graph.nodes.filter((n) => n.op === 'var').map((n) => n.label)).toEqual(['x', 'y']);
    expect(consumersOfX.map((n) => n.op).sort()).toEqual(['add', 'mul']);
    for (const node of graph.nodes) for (const input of node.inputs) expect(input).toBeLessThan(node.id);
    expect(graph.nodes.map((n) => n.id)).toEqual(graph.nodes.map((_, i) => i));
    expect(graph.output).toBe(graph.nodes.length - 1);
    expect(graph.nodes[graph.output]).toMatchObject({ op: 'add', label: '+', value: 8, grad: 1 });
    expect(graph.nodes[x].grad).toBe(4);
    expect(graph.nodes[y].grad).toBe(2);
  });

  test('each edge carries the local derivative: ∂(x·y)/∂x = y, ∂(x·y)/∂y = x, ∂tanh(u)/∂u = 1 − tanh²', () => {
    const graph = buildGraph('tanh(x*y)', { x: 0.5, y: -2 });
    const mul = graph.nodes.find((n) => n.op === 'mul')!;
    expect(mul.inputs).toEqual([graph.variables.x, graph.variables.y]);
    expect(mul.localGrads).toEqual([-2, 0.5]);
    const tanh = graph.nodes[graph.output];
    expect(tanh.label).toBe('tanh');
    expect(tanh.localGrads[0]).toBeCloseTo(1 - Math.tanh(-1) ** 2, 15);
  });

  test('x*x lists x twice as input of one node, and its gradient is the sum 2x', () => {
    const graph = buildGraph('x*x', { x: 3 });
    expect(graph.nodes[graph.output].inputs).toEqual([graph.variables.x, graph.variables.x]);
    expect(graph.nodes[graph.variables.x].grad).toBe(6);
  });

  test('constants are folded and labelled, pow shows its exponent, composites use primitives', () => {
    const graph = buildGraph('2*pi*x - 1 + x^2 + sqrt(x) + 1/x', { x: 4 });
    const labels = graph.nodes.map((n) => n.label);
    expect(labels).toContain('6.283');
    expect(labels).toContain('-1');
    expect(labels).toContain('^2');
    expect(labels).toContain('^0.5');
    expect(labels).toContain('^-1');
    expect(new Set(graph.nodes.map((n) => n.op))).toEqual(new Set(['var', 'const', 'mul', 'add', 'pow']));
    expect(graph.nodes[graph.variables.x].grad).toBeCloseTo(2 * Math.PI + 8 + 0.25 - 1 / 16, 13);
  });

  test('a graph that is just a variable or a number is one node', () => {
    expect(buildGraph('x', { x: 1.5 }).nodes).toEqual([
      { id: 0, op: 'var', label: 'x', value: 1.5, grad: 1, inputs: [], localGrads: [] },
    ]);
    expect(gradients('3', {})).toEqual({ value: 3, grads: {} });
  });
});

describe('backwardSteps', () => {
  test('x*y + x at (2, 3): output first, each edge shows upstream × local = contribution, sums to the grads', () => {
    const graph = buildGraph('x*y + x', { x: 2, y: 3 });
    const steps = backwardSteps(graph);
    const { x, y } = graph.variables;
    expect(steps.map((s) => s.node)).toEqual(graph.nodes.map((n) => n.id).reverse());
    expect(steps[0].grad).toBe(1);
    const mulId = graph.nodes.find((n) => n.op === 'mul')!.id;
    expect(steps[0].edges).toEqual([
      { input: mulId, localGrad: 1, contribution: 1, inputGradAfter: 1 },
      { input: x, localGrad: 1, contribution: 1, inputGradAfter: 1 },
    ]);
    const mulStep = steps.find((s) => s.node === mulId)!;
    expect(mulStep.edges).toEqual([
      { input: x, localGrad: 3, contribution: 3, inputGradAfter: 4 },
      { input: y, localGrad: 2, contribution: 2, inputGradAfter: 2 },
    ]);
    expect(steps.find((s) => s.node === x)).toEqual({ node: x, grad: 4, edges: [] });
  });

  test("every node's step grad, and the last inputGradAfter into it, equal its grad from backward()", () => {
    const graph = buildGraph('sigmoid(a*b + c) * log(a^2 + 1) - relu(b - c) / (c^2 + 1)', {
      a: 0.7,
      b: -1.1,
      c: 0.4,
    });
    const lastInto = new Map<number, number>();
    for (const step of backwardSteps(graph)) {
      expect(step.grad).toBe(graph.nodes[step.node].grad);
      for (const edge of step.edges) {
        expect(edge.localGrad).toBe(graph.nodes[step.node].localGrads[step.edges.indexOf(edge)]);
        expect(edge.contribution).toBe(step.grad === 0 ? 0 : step.grad * edge.localGrad);
        lastInto.set(edge.input, edge.inputGradAfter);
      }
    }
    for (const [id, g] of lastInto) expect(g).toBe(graph.nodes[id].grad);
  });

  test('a zero gradient passes nothing back, so 0 × ∞ gives 0, not NaN, in backward() and in the steps', () => {
    // relu(-x) is 0 at x = 1, and ∂sqrt(y)/∂y is ∞ at y = 0.
    const graph = buildGraph('relu(-x) * sqrt(y)', { x: 1, y: 0 });
    expect(graph.nodes[graph.variables.y].grad).toBe(0);
    for (const step of backwardSteps(graph)) {
      for (const edge of step.edges) expect(Number.isNaN(edge.contribution)).toBe(false);
    }
  });
});
