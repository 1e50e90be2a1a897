// The over-estimation comparison in Node: each side is the agent the kernel trains alone (vanilla and Double
// from the same seed), the gaps are the hand-computed means of predicted − actual, the ceiling is 1/(1 − γ),
// and the plot data (traces.ts) are the 10-episode means of the episodes kept.
import { describe, expect, it } from 'vitest';
import { DqnAgent, type DqnEpisode } from '../../../kernels/rl/dqn-trainer';
import { CompareSession, GAP_WINDOW } from '../../../src/demos/dqn/compare-session';
import { SMOOTH, compareSummary, compareTraces, returnCurves } from '../../../src/demos/dqn/traces';

const CONFIG = { seed: 2, dueling: false, prioritized: false };

function alone(double: boolean, episodes: number): DqnEpisode[] {
  const agent = new DqnAgent({ ...CONFIG, double });
  while (agent.history.length < episodes) agent.step();
  return agent.history;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('CompareSession', () => {
  it('trains vanilla and Double DQN side by side as each would train alone', async () => {
    const s = new CompareSession();
    const points: number[] = [];
    await s.run(CONFIG, 60, { onPoint: (n) => points.push(n) });
    expect(points).toHaveLength(60);
    expect(s.vanilla).toEqual(alone(false, 60));
    expect(s.double).toEqual(alone(true, 60));
    // Same seed: the first (pre-learning) episodes are the same, the learned ones are not.
    expect(s.vanilla[0]!.return).toBe(s.double[0]!.return);
    expect(s.vanilla.map((e) => e.meanQ)).not.toEqual(s.double.map((e) => e.meanQ));

    const [gv, gd] = s.gaps();
    const tail = (runs: DqnEpisode[]) =>
      mean(runs.slice(-GAP_WINDOW).map((e) => e.meanQ - e.meanDiscountedReturn));
    expect(gv).toBeCloseTo(tail(s.vanilla), 12);
    expect(gd).toBeCloseTo(tail(s.double), 12);
    expect(s.ceiling).toBeCloseTo(100, 9);
  });

  it('keeps the episodes so far when stopped', async () => {
    const s = new CompareSession();
    const ac = new AbortController();
    const run = s.run(CONFIG, 50, { signal: ac.signal, onPoint: (n) => n === 6 && ac.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.vanilla).toHaveLength(6);
    expect(s.double).toHaveLength(6);
  });

  it('plots 10-episode means of predicted Q and actual return, and the ceiling', async () => {
    const s = new CompareSession();
    expect(compareTraces(s)).toEqual([]);
    expect(compareSummary(s)).toBe('');
    await s.run({ ...CONFIG, gamma: 0.9 }, 25);
    const traces = compareTraces(s);
    expect(traces.map((t) => t.name)).toEqual([
      'DQN: predicted Q',
      'DQN: actual return',
      'Double: predicted Q',
      'Double: actual return',
      'ceiling 1/(1 − γ)',
    ]);
    // Point 17 (index 16) is the mean of episodes 8..17.
    const window = (runs: DqnEpisode[], key: 'meanQ' | 'meanDiscountedReturn') =>
      mean(runs.slice(17 - SMOOTH, 17).map((e) => e[key]));
    expect(traces[0]!.y[16]).toBeCloseTo(window(s.vanilla, 'meanQ'), 12);
    expect(traces[1]!.y[16]).toBeCloseTo(window(s.vanilla, 'meanDiscountedReturn'), 12);
    expect(traces[3]!.y[16]).toBeCloseTo(window(s.double, 'meanDiscountedReturn'), 12);
    expect(traces[0]!.y[0]).toBe(s.vanilla[0]!.meanQ);
    expect(traces[4]!.y).toEqual([1 / (1 - 0.9), 1 / (1 - 0.9)]);
    expect(compareSummary(s)).toMatch(
      /^episodes 25 · mean over-estimation \(predicted − actual, last 50 episodes\): DQN −?\d+\.\d, Double DQN −?\d+\.\d$/,
    );
  });
});

describe('returnCurves', () => {
  it('draws the returns, their 100-episode mean and the solved line', () => {
    const agent = new DqnAgent({ seed: 1 });
    while (agent.history.length < 5) agent.step();
    const [returns, average, solved] = returnCurves(agent.history);
    expect(returns!.y).toEqual(agent.history.map((e) => e.return));
    expect(average!.y[4]).toBeCloseTo(mean(agent.history.map((e) => e.return)), 12);
    expect(solved!.y).toEqual([195, 195]);
    expect(returnCurves([])).toEqual([]);
  });
});
