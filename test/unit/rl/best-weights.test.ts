// Keeping a DQN's best weights by a greedy evaluation (kernels/rl/best-weights.ts): a seeded run keeps the
// weights of its best check, and those weights, put back after more training has changed the network, play
// the evaluation episodes to exactly the recorded returns (evaluateGreedy is deterministic given the weights
// and the seed). "Solved" and "collapsed" follow the greedy means, hand-set here.
import { describe, expect, it } from 'vitest';
import { BestWeights } from '../../../kernels/rl/best-weights';
import { DqnAgent, SOLVED_RETURN, evaluateGreedy } from '../../../kernels/rl/dqn-trainer';

describe('BestWeights', () => {
  it('keeps the best check’s weights; restored, they evaluate to the recorded best', () => {
    const agent = new DqnAgent({ seed: 2, hidden: [32, 32], learningStarts: 200 });
    const keeper = new BestWeights({ every: 5, episodes: 3, seed: 41 });
    while (agent.totalSteps < 2500) if (agent.step()) keeper.afterEpisode(agent);
    const episodes = agent.history.length;
    expect(keeper.checks.map((c) => c.episode)).toEqual(
      Array.from({ length: Math.floor(episodes / 5) }, (_, i) => 5 * (i + 1)),
    );
    const best = keeper.best!;
    expect(best.mean).toBe(Math.max(...keeper.checks.map((c) => c.mean)));
    expect(best.mean).toBeGreaterThan(keeper.checks[0]!.mean); // it learned something worth keeping
    // Train on so that the network moves away from the kept weights.
    for (let i = 0; i < 300; i++) agent.step();
    const kept = keeper.params!;
    expect(Array.from(agent.online.params)).not.toEqual(Array.from(kept));
    expect(keeper.restore(agent)).toBe(true);
    expect(Array.from(agent.online.params)).toEqual(Array.from(kept));
    expect(Array.from(agent.target.params)).toEqual(Array.from(kept));
    expect(evaluateGreedy(agent, 3, 41)).toEqual(best.returns);
  }, 20_000);

  it('checks in slices to the same numbers, pausing between its episodes', async () => {
    const agent = new DqnAgent({ seed: 3, hidden: [16], learningStarts: 100 });
    for (let i = 0; i < 600; i++) agent.step();
    const whole = new BestWeights({ every: 10, episodes: 4, seed: 8 }).check(agent);
    let pauses = 0;
    const sliced = await new BestWeights({ every: 10, episodes: 4, seed: 8 }).checkSliced(agent, async () => {
      pauses++;
    });
    expect(sliced).toEqual(whole);
    expect(whole.returns).toEqual(evaluateGreedy(agent, 4, 8));
    expect(pauses).toBe(3);
  });

  it('says solved only from a greedy mean ≥ 195, and names a collapse from a high best', () => {
    const keeper = new BestWeights({ every: 10, episodes: 5, seed: 1 });
    const push = (episode: number, mean: number) => {
      const c = { episode, returns: [mean], mean };
      keeper.checks.push(c);
      if (!keeper.best || mean > keeper.best.mean) keeper.best = c;
    };
    push(10, 30);
    push(20, 194);
    expect(keeper.solvedAt).toBeNull();
    expect(keeper.collapsed).toBe(false);
    push(30, SOLVED_RETURN);
    expect(keeper.solvedAt).toBe(30);
    push(40, 120); // 120 ≥ 0.5 × 195: a dip, not a collapse
    expect(keeper.collapsed).toBe(false);
    push(50, 42); // the agent: greedy 42 after a best of 195
    expect(keeper.collapsed).toBe(true);
    expect(keeper.best!.episode).toBe(30);
  });

  it('restores nothing before the first check, and rejects bad options', () => {
    const agent = new DqnAgent({ seed: 1 });
    expect(new BestWeights({ every: 10, episodes: 5, seed: 1 }).restore(agent)).toBe(false);
    expect(() => new BestWeights({ every: 0, episodes: 5, seed: 1 })).toThrow(
      /every must be an integer from 1/,
    );
    expect(() => new BestWeights({ every: 10, episodes: 101, seed: 1 })).toThrow(/episodes must be/);
  });
});
