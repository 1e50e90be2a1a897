// CartPole against an independent reference: the cart-pole equations of motion written as the 2×2 linear
// system they come from (Lagrangian of a cart of mass M and a uniform pole of mass m, half-length l) and
// solved by Cramer's rule, integrated with explicit Euler — not the closed form the kernel uses.
import { describe, expect, test } from 'vitest';
import { CARTPOLE, CartPole, cartPoleDynamics } from '../../../kernels/rl/cartpole';
import { createRng } from '../../../src/runtime/rng';

/**
 * (M+m)·ẍ + m·l·cosθ·θ̈ = F + m·l·θ̇²·sinθ
 * m·l·cosθ·ẍ + (4/3)·m·l²·θ̈ = m·g·l·sinθ
 */
function referenceStep(s: number[], action: 0 | 1): number[] {
  const M = 1.0;
  const m = 0.1;
  const l = 0.5;
  const g = 9.8;
  const dt = 0.02;
  const F = action === 1 ? 10 : -10;
  const [x, v, th, w] = s as [number, number, number, number];
  const a11 = M + m;
  const a12 = m * l * Math.cos(th);
  const a21 = m * l * Math.cos(th);
  const a22 = (4 / 3) * m * l * l;
  const b1 = F + m * l * w * w * Math.sin(th);
  const b2 = m * g * l * Math.sin(th);
  const det = a11 * a22 - a12 * a21;
  const xAcc = (b1 * a22 - a12 * b2) / det;
  const thAcc = (a11 * b2 - a21 * b1) / det;
  return [x + dt * v, v + dt * xAcc, th + dt * w, w + dt * thAcc];
}

describe('CartPole dynamics', () => {
  test('one push right from rest, worked by hand: ẋ = 0.02·400/41, θ̇ = −0.02·600/41 (1e-12)', () => {
    // temp = F/(M+m) = 100/11; θ̈ = −temp / (l·(4/3 − m/(M+m))) = −(100/11)/(41/66) = −600/41;
    // ẍ = temp − m·l·θ̈/(M+m) = 100/11 + 300/451 = 400/41. Euler: positions move by τ·(old velocity) = 0.
    const [x, v, th, w] = cartPoleDynamics([0, 0, 0, 0], 1);
    expect(x).toBe(0);
    expect(th).toBe(0);
    expect(v).toBeCloseTo(8 / 41, 12);
    expect(w).toBeCloseTo(-12 / 41, 12);
  });

  test('a fixed 60-step action sequence matches the reference within 1e-9 at every step', () => {
    const start = [0.01, -0.02, 0.03, 0.015];
    const actions: (0 | 1)[] = Array.from({ length: 60 }, (_, t) => ((t * 7) % 5 < 2 ? 1 : 0));
    let s = start;
    let ref = start;
    for (const a of actions) {
      s = cartPoleDynamics(s, a);
      ref = referenceStep(ref, a);
      for (let k = 0; k < 4; k++) expect(Math.abs(s[k]! - ref[k]!)).toBeLessThan(1e-9);
    }
    // The pole has fallen far by now, so the comparison covered large angles too.
    expect(Math.abs(s[2]!)).toBeGreaterThan(0.5);
    // The environment takes exactly these steps until it ends the episode.
    const env = new CartPole();
    env.setState(start);
    s = start;
    for (const a of actions) {
      const out = env.step(a);
      s = cartPoleDynamics(s, a);
      expect(out.state).toEqual(s);
      if (out.done) break;
    }
    expect(env.done).toBe(true);
  });

  test('uses the standard constants', () => {
    expect(CARTPOLE).toMatchObject({
      gravity: 9.8,
      massCart: 1,
      massPole: 0.1,
      halfLength: 0.5,
      forceMag: 10,
      tau: 0.02,
      xThreshold: 2.4,
      maxSteps: 500,
    });
    expect(CARTPOLE.thetaThreshold).toBeCloseTo((12 * Math.PI) / 180, 15);
  });
});

describe('CartPole episodes', () => {
  test('reset is seeded and draws each state variable from [−0.05, 0.05)', () => {
    const a = new CartPole({ seed: 5 });
    const b = new CartPole({ seed: 5 });
    for (let e = 0; e < 20; e++) {
      const s = a.reset();
      expect(b.reset()).toEqual(s);
      for (const v of s) expect(Math.abs(v)).toBeLessThanOrEqual(0.05);
    }
    expect(new CartPole({ seed: 6 }).reset()).not.toEqual(new CartPole({ seed: 5 }).reset());
    expect(a.reset(9)).toEqual(b.reset(9));
  });

  test('reward is 1 per step, including the step that ends the episode', () => {
    const env = new CartPole({ seed: 1 });
    env.reset();
    let total = 0;
    let out;
    do {
      out = env.step(1);
      expect(out.reward).toBe(1);
      total += out.reward;
    } while (!out.done);
    expect(total).toBe(env.stepCount);
    expect(out.terminated).toBe(true);
  });

  test('ends when the cart passes |x| = 2.4', () => {
    const env = new CartPole();
    env.setState([2.39, 1, 0, 0]); // x' = 2.39 + 0.02·1 = 2.41
    const out = env.step(1);
    expect(out.state[0]).toBeCloseTo(2.41, 12);
    expect(out).toMatchObject({ done: true, terminated: true, truncated: false });
    env.setState([-2.39, -0.4, 0, 0]); // x' = −2.398: still inside
    expect(env.step(0).done).toBe(false);
  });

  test('ends when the pole passes 12°', () => {
    const env = new CartPole();
    const limit = (12 * Math.PI) / 180;
    env.setState([0, 0, limit - 0.001, 0.1]); // θ' = limit − 0.001 + 0.02·0.1 = limit + 0.001
    expect(env.step(1)).toMatchObject({ done: true, terminated: true });
    env.setState([0, 0, -(limit - 0.001), -0.1]); // θ' = −limit − 0.001
    expect(env.step(0)).toMatchObject({ done: true, terminated: true });
    env.setState([0, 0, limit - 0.003, 0.1]); // θ' = limit − 0.001: still up
    expect(env.step(1).done).toBe(false);
  });

  test('a balancing controller is cut off after exactly 500 steps, reported as truncated', () => {
    const env = new CartPole({ seed: 2 });
    let s = env.reset();
    let out;
    let steps = 0;
    do {
      // A linear state-feedback controller that balances the pole indefinitely.
      out = env.step(s[2] + 0.3 * s[3] + 0.01 * s[0] + 0.1 * s[1] > 0 ? 1 : 0);
      s = out.state;
      steps++;
    } while (!out.done);
    expect(steps).toBe(500);
    expect(out).toMatchObject({ done: true, terminated: false, truncated: true });
    expect(() => env.step(0)).toThrow('call reset()');
  });

  test('a random policy lasts about 22 steps on average (the baseline DQN must beat)', () => {
    const env = new CartPole({ seed: 3 });
    const rng = createRng(11);
    let total = 0;
    for (let e = 0; e < 200; e++) {
      env.reset();
      let out;
      do {
        out = env.step(rng.uniform() < 0.5 ? 0 : 1);
        total += out.reward;
      } while (!out.done);
    }
    expect(total / 200).toBeGreaterThan(15);
    expect(total / 200).toBeLessThan(30);
  });

  test('bad input throws a message naming it', () => {
    const env = new CartPole();
    env.reset();
    expect(() => env.step(2 as 0)).toThrow('action must be 0 (push left) or 1 (push right), got 2');
    expect(() => env.setState([0, 0, NaN, 0])).toThrow('state must be 4 finite numbers');
    expect(() => new CartPole({ maxSteps: 0 })).toThrow(
      'maxSteps must be an integer from 1 to 100000, got 0',
    );
    expect(() => new CartPole().step(0)).toThrow('call reset()');
  });

  test('maxSteps sets the time limit', () => {
    const env = new CartPole({ seed: 1, maxSteps: 3 });
    env.setState([0, 0, 0, 0]);
    expect(env.step(1).done).toBe(false);
    expect(env.step(0).done).toBe(false);
    expect(env.step(1)).toMatchObject({ done: true, truncated: true });
  });
});
