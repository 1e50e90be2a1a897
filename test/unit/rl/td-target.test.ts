// The DQN target on hand-worked cases.
import { describe, expect, test } from 'vitest';
import { tdTarget, tdTargetAt } from '../../../kernels/rl/td-target';

describe('tdTarget', () => {
  test('a terminal transition’s target is the reward alone', () => {
    for (const double of [false, true])
      expect(
        tdTarget({
          reward: -1,
          done: true,
          gamma: 0.99,
          nextQOnline: [5, 7],
          nextQTarget: [100, 200],
          double,
        }),
      ).toBe(-1);
  });

  test('vanilla DQN: r + γ·maxₐ Q_target(s′, a)', () => {
    // 1 + 0.9·max(2, 0.5) = 2.8; the online values play no part.
    expect(
      tdTarget({
        reward: 1,
        done: false,
        gamma: 0.9,
        nextQOnline: [0, 99],
        nextQTarget: [2, 0.5],
        double: false,
      }),
    ).toBeCloseTo(2.8, 15);
  });

  test('Double DQN: the online net picks the action, the target net rates it', () => {
    // The online net prefers action 1 (3 > 1); the target net values it at 0.5: 1 + 0.9·0.5 = 1.45,
    // where vanilla DQN would take the target net's own max, 2: 1 + 0.9·2 = 2.8.
    const input = { reward: 1, done: false, gamma: 0.9, nextQOnline: [1, 3], nextQTarget: [2, 0.5] };
    expect(tdTarget({ ...input, double: true })).toBeCloseTo(1.45, 15);
    expect(tdTarget({ ...input, double: false })).toBeCloseTo(2.8, 15);
  });

  test('the two agree when both nets prefer the same action', () => {
    const input = { reward: 0.5, done: false, gamma: 0.99, nextQOnline: [1, 4, 2], nextQTarget: [0, 3, 1] };
    expect(tdTarget({ ...input, double: true })).toBe(tdTarget({ ...input, double: false }));
    expect(tdTarget({ ...input, double: true })).toBeCloseTo(0.5 + 0.99 * 3, 15);
  });

  test('the double target never exceeds the vanilla one (it evaluates a possibly non-max action)', () => {
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10 - 5;
    for (let i = 0; i < 200; i++) {
      const input = {
        reward: rand(),
        done: false,
        gamma: 0.95,
        nextQOnline: [rand(), rand(), rand()],
        nextQTarget: [rand(), rand(), rand()],
      };
      expect(tdTarget({ ...input, double: true })).toBeLessThanOrEqual(tdTarget({ ...input, double: false }));
    }
  });

  test('tdTargetAt reads the same target from a row of batched arrays', () => {
    const online = new Float64Array([9, 9, 1, 3, 9, 9]);
    const target = new Float64Array([0, 0, 2, 0.5, 0, 0]);
    expect(tdTargetAt(1, false, 0.9, online, target, 2, 2, true)).toBeCloseTo(1.45, 15);
    expect(tdTargetAt(1, false, 0.9, online, target, 2, 2, false)).toBeCloseTo(2.8, 15);
    expect(tdTargetAt(1, true, 0.9, online, target, 2, 2, false)).toBe(1);
  });

  test('bad input throws a message naming it', () => {
    const ok = { reward: 1, done: false, gamma: 0.9, nextQOnline: [1, 2], nextQTarget: [1, 2], double: true };
    expect(() => tdTarget({ ...ok, gamma: 1.5 })).toThrow('gamma must be in [0, 1], got 1.5');
    expect(() => tdTarget({ ...ok, reward: NaN })).toThrow('reward must be finite');
    expect(() => tdTarget({ ...ok, nextQTarget: [] })).toThrow(
      'nextQTarget must hold at least one action value',
    );
    expect(() => tdTarget({ ...ok, nextQOnline: [1] })).toThrow(
      'nextQOnline must have as many actions as nextQTarget (2), got 1',
    );
  });
});
