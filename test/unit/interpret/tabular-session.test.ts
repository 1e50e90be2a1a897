// The tabular panel's session (src/demos/interpretability/tabular-session.ts) in Node: Run trains and
// explains, a live setting recomputes the explanation on the same model, Stop keeps the model reached, and the
// same settings give the same numbers.
import { describe, expect, it } from 'vitest';
import { TabularSession } from '../../../src/demos/interpretability/tabular-session';
import { INTERPRET_SETTINGS } from '../../../src/demos/interpretability/settings';
import { SettingsStore } from '../../../src/ui/kit/settings-store';
import type { RunHandle } from '../../../src/ui/kit/run-controller';

const handle = (signal = new AbortController().signal): RunHandle => ({
  signal,
  current: true,
  progress: () => {},
  draw: () => {},
});
const yieldFn = () => Promise.resolve();

describe('TabularSession', () => {
  it('runs, recomputes on a live setting, and reproduces from its settings', async () => {
    const store = new SettingsStore(INTERPRET_SETTINGS);
    store.patch({ trainSteps: 60, igSteps: 4 });
    const s = new TabularSession(store, yieldFn);
    const m = await s.run(handle());
    expect(m.steps).toBe(60);
    const ig = s.explanation!.methods.find((x) => x.id === 'ig')!.values;
    const gap4 = Math.abs(s.explanation!.igGap);
    store.set('igSteps', '64');
    s.explain();
    expect(s.explanation!.methods.find((x) => x.id === 'ig')!.values).not.toEqual(ig);
    expect(Math.abs(s.explanation!.igGap)).toBeLessThan(gap4);
    store.set('sample', '5');
    s.explain();
    expect(s.explanation!.x).toEqual(s.test!.X[5]);
    store.patch({ igSteps: 4, sample: 0 });
    const again = new TabularSession(store, yieldFn);
    expect(await again.run(handle())).toEqual(m);
  });

  it('Stop keeps the model reached and still explains it', async () => {
    const store = new SettingsStore(INTERPRET_SETTINGS);
    store.patch({ trainSteps: 3000 });
    const ctrl = new AbortController();
    let ticks = 0;
    const s = new TabularSession(store, () => {
      if (++ticks === 3) ctrl.abort();
      return Promise.resolve();
    });
    await expect(s.run(handle(ctrl.signal))).rejects.toThrow();
    expect(s.trainer!.steps).toBeGreaterThan(0);
    expect(s.trainer!.steps).toBeLessThan(3000);
    expect(s.explanation).not.toBeNull();
  });
});
