// Replay buffers: the ring buffer, the segment trees, prioritized sampling in proportion to pᵢ^α (a
// chi-square test with a fixed seed) and its importance-sampling weights on a hand case.
import { describe, expect, test } from 'vitest';
import { PrioritizedReplay, ReplayBuffer, ReplaySample, SegmentTree } from '../../../kernels/rl/replay';
import { createRng } from '../../../src/runtime/rng';

const s = (v: number) => [v, v, v, v];

/** Pearson's chi-square statistic of observed counts against expected probabilities. */
function chiSquare(counts: number[], probs: number[], total: number): number {
  return counts.reduce((sum, c, i) => sum + (c - total * probs[i]!) ** 2 / (total * probs[i]!), 0);
}
// Upper 0.1% points of the chi-square distribution (a correct sampler fails 1 run in 1000; the seed is fixed).
const CHI2_999 = { 4: 18.467, 7: 24.322 } as const;

describe('ReplayBuffer', () => {
  test('stores transitions row by row and overwrites the oldest once full', () => {
    const buf = new ReplayBuffer(3, 4);
    for (let i = 0; i < 5; i++) buf.add(s(i), i % 2, i * 10, s(i + 1), i === 4);
    expect(buf.size).toBe(3);
    // Rows 0 and 1 were overwritten by transitions 3 and 4.
    expect(Array.from(buf.rewards)).toEqual([30, 40, 20]);
    expect(Array.from(buf.states.subarray(4, 8))).toEqual(s(4));
    expect(Array.from(buf.nextStates.subarray(4, 8))).toEqual(s(5));
    expect(Array.from(buf.dones)).toEqual([0, 1, 0]);
    expect(Array.from(buf.actions)).toEqual([1, 0, 0]);
  });

  test('samples uniformly (chi-square, fixed seed) with weights 1', () => {
    const buf = new ReplayBuffer(5, 4);
    for (let i = 0; i < 5; i++) buf.add(s(i), 0, 0, s(i), false);
    const rng = createRng(1);
    const batch = new ReplaySample(32);
    const counts = [0, 0, 0, 0, 0];
    for (let k = 0; k < 1000; k++) {
      buf.sample(32, rng, batch);
      for (let b = 0; b < 32; b++) counts[batch.indices[b]!]++;
      expect(batch.weights.every((w) => w === 1)).toBe(true);
    }
    expect(chiSquare(counts, [0.2, 0.2, 0.2, 0.2, 0.2], 32_000)).toBeLessThan(CHI2_999[4]);
  });

  test('bad input throws a message naming it', () => {
    const buf = new ReplayBuffer(4, 4);
    expect(() => buf.sample(1, createRng(1), new ReplaySample(1))).toThrow(
      'cannot sample from an empty replay buffer',
    );
    expect(() => buf.add([1, 2], 0, 0, s(0), false)).toThrow('state and nextState must have 4 entries');
    expect(() => buf.add(s(0), 0, Infinity, s(0), false)).toThrow('reward must be finite');
    buf.add(s(0), 0, 0, s(0), false);
    expect(() => buf.sample(8, createRng(1), new ReplaySample(4))).toThrow(
      'batchSize must be an integer from 1 to 4, got 8',
    );
    expect(() => new ReplayBuffer(0, 4)).toThrow('capacity must be an integer from 1 to 10000000, got 0');
  });
});

describe('SegmentTree', () => {
  test('the sum tree finds the leaf whose prefix-sum interval holds the mass; the min tree the minimum', () => {
    const sum = new SegmentTree(5, 'sum');
    const min = new SegmentTree(5, 'min');
    [1, 2, 3, 4, 0.5].forEach((v, i) => (sum.set(i, v), min.set(i, v)));
    expect(sum.root).toBe(10.5);
    expect(min.root).toBe(0.5);
    // Prefix sums: [0,1) → 0, [1,3) → 1, [3,6) → 2, [6,10) → 3, [10,10.5) → 4.
    const cases: [number, number][] = [
      [0, 0],
      [0.999, 0],
      [1, 1],
      [2.999, 1],
      [3, 2],
      [5.9, 2],
      [6, 3],
      [9.99, 3],
      [10, 4],
      [10.49, 4],
    ];
    for (const [mass, leaf] of cases) expect(sum.find(mass)).toBe(leaf);
    sum.set(2, 0);
    expect(sum.root).toBe(7.5);
    expect(sum.find(3)).toBe(3);
  });
});

describe('PrioritizedReplay', () => {
  function filled(priorities: number[], alpha: number): PrioritizedReplay {
    const buf = new PrioritizedReplay(16, 4, { alpha, epsilon: 1e-3 });
    priorities.forEach((p, i) => {
      buf.add(s(i), 0, 0, s(i), false);
      buf.setPriority(i, p);
    });
    return buf;
  }

  test('samples in proportion to pᵢ^α: single draws and stratified batches (chi-square, fixed seed)', () => {
    const priorities = [0.1, 0.5, 1, 2, 3, 0.25, 4, 1.5];
    for (const alpha of [1, 0.6]) {
      const buf = filled(priorities, alpha);
      const scaled = priorities.map((p) => p ** alpha);
      const total = scaled.reduce((a, b) => a + b, 0);
      const probs = scaled.map((v) => v / total);
      probs.forEach((p, i) => expect(buf.probability(i)).toBeCloseTo(p, 12));
      for (const batchSize of [1, 32]) {
        const rng = createRng(7);
        const batch = new ReplaySample(batchSize);
        const counts = new Array(8).fill(0);
        const draws = 64_000;
        for (let k = 0; k < draws / batchSize; k++) {
          buf.sample(batchSize, rng, batch, 0.5);
          for (let b = 0; b < batchSize; b++) counts[batch.indices[b]!]++;
        }
        expect(chiSquare(counts, probs, draws)).toBeLessThan(CHI2_999[7]);
      }
    }
  });

  test('importance weights are (N·P(i))^−β / maxⱼ wⱼ (hand case)', () => {
    // p = [1, 2, 3, 4], α = 1: P = [0.1, 0.2, 0.3, 0.4], N = 4, β = 0.5.
    // wᵢ = (4·Pᵢ)^−½; the largest belongs to the smallest P (0.1), so wᵢ/max = (0.1/Pᵢ)^½ = [1, 0.7071, 0.5774, 0.5].
    const buf = filled([1, 2, 3, 4], 1);
    const expected = [1, Math.SQRT1_2, Math.sqrt(1 / 3), 0.5];
    const batch = new ReplaySample(64);
    const seen = new Set<number>();
    buf.sample(64, createRng(3), batch, 0.5);
    for (let b = 0; b < 64; b++) {
      const i = batch.indices[b]!;
      seen.add(i);
      expect(batch.weights[b]).toBeCloseTo(expected[i]!, 12);
    }
    expect(seen.size).toBe(4);
    // β = 0: no correction; β = 1: full correction, w ∝ 1/P.
    buf.sample(64, createRng(3), batch, 0);
    expect(batch.weights.every((w) => Math.abs(w - 1) < 1e-12)).toBe(true);
    buf.sample(64, createRng(3), batch, 1);
    for (let b = 0; b < 64; b++)
      expect(batch.weights[b]).toBeCloseTo(0.1 / [0.1, 0.2, 0.3, 0.4][batch.indices[b]!]!, 12);
  });

  test('updatePriorities sets pᵢ = |δᵢ| + ε; new transitions get the largest priority seen', () => {
    const buf = new PrioritizedReplay(8, 4, { alpha: 1, epsilon: 0.01 });
    for (let i = 0; i < 3; i++) buf.add(s(i), 0, 0, s(i), false);
    expect([0, 1, 2].map((i) => buf.scaledPriority(i))).toEqual([1, 1, 1]);
    buf.updatePriorities(new Int32Array([0, 2]), new Float64Array([-2, 0.5]), 2);
    expect(buf.scaledPriority(0)).toBeCloseTo(2.01, 12);
    expect(buf.scaledPriority(2)).toBeCloseTo(0.51, 12);
    buf.add(s(3), 0, 0, s(3), false);
    expect(buf.scaledPriority(3)).toBeCloseTo(2.01, 12);
    expect(buf.probability(3)).toBeCloseTo(2.01 / (2.01 + 1 + 0.51 + 2.01), 12);
  });

  test('bad input throws a message naming it', () => {
    expect(() => new PrioritizedReplay(8, 4, { alpha: 2 })).toThrow('alpha must be in [0, 1], got 2');
    const buf = filled([1], 1);
    expect(() => buf.sample(1, createRng(1), new ReplaySample(1), 1.5)).toThrow(
      'beta must be in [0, 1], got 1.5',
    );
    expect(() => buf.setPriority(0, 0)).toThrow('priority must be a positive finite number, got 0');
    expect(() => buf.setPriority(5, 1)).toThrow('index must be 0..0, got 5');
    expect(() => buf.updatePriorities(new Int32Array([0]), new Float64Array([NaN]), 1)).toThrow(
      'TD error must be finite',
    );
  });
});
