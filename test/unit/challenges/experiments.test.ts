// The four open-problem experiments on small settings (converged once, seeded): a rotated test set loses
// accuracy, FGSM hurts more than random signs of the same size, a perfectly correlated shortcut gives
// perfect training accuracy and a worse test than the control, wider nets fit circles better; the session
// runs all four, reproduces them with the same seed, gives its run-card metrics, and keeps what was done
// when stopped.
import { describe, expect, test } from 'vitest';
import { efficiencyCurve, fgsmCurve, shiftCurve, shortcutExperiment } from '../../../kernels/challenges';
import { isAbortError } from '../../../src/runtime/abort';
import { inlineChallenges } from '../../../src/demos/challenges/compute';
import { ChallengesSession, sweepWidths } from '../../../src/demos/challenges/session';
import { defaults } from '../../../src/ui/kit/settings';
import { CHALLENGES_SETTINGS } from '../../../src/demos/challenges/settings';
import { efficiencyTraces, fgsmTraces, shiftTraces } from '../../../src/demos/challenges/views';

const quick = { yieldFn: () => Promise.resolve(), budgetMs: 1000 };

describe('experiments', () => {
  test('distribution shift: ≥ 90% unrotated, below chance at 180° (moons are point-symmetric)', async () => {
    const c = await shiftCurve({
      seed: 1,
      hidden: 16,
      steps: 200,
      noise: 0.15,
      maxAngle: 180,
      points: 5,
      ...quick,
    });
    expect(c.x).toEqual([0, 45, 90, 135, 180]);
    expect(c.accuracy[0]).toBeGreaterThan(0.9);
    expect(c.trainAccuracy).toBeGreaterThan(0.9);
    expect(c.accuracy[4]).toBeLessThan(0.3);
  });

  test('FGSM at the largest ε hurts more than random signs of the same ε; ε = 0 changes nothing', async () => {
    const c = await fgsmCurve({
      seed: 2,
      hidden: 16,
      steps: 200,
      noise: 0.15,
      maxEps: 0.5,
      points: 3,
      ...quick,
    });
    expect(c.accuracy[0]).toBe(c.randomAccuracy[0]);
    expect(c.accuracy[2]).toBeLessThan(c.randomAccuracy[2]! - 0.2);
  });

  test('shortcut: agree = 1 fits training perfectly, tests worse than the control, puts most weight on it', async () => {
    const r = await shortcutExperiment({ seed: 1, steps: 200, agree: 1, scale: 1, ...quick });
    expect(r.trainAccuracy).toBe(1);
    expect(r.testAccuracy).toBeLessThan(r.controlTestAccuracy - 0.2);
    expect(r.spuriousShare).toBeGreaterThan(0.5);
    const none = await shortcutExperiment({ seed: 1, steps: 200, agree: 0.5, scale: 1, ...quick });
    expect(none.spuriousShare).toBeLessThan(0.15);
  });

  test('efficiency: parameters 4w + 1; on circles width 4 beats width 1 by 15 points', async () => {
    const c = await efficiencyCurve({
      seed: 1,
      steps: 300,
      noise: 0.1,
      kind: 'circles',
      widths: [1, 4],
      ...quick,
    });
    expect(c.parameters).toEqual([5, 17]);
    expect(c.multiplyAdds).toEqual([3, 12]);
    expect(c.accuracy[1]).toBeGreaterThan(c.accuracy[0]! + 0.15);
    await expect(
      efficiencyCurve({ seed: 1, steps: 10, noise: 0, kind: 'circles', widths: [0] }),
    ).rejects.toThrow(/widths\[0\] must be an integer from 1 to 256/);
  });
});

describe('session', () => {
  const small = { ...defaults(CHALLENGES_SETTINGS), steps: 60, maxWidth: 4 };

  test('sweepWidths climbs to the widest width', () => {
    expect(sweepWidths(32)).toEqual([1, 2, 3, 4, 6, 8, 12, 16, 24, 32]);
    expect(sweepWidths(5)).toEqual([1, 2, 3, 4, 5]);
  });

  test('runs the four panels in order, the same seed reproduces them exactly, metrics come from them', async () => {
    const s = new ChallengesSession(inlineChallenges(quick));
    const order: string[] = [];
    const a = structuredClone(await s.run(small, new AbortController().signal, (p) => order.push(p)));
    expect(order).toEqual(['shift', 'fgsm', 'shortcut', 'efficiency']);
    const m = s.metrics();
    expect(m.shiftAccuracyAt0).toBe(a.shift!.accuracy[0]);
    expect(m.shortcutTestAccuracy).toBe(a.shortcut!.testAccuracy);
    expect(m.efficiencyWidestAccuracy).toBe(a.efficiency!.accuracy[3]);
    expect(
      await new ChallengesSession(inlineChallenges(quick)).run(small, new AbortController().signal, () => {}),
    ).toEqual(a);
    expect(shiftTraces(a.shift)[0]!.y).toEqual(a.shift!.accuracy);
    expect(fgsmTraces(a.fgsm)).toHaveLength(2);
    expect(efficiencyTraces(a.efficiency)[0]!.x).toEqual([5, 9, 13, 17]);
  });

  test('a stop after the first panel rejects with an AbortError and keeps that panel', async () => {
    const s = new ChallengesSession(inlineChallenges(quick));
    const c = new AbortController();
    const e = await s.run(small, c.signal, () => c.abort()).catch((err: unknown) => err);
    expect(isAbortError(e)).toBe(true);
    expect(s.results.shift).not.toBeNull();
    expect(s.results.fgsm).toBeNull();
    s.clear();
    expect(s.metrics()).toEqual({});
  });
});
