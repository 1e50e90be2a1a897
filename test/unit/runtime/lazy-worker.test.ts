import { describe, expect, it } from 'vitest';
import { LazyWorker } from '../../../src/runtime/lazy-worker';
import type { WorkerHost } from '../../../src/runtime/worker-host';
import type { JobMap } from '../../../src/runtime/worker-protocol';

describe('LazyWorker', () => {
  it('makes its host on the first get only, ends it on dispose, and makes a fresh one after', () => {
    let made = 0;
    let ended = 0;
    const lazy = new LazyWorker(() => {
      made++;
      return { terminate: () => void ended++ } as unknown as WorkerHost<JobMap>;
    });
    expect(lazy.started).toBe(false);
    const first = lazy.get();
    expect(lazy.get()).toBe(first);
    expect([made, lazy.started]).toEqual([1, true]);
    lazy.dispose();
    expect([ended, lazy.started]).toEqual([1, false]);
    expect(lazy.get()).not.toBe(first);
    expect(made).toBe(2);
  });

  it('stays null where there are no workers, asking once', () => {
    let asked = 0;
    const lazy = new LazyWorker<JobMap>(() => (asked++, null));
    expect(lazy.get()).toBeNull();
    expect(lazy.get()).toBeNull();
    expect([asked, lazy.started]).toEqual([1, false]);
    lazy.dispose();
  });
});
