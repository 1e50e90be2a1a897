import { describe, expect, it } from 'vitest';
import { paced, sleep } from '../../../src/runtime/loop';

describe('sleep and the paced loop', () => {
  it('sleep rejects with an AbortError when stopped, and at once when already stopped', async () => {
    const c = new AbortController();
    const p = sleep(10_000, c.signal);
    c.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await expect(sleep(1, c.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(sleep(0)).resolves.toBeUndefined();
  });

  it('waits 1000 / rate ms between steps, reading the rate before each wait', async () => {
    const waits: number[] = [];
    let rate = 4;
    const steps: number[] = [];
    const n = await paced(
      (i) => {
        steps.push(i);
        if (i === 1) rate = 10;
      },
      { rate: () => rate, sleepFn: async (ms) => void waits.push(ms) },
      4,
    );
    expect(n).toBe(4);
    expect(steps).toEqual([0, 1, 2, 3]);
    expect(waits).toEqual([250, 100, 100]);
  });

  it('ends when a step returns false, refuses a rate ≤ 0, stops on abort', async () => {
    const noWait = async () => undefined;
    expect(await paced((i) => i < 2, { rate: () => 1, sleepFn: noWait })).toBe(3);
    await expect(paced(() => true, { rate: () => 0, sleepFn: noWait }, 5)).rejects.toThrow(
      'rate must be > 0',
    );
    const c = new AbortController();
    const p = paced(() => true, { rate: () => 1000, signal: c.signal });
    c.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});
