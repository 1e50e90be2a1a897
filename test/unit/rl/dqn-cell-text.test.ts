// The DQN cell's pure helpers: the written-out Bellman update and the plot series.
import { describe, expect, test } from 'vitest';
import { bellmanText, cellName, fmt } from '../../../src/demos/dqn/bellman-text';
import { movingAverage, tailMean } from '../../../src/demos/dqn/series';

describe('bellmanText', () => {
  test('writes the rule and the numbers of a bootstrapped update', () => {
    const t = { state: 10, action: 1, reward: -0.04, nextState: 11, done: false };
    // −0.04 + 0.95·0.8 = 0.72; 0.12 + 0.5·(0.72 − 0.12) = 0.42.
    const u = {
      before: 0.12,
      maxNext: 0.8,
      target: 0.72,
      tdError: 0.6,
      after: 0.42,
      alpha: 0.5,
      gamma: 0.95,
    };
    const { rule, numbers } = bellmanText(t, u, 8);
    expect(rule).toBe('Q((1, 2), →) ← Q + α·(r + γ·maxₐ′ Q((1, 3), a′) − Q)');
    expect(numbers).toBe('= 0.120 + 0.50·(−0.040 + 0.95·0.800 − 0.120) = 0.420');
  });

  test('a terminal step bootstraps nothing', () => {
    const t = { state: 0, action: 2, reward: -1, nextState: 8, done: true };
    const u = { before: 0, maxNext: 0, target: -1, tdError: -1, after: -0.5, alpha: 0.5, gamma: 0.9 };
    const { rule, numbers } = bellmanText(t, u, 8);
    expect(rule).toContain('Q((0, 0), ↓) ← Q + α·(r − Q)');
    expect(rule).toContain('(1, 0) ends the episode');
    expect(numbers).toBe('= 0.000 + 0.50·(−1.000 − 0.000) = −0.500');
  });

  test('helpers', () => {
    expect(cellName(13, 5)).toBe('(2, 3)');
    expect(fmt(-0.25, 2)).toBe('−0.25');
  });
});

describe('series', () => {
  test('movingAverage is the trailing mean over up to k values', () => {
    expect(movingAverage([1, 2, 3, 4, 5], 2)).toEqual([1, 1.5, 2.5, 3.5, 4.5]);
    expect(movingAverage([4, 8], 100)).toEqual([4, 6]);
    expect(() => movingAverage([1], 0)).toThrow('window must be a positive integer, got 0');
  });

  test('tailMean', () => {
    expect(tailMean([1, 2, 3, 10], 2)).toBe(6.5);
    expect(tailMean([], 3)).toBeNaN();
  });
});
