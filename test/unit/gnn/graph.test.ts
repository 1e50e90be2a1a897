// The karate club against the published data (networkx's karate_club_graph: counts, degrees, the 17/17
// split), and gcnNormalize / aggregate on hand-worked graphs, with their size checks.
import { describe, expect, it } from 'vitest';
import {
  adjacencyFromEdges,
  forceLayout,
  aggregate,
  gcnNormalize,
  graphEdges,
  graphFromEdges,
  karateClub,
} from '../../../kernels/gnn';

describe('karateClub', () => {
  const { nodes, edges, faction } = karateClub();
  const degree = (v: number) => edges.filter(([a, b]) => a === v || b === v).length;

  it('has 34 members and 78 friendships, each once with the smaller index first', () => {
    expect(nodes).toBe(34);
    expect(edges).toHaveLength(78);
    expect(edges.every(([a, b]) => Number.isInteger(a) && a >= 0 && a < b && b < 34)).toBe(true);
    expect(new Set(edges.map(([a, b]) => `${a}-${b}`)).size).toBe(78);
  });

  it('has the published degrees: the instructor 16, the administrator 17, member 32 12', () => {
    expect(degree(0)).toBe(16);
    expect(degree(33)).toBe(17);
    expect(degree(32)).toBe(12);
    expect(degree(11)).toBe(1);
    expect(Array.from({ length: 34 }, (_, v) => degree(v)).reduce((a, b) => a + b, 0)).toBe(156);
  });

  it("splits 17/17 as networkx's club attribute: Mr. Hi's members get 0, the Officer's 1", () => {
    expect(faction).toHaveLength(34);
    expect(faction.filter((f) => f === 0)).toHaveLength(17);
    expect(faction.filter((f) => f === 1)).toHaveLength(17);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21].every((i) => faction[i] === 0)).toBe(
      true,
    );
    expect(faction[33]).toBe(1);
    expect(faction[9]).toBe(1);
  });
});

describe('gcnNormalize', () => {
  it('matches the hand-worked path 0–1–2: degrees with self-loops 2, 3, 2', () => {
    const s = Math.sqrt;
    const want = [
      [1 / 2, 1 / s(6), 0],
      [1 / s(6), 1 / 3, 1 / s(6)],
      [0, 1 / s(6), 1 / 2],
    ];
    const got = gcnNormalize(
      adjacencyFromEdges(3, [
        [0, 1],
        [1, 2],
      ]),
    );
    got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i]![j]!, 14)));
  });

  it('gives an isolated node a 1 on its diagonal', () => {
    expect(
      gcnNormalize([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('throws with the sizes on a non-square or asymmetric matrix', () => {
    expect(() =>
      gcnNormalize([
        [0, 1, 0],
        [1, 0, 0],
      ]),
    ).toThrow('adjacency must be square: 2 rows but row 0 has 3');
    expect(() =>
      gcnNormalize([
        [0, 1],
        [0, 0],
      ]),
    ).toThrow('symmetric: [0][1] = 1 but [1][0] = 0');
  });
});

describe('aggregate', () => {
  // Star 0–1, 0–2 and an isolated node 3.
  const a = adjacencyFromEdges(4, [
    [0, 1],
    [0, 2],
  ]);
  const x = [
    [1, -2],
    [3, 5],
    [-1, 4],
    [7, 7],
  ];

  it('sums, averages and takes the maximum over the neighbours, not the node itself', () => {
    expect(aggregate(a, x, 'sum')).toEqual([
      [2, 9],
      [1, -2],
      [1, -2],
      [0, 0],
    ]);
    expect(aggregate(a, x, 'mean')).toEqual([
      [1, 4.5],
      [1, -2],
      [1, -2],
      [0, 0],
    ]);
    expect(aggregate(a, x, 'max')).toEqual([
      [3, 5],
      [1, -2],
      [1, -2],
      [0, 0],
    ]);
  });

  it('throws with the sizes on features of the wrong row count', () => {
    expect(() => aggregate(a, x.slice(0, 3), 'sum')).toThrow('4 nodes but 3 rows');
  });

  it('lists every edge once, smaller index first', () => {
    expect(
      graphEdges(
        graphFromEdges(4, [
          [2, 0],
          [0, 1],
        ]),
      ),
    ).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });
});

describe('forceLayout', () => {
  it('puts the karate club in the unit square, repeatably, with friends closer than strangers', () => {
    const { nodes, edges } = karateClub();
    const g = graphFromEdges(nodes, edges);
    const p = forceLayout(g, 1);
    expect(forceLayout(g, 1)).toEqual(p);
    expect(p.flat().every((v) => v >= 0 && v <= 1)).toBe(true);
    const dist = (i: number, j: number) => Math.hypot(p[i]![0] - p[j]![0], p[i]![1] - p[j]![1]);
    const isEdge = new Set(edges.map(([a, b]) => `${a}-${b}`));
    let [ein, en, eout, eo] = [0, 0, 0, 0];
    for (let i = 0; i < nodes; i++)
      for (let j = i + 1; j < nodes; j++)
        if (isEdge.has(`${i}-${j}`)) [ein, en] = [ein + dist(i, j), en + 1];
        else [eout, eo] = [eout + dist(i, j), eo + 1];
    expect(ein / en).toBeLessThan((0.7 * eout) / eo);
  });
});
