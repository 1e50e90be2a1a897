// The fair-comparison session on small settings: every run's verdicts equal the same classifier trained
// alone, Stop keeps the finished runs and summarizes them, and a statistics setting recomputes the summary
// on the same runs without training again.
import { describe, expect, it } from 'vitest';
import { ClassifierRun, learningRateGrid, makeSplits } from '../../../kernels/fair-eval';
import { FairEvalSession, runCount } from '../../../src/demos/fair-evaluation/session';
import { FAIR_SETTINGS } from '../../../src/demos/fair-evaluation/settings';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

function smallStore() {
  const store = new SettingsStore(FAIR_SETTINGS);
  store.patch({ trainSize: 60, testSize: 120, steps: 40, seeds: 3, sweep: 2, resamples: 400, seed: 5 });
  return store;
}

function handle(signal: AbortSignal, onProgress: (f: number | null) => void = () => {}) {
  return { signal, current: true, progress: onProgress, draw() {} };
}

function alone(hidden: number[], lr: number, seed: number) {
  const data = makeSplits({ kind: 'moons', noise: 0.3, trainSize: 60, testSize: 120, seed: 5 });
  const run = new ClassifierRun(data.train, { hidden, lr, steps: 40, batch: 32, seed });
  while (!run.done) run.step();
  return { test: run.correct(data.test), validation: run.correct(data.validation) };
}

describe('FairEvalSession', () => {
  it('makes every run of the settings, each equal to that classifier trained alone', async () => {
    const store = smallStore();
    const session = new FairEvalSession(store, { yieldFn: async () => {} });
    const fractions: number[] = [];
    await session.run(handle(new AbortController().signal, (f) => fractions.push(f ?? NaN)));
    const r = session.results!;
    expect(runCount(store.values)).toBe(11);
    expect(fractions.at(-1)).toBe(1);
    expect(r.seeds.map((s) => s.seed)).toEqual([5, 6, 7]);
    expect(r.seeds[1]!.a).toEqual(alone([16], 0.01, 6).test);
    expect(r.seeds[2]!.b).toEqual(alone([8, 8], 0.01, 7).test);
    expect(r.tuning!.baseline).toEqual(alone([16], 0.002, 5).test);
    const lrs = learningRateGrid(2);
    const b1 = alone([8, 8], lrs[1]!, 5);
    expect(r.tuning!.b.test[1]).toEqual(b1.test);
    expect(r.tuning!.b.validation[1]).toBeCloseTo(b1.validation.filter(Boolean).length / 120, 15);
    expect(session.summary!.main!.n).toBe(120);
    expect(session.summary!.seeds!.accA).toHaveLength(3);
    expect(session.summary!.tuning).not.toBeNull();
    expect(Object.keys(session.metrics())).toContain('mcnemarP');
  });

  it('Stop keeps the finished seeds and summarizes them', async () => {
    const session = new FairEvalSession(smallStore(), { yieldFn: async () => {} });
    const ctrl = new AbortController();
    let calls = 0;
    // Stop once the fourth training has finished (A and B of two seeds).
    const run = session.run(handle(ctrl.signal, () => ++calls === 5 && ctrl.abort()));
    await expect(run).rejects.toThrow(/stopped/);
    expect(session.results!.seeds).toHaveLength(2);
    expect(session.results!.tuning).toBeNull();
    expect(session.summary!.seeds!.accA).toHaveLength(2);
    expect(session.summary!.tuning).toBeNull();
  });

  it('a new confidence level recomputes the intervals on the same runs', async () => {
    const store = smallStore();
    const session = new FairEvalSession(store, { yieldFn: async () => {} });
    await session.run(handle(new AbortController().signal));
    const results = session.results;
    const at95 = session.summary!.main!.diff;
    store.set('level', '0.8');
    await session.summarize();
    const at80 = session.summary!.main!.diff;
    expect(session.results).toBe(results);
    expect(at80.mean).toBe(at95.mean);
    expect(at80.hi - at80.lo).toBeLessThan(at95.hi - at95.lo);
  });
});
