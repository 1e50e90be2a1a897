// Semi-supervised training on the karate club: a 2-layer GCN told only the two leaders' clubs (members 0
// and 33) labels the other 32 members; seeded runs repeat exactly; the labelled-node picker and the
// trainer's checks.
import { describe, expect, it } from 'vitest';
import { GnnTrainer, graphFromEdges, karateClub, pickLabelled } from '../../../kernels/gnn';

const { nodes, edges, faction } = karateClub();
const graph = graphFromEdges(nodes, edges);

describe('GnnTrainer on the karate club', () => {
  it('a 2-layer GCN from nodes 0 and 33 alone reaches ≥ 0.85 on the other 32 (measured 31/32 = 0.969)', () => {
    const t = new GnnTrainer(graph, faction, [0, 33], {
      kind: 'gcn',
      seed: 1,
      layers: 2,
      hidden: 16,
      lr: 0.01,
    });
    const first = t.step();
    for (let e = 1; e < 200; e++) t.step();
    const ev = t.evaluate();
    expect(t.unlabelled).toHaveLength(32);
    expect(t.loss).toBeLessThan(first / 10);
    expect(ev.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(ev.predicted[0]).toBe(0);
    expect(ev.predicted[33]).toBe(1);
    expect(ev.attention).toBeNull();
  });

  it('repeats exactly for a seed, and GAT reports one attention value per edge in (0, 1]', () => {
    const run = () => {
      const t = new GnnTrainer(graph, faction, [0, 33], { kind: 'gat', seed: 5, heads: 2, hidden: 4 });
      for (let e = 0; e < 20; e++) t.step();
      return t.evaluate();
    };
    const [a, b] = [run(), run()];
    expect(Array.from(a.logits.data)).toEqual(Array.from(b.logits.data));
    expect(a.attention).toHaveLength(78);
    expect(a.attention!.every((v) => v > 0 && v <= 1)).toBe(true);
  });

  it('picks the leaders first, then seeded members of each class', () => {
    expect(pickLabelled(faction, 1, 1, [0, 33])).toEqual([0, 33]);
    const three = pickLabelled(faction, 3, 2, [0, 33]);
    expect(three).toHaveLength(6);
    expect(three).toContain(0);
    expect(three).toContain(33);
    expect(three.filter((i) => faction[i] === 0)).toHaveLength(3);
    expect(pickLabelled(faction, 3, 2, [0, 33])).toEqual(three);
    expect(() => pickLabelled(faction, 18, 1)).toThrow('class 0 has 17 nodes, fewer than 18 to label');
  });

  it('checks its inputs', () => {
    expect(() => new GnnTrainer(graph, faction.slice(1), [0], { kind: 'gcn', seed: 1 })).toThrow(
      '34 nodes but 33 labels',
    );
    expect(() => new GnnTrainer(graph, faction, [0, 33], { kind: 'gcn', seed: 1, lr: 0 })).toThrow(
      'lr must be',
    );
  });
});
