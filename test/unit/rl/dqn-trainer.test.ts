// The DQN trainer: it learns (well above a random policy, in a bounded seeded run), reproduces exactly from a
// seed, stores time-limit cuts as non-terminal, stops on abort keeping what it learned, and ends a diverged
// run with a clear message.
import { describe, expect, test } from 'vitest';
import { resolveDqnConfig } from '../../../kernels/rl/dqn-config';
import { DqnAgent, evaluateGreedy, trainDqn } from '../../../kernels/rl/dqn-trainer';
import { compareVanillaDouble, overestimation } from '../../../kernels/rl/overestimation';

/** Trains synchronously for a number of environment steps. */
function trainSteps(agent: DqnAgent, steps: number): void {
  for (let i = 0; i < steps; i++) agent.step();
}

describe('DQN on CartPole', () => {
  test('improves its greedy return well above random (≈22) within 6,000 steps (seed 1, defaults)', () => {
    const agent = new DqnAgent({ seed: 1 });
    const before = evaluateGreedy(agent, 20, 99);
    // Seeds 1–4 reach greedy means of 210, 334, 339 and 204 here (checked while choosing the bound).
    trainSteps(agent, 6000);
    const after = evaluateGreedy(agent, 20, 99);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(before)).toBeLessThan(60);
    expect(mean(after)).toBeGreaterThan(150);
    // Training episodes got longer too.
    const h = agent.history;
    const first = mean(h.slice(0, 20).map((e) => e.return));
    const last = mean(h.slice(-20).map((e) => e.return));
    expect(last).toBeGreaterThan(3 * first);
  }, 60_000);

  test('Double DQN, dueling heads and prioritized replay all train and stay finite', () => {
    const agent = new DqnAgent({
      seed: 2,
      double: true,
      dueling: true,
      prioritized: true,
      learningStarts: 200,
    });
    trainSteps(agent, 1500);
    expect(agent.updates).toBe(1500 - 200 + 1);
    for (const e of agent.history.slice(-3)) {
      expect(Number.isFinite(e.loss)).toBe(true);
      expect(Number.isFinite(e.meanQ)).toBe(true);
    }
    expect(agent.beta).toBeGreaterThan(0.4);
    expect(agent.online.params.every(Number.isFinite)).toBe(true);
  });

  test('the same seed reproduces the same weights and episodes exactly', () => {
    const run = (seed: number) => {
      const agent = new DqnAgent({ seed, learningStarts: 100, prioritized: true, double: true });
      trainSteps(agent, 400);
      return { params: Array.from(agent.online.params), returns: agent.history.map((e) => e.return) };
    };
    const a = run(4);
    expect(run(4)).toEqual(a);
    expect(run(5).params).not.toEqual(a.params);
  });

  test('ε falls linearly; targets sync on schedule', () => {
    const agent = new DqnAgent({
      seed: 1,
      epsilonStart: 1,
      epsilonEnd: 0.1,
      epsilonDecaySteps: 1000,
      learningStarts: 50,
      target: { kind: 'hard', every: 100 },
    });
    expect(agent.epsilon).toBe(1);
    trainSteps(agent, 500);
    expect(agent.epsilon).toBeCloseTo(0.55, 12);
    // Just after a sync (500 is a multiple of 100) the two networks are equal; one update later they differ.
    expect(Array.from(agent.target.params)).toEqual(Array.from(agent.online.params));
    agent.step();
    expect(Array.from(agent.target.params)).not.toEqual(Array.from(agent.online.params));
    trainSteps(agent, 1000);
    expect(agent.epsilon).toBeCloseTo(0.1, 12);
  });

  test('a time-limit cut is stored as non-terminal; a fall as terminal', () => {
    const agent = new DqnAgent({
      seed: 1,
      maxEpisodeSteps: 5,
      learningStarts: 0,
      batchSize: 4,
      epsilonStart: 0,
      epsilonEnd: 0,
    });
    trainSteps(agent, 5);
    const e = agent.history[0]!;
    // A fresh pole cannot fall within 5 steps: cut by the limit, so nothing is terminal.
    expect(e.length).toBe(5);
    expect(Array.from(agent.buffer.dones.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
    const falls = new DqnAgent({ seed: 1, learningStarts: 0, batchSize: 4, epsilonStart: 1, epsilonEnd: 1 });
    let ep = null;
    while (!ep) ep = falls.step();
    expect(falls.buffer.dones[ep.length - 1]).toBe(1);
    expect(Array.from(falls.buffer.dones.subarray(0, ep.length - 1)).every((d) => d === 0)).toBe(true);
  });

  test('episode statistics: return, moving average and the discounted return are consistent', () => {
    const agent = new DqnAgent({ seed: 3, learningStarts: 100 });
    trainSteps(agent, 2000);
    const h = agent.history;
    for (const e of h) expect(e.return).toBe(e.length);
    const last = h.at(-1)!;
    const window = h.slice(-100);
    expect(last.movingAverage).toBeCloseTo(window.reduce((a, e) => a + e.return, 0) / window.length, 10);
    // A terminated episode of length n scores every state: the mean of Gₜ = (1 − γ^(n−t))/(1 − γ).
    const n = last.length;
    let sum = 0;
    for (let t = 0; t < n; t++) sum += (1 - 0.99 ** (n - t)) / 0.01;
    expect(last.meanDiscountedReturn).toBeCloseTo(sum / n, 9);
  });

  test('trainDqn yields episodes, stops on abort keeping what was learned, and goes on when called again', async () => {
    const agent = new DqnAgent({ seed: 1, learningStarts: 100 });
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const e of trainDqn(agent, { episodes: 1000, signal: controller.signal })) {
          seen.push(e.episode);
          if (e.episode === 10) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const params = agent.online.params.slice();
    const more: number[] = [];
    for await (const e of trainDqn(agent, { episodes: 3 })) more.push(e.episode);
    expect(more).toEqual([11, 12, 13]);
    expect(Array.from(agent.online.params)).not.toEqual(Array.from(params));
  });

  test('a diverged network ends the run with a clear message', () => {
    const agent = new DqnAgent({ seed: 1, learningStarts: 32 });
    trainSteps(agent, 40);
    agent.online.params[0] = NaN; // one first-layer weight: its unit's output becomes NaN and spreads
    expect(() => trainSteps(agent, 5)).toThrow(
      /DQN diverged: the loss became NaN at update \d+; try a smaller learning rate/,
    );
  });

  test('the vanilla/Double comparison trains both from the same start and reports their over-estimation', async () => {
    const points = [];
    for await (const p of compareVanillaDouble({ seed: 1, learningStarts: 100 }, { episodes: 12 }))
      points.push(p);
    expect(points).toHaveLength(12);
    // Same seed: identical until the first update (the 100th step), so the first episode matches.
    expect(points[0]!.vanilla.return).toBe(points[0]!.double.return);
    expect(
      points.every(
        (p) => Number.isFinite(overestimation(p.vanilla)) && Number.isFinite(overestimation(p.double)),
      ),
    ).toBe(true);
  });

  test('bad configuration throws a message naming the setting and its range', () => {
    expect(() => resolveDqnConfig({ gamma: 1.2 })).toThrow('gamma must be a number from 0 to 0.999, got 1.2');
    expect(() => resolveDqnConfig({ batchSize: 0 })).toThrow(
      'batchSize must be an integer from 1 to 512, got 0',
    );
    expect(() => resolveDqnConfig({ hidden: [] })).toThrow('hidden must list 1 to 3 layer widths');
    expect(() => resolveDqnConfig({ target: { kind: 'soft', tau: 2 } })).toThrow(
      'target.tau must be a number from 0.00001 to 1, got 2',
    );
    expect(() => resolveDqnConfig({ learningStarts: 10, batchSize: 32 })).toThrow(
      'learningStarts (10) must be at least batchSize (32)',
    );
    expect(() => new DqnAgent({ lr: -1 })).toThrow('lr must be a number from 0.000001 to 0.1, got -1');
    expect(() => new DqnAgent().qValues([1, 2])).toThrow('state must have 4 entries');
  });
});
