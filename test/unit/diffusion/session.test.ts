// The cell's controller in Node (no Worker here, so it trains and samples inline): Run's recipe measures the
// untrained and the trained network; Stop keeps what was learned; a rebuild drops a run in flight.
import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS, DiffusionSession } from '../../../src/demos/diffusion/session';

test('the recipe samples untrained, trains, samples again: the distance to the data falls far', async () => {
  const session = new DiffusionSession();
  session.update({ kind: 'moons', trainSteps: 400, sampleSteps: 50 });
  const labels = new Set<string>();
  await session.runRecipe(new AbortController().signal, (_f, label) =>
    labels.add(label.replace(/\d+\/\d+/, 'n')),
  );
  expect(session.steps).toBe(400);
  expect(session.inWorker).toBe(false);
  const { untrained, latest, reference } = session;
  expect(untrained!.atStep).toBe(0);
  expect(latest!.atStep).toBe(400);
  expect(untrained!.distance).toBeGreaterThan(reference!.noise);
  expect(latest!.distance).toBeLessThan(untrained!.distance / 10);
  expect(latest!.distance).toBeLessThan(reference!.noise / 3);
  expect(session.frames.at(-1)).toMatchObject({ t: 0, step: 50 });
  expect([...labels]).toEqual(
    expect.arrayContaining([
      'sampling from the untrained network',
      'training step n',
      'sampling from the trained network',
    ]),
  );
  expect(session.busy).toBeNull();
});

test('Stop keeps the steps learned; settings that define the data rebuild, others do not', async () => {
  const session = new DiffusionSession();
  const controller = new AbortController();
  const run = session.train(5000, controller.signal, (fraction) => {
    if (fraction > 0) controller.abort();
  });
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  const kept = session.steps;
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(5000);
  const net = session.net;
  session.update({ lr: 0.001, method: 'ddim' });
  expect(session.net).toBe(net);
  expect(session.steps).toBe(kept);
  session.update({ schedule: 'cosine' });
  expect(session.net).not.toBe(net);
  expect(session.steps).toBe(0);
  session.reset();
  expect(session.settings).toEqual(DEFAULT_SETTINGS);
});

test('stop() ends a run started without a signal, and the session is idle again', async () => {
  const session = new DiffusionSession();
  const run = session.train(5000, undefined, (fraction) => {
    if (fraction > 0) session.stop();
  });
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  expect(session.busy).toBeNull();
  expect(session.steps).toBeGreaterThan(0);
});

test('a rebuild while training drops the old run: its steps never reach the new network', async () => {
  const session = new DiffusionSession();
  let rebuilt = false;
  const run = session.train(5000, undefined, () => {
    if (!rebuilt) {
      rebuilt = true;
      session.rebuild();
    }
  });
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  expect(session.steps).toBe(0);
  expect(session.busy).toBeNull();
});
