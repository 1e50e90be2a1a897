// CartPole: the classic cart-pole balancing problem (Barto, Sutton & Anderson 1983) with the standard constants
// and Euler integration used by OpenAI Gym's CartPole-v1. A pole hinged on a cart; push the cart left (0) or
// right (1) with a fixed force; reward 1 per step; the episode ends when the cart leaves |x| ≤ 2.4, the pole
// leans past 12°, or after 500 steps (a time limit, reported as `truncated` so learners can keep bootstrapping).
//
// Example:
//   const env = new CartPole({ seed: 1 });
//   let s = env.reset();
//   const { state, reward, done } = env.step(1);
import { createRng, type Rng } from '../../src/runtime/rng';

export const CARTPOLE = {
  gravity: 9.8,
  massCart: 1.0,
  massPole: 0.1,
  /** Half the pole's length (the distance from the hinge to its centre of mass). */
  halfLength: 0.5,
  forceMag: 10,
  /** Seconds per step. */
  tau: 0.02,
  xThreshold: 2.4,
  thetaThreshold: (12 * Math.PI) / 180,
  maxSteps: 500,
} as const;

/** [x, ẋ, θ, θ̇]: cart position (m), cart velocity (m/s), pole angle from upright (rad), angular velocity (rad/s). */
export type CartPoleState = [number, number, number, number];

export interface CartPoleStep {
  state: CartPoleState;
  reward: number;
  /** The episode is over (terminated or truncated). */
  done: boolean;
  /** It ended by falling or leaving the track: a true terminal state, its value is 0. */
  terminated: boolean;
  /** It ended only by the time limit: the state itself is not terminal. */
  truncated: boolean;
}

export interface CartPoleOptions {
  seed?: number;
  /** Time limit in steps (1..100000, default 500). */
  maxSteps?: number;
}

/**
 * One Euler step of the frictionless cart-pole dynamics (pure). The accelerations are those of Florian's
 * corrected equations as in Gym: temp = (F + m·l·θ̇²·sinθ)/(M+m),
 * θ̈ = (g·sinθ − cosθ·temp) / (l·(4/3 − m·cos²θ/(M+m))), ẍ = temp − m·l·θ̈·cosθ/(M+m);
 * then x += τ·ẋ, ẋ += τ·ẍ, θ += τ·θ̇, θ̇ += τ·θ̈ (each position update uses the old velocity).
 */
export function cartPoleDynamics(state: readonly number[], action: 0 | 1): CartPoleState {
  const { gravity: g, massCart, massPole: m, halfLength: l, forceMag, tau } = CARTPOLE;
  const [x, xDot, theta, thetaDot] = state as CartPoleState;
  const total = massCart + m;
  const force = action === 1 ? forceMag : -forceMag;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const temp = (force + m * l * thetaDot * thetaDot * sin) / total;
  const thetaAcc = (g * sin - cos * temp) / (l * (4 / 3 - (m * cos * cos) / total));
  const xAcc = temp - (m * l * thetaAcc * cos) / total;
  return [x + tau * xDot, xDot + tau * xAcc, theta + tau * thetaDot, thetaDot + tau * thetaAcc];
}

/** Whether a state is outside the allowed region (cart off the track or pole past 12°). */
export function cartPoleFailed(state: readonly number[]): boolean {
  return Math.abs(state[0]!) > CARTPOLE.xThreshold || Math.abs(state[2]!) > CARTPOLE.thetaThreshold;
}

export class CartPole {
  private rng: Rng;
  private current: CartPoleState = [0, 0, 0, 0];
  private steps = 0;
  private over = true;
  readonly maxSteps: number;

  constructor(options: CartPoleOptions = {}) {
    const seed = options.seed ?? 0;
    this.maxSteps = options.maxSteps ?? CARTPOLE.maxSteps;
    if (!Number.isInteger(this.maxSteps) || this.maxSteps < 1 || this.maxSteps > 100_000)
      throw new Error(`maxSteps must be an integer from 1 to 100000, got ${this.maxSteps}`);
    this.rng = createRng(seed);
  }

  /** The current state (a copy). */
  get state(): CartPoleState {
    return [...this.current];
  }

  /** Steps taken in the current episode. */
  get stepCount(): number {
    return this.steps;
  }

  /** Whether the current episode has ended (step() then needs a reset()). */
  get done(): boolean {
    return this.over;
  }

  /**
   * Starts an episode: each of x, ẋ, θ, θ̇ uniform in [−0.05, 0.05) from the seeded generator. Passing a seed
   * restarts the generator first, so reset(seed) always gives the same start state.
   */
  reset(seed?: number): CartPoleState {
    if (seed !== undefined) this.rng = createRng(seed);
    this.current = [0, 0, 0, 0].map(() => this.rng.uniform() * 0.1 - 0.05) as CartPoleState;
    this.steps = 0;
    this.over = false;
    return this.state;
  }

  /** Sets the state directly (for tests and replays); starts a fresh episode count. */
  setState(state: readonly number[]): void {
    if (state.length !== 4 || !state.every(Number.isFinite))
      throw new Error(`state must be 4 finite numbers [x, ẋ, θ, θ̇], got [${state.join(', ')}]`);
    this.current = [...state] as CartPoleState;
    this.steps = 0;
    this.over = cartPoleFailed(state);
  }

  step(action: 0 | 1): CartPoleStep {
    if (action !== 0 && action !== 1)
      throw new Error(`action must be 0 (push left) or 1 (push right), got ${action}`);
    if (this.over) throw new Error('the episode is over: call reset() before step()');
    this.current = cartPoleDynamics(this.current, action);
    this.steps++;
    const terminated = cartPoleFailed(this.current);
    const truncated = !terminated && this.steps >= this.maxSteps;
    this.over = terminated || truncated;
    return { state: this.state, reward: 1, done: this.over, terminated, truncated };
  }
}
