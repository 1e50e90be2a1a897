// The CartPole DQN's session, with no DOM: one DqnAgent built from the cell's switches, trained a number of
// episodes at a time (Stop keeps what was learned; a new agent only when a switch or the seed changes), and a
// greedy (ε = 0) policy played at a watchable pace. The element draws it (dqn-view.ts); tested in Node.
import { CartPole } from '../../../kernels/rl/cartpole';
import { BestWeights } from '../../../kernels/rl/best-weights';
import type { DqnConfig } from '../../../kernels/rl/dqn-config';
import { DqnAgent, trainDqn } from '../../../kernels/rl/dqn-trainer';
import { abortError } from '../../runtime/abort';
import { paced, yieldFrame, type PacedOptions, type YieldFn } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import { fmt } from './bellman-text';
import type { StateSource } from './cartpole-view';
import type { TargetKind } from './settings';

/** The settings that make an agent. */
export interface AgentChoices {
  double: boolean;
  dueling: boolean;
  per: boolean;
  target: string;
  seed: number;
}

/** The greedy check while training: every GREEDY_EVERY episodes, GREEDY_EPISODES episodes on one seeded CartPole. */
export const GREEDY_EVERY = 10;
export const GREEDY_EPISODES = 5;

/** The watcher of an agent: greedy checks on a CartPole seeded from the agent's seed. */
function keeperFor(seed: number): BestWeights {
  return new BestWeights({ every: GREEDY_EVERY, episodes: GREEDY_EPISODES, seed: 5000 + seed });
}

/** CartPole runs at 50 steps per second of simulated time; the greedy policy plays at twice that. */
export const WATCH_STEPS_PER_SECOND = 100;

/** The agent's configuration from the switches (everything else: the kernel defaults). */
export function agentConfig(c: AgentChoices): Partial<DqnConfig> {
  const target: TargetKind = c.target === 'hard' ? 'hard' : 'soft';
  return {
    seed: c.seed,
    double: c.double,
    dueling: c.dueling,
    prioritized: c.per,
    target: target === 'soft' ? { kind: 'soft', tau: 0.01 } : { kind: 'hard', every: 500 },
  };
}

export interface TrainHooks {
  signal?: AbortSignal;
  /** How training yields between time slices (default: the page's yieldFrame). */
  yieldFn?: YieldFn;
  onEpisode?: (done: number) => void;
}

export class DqnSession {
  agent: DqnAgent;
  /** The greedy checks of this agent and the weights of its best one. */
  keeper: BestWeights;
  /** The training episode at which the best weights were last put back, or null. */
  restoredAt: number | null = null;
  /** What the cart-pole view draws: the training environment's state, the watched one's, or nothing. */
  source: StateSource = () => null;
  caption = '';
  stepsPerSecond = 0;
  /** Returns of the greedy episodes watched since the last training. */
  watchReturns: number[] = [];

  constructor(choices: AgentChoices) {
    this.agent = new DqnAgent(agentConfig(choices));
    this.keeper = keeperFor(choices.seed);
  }

  /** A fresh agent from these choices. */
  rebuild(choices: AgentChoices): void {
    this.agent = new DqnAgent(agentConfig(choices));
    this.keeper = keeperFor(choices.seed);
    this.restoredAt = null;
    this.source = () => null;
    this.caption = '';
    this.stepsPerSecond = 0;
    this.watchReturns = [];
  }

  /** Trains `episodes` more episodes in time slices. An abort (AbortError) keeps what was learned. */
  async train(episodes: number, hooks: TrainHooks = {}): Promise<void> {
    const agent = this.agent;
    this.source = () => agent.env.state;
    const startSteps = agent.totalSteps;
    const started = performance.now();
    let done = 0;
    try {
      for await (const e of trainDqn(agent, { episodes, signal: hooks.signal, yieldFn: hooks.yieldFn })) {
        if (agent !== this.agent) return;
        // The greedy check yields between its episodes, so the page never waits for all five at once.
        if (this.keeper.due(agent)) {
          await this.keeper.checkSliced(agent, async () => {
            await (hooks.yieldFn ?? yieldFrame)();
            if (hooks.signal?.aborted) throw abortError();
          });
          if (agent !== this.agent) return;
        }
        const ms = Math.max(1, performance.now() - started);
        this.stepsPerSecond = ((agent.totalSteps - startSteps) * 1000) / ms;
        this.caption = `training · episode ${e.episode} · return ${e.return} · ε ${fmt(e.epsilon, 2)}`;
        hooks.onEpisode?.(++done);
      }
    } finally {
      if (agent === this.agent)
        this.caption = agent.history.length ? `stopped after episode ${agent.history.length}` : '';
    }
  }

  /**
   * Puts the best weights (by greedy check) back into the agent; training goes on from them. False when no
   * check has run yet.
   */
  useBest(): boolean {
    if (!this.keeper.restore(this.agent)) return false;
    this.restoredAt = this.agent.history.length;
    this.caption = `best weights restored (greedy mean ${this.keeper.best!.mean} at episode ${this.keeper.best!.episode})`;
    return true;
  }

  /**
   * Plays `count` greedy (ε = 0) episodes on a separate CartPole at `rate()` steps per second; the agent is
   * not trained. Resolves with their returns (also kept in watchReturns); an abort rejects with AbortError.
   */
  async watchGreedy(
    count = 3,
    options: Partial<PacedOptions> & { onStep?: () => void } = {},
  ): Promise<number[]> {
    const agent = this.agent;
    const env = new CartPole({ seed: 1000 + agent.history.length, maxSteps: agent.config.maxEpisodeSteps });
    this.source = () => env.state;
    this.watchReturns = [];
    for (let e = 0; e < count; e++) {
      let s = env.reset();
      let total = 0;
      await paced(
        () => {
          const out = env.step(agent.greedyAction(s));
          s = out.state;
          total += out.reward;
          this.caption = `greedy policy · episode ${e + 1}/${count} · step ${env.stepCount}`;
          options.onStep?.();
          return !out.done;
        },
        {
          signal: options.signal,
          rate: options.rate ?? (() => WATCH_STEPS_PER_SECOND),
          sleepFn: options.sleepFn,
        },
      );
      if (agent !== this.agent) break;
      this.watchReturns = [...this.watchReturns, total];
    }
    return this.watchReturns;
  }

  /** The DQN's part of a run card: the last episode's numbers, the greedy checks and the totals. */
  metrics(): Metrics {
    const a = this.agent;
    const last = a.history[a.history.length - 1];
    return {
      episodes: a.history.length,
      movingAverage: last?.movingAverage ?? NaN,
      lastReturn: last?.return ?? NaN,
      /** The first greedy check with a mean of at least 195 (the training mean never counts), or −1. */
      solvedAt: this.keeper.solvedAt ?? -1,
      greedyMean: this.keeper.latest?.mean ?? NaN,
      bestGreedyMean: this.keeper.best?.mean ?? NaN,
      totalSteps: a.totalSteps,
      updates: a.updates,
      lastLoss: last?.loss ?? NaN,
      meanQ: last?.meanQ ?? NaN,
    };
  }
}
