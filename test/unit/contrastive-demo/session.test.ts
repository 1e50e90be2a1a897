// The contrastive cell's session in Node, driven as the element drives it (a RunController over a fake Lit
// host, the settings store): checked against the trainer called directly (the same losses, bit for bit),
// against the untrained encoder (the probe must rise), and for Stop (keeps and measures what was learned),
// rerun (starts fresh, same numbers) and the run card's metrics.
import { describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { ContrastiveTrainer } from '../../../kernels/contrastive-train';
import { ContrastiveSession, EVAL_EVERY } from '../../../src/demos/contrastive/session';
import { CONTRASTIVE_SETTINGS, trainerOptions } from '../../../src/demos/contrastive/settings';
import { RunController } from '../../../src/ui/kit/run-controller';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};

function setUp(settings: Record<string, unknown> = {}) {
  const store = new SettingsStore(CONTRASTIVE_SETTINGS);
  expect(store.patch(settings)).toEqual([]);
  let yields = 0;
  const session = new ContrastiveSession(store, {
    yieldFn: () => {
      yields++;
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
  return { store, runner: new RunController(host), session, yields: () => yields };
}

describe('the contrastive session', () => {
  it('Run trains a fresh encoder for `steps`, matching the trainer called directly, and the probe rises', async () => {
    const { store, runner, session } = setUp({ steps: 200 });
    await runner.run((r) => session.run(r), {});
    expect(session.steps).toBe(200);
    expect(session.history.map((h) => h.step)).toEqual(
      Array.from({ length: 200 / EVAL_EVERY + 1 }, (_, i) => i * EVAL_EVERY),
    );
    const direct = new ContrastiveTrainer(trainerOptions(store.values));
    expect(session.losses).toEqual(Array.from({ length: 200 }, () => direct.step()));
    const [first, last] = [session.history[0]!, session.latest!];
    expect(last.probe.testAccuracy).toBeGreaterThan(first.probe.testAccuracy + 0.1);
    expect(session.embedding.every(Number.isFinite)).toBe(true);
    const m = session.metrics();
    expect(m.steps).toBe(200);
    expect(m.probeAccuracy).toBeCloseTo(last.probe.testAccuracy, 4);
  });

  it('Stop keeps and measures what was learned; a rerun starts fresh and repeats the numbers', async () => {
    const { runner, session, store } = setUp({ steps: 5000 });
    const stopped = runner.start((r) => session.run(r));
    while (session.steps < 30) await new Promise((resolve) => setTimeout(resolve, 1));
    runner.stop();
    expect((await stopped).outcome).toBe('stopped');
    const at = session.steps;
    expect(at).toBeLessThan(5000);
    expect(session.latest!.step).toBe(at);
    store.set('steps', 60);
    await runner.run((r) => session.run(r), {});
    const once = session.losses.slice();
    expect(session.steps).toBe(60);
    await runner.run((r) => session.run(r), {});
    expect(session.losses).toEqual(once);
  });

  it('yields while training, and a new seed gives other numbers', async () => {
    const { runner, session, store, yields } = setUp({ steps: 100 });
    await runner.run((r) => session.run(r), {});
    expect(yields()).toBeGreaterThan(0);
    const a = session.losses.slice();
    store.set('seed', 2);
    await runner.run((r) => session.run(r), {});
    expect(session.losses).not.toEqual(a);
  });
});
