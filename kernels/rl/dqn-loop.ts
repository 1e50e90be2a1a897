// The loops around a DQN agent (dqn-trainer.ts): training for a number of episodes in time slices, and
// evaluating the greedy policy on a separate seeded CartPole.
import { TimeSlicer, type YieldFn } from '../../src/runtime/loop';
import { CartPole } from './cartpole';
import type { DqnAgent, DqnEpisode } from './dqn-trainer';

export interface TrainOptions {
  /** Episodes to run in this call (1..100000). */
  episodes: number;
  signal?: AbortSignal;
  /** Longest stretch of work between yields, ms (default 10). */
  budgetMs?: number;
  yieldFn?: YieldFn;
  /** Stop early once the 100-episode mean reaches 195. */
  stopWhenSolved?: boolean;
}

/**
 * Trains `agent` for `episodes` more episodes in time slices, yielding each finished episode. Stops with an
 * AbortError when the signal fires; the agent keeps what it learned (call again to go on).
 */
export async function* trainDqn(agent: DqnAgent, options: TrainOptions): AsyncGenerator<DqnEpisode> {
  const { episodes } = options;
  if (!Number.isInteger(episodes) || episodes < 1 || episodes > 100_000)
    throw new Error(`episodes must be an integer from 1 to 100000, got ${episodes}`);
  const slicer = new TimeSlicer({
    signal: options.signal,
    budgetMs: options.budgetMs ?? 10,
    yieldFn: options.yieldFn,
  });
  for (let done = 0; done < episodes;) {
    const finished = agent.step();
    if (finished) {
      done++;
      yield finished;
      if (options.stopWhenSolved && finished.solvedAt !== null) return;
    }
    await slicer.tick();
  }
}

/** Returns of `episodes` greedy (ε = 0) episodes on a separate seeded CartPole; the agent is not trained. */
export function evaluateGreedy(agent: DqnAgent, episodes: number, seed: number): number[] {
  return [...greedyEpisodes(agent, episodes, seed)];
}

/**
 * The same greedy episodes one at a time: yields each episode's return (a caller can pause between them).
 * Throws on a bad count before the first episode.
 */
export function greedyEpisodes(agent: DqnAgent, episodes: number, seed: number): Generator<number> {
  if (!Number.isInteger(episodes) || episodes < 1 || episodes > 1000)
    throw new Error(`episodes must be an integer from 1 to 1000, got ${episodes}`);
  return playGreedy(agent, episodes, new CartPole({ seed, maxSteps: agent.config.maxEpisodeSteps }));
}

function* playGreedy(agent: DqnAgent, episodes: number, env: CartPole): Generator<number> {
  for (let e = 0; e < episodes; e++) {
    let s = env.reset();
    let total = 0;
    for (;;) {
      const out = env.step(agent.greedyAction(s));
      total += out.reward;
      s = out.state;
      if (out.done) break;
    }
    yield total;
  }
}
