// The GNN cell's session in Node: editing the club's friendships (and its checks), a training run that
// tells of every epoch and can be stopped keeping what it learned, GAT attention per edge of the
// trained graph, the depth sweep's 8 points, and the run card's metrics.
import { describe, expect, it } from 'vitest';
import { GnnSession, type TrainSettings } from '../../../src/demos/gnn/session';
import { isAbortError } from '../../../src/runtime/abort';

const SETTINGS: TrainSettings = {
  model: 'gcn',
  labelled: 1,
  layers: 2,
  hidden: 8,
  heads: 2,
  lr: 0.01,
  epochs: 30,
  seed: 1,
};

describe('GnnSession', () => {
  it('adds and removes a friendship, and restores the club', () => {
    const s = new GnnSession();
    expect(s.edgeCount).toBe(78);
    expect(s.toggleEdge(33, 16)).toBe(true);
    expect(s.edgeCount).toBe(79);
    expect(s.graph.neighbours[16]).toContain(33);
    expect(s.toggleEdge(16, 33)).toBe(false);
    expect(s.toggleEdge(0, 1)).toBe(false);
    expect(s.graph.neighbours[0]).not.toContain(1);
    expect(() => s.toggleEdge(3, 3)).toThrow('pick two different members (both were 3)');
    expect(() => s.toggleEdge(0, 34)).toThrow('members must be numbered 0–33, got 0 and 34');
    s.restoreGraph();
    expect(s.edgeCount).toBe(78);
  });

  it('trains, telling of every epoch, and records loss and accuracy per epoch', async () => {
    const s = new GnnSession();
    let told = 0;
    const latest = await s.train(SETTINGS, new AbortController().signal, () => told++);
    expect(s.losses).toHaveLength(30);
    expect(s.accuracies).toHaveLength(30);
    expect(latest.accuracy).toBe(s.accuracies.at(-1));
    expect(s.metrics()).toMatchObject({ model: 'gcn', epochs: 30, edges: 78, labelledNodes: 2 });
    expect(told).toBe(30);
    expect(s.losses[29]!).toBeLessThan(s.losses[0]!);
  });

  it('stops on the signal and keeps the epochs done', async () => {
    const s = new GnnSession();
    const ac = new AbortController();
    const run = s.train({ ...SETTINGS, epochs: 500 }, ac.signal, () => {
      if (s.epoch === 7) ac.abort();
    });
    await expect(run).rejects.toSatisfy(isAbortError);
    expect(s.epoch).toBe(7);
    expect(s.latest).not.toBeNull();
  });

  it('reports GAT attention on every friendship of the trained graph, and sweeps depth 1–8', async () => {
    const s = new GnnSession();
    await s.train({ ...SETTINGS, model: 'gat', epochs: 5 }, new AbortController().signal);
    const att = s.attentionByEdge()!;
    expect(att.size).toBe(78);
    expect([...att.values()].every((v) => v > 0 && v <= 1)).toBe(true);
    const points = await s.sweepDepth({ ...SETTINGS, epochs: 10 }, new AbortController().signal);
    expect(points.map((p) => p.depth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(points.every((p) => Number.isFinite(p.energy) && p.accuracy >= 0 && p.accuracy <= 1)).toBe(true);
  });
});
