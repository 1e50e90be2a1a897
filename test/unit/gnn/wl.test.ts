// Expressiveness: two triangles and a 6-cycle are not isomorphic (2 triangles against none) yet 1-WL and a
// sum-aggregation message-passing network with random weights cannot tell them apart; a pair WL does
// separate gets different readouts. And the message-passing stepper against a hand-worked node.
import { describe, expect, it } from 'vitest';
import {
  colourHistogram,
  graphFromEdges,
  messagePassing,
  STEPPER_WEIGHTS,
  stepperGraph,
  sumReadout,
  twoTrianglesAndHexagon,
  wlEquivalent,
  wlRefine,
  type Graph,
} from '../../../kernels/gnn';

const triangles = (g: Graph) => {
  let t = 0;
  for (let i = 0; i < g.n; i++)
    for (const j of g.neighbours[i]!)
      for (const k of g.neighbours[j]!) if (i < j && j < k && g.neighbours[k]!.includes(i)) t++;
  return t;
};

describe('1-WL and a sum-aggregation MPNN', () => {
  const [a, b] = twoTrianglesAndHexagon();
  const path = graphFromEdges(6, [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
  ]);

  it('two triangles vs a 6-cycle: not isomorphic, WL-equivalent, one colour everywhere', () => {
    expect([triangles(a), triangles(b)]).toEqual([2, 0]);
    expect(wlEquivalent(a, b)).toBe(true);
    const rounds = wlRefine([a, b]);
    expect(rounds.at(-1)!.map(colourHistogram)).toEqual(['0×6', '0×6']);
  });

  it('gives them the same readout for random weights (5 seeds), and differs on a pair WL separates', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const opts = { layers: 3, width: 8, seed };
      const [ra, rb] = [sumReadout(a, opts), sumReadout(b, opts)];
      ra.forEach((v, k) => expect(v).toBeCloseTo(rb[k]!, 12));
      expect(ra.some((v) => v > 0)).toBe(true);
    }
    expect(wlEquivalent(a, path)).toBe(false);
    const opts = { layers: 3, width: 8, seed: 1 };
    const gap = sumReadout(a, opts).reduce((s, v, k) => s + Math.abs(v - sumReadout(path, opts)[k]!), 0);
    expect(gap).toBeGreaterThan(1e-3);
  });

  it('colours the path by distance from its ends', () => {
    expect(wlRefine([path]).at(-1)![0]).toEqual([0, 1, 2, 2, 1, 0]);
  });
});

describe('messagePassing (the stepper)', () => {
  it('node 3 of the stepper graph: messages from 2, 4, 5; mean aggregate; ReLU update by hand', () => {
    const { graph, features } = stepperGraph();
    const u = messagePassing(graph, features, 'mean', STEPPER_WEIGHTS)[3]!;
    expect(u.messages.map((m) => m.from)).toEqual([2, 4, 5]);
    // mean of (1,1), (0,−1), (2,0) = (1, 0); h = (−1, 0); W_n m = (0.5, 0.5); h' = ReLU(−0.5, 0.5)
    expect(u.aggregate).toEqual([1, 0]);
    expect(u.update).toEqual([0, 0.5]);
    const sum = messagePassing(graph, features, 'sum', STEPPER_WEIGHTS)[3]!;
    expect(sum.aggregate).toEqual([3, 0]);
  });
});
