// Tabular Q-learning: the TD update Q(s,a) ← Q(s,a) + α·(r + γ·maxₐ' Q(s',a') − Q(s,a)) and an ε-greedy
// learner on a GridWorld that takes one environment step at a time (so a demo can animate it) and reports the
// numbers of every update.
//
// Example:
//   const learner = new TabularQLearner(GridWorld.parse(['S..G']), { alpha: 0.5, gamma: 0.9, epsilon: 0.1, seed: 1 });
//   for (let i = 0; i < 1000; i++) learner.step();
//   learner.greedyPath(); // [0, 1, 2, 3]
import { createRng, type Rng } from '../../src/runtime/rng';
import type { GridAction, GridWorld } from './grid-world';
import { TimeSlicer } from '../../src/runtime/loop';

export interface Transition {
  state: number;
  action: number;
  reward: number;
  nextState: number;
  /** The next state is terminal: nothing is bootstrapped from it. */
  done: boolean;
}

/** Every number of one Bellman update, so it can be written out. */
export interface QUpdate {
  /** Q(s,a) before the update. */
  before: number;
  /** maxₐ' Q(s',a'), or 0 when s' is terminal. */
  maxNext: number;
  /** r + γ·maxNext. */
  target: number;
  /** target − before. */
  tdError: number;
  /** Q(s,a) after: before + α·tdError. */
  after: number;
  alpha: number;
  gamma: number;
}

function checkUnit(name: string, v: number, lo: number, hi: number): void {
  if (!(v >= lo && v <= hi)) throw new Error(`${name} must be in [${lo}, ${hi}], got ${v}`);
}

/**
 * One tabular Q-learning update, in place: q is a row-major table of nStates × nActions values.
 * Side effect: writes q[state·nActions + action].
 */
export function qLearningUpdate(
  q: Float64Array,
  nActions: number,
  t: Transition,
  hyper: { alpha: number; gamma: number },
): QUpdate {
  const { alpha, gamma } = hyper;
  checkUnit('alpha', alpha, 0, 1);
  checkUnit('gamma', gamma, 0, 1);
  if (!Number.isInteger(nActions) || nActions < 1)
    throw new Error(`nActions must be a positive integer, got ${nActions}`);
  if (q.length % nActions !== 0)
    throw new Error(`q has ${q.length} entries, not a multiple of nActions = ${nActions}`);
  const nStates = q.length / nActions;
  for (const [name, s] of [
    ['state', t.state],
    ['nextState', t.nextState],
  ] as const)
    if (!Number.isInteger(s) || s < 0 || s >= nStates)
      throw new Error(`${name} must be 0..${nStates - 1}, got ${s}`);
  if (!Number.isInteger(t.action) || t.action < 0 || t.action >= nActions)
    throw new Error(`action must be 0..${nActions - 1}, got ${t.action}`);
  if (!Number.isFinite(t.reward)) throw new Error(`reward must be finite, got ${t.reward}`);
  const i = t.state * nActions + t.action;
  const before = q[i]!;
  const maxNext = t.done ? 0 : maxOf(q, t.nextState * nActions, nActions);
  const target = t.reward + gamma * maxNext;
  const tdError = target - before;
  const after = before + alpha * tdError;
  q[i] = after;
  return { before, maxNext, target, tdError, after, alpha, gamma };
}

function maxOf(q: Float64Array, at: number, n: number): number {
  let m = q[at]!;
  for (let a = 1; a < n; a++) if (q[at + a]! > m) m = q[at + a]!;
  return m;
}

export interface TabularOptions {
  alpha: number;
  gamma: number;
  epsilon: number;
  seed: number;
  /** An episode that runs this long is cut off (not terminal) and restarts; 1..10000, default 200. */
  maxEpisodeSteps?: number;
}

export interface TabularStep {
  transition: Transition;
  update: QUpdate;
  /** The action was a random exploratory one. */
  explored: boolean;
  /** This step ended an episode (goal, pit or the step limit); the next step starts from the start cell. */
  episodeEnd: boolean;
  /** The return of the episode this step belongs to, so far. */
  episodeReturn: number;
}

export class TabularQLearner {
  readonly q: Float64Array;
  readonly nActions = 4;
  alpha: number;
  gamma: number;
  epsilon: number;
  readonly maxEpisodeSteps: number;
  /** Finished episodes' returns and lengths. */
  readonly returns: number[] = [];
  readonly lengths: number[] = [];
  private rng: Rng;
  private episodeSteps = 0;
  private episodeReturn = 0;

  constructor(
    readonly world: GridWorld,
    options: TabularOptions,
  ) {
    checkUnit('alpha', options.alpha, 0, 1);
    checkUnit('gamma', options.gamma, 0, 1);
    checkUnit('epsilon', options.epsilon, 0, 1);
    this.alpha = options.alpha;
    this.gamma = options.gamma;
    this.epsilon = options.epsilon;
    this.maxEpisodeSteps = options.maxEpisodeSteps ?? 200;
    if (!Number.isInteger(this.maxEpisodeSteps) || this.maxEpisodeSteps < 1 || this.maxEpisodeSteps > 10_000)
      throw new Error(`maxEpisodeSteps must be an integer from 1 to 10000, got ${this.maxEpisodeSteps}`);
    this.rng = createRng(options.seed);
    this.q = new Float64Array(world.size * this.nActions);
    world.reset();
  }

  /** Steps taken so far in the current episode. */
  get stepsInEpisode(): number {
    return this.episodeSteps;
  }

  maxQ(state: number): number {
    return maxOf(this.q, state * this.nActions, this.nActions);
  }

  /** The greedy action; ties go to the lowest-numbered action (deterministic, for drawing arrows). */
  greedyAction(state: number): GridAction {
    const at = state * this.nActions;
    let best = 0;
    for (let a = 1; a < this.nActions; a++) if (this.q[at + a]! > this.q[at + best]!) best = a;
    return best as GridAction;
  }

  /** Whether all actions in a state still have the same value (no preference yet). */
  undecided(state: number): boolean {
    const at = state * this.nActions;
    for (let a = 1; a < this.nActions; a++) if (this.q[at + a] !== this.q[at]) return false;
    return true;
  }

  /** ε-greedy, with ties among the greedy actions broken at random (so an untrained agent wanders). */
  chooseAction(state: number): { action: GridAction; explored: boolean } {
    if (this.rng.uniform() < this.epsilon)
      return { action: this.rng.int(this.nActions) as GridAction, explored: true };
    const at = state * this.nActions;
    const best = maxOf(this.q, at, this.nActions);
    const ties: number[] = [];
    for (let a = 0; a < this.nActions; a++) if (this.q[at + a] === best) ties.push(a);
    return {
      action: ties[ties.length === 1 ? 0 : this.rng.int(ties.length)]! as GridAction,
      explored: false,
    };
  }

  /** One environment step with its update. Side effects: moves the world's agent, writes one Q entry. */
  step(): TabularStep {
    const state = this.world.state;
    if (!this.world.isActive(state)) this.world.reset();
    const s = this.world.state;
    const { action, explored } = this.chooseAction(s);
    const out = this.world.step(action);
    const transition: Transition = {
      state: s,
      action,
      reward: out.reward,
      nextState: out.state,
      done: out.done,
    };
    const update = qLearningUpdate(this.q, this.nActions, transition, {
      alpha: this.alpha,
      gamma: this.gamma,
    });
    this.episodeSteps++;
    this.episodeReturn += out.reward;
    const episodeReturn = this.episodeReturn;
    const episodeEnd = out.done || this.episodeSteps >= this.maxEpisodeSteps;
    if (episodeEnd) {
      this.returns.push(this.episodeReturn);
      this.lengths.push(this.episodeSteps);
      this.episodeSteps = 0;
      this.episodeReturn = 0;
      this.world.reset();
    }
    return { transition, update, explored, episodeEnd, episodeReturn };
  }

  /** Runs whole episodes (synchronously); returns their returns. */
  runEpisodes(count: number): number[] {
    if (!Number.isInteger(count) || count < 0 || count > 1_000_000)
      throw new Error(`count must be an integer from 0 to 1000000, got ${count}`);
    const start = this.returns.length;
    while (this.returns.length < start + count) this.step();
    return this.returns.slice(start);
  }

  /** The cells the greedy policy visits from the start, until a terminal cell, a loop, or maxLength moves. */
  greedyPath(maxLength = this.world.size * 2): number[] {
    let s = this.world.startState;
    const path = [s];
    const seen = new Set([s]);
    while (path.length <= maxLength && this.world.isActive(s)) {
      s = this.world.transition(s, this.greedyAction(s)).state;
      path.push(s);
      if (seen.has(s)) break;
      seen.add(s);
    }
    return path;
  }

  /** Forgets everything learned; the agent goes back to the start. */
  resetLearning(seed: number): void {
    this.q.fill(0);
    this.returns.length = 0;
    this.lengths.length = 0;
    this.episodeSteps = 0;
    this.episodeReturn = 0;
    this.rng = createRng(seed);
    this.world.reset();
  }
}

/**
 * Trains for `episodes` whole episodes in time slices, yielding after each episode its return and length.
 * Stops with an AbortError when the signal fires; what was learned stays in the learner.
 */
export async function* trainTabular(
  learner: TabularQLearner,
  episodes: number,
  options: { signal?: AbortSignal; budgetMs?: number } = {},
): AsyncGenerator<{ episode: number; return: number; length: number }> {
  if (!Number.isInteger(episodes) || episodes < 1 || episodes > 100_000)
    throw new Error(`episodes must be an integer from 1 to 100000, got ${episodes}`);
  const slicer = new TimeSlicer({ signal: options.signal, budgetMs: options.budgetMs ?? 10 });
  for (let e = 0; e < episodes; e++) {
    let end: TabularStep;
    do {
      end = learner.step();
      await slicer.tick();
    } while (!end.episodeEnd);
    yield {
      episode: learner.returns.length,
      return: learner.returns.at(-1)!,
      length: learner.lengths.at(-1)!,
    };
  }
}
