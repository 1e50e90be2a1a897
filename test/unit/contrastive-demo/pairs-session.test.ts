// The image–text part of the contrastive cell in Node: the session trains the PairTrainer its settings
// describe (the same losses as the trainer called directly), zero-shot accuracy rises from about chance, Stop
// keeps what was learned, and a settings change that rebuilds gives fresh encoders.
import { describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { PairTrainer } from '../../../kernels/contrastive-pairs';
import { PairSession } from '../../../src/demos/contrastive/pairs-session';
import { CONTRASTIVE_SETTINGS, pairOptions } from '../../../src/demos/contrastive/settings';
import { RunController } from '../../../src/ui/kit/run-controller';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the image–text session', () => {
  it('trains the trainer its settings describe, and zero-shot accuracy rises', async () => {
    const store = new SettingsStore(CONTRASTIVE_SETTINGS);
    expect(store.patch({ pairSteps: 200, pairLoss: 'siglip' })).toEqual([]);
    const session = new PairSession(store, tick);
    await new RunController(host).run((r) => session.run(r), {});
    const direct = new PairTrainer(pairOptions(store.values));
    expect(session.losses).toEqual(Array.from({ length: 200 }, () => direct.step()));
    expect(session.zeroShot[0]!.accuracy).toBeLessThan(0.5);
    expect(session.zeroShot.at(-1)!).toEqual({ step: 200, accuracy: direct.zeroShot() });
    expect(session.zeroShot.at(-1)!.accuracy).toBeGreaterThan(0.9);
    expect(session.similarity).toEqual(direct.similarity());
  });
  it('Stop keeps what was learned; rebuild starts over', async () => {
    const store = new SettingsStore(CONTRASTIVE_SETTINGS);
    store.set('pairSteps', 5000);
    const session = new PairSession(store, tick);
    const runner = new RunController(host);
    const run = runner.start((r) => session.run(r));
    while (session.losses.length < 25) await new Promise((resolve) => setTimeout(resolve, 1));
    runner.stop();
    expect((await run).outcome).toBe('stopped');
    expect(session.zeroShot.at(-1)!.step).toBe(session.trainer.steps);
    session.rebuild();
    expect(session.trainer.steps).toBe(0);
    expect(session.losses).toEqual([]);
  });
});
