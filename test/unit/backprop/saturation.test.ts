// Saturated nodes against the closed form tanh′(u) = 1/cosh²(u), σ′(u) = e^{−u}/(1 + e^{−u})², and the start
// values a typed expression gets (issue 17: tanh(x*w+b) started with the preset's b = 6.88).
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/autograd';
import { saturatedNodes } from '../../../src/demos/backprop/saturation';
import { valuesFor } from '../../../src/demos/backprop/settings';

describe('saturated nodes', () => {
  it("flags tanh(x*w + b) at b = 6.88 with tanh' = 1/cosh²(u), and names the variables behind it", () => {
    const at = { x: 0.55, w: 0.28, b: 6.88 };
    const graph = buildGraph('tanh(x*w + b)', at);
    const [node, ...rest] = saturatedNodes(graph);
    const u = 0.55 * 0.28 + 6.88;
    expect(rest).toEqual([]);
    expect(node!.op).toBe('tanh');
    expect(node!.id).toBe(graph.output);
    // 1 − tanh²(u) loses digits to cancellation near 1: compare relatively, to 1e-8.
    expect(Math.abs(node!.local * Math.cosh(u) ** 2 - 1)).toBeLessThan(1e-8);
    expect(node!.local).toBeLessThan(1e-3);
    expect(node!.behind.sort()).toEqual(['b', 'w', 'x']);
  });

  it('flags a σ at −9 but not the tanh before it; nothing at the start values', () => {
    const graph = buildGraph('sigmoid(tanh(x) - 9)', { x: 0.1 });
    const flagged = saturatedNodes(graph);
    const u = Math.tanh(0.1) - 9;
    expect(flagged.map((n) => n.op)).toEqual(['sigmoid']);
    expect(flagged[0]!.local).toBeCloseTo(Math.exp(-u) / (1 + Math.exp(-u)) ** 2, 15);
    expect(flagged[0]!.behind).toEqual(['x']);
    // A typed tanh(x*w + b) starts at x = 0.55, w = 0.28, b = 0.72: tanh' = 1/cosh²(0.874) ≈ 0.51.
    const start = valuesFor('tanh(x*w + b)', {});
    const fresh = buildGraph('tanh(x*w + b)', start);
    expect(saturatedNodes(fresh)).toEqual([]);
    expect(fresh.nodes[fresh.variables.b!]!.grad).toBeCloseTo(1 / Math.cosh(0.55 * 0.28 + 0.72) ** 2, 12);
  });
});
