// A DQN agent learning CartPole (Mnih et al. 2015), with the switches for Double DQN (van Hasselt et al.
// 2016), a dueling head (Wang et al. 2016) and proportional prioritized replay (Schaul et al. 2016).
// Each environment step: ε-greedy action from the online net → store the transition → one minibatch update
// (Huber loss on r + γ·(1 − terminal)·bootstrap − Q(s,a), Adam, gradient-norm clip) → target sync.
// A time-limit cut (500 steps) is not terminal: the target still bootstraps there.
//
// Example:
//   const agent = new DqnAgent({ seed: 1, double: true });
//   for await (const ep of trainDqn(agent, { episodes: 300, signal })) plot(ep.episode, ep.return);
// (trainDqn and evaluateGreedy live in dqn-loop.ts and are re-exported here.)
import { createRng, type Rng } from '../../src/runtime/rng';
import { CartPole } from './cartpole';
import { resolveDqnConfig, type DqnConfig } from './dqn-config';
import { Adam, clipGlobalNorm, huber, huberGrad } from '../nn/index';
import { QNetwork } from './q-network';
import { PrioritizedReplay, ReplayBuffer, ReplaySample } from './replay';
import { tdTargetAt } from './td-target';

export { evaluateGreedy, trainDqn, type TrainOptions } from './dqn-loop';

export const SOLVED_RETURN = 195;
export const SOLVED_WINDOW = 100;
const STATE_SIZE = 4;
const ACTIONS = 2;

/** One finished training episode. */
export interface DqnEpisode {
  /** 1-based episode number. */
  episode: number;
  return: number;
  length: number;
  /** ε at the episode's last step. */
  epsilon: number;
  /** Mean Huber loss of this episode's updates (NaN before learning starts). */
  loss: number;
  /** Mean predicted maxₐ Q(sₜ, a) over the episode's scored states. */
  meanQ: number;
  /** Mean actual discounted return-to-go Gₜ = Σₖ γᵏ·rₜ₊ₖ over the same states. */
  meanDiscountedReturn: number;
  /** Environment steps so far, over all episodes. */
  totalSteps: number;
  updates: number;
  /** Mean return of the last (up to) 100 episodes. */
  movingAverage: number;
  /** The 1-based episode at which the 100-episode mean first reached 195, or null. */
  solvedAt: number | null;
}

export class DqnAgent {
  readonly config: DqnConfig;
  readonly online: QNetwork;
  readonly target: QNetwork;
  readonly optimizer: Adam;
  readonly buffer: ReplayBuffer;
  /** The training environment (a demo draws its state). */
  readonly env: CartPole;
  readonly history: DqnEpisode[] = [];
  totalSteps = 0;
  updates = 0;
  private readonly rng: Rng;
  private readonly sample: ReplaySample;
  private readonly batchStates: Float64Array;
  private readonly batchNext: Float64Array;
  private readonly nextOnline: Float64Array;
  private readonly targets: Float64Array;
  private readonly tdErrors: Float64Array;
  private readonly dQ: Float64Array;
  // Per-episode records for the Q-versus-return statistics.
  private readonly episodeMaxQ: Float64Array;
  private readonly episodeRewards: Float64Array;
  private state: number[] = [];
  private episodeLength = 0;
  private episodeLoss = 0;
  private episodeUpdates = 0;
  private solvedAt: number | null = null;
  private returnsWindow = 0;

  constructor(partial: Partial<DqnConfig> = {}) {
    const c = (this.config = resolveDqnConfig(partial));
    this.rng = createRng(c.seed);
    const net = {
      inputSize: STATE_SIZE,
      hidden: c.hidden,
      actions: ACTIONS,
      dueling: c.dueling,
      maxBatch: c.batchSize,
    };
    this.online = new QNetwork({ ...net, seed: c.seed * 7919 + 1 });
    this.target = new QNetwork({ ...net, seed: c.seed * 7919 + 1 });
    this.target.copyFrom(this.online);
    this.optimizer = new Adam(this.online.size, { lr: c.lr });
    this.buffer = c.prioritized
      ? new PrioritizedReplay(c.bufferSize, STATE_SIZE, {
          alpha: c.priorityAlpha,
          epsilon: c.priorityEpsilon,
        })
      : new ReplayBuffer(c.bufferSize, STATE_SIZE);
    this.env = new CartPole({ seed: c.seed, maxSteps: c.maxEpisodeSteps });
    this.sample = new ReplaySample(c.batchSize);
    this.batchStates = new Float64Array(c.batchSize * STATE_SIZE);
    this.batchNext = new Float64Array(c.batchSize * STATE_SIZE);
    this.nextOnline = new Float64Array(c.batchSize * ACTIONS);
    this.targets = new Float64Array(c.batchSize);
    this.tdErrors = new Float64Array(c.batchSize);
    this.dQ = new Float64Array(c.batchSize * ACTIONS);
    this.episodeMaxQ = new Float64Array(c.maxEpisodeSteps);
    this.episodeRewards = new Float64Array(c.maxEpisodeSteps);
  }

  /** ε at the current step of the linear schedule. */
  get epsilon(): number {
    const { epsilonStart: a, epsilonEnd: b, epsilonDecaySteps: n } = this.config;
    return a + (b - a) * Math.min(1, this.totalSteps / n);
  }

  /** β of prioritized replay at the current update. */
  get beta(): number {
    const { betaStart, betaSteps } = this.config;
    return betaStart + (1 - betaStart) * Math.min(1, this.updates / betaSteps);
  }

  /** Q(s, ·) from the online network (a copy). */
  qValues(state: ArrayLike<number>): [number, number] {
    const q = this.online.forward(checkState(state), 1);
    return [q[0]!, q[1]!];
  }

  greedyAction(state: ArrayLike<number>): 0 | 1 {
    const q = this.online.forward(checkState(state), 1);
    return q[1]! > q[0]! ? 1 : 0;
  }

  /**
   * One environment step and (once learning has started) one minibatch update. Returns the finished
   * episode when this step ended one. Side effects: moves the environment, fills the buffer, trains.
   */
  step(): DqnEpisode | null {
    const c = this.config;
    if (this.env.done || this.episodeLength === 0) {
      this.state = this.env.reset();
      this.episodeLength = 0;
      this.episodeLoss = 0;
      this.episodeUpdates = 0;
    }
    const s = this.state;
    const q = this.online.forward(s, 1);
    const greedy: 0 | 1 = q[1]! > q[0]! ? 1 : 0;
    this.episodeMaxQ[this.episodeLength] = Math.max(q[0]!, q[1]!);
    const epsilon = this.epsilon;
    const action: 0 | 1 = this.rng.uniform() < epsilon ? (this.rng.int(ACTIONS) as 0 | 1) : greedy;
    const out = this.env.step(action);
    this.buffer.add(s, action, out.reward, out.state, out.terminated);
    this.episodeRewards[this.episodeLength] = out.reward;
    this.episodeLength++;
    this.totalSteps++;
    this.state = out.state;

    if (this.totalSteps >= Math.max(c.learningStarts, c.batchSize) && this.totalSteps % c.trainEvery === 0) {
      this.episodeLoss += this.update();
      this.episodeUpdates++;
    }
    if (c.target.kind === 'hard' && this.totalSteps % c.target.every === 0) this.target.copyFrom(this.online);
    return out.done ? this.finishEpisode(epsilon, out.truncated) : null;
  }

  /** One minibatch update of the online network; returns its (importance-weighted) mean Huber loss. */
  update(): number {
    const c = this.config;
    const B = c.batchSize;
    const buf = this.buffer;
    const { indices, weights } = this.sample;
    buf.sample(B, this.rng, this.sample, this.beta);
    for (let b = 0; b < B; b++) {
      const row = indices[b]! * STATE_SIZE;
      for (let k = 0; k < STATE_SIZE; k++) {
        this.batchStates[b * STATE_SIZE + k] = buf.states[row + k]!;
        this.batchNext[b * STATE_SIZE + k] = buf.nextStates[row + k]!;
      }
    }
    // Targets first (they overwrite nothing of the online net's training pass, which comes last).
    if (c.double) this.nextOnline.set(this.online.forward(this.batchNext, B));
    const nextTarget = this.target.forward(this.batchNext, B);
    for (let b = 0; b < B; b++) {
      const i = indices[b]!;
      this.targets[b] = tdTargetAt(
        buf.rewards[i]!,
        buf.dones[i] === 1,
        c.gamma,
        this.nextOnline,
        nextTarget,
        b * ACTIONS,
        ACTIONS,
        c.double,
      );
    }
    const q = this.online.forward(this.batchStates, B);
    let loss = 0;
    this.dQ.fill(0);
    for (let b = 0; b < B; b++) {
      const k = b * ACTIONS + buf.actions[indices[b]!]!;
      const delta = q[k]! - this.targets[b]!;
      this.tdErrors[b] = delta;
      loss += weights[b]! * huber(delta, c.huberDelta);
      this.dQ[k] = (weights[b]! * huberGrad(delta, c.huberDelta)) / B;
    }
    loss /= B;
    if (!Number.isFinite(loss))
      throw new Error(
        `DQN diverged: the loss became ${loss} at update ${this.updates + 1}; try a smaller learning rate`,
      );
    this.online.backward(this.dQ, B);
    if (c.gradClip > 0) clipGlobalNorm(this.online.grads, c.gradClip);
    this.optimizer.step(this.online.params, this.online.grads);
    buf.updatePriorities(indices, this.tdErrors, B);
    if (c.target.kind === 'soft') this.target.softUpdateFrom(this.online, c.target.tau);
    this.updates++;
    return loss;
  }

  private finishEpisode(epsilon: number, truncated: boolean): DqnEpisode {
    const c = this.config;
    const n = this.episodeLength;
    // Gₜ backwards. After a time-limit cut the last states' returns are cut short too, so only states with
    // at least `horizon` steps left (γ^horizon ≤ 0.05) are scored; after a real termination every state is.
    const horizon = truncated
      ? Math.min(n - 1, Math.ceil(Math.log(0.05) / Math.log(Math.max(c.gamma, 1e-9))))
      : 0;
    const scored = Math.max(1, n - horizon);
    let g = 0;
    let sumG = 0;
    let sumQ = 0;
    for (let t = n - 1; t >= 0; t--) {
      g = this.episodeRewards[t]! + c.gamma * g;
      if (t < scored) {
        sumG += g;
        sumQ += this.episodeMaxQ[t]!;
      }
    }
    let ret = 0;
    for (let t = 0; t < n; t++) ret += this.episodeRewards[t]!;
    const episode = this.history.length + 1;
    this.returnsWindow += ret;
    if (this.history.length >= SOLVED_WINDOW)
      this.returnsWindow -= this.history[this.history.length - SOLVED_WINDOW]!.return;
    const windowSize = Math.min(episode, SOLVED_WINDOW);
    const movingAverage = this.returnsWindow / windowSize;
    if (this.solvedAt === null && windowSize === SOLVED_WINDOW && movingAverage >= SOLVED_RETURN)
      this.solvedAt = episode;
    const record: DqnEpisode = {
      episode,
      return: ret,
      length: n,
      epsilon,
      loss: this.episodeUpdates > 0 ? this.episodeLoss / this.episodeUpdates : NaN,
      meanQ: sumQ / scored,
      meanDiscountedReturn: sumG / scored,
      totalSteps: this.totalSteps,
      updates: this.updates,
      movingAverage,
      solvedAt: this.solvedAt,
    };
    this.history.push(record);
    return record;
  }
}

function checkState(state: ArrayLike<number>): ArrayLike<number> {
  if (state.length !== STATE_SIZE)
    throw new Error(`state must have ${STATE_SIZE} entries [x, ẋ, θ, θ̇], got ${state.length}`);
  for (let k = 0; k < STATE_SIZE; k++)
    if (!Number.isFinite(state[k])) throw new Error(`state[${k}] must be finite, got ${state[k]}`);
  return state;
}
