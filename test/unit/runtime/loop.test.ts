import { describe, expect, it } from 'vitest';
import { isAbortError } from '../../../src/runtime/abort';
import { runSliced, TimeSlicer } from '../../../src/runtime/loop';

/** A clock the test moves by hand. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('time-sliced loops', () => {
  it('yields once per ~10 ms of work and not in between', async () => {
    const clock = fakeClock();
    let yields = 0;
    const slicer = new TimeSlicer({ now: clock.now, yieldFn: async () => void yields++ });
    for (let i = 0; i < 100; i++) {
      clock.advance(1); // each step costs 1 ms
      await slicer.tick();
    }
    expect(yields).toBe(10);
    expect(slicer.yields).toBe(10);
  });

  it('stops promptly when aborted: no step runs after the abort', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const run = runSliced(
      1000,
      (i) => {
        done.push(i);
        if (i === 4) controller.abort();
      },
      { signal: controller.signal, budgetMs: 1000 },
    );
    await expect(run).rejects.toSatisfy(isAbortError);
    expect(done).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses to start with an already-aborted signal, and runs every step otherwise', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runSliced(3, () => undefined, { signal: controller.signal })).rejects.toSatisfy(
      isAbortError,
    );
    let sum = 0;
    expect(await runSliced(5, (i) => void (sum += i))).toBe(5);
    expect(sum).toBe(10);
  });

  it('rejects nonsense arguments', async () => {
    await expect(runSliced(-1, () => undefined)).rejects.toThrow(
      'count must be a non-negative integer, got -1',
    );
    expect(() => new TimeSlicer({ budgetMs: 0 })).toThrow('budgetMs must be > 0');
  });

  it('lets other tasks run between slices (a timer fires during a long loop)', async () => {
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    let firedDuringLoop = false;
    await runSliced(
      200,
      () => {
        const end = performance.now() + 0.2;
        while (performance.now() < end);
        if (timerFired) firedDuringLoop = true;
      },
      { budgetMs: 5 },
    );
    expect(firedDuringLoop).toBe(true);
  });
});
