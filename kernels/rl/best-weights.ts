// Watching a DQN agent by what it can do, not by what it did while exploring: every `every` training
// episodes the greedy policy (ε = 0) plays `episodes` episodes on a seeded CartPole (the same start states
// each time, so checks compare like with like); the weights of the best check are kept and can be put back.
// "Solved" is a greedy mean of at least SOLVED_RETURN, never the training mean (which is ε-greedy and
// averages over 100 older policies). A greedy mean that falls far below an earlier high one is a collapse:
// DQN keeps training on its own moving targets and a replay buffer now full of good-policy states, so it can
// unlearn how to recover (catastrophic forgetting); the kept weights are then the ones to use.
//
// Example:
//   const keeper = new BestWeights({ every: 10, episodes: 5, seed: 77 });
//   for await (const ep of trainDqn(agent, { episodes: 300 })) keeper.afterEpisode(agent);
//   if (keeper.collapsed) keeper.restore(agent);
import { greedyEpisodes } from './dqn-loop';
import { SOLVED_RETURN, type DqnAgent } from './dqn-trainer';

export interface GreedyCheck {
  /** The training episode after which the check ran. */
  episode: number;
  /** The greedy returns, one per evaluation episode. */
  returns: number[];
  mean: number;
}

export interface BestWeightsOptions {
  /** Training episodes between checks (1..1000). */
  every: number;
  /** Greedy episodes per check (1..100). */
  episodes: number;
  /** Seed of the evaluation CartPole (the same for every check). */
  seed: number;
}

/** A greedy mean below this share of the best one (after the best reached half the solved return) is a collapse. */
export const COLLAPSE_SHARE = 0.5;

export class BestWeights {
  readonly options: BestWeightsOptions;
  readonly checks: GreedyCheck[] = [];
  /** The best check so far (highest mean; the earlier on a tie) and its weights. */
  best: GreedyCheck | null = null;
  private bestParams: Float64Array | null = null;

  constructor(options: BestWeightsOptions) {
    const { every, episodes, seed } = options;
    if (!Number.isInteger(every) || every < 1 || every > 1000)
      throw new Error(`every must be an integer from 1 to 1000, got ${every}`);
    if (!Number.isInteger(episodes) || episodes < 1 || episodes > 100)
      throw new Error(`episodes must be an integer from 1 to 100, got ${episodes}`);
    if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
    this.options = { every, episodes, seed };
  }

  /** Whether a check is due after the agent's latest episode (a multiple of `every`, not yet checked). */
  due(agent: DqnAgent): boolean {
    const episode = agent.history.length;
    if (episode === 0 || episode % this.options.every !== 0) return false;
    return this.latest?.episode !== episode;
  }

  /** Runs a check when one is due; returns it, or null. */
  afterEpisode(agent: DqnAgent): GreedyCheck | null {
    return this.due(agent) ? this.check(agent) : null;
  }

  /** Evaluates the greedy policy now, records the check and keeps the weights if it is the best. */
  check(agent: DqnAgent): GreedyCheck {
    return this.record(agent, [...greedyEpisodes(agent, this.options.episodes, this.options.seed)]);
  }

  /**
   * The same check with `pause()` awaited between its episodes (a page yields there, so no task runs more
   * than one episode). The agent must not train meanwhile.
   */
  async checkSliced(agent: DqnAgent, pause: () => Promise<void>): Promise<GreedyCheck> {
    const returns: number[] = [];
    for (const r of greedyEpisodes(agent, this.options.episodes, this.options.seed)) {
      returns.push(r);
      if (returns.length < this.options.episodes) await pause();
    }
    return this.record(agent, returns);
  }

  private record(agent: DqnAgent, returns: number[]): GreedyCheck {
    const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
    const c: GreedyCheck = { episode: agent.history.length, returns, mean };
    this.checks.push(c);
    if (!this.best || mean > this.best.mean) {
      this.best = c;
      this.bestParams = Float64Array.from(agent.online.params);
    }
    return c;
  }

  /** The latest check, or null. */
  get latest(): GreedyCheck | null {
    return this.checks[this.checks.length - 1] ?? null;
  }

  /** The episode of the first check whose greedy mean reached SOLVED_RETURN, or null. */
  get solvedAt(): number | null {
    return this.checks.find((c) => c.mean >= SOLVED_RETURN)?.episode ?? null;
  }

  /** The latest greedy mean fell below COLLAPSE_SHARE of a best that had reached half the solved return. */
  get collapsed(): boolean {
    const { best, latest } = this;
    return Boolean(
      best && latest && best.mean >= SOLVED_RETURN / 2 && latest.mean < COLLAPSE_SHARE * best.mean,
    );
  }

  /** The kept weights (a copy), or null before the first check. */
  get params(): Float64Array | null {
    return this.bestParams && Float64Array.from(this.bestParams);
  }

  /**
   * Puts the best weights back into the agent's online and target networks (training goes on from them).
   * Returns false when there is nothing kept.
   */
  restore(agent: DqnAgent): boolean {
    if (!this.bestParams) return false;
    if (this.bestParams.length !== agent.online.params.length)
      throw new Error('the kept weights belong to a network of another shape');
    agent.online.params.set(this.bestParams);
    agent.target.params.set(this.bestParams);
    return true;
  }
}
