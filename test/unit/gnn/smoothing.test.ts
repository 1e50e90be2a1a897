// Over-smoothing: the Dirichlet energy against a hand-worked path and against tr(Hᵀ(I − Â)H) built from
// gcnNormalize, and an untrained GCN's normalised energy falling with depth on the karate club.
import { describe, expect, it } from 'vitest';
import {
  adjacencyFromEdges,
  dirichletEnergy,
  energyByDepth,
  gcnNormalize,
  graphFromEdges,
  karateClub,
  normalizedEnergy,
  toMat,
} from '../../../kernels/gnn';

describe('dirichletEnergy', () => {
  it('matches the hand-worked path 0–1–2 with one feature', () => {
    // d̂ = 2, 3, 2: (1/√2 − 2/√3)² + (2/√3 − 3/√2)²
    const g = graphFromEdges(3, [
      [0, 1],
      [1, 2],
    ]);
    const want = (1 / Math.SQRT2 - 2 / Math.sqrt(3)) ** 2 + (2 / Math.sqrt(3) - 3 / Math.SQRT2) ** 2;
    expect(dirichletEnergy(g, toMat([[1], [2], [3]]))).toBeCloseTo(want, 14);
  });

  it('equals tr(Hᵀ(I − Â)H) on the karate club with random features', () => {
    const { nodes, edges } = karateClub();
    const g = graphFromEdges(nodes, edges);
    const a = gcnNormalize(adjacencyFromEdges(nodes, edges));
    const h = Array.from({ length: nodes }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
    let trace = 0;
    for (let k = 0; k < 2; k++)
      for (let i = 0; i < nodes; i++)
        for (let j = 0; j < nodes; j++) trace += h[i]![k]! * ((i === j ? 1 : 0) - a[i]![j]!) * h[j]![k]!;
    expect(dirichletEnergy(g, toMat(h))).toBeCloseTo(trace, 10);
    expect(() => dirichletEnergy(g, toMat([[1]]))).toThrow('34 rows (one per node), got 1');
  });

  it('is zero for H = √d̂ (the top eigenvector of Â): fully smoothed', () => {
    const g = graphFromEdges(3, [
      [0, 1],
      [1, 2],
    ]);
    expect(normalizedEnergy(g, toMat([[Math.SQRT2], [Math.sqrt(3)], [Math.SQRT2]]))).toBeCloseTo(0, 14);
  });
});

describe('energyByDepth: an untrained GCN over-smooths', () => {
  const { nodes, edges } = karateClub();
  const g = graphFromEdges(nodes, edges);
  for (const seed of [1, 2, 3])
    it(`seed ${seed}: falls over the first three layers, and depth 8 is under a tenth of depth 1`, () => {
      const e = energyByDepth(g, { maxDepth: 8, width: 16, seed });
      expect(e).toHaveLength(8);
      expect(e[1]!).toBeLessThan(e[0]!);
      expect(e[2]!).toBeLessThan(e[1]!);
      expect(e[7]!).toBeLessThan(e[0]! / 10);
    });
});
