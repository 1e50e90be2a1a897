// The ablation cell's session in Node, driven as the element drives it (a RunController over a fake Lit host,
// the settings store, the runner in this thread): the runs it keeps equal runAblation called directly on the
// settings' spec (bit for bit), Stop keeps the finished runs, the page's family facts match the kernels'
// families, and the settings turn into the spec they say.
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { runAblation } from '../../../kernels/ablation';
import { analyseAblation } from '../../../kernels/ablation-analysis';
import { MLP_FAMILY, mlpFamily } from '../../../kernels/ablation-mlp';
import { TRANSFORMER_FAMILY } from '../../../kernels/ablation-transformer';
import { inlineCompute } from '../../../src/demos/ablations/compute';
import { AblationSession } from '../../../src/demos/ablations/session';
import { ABLATION_SETTINGS, FAMILY_INFO, armsOf, specOf } from '../../../src/demos/ablations/settings';
import { RunController } from '../../../src/ui/kit/run-controller';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};
const instant = () => Promise.resolve();

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setUp(settings: Record<string, unknown>, yieldFn = instant) {
  const store = new SettingsStore(ABLATION_SETTINGS);
  expect(store.patch(settings)).toEqual([]);
  const session = new AblationSession(store, { compute: inlineCompute({ yieldFn, budgetMs: 1 }) });
  return { store, session, runner: new RunController(host) };
}

describe('the ablation session', () => {
  it('keeps the runs runAblation gives for the settings, and analyses them', async () => {
    const { store, session, runner } = setUp({ seeds: 3, steps: 30, tuning: 'three', noL2: false });
    const result = await runner.start((r) => session.run(r));
    expect(result.outcome).toBe('done');
    const spec = specOf(store.values);
    expect(spec.arms.map((a) => a.name)).toEqual(['full model', 'one hidden layer', 'ReLU']);
    expect(spec.lrs).toEqual([0.1, 0.3, 0.9]);
    const direct = await runAblation(mlpFamily('xor'), spec, { yieldFn: instant });
    for (const arm of direct.arms) expect(session.runs.get(arm.name)).toEqual(arm.runs);
    const a = session.analysis()!;
    expect(a).toEqual(analyseAblation(direct));
    expect(a.arms.map((x) => x.n)).toEqual([3, 3, 3]);
    expect(a.comparisons).toHaveLength(2);
    expect(session.metrics()).toMatchObject({ runs: 9 });
  });

  it('Stop keeps the runs finished so far', async () => {
    const { session, runner } = setUp({ seeds: 6, steps: 100, tuning: 'none' }, macrotask);
    const done = runner.start((r) => session.run(r));
    while (session.done < 2) await new Promise((r) => setTimeout(r, 1));
    runner.stop();
    expect((await done).outcome).toBe('stopped');
    expect(session.done).toBeGreaterThanOrEqual(2);
    expect(session.done).toBeLessThan(session.total);
    const kept = [...session.runs.values()].reduce((n, runs) => n + runs.length, 0);
    expect(kept).toBe(session.done);
    expect(session.analysis()!.arms[0]!.n).toBeGreaterThan(0);
  });

  it("states the families' default rates and metrics as the kernels do, and builds arms from the toggles", () => {
    expect(FAMILY_INFO.mlp).toEqual({ defaultLr: MLP_FAMILY.defaultLr, metric: MLP_FAMILY.metric });
    expect(FAMILY_INFO.transformer).toEqual({
      defaultLr: TRANSFORMER_FAMILY.defaultLr,
      metric: TRANSFORMER_FAMILY.metric,
    });
    const store = new SettingsStore(ABLATION_SETTINGS);
    store.patch({ family: 'transformer', noHead: false });
    expect(armsOf(store.values)).toEqual([
      { name: 'full model', changes: [] },
      { name: 'no positions', changes: ['no-pos'] },
      { name: 'no residuals', changes: ['no-residual'] },
    ]);
    expect(specOf(store.values).lrs).toEqual([0.00167, 0.005, 0.015]);
  });
});
