// The one run controller, in Node with a fake Lit host: done / stopped / failed told apart, a new start
// stops the old run and drops its results, the outer signal is forwarded (and its listener removed), progress
// and redraws are throttled.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { abortError } from '../../../src/runtime/abort';
import { RunController, type RunHandle } from '../../../src/ui/kit/run-controller';

class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

/** Work that runs until released or aborted. */
function gated(): {
  work: (r: RunHandle) => Promise<number>;
  release: (v: number) => void;
  handle: () => RunHandle;
} {
  let release!: (v: number) => void;
  let h!: RunHandle;
  const work = (r: RunHandle) =>
    new Promise<number>((resolve, reject) => {
      h = r;
      release = resolve;
      r.signal.addEventListener('abort', () => reject(abortError()));
    });
  return { work, release: (v) => release(v), handle: () => h };
}

afterEach(() => vi.useRealTimers());

describe('RunController', () => {
  it('registers with its host and ends as done with the value', async () => {
    const host = new FakeHost();
    const rc = new RunController(host);
    expect(host.controllers).toEqual([rc]);
    const g = gated();
    const p = rc.start(g.work);
    expect(rc.busy).toBe(true);
    expect(rc.phase).toBe('running');
    g.release(42);
    expect(await p).toEqual({ outcome: 'done', value: 42 });
    expect(rc.phase).toBe('done');
    expect(rc.busy).toBe(false);
  });

  it('tells stopped from failed; run() rejects with an AbortError or the error', async () => {
    const rc = new RunController(new FakeHost());
    const g = gated();
    const p = rc.start(g.work);
    rc.stop();
    expect(await p).toEqual({ outcome: 'stopped' });
    expect(rc.phase).toBe('stopped');
    const failing = rc.run(async () => {
      throw new Error('loss became NaN at step 3');
    });
    await expect(failing).rejects.toThrow('loss became NaN at step 3');
    expect(rc.phase).toBe('failed');
    expect(rc.error).toBe('loss became NaN at step 3');
    const g2 = gated();
    const stopped = rc.run(g2.work);
    rc.stop();
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a new start stops the run in progress and ignores its late results', async () => {
    const rc = new RunController(new FakeHost());
    const first = gated();
    const p1 = rc.start(first.work);
    const h1 = first.handle();
    const second = gated();
    const p2 = rc.start(second.work);
    expect(h1.signal.aborted).toBe(true);
    expect(h1.current).toBe(false);
    expect(await p1).toEqual({ outcome: 'superseded' });
    h1.progress(0.9, 'stale');
    expect(rc.progress).toBeNull();
    expect(rc.phase).toBe('running');
    second.handle().progress(0.25, 'step 1');
    expect([rc.progress, rc.progressLabel]).toEqual([0.25, 'step 1']);
    second.release(7);
    expect(await p2).toEqual({ outcome: 'done', value: 7 });
  });

  it('forwards the outer signal and removes its listener when the run ends', async () => {
    const rc = new RunController(new FakeHost());
    const outer = new AbortController();
    const add = vi.spyOn(outer.signal, 'addEventListener');
    const remove = vi.spyOn(outer.signal, 'removeEventListener');
    const g = gated();
    const seen: (number | null)[] = [];
    const p = rc.start(g.work, { signal: outer.signal, progress: (f) => seen.push(f) });
    g.handle().progress(0.5);
    outer.abort();
    expect(await p).toEqual({ outcome: 'stopped' });
    expect(seen).toEqual([0.5]);
    expect(add).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledTimes(1);
    // An already-aborted outer signal stops the run before it starts its work.
    const p2 = rc.start(async (r) => (r.signal.aborted ? 'aborted' : 'ran'), { signal: outer.signal });
    expect(await p2).toEqual({ outcome: 'stopped' });
  });

  it('throttles redraws to one per interval, with a trailing redraw', async () => {
    vi.useFakeTimers();
    const host = new FakeHost();
    const rc = new RunController(host, { throttleMs: 100 });
    const g = gated();
    void rc.start(g.work);
    const base = host.updates; // start() draws once
    for (let i = 0; i < 50; i++) g.handle().draw();
    expect(host.updates).toBe(base);
    vi.advanceTimersByTime(100);
    expect(host.updates).toBe(base + 1);
    g.handle().draw();
    expect(host.updates).toBe(base + 1);
    vi.advanceTimersByTime(100);
    expect(host.updates).toBe(base + 2);
  });

  it('stops the run when the host disconnects', async () => {
    const rc = new RunController(new FakeHost());
    const g = gated();
    const p = rc.start(g.work);
    rc.hostDisconnected();
    expect(await p).toEqual({ outcome: 'stopped' });
  });
});
