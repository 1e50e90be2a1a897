// Tabular Q-learning: one update against the hand-computed Bellman numbers, and whole-run behaviour.
import { describe, expect, test } from 'vitest';
import { GridWorld } from '../../../kernels/rl/grid-world';
import { TabularQLearner, qLearningUpdate, trainTabular } from '../../../kernels/rl/q-learning';

describe('qLearningUpdate', () => {
  test('moves Q(s,a) a step α toward r + γ·maxₐ′ Q(s′,a′) (hand case, 1e-15)', () => {
    // 3 states × 2 actions. Q(0,1) = 0.2; Q(2,·) = [0.5, 0.7].
    const q = new Float64Array([0, 0.2, 0, 0, 0.5, 0.7]);
    const u = qLearningUpdate(
      q,
      2,
      { state: 0, action: 1, reward: -0.04, nextState: 2, done: false },
      { alpha: 0.5, gamma: 0.9 },
    );
    // target = −0.04 + 0.9·0.7 = 0.59; δ = 0.59 − 0.2 = 0.39; after = 0.2 + 0.5·0.39 = 0.395.
    expect(u.maxNext).toBe(0.7);
    expect(u.target).toBeCloseTo(0.59, 15);
    expect(u.tdError).toBeCloseTo(0.39, 15);
    expect(u.after).toBeCloseTo(0.395, 15);
    expect(q[1]).toBe(u.after);
    expect(Array.from(q)).toEqual([0, u.after, 0, 0, 0.5, 0.7]); // nothing else changes
  });

  test('a terminal next state contributes nothing: the target is the reward', () => {
    const q = new Float64Array([0.3, 0, 9, 9]);
    const u = qLearningUpdate(
      q,
      2,
      { state: 0, action: 0, reward: 1, nextState: 1, done: true },
      { alpha: 0.1, gamma: 0.9 },
    );
    expect(u.maxNext).toBe(0);
    expect(u.target).toBe(1);
    expect(u.after).toBeCloseTo(0.3 + 0.1 * 0.7, 15);
  });

  test('α = 1 replaces the value by the target; α = 0 leaves it', () => {
    const q = new Float64Array([0.3, 0, 1, 2]);
    qLearningUpdate(
      q,
      2,
      { state: 0, action: 0, reward: 0, nextState: 1, done: false },
      { alpha: 1, gamma: 0.5 },
    );
    expect(q[0]).toBe(1);
    qLearningUpdate(
      q,
      2,
      { state: 0, action: 0, reward: 5, nextState: 1, done: false },
      { alpha: 0, gamma: 0.5 },
    );
    expect(q[0]).toBe(1);
  });

  test('bad input throws a message naming it', () => {
    const q = new Float64Array(4);
    const t = { state: 0, action: 0, reward: 0, nextState: 1, done: false };
    expect(() => qLearningUpdate(q, 2, t, { alpha: 2, gamma: 0.9 })).toThrow(
      'alpha must be in [0, 1], got 2',
    );
    expect(() => qLearningUpdate(q, 2, t, { alpha: 0.5, gamma: -1 })).toThrow(
      'gamma must be in [0, 1], got -1',
    );
    expect(() => qLearningUpdate(q, 2, { ...t, nextState: 2 }, { alpha: 0.5, gamma: 0.9 })).toThrow(
      'nextState must be 0..1, got 2',
    );
    expect(() => qLearningUpdate(q, 2, { ...t, action: 3 }, { alpha: 0.5, gamma: 0.9 })).toThrow(
      'action must be 0..1, got 3',
    );
    expect(() => qLearningUpdate(q, 3, t, { alpha: 0.5, gamma: 0.9 })).toThrow(
      'not a multiple of nActions = 3',
    );
  });
});

describe('TabularQLearner', () => {
  const MAZE = ['S..#....', '.#.#.##.', '.#...#..', '.####.#.', '......#G', '.PP.....'];

  test('learns a greedy policy that takes the shortest path to the goal on a fixed maze', () => {
    const world = GridWorld.parse(MAZE, { stepCost: -0.04, goalReward: 1, pitReward: -1 });
    const shortest = world.shortestPathLength();
    // By hand: down column 0 to row 4 (4), right along row 4 to column 5 (5), down past the wall at (4, 6) (1),
    // right along row 5 (2), up into the goal (1): 13 moves; the top route round the walls takes 15.
    expect(shortest).toBe(13);
    const learner = new TabularQLearner(world, {
      alpha: 0.5,
      gamma: 0.95,
      epsilon: 0.2,
      seed: 3,
      maxEpisodeSteps: 400,
    });
    learner.runEpisodes(600);
    const path = learner.greedyPath();
    expect(world.kind(path.at(-1)!)).toBe('goal');
    expect(path.length - 1).toBe(shortest);
    expect(path.some((s) => world.kind(s) === 'pit')).toBe(false);
  });

  test('the same seed reproduces the same table; a different one does not', () => {
    const run = (seed: number) => {
      const learner = new TabularQLearner(GridWorld.parse(MAZE), {
        alpha: 0.5,
        gamma: 0.9,
        epsilon: 0.2,
        seed,
      });
      learner.runEpisodes(50);
      return Array.from(learner.q);
    };
    expect(run(4)).toEqual(run(4));
    expect(run(4)).not.toEqual(run(5));
  });

  test('each step reports its Bellman numbers, consistent with the table', () => {
    const world = GridWorld.parse(['S..G']);
    const learner = new TabularQLearner(world, { alpha: 0.5, gamma: 0.9, epsilon: 0.3, seed: 1 });
    for (let i = 0; i < 50; i++) {
      const { transition: t, update: u } = learner.step();
      expect(u.target).toBeCloseTo(t.reward + (t.done ? 0 : 0.9 * u.maxNext), 14);
      expect(learner.q[t.state * 4 + t.action]).toBe(u.after);
    }
  });

  test('an episode cut off by the step limit restarts from the start', () => {
    const world = GridWorld.parse(['S.#G']); // the goal is unreachable
    const learner = new TabularQLearner(world, {
      alpha: 0.5,
      gamma: 0.9,
      epsilon: 1,
      seed: 1,
      maxEpisodeSteps: 10,
    });
    learner.runEpisodes(3);
    expect(learner.lengths).toEqual([10, 10, 10]);
  });

  test('trainTabular yields each episode and stops on abort, keeping what was learned', async () => {
    const learner = new TabularQLearner(GridWorld.parse(MAZE), {
      alpha: 0.5,
      gamma: 0.9,
      epsilon: 0.2,
      seed: 2,
    });
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const ep of trainTabular(learner, 100, { signal: controller.signal })) {
          seen.push(ep.episode);
          if (ep.episode === 5) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(learner.returns).toHaveLength(5);
    expect(learner.q.some((v) => v !== 0)).toBe(true);
    expect(
      () => new TabularQLearner(GridWorld.parse(MAZE), { alpha: 0.5, gamma: 0.9, epsilon: 1.5, seed: 1 }),
    ).toThrow('epsilon must be in [0, 1], got 1.5');
  });
});
