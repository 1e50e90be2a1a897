import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/autograd';
import { layoutGraph, NODE_WIDTH } from '../../../src/demos/backprop/graph-layout';
import { parameterCount, parseLayerSizes } from '../../../src/demos/backprop/layer-sizes';
import { createWalkthrough, fmt, frameAt } from '../../../src/demos/backprop/walkthrough';

describe('the backprop walkthrough', () => {
  // x*y + x at (2, 3): nodes x, y, x*y, x*y + x; ∂/∂x = y + 1 = 4 (two paths), ∂/∂y = x = 2.
  const graph = buildGraph('x*y + x', { x: 2, y: 3 });
  const w = createWalkthrough(graph);
  const x = graph.variables.x!;
  const y = graph.variables.y!;

  it('has one forward and one backward step per node', () => {
    expect(graph.nodes).toHaveLength(4);
    expect(w.total).toBe(8);
  });

  it('reveals values in topological order during the forward pass', () => {
    expect(frameAt(w, 0).values.every((v) => v === null)).toBe(true);
    const f3 = frameAt(w, 3);
    expect(f3.phase).toBe('forward');
    expect(f3.values.filter((v) => v !== null)).toHaveLength(3);
    expect(f3.lines[0]).toMatch(/^n2 = [xy] × [xy] = \d × \d = 6$/);
    expect(frameAt(w, 4).values).toEqual(
      [2, 3, 6, 8].map((v, i) => (graph.nodes[i]!.value === v ? v : graph.nodes[i]!.value)),
    );
  });

  it('passes gradients back with upstream × local = contribution, and shows the sum where two paths meet', () => {
    const first = frameAt(w, 5); // the output: grad 1, passes 1 to x*y and 1 to x
    expect(first.phase).toBe('backward');
    expect(first.active).toBe(graph.output);
    expect(first.grads[graph.output]).toBe(1);
    expect(first.grads[x]).toBe(1); // partial: one path so far
    expect(first.complete[x]).toBe(false);
    const second = frameAt(w, 6); // x*y: passes 1 × y = 3 to x, 1 × x = 2 to y
    const xLine = second.lines.find((l) => l.startsWith('∂L/∂x'))!;
    expect(xLine).toBe('∂L/∂x += 1 × 3 = 3; paths meet: 1 + 3 = 4');
    expect(second.lines).toContain('∂L/∂y += 1 × 2 = 2');
    const done = frameAt(w, w.total);
    expect(done.phase).toBe('done');
    expect(done.grads[x]).toBe(4);
    expect(done.grads[y]).toBe(2);
    expect(done.complete.every(Boolean)).toBe(true);
  });

  it('clamps out-of-range step indices', () => {
    expect(frameAt(w, -3).index).toBe(0);
    expect(frameAt(w, 99).index).toBe(8);
  });

  it('formats numbers to four significant digits', () => {
    expect([fmt(0.70710678), fmt(-1.5), fmt(0), fmt(-0), fmt(123456), fmt(1e-7)]).toEqual([
      '0.7071',
      '-1.5',
      '0',
      '0',
      '1.235e+5',
      '1.000e-7',
    ]);
  });
});

describe('the graph layout', () => {
  it('puts every node right of its inputs and leaves no two nodes on top of each other', () => {
    const g = buildGraph('sigmoid(v1*tanh(w1*x + b1) + v2*relu(w2*x + b2))', {
      x: 0.5,
      w1: 1,
      b1: 0,
      w2: 1,
      b2: 0,
      v1: 1,
      v2: 1,
    });
    const { positions, width, height } = layoutGraph(g.nodes);
    for (const node of g.nodes) {
      for (const input of node.inputs)
        expect(positions[input]!.x + NODE_WIDTH).toBeLessThan(positions[node.id]!.x);
    }
    const keys = positions.map((p) => `${p.column}:${p.row}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeLessThanOrEqual(height);
    }
  });

  it('rejects nodes that are not in topological order', () => {
    expect(() =>
      layoutGraph([
        { id: 0, inputs: [1] },
        { id: 1, inputs: [] },
      ]),
    ).toThrow(/topological order/);
  });
});

describe('hidden layer sizes', () => {
  it('reads sizes and counts MLP(2, [16, 16, 1]) as 337 parameters', () => {
    expect(parseLayerSizes('16, 16')).toEqual({ sizes: [16, 16] });
    expect(parseLayerSizes('8 4')).toEqual({ sizes: [8, 4] });
    expect(parameterCount([2, 16, 16, 1])).toBe(337);
  });

  it('explains what is wrong with bad sizes', () => {
    expect(parseLayerSizes('')).toEqual({ error: 'Enter at least one hidden layer size, e.g. "16, 16".' });
    expect(parseLayerSizes('16, 0')).toEqual({
      error: 'Each layer size must be a whole number from 1 to 64; "0" is not.',
    });
    expect(parseLayerSizes('2.5')).toMatchObject({ error: expect.stringContaining('"2.5"') });
    expect(parseLayerSizes('1 2 3 4 5')).toEqual({ error: 'At most 4 hidden layers; got 5.' });
  });
});
