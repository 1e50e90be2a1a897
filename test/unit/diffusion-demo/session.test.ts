// The diffusion cell's session in Node, driven as the element drives it (a RunController over a fake Lit
// host, the settings store) with the kernels running inline. Checked against the kernels called directly
// (training and sampling must carry their numbers exactly: toEqual on Float64Arrays), against the untrained
// network and the noise yardstick (the recipe must bring the samples far closer to the data), and against
// itself (a run card's settings replay the same metrics bit for bit; another seed does not).
import { describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import {
  Denoiser,
  deriveSeeds,
  energyDistance,
  makeToyData,
  noiseSchedule,
  qualityReference,
  sampleDiffusion,
  trainDenoiser,
} from '../../../kernels/diffusion/index';
import { inlineCompute, type DiffusionCompute } from '../../../src/demos/diffusion/compute';
import { abortError } from '../../../src/runtime/abort';
import { DiffusionSession, SAMPLE_POINTS, TRAIN_POINTS } from '../../../src/demos/diffusion/session';
import { DIFFUSION_SETTINGS } from '../../../src/demos/diffusion/settings';
import { RunController } from '../../../src/ui/kit/run-controller';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};

function setUp(settings: Record<string, unknown> = {}) {
  const store = new SettingsStore(DIFFUSION_SETTINGS);
  expect(store.patch(settings)).toEqual([]);
  const runner = new RunController(host);
  const session = new DiffusionSession(store, { compute: inlineCompute(), stop: () => runner.stop() });
  return { store, runner, session };
}

/** The data and untrained network a session with this seed and data set starts from, built directly. */
function startingPoint(kind: 'moons' | 'swissroll', seed: number) {
  const [dataSeed, netSeed] = deriveSeeds(seed, 2);
  return {
    data: makeToyData(kind, TRAIN_POINTS, dataSeed),
    net: new Denoiser({ T: 1000, seed: netSeed }),
  };
}

describe('the diffusion session', () => {
  it('runs the recipe: samples untrained, trains, samples again, and the distance falls far', async () => {
    const { runner, session } = setUp({ data: 'moons', steps: 400, sampleSteps: 50 });
    const labels = new Set<string>();
    await runner.run((r) => session.runRecipe(r), {
      progress: (_f, label) => labels.add((label ?? '').replace(/\d+\/\d+/, 'n')),
    });
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
    expect(session.stage).toBeNull();
    expect(runner.phase).toBe('done');
  });

  it('trains and samples exactly as the kernels do when called directly', async () => {
    const seed = 5;
    const { runner, session } = setUp({ data: 'moons', seed, lr: 0.004, batch: '64', sampleSteps: 10 });
    await runner.run((r) => session.train(120, r));
    await runner.run((r) => session.train(30, r));

    const { data, net } = startingPoint('moons', seed);
    const schedule = noiseSchedule(1000, 'linear');
    const losses: number[] = [];
    const first = { steps: 120, lr: 0.004, batchSize: 64, seed: seed * 100_003 };
    for await (const s of trainDenoiser(net, data, schedule, first)) losses.push(s.loss);
    const second = { steps: 30, lr: 0.004, batchSize: 64, seed: seed * 100_003 + 120 };
    for await (const s of trainDenoiser(net, data, schedule, second)) losses.push(s.loss);
    expect(session.losses).toEqual(losses);
    expect(session.net.params).toEqual(net.params);
    expect(session.recentLoss).toBe(losses.slice(-50).reduce((a, b) => a + b, 0) / 50);

    await runner.run((r) => session.sample(r));
    const [, , referenceSeed, sampleSeed] = deriveSeeds(seed, 4);
    const reference = await qualityReference('moons', SAMPLE_POINTS, referenceSeed);
    const options = { n: SAMPLE_POINTS, method: 'ddpm' as const, steps: 10, seed: sampleSeed };
    let last: Float64Array | null = null;
    for await (const f of sampleDiffusion((x, t, out) => void net.predict(x, t, out), schedule, options))
      last = f.x;
    expect(session.frames.at(-1)!.x).toEqual(last);
    expect(session.latest).toEqual({
      distance: energyDistance(last!, reference.heldOut),
      atStep: 150,
      method: 'ddpm',
      steps: 10,
    });
    expect(session.reference!.floor).toBe(reference.floor);
  });

  it('replays a run card bit for bit from its settings; another seed gives other metrics', async () => {
    const { store, runner, session } = setUp({ data: 'moons', seed: 3, steps: 200, sampleSteps: 20 });
    await runner.run((r) => session.runRecipe(r));
    const metrics = session.metrics();
    expect(Object.keys(metrics)).toEqual([
      'distance',
      'timesFloor',
      'loss',
      'steps',
      'untrainedDistance',
      'floor',
      'sampler',
      'sampleSteps',
    ]);
    expect(metrics.steps).toBe(200);
    const card = { ...store.values } as Record<string, unknown>;

    const again = setUp();
    expect(again.store.patch(card, 'replay')).toEqual([]);
    await again.runner.run((r) => again.session.runRecipe(r));
    const replayed = again.session.metrics();
    for (const [key, value] of Object.entries(metrics)) expect(replayed[key], key).toBe(value);

    const other = setUp({ ...card, seed: 4 });
    await other.runner.run((r) => other.session.runRecipe(r));
    const changed = other.session.metrics();
    expect(changed.distance).not.toBe(metrics.distance);
    expect(changed.loss).not.toBe(metrics.loss);
  });

  it('Stop keeps the steps learned; the next job starts from the weights the stopped one reached', async () => {
    const { store, runner, session } = setUp({ data: 'moons', seed: 2 });
    const stopped = runner.start((r) =>
      session.train(5000, {
        ...r,
        signal: r.signal,
        progress: (fraction, label) => {
          r.progress(fraction, label);
          if (fraction !== null && fraction > 0) runner.stop();
        },
      }),
    );
    expect(await stopped).toEqual({ outcome: 'stopped' });
    const kept = session.steps;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(5000);
    expect(session.stage).toBeNull();

    // A second Train right after Stop, without waiting: it continues from every step the first one kept.
    const stopAgain = runner.start((r) => session.train(5000, r));
    await runner.run((r) => session.train(10, r));
    expect(await stopAgain).toEqual({ outcome: 'superseded' });
    const kept2 = session.steps - 10;
    expect(kept2).toBeGreaterThanOrEqual(kept);

    // The same steps, from the kernels: each job's cosine decay runs over its own length (5000, 5000, 10).
    const { data, net } = startingPoint('moons', 2);
    const schedule = noiseSchedule(1000, 'linear');
    const recipe = { lr: 0.003, batchSize: 128 };
    const partial = async (steps: number, first: number, stopAt: number) => {
      const run = trainDenoiser(net, data, schedule, { ...recipe, steps, seed: 2 * 100_003 + first });
      for await (const s of run) if (s.step === stopAt) break;
    };
    await partial(5000, 0, kept);
    if (kept2 > kept) await partial(5000, kept, kept2 - kept);
    await partial(10, kept2, 10);
    expect(session.net.params).toEqual(net.params);

    // Settings of the next run keep the network; those that define the data start afresh.
    const trained = session.net;
    store.patch({ lr: 0.001, sampler: 'ddim', steps: 300, t: 10 });
    expect(session.net).toBe(trained);
    expect(session.steps).toBe(kept2 + 10);
    store.set('schedule', 'cosine');
    expect(session.net).not.toBe(trained);
    expect(session.steps).toBe(0);
    expect(session.schedule.alphaBars).toEqual(noiseSchedule(1000, 'cosine').alphaBars);
  });

  it('a job waits for the one it replaced to hand back its weights, as the worker does after a stop', async () => {
    // A compute that, like the worker, reports the weights it reached only after it was told to stop.
    const received: Float64Array[] = [];
    const compute: DiffusionCompute = {
      inWorker: true,
      async train(job, signal, report) {
        received.push(job.params.slice());
        if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve));
        await new Promise((resolve) => setTimeout(resolve, 20));
        await report({ losses: [0.5, 0.25], params: job.params.map((p) => p + 1), msPerStep: 1 });
        throw abortError();
      },
      sample: () => Promise.reject(new Error('not used')),
      dispose: () => undefined,
    };
    const store = new SettingsStore(DIFFUSION_SETTINGS);
    const runner = new RunController(host);
    const session = new DiffusionSession(store, { compute, stop: () => runner.stop() });
    const start = session.net.params.slice();
    const first = runner.start((r) => session.train(100, r));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = runner.start((r) => session.train(100, r));
    expect(await first).toEqual({ outcome: 'superseded' });
    runner.stop();
    expect(await second).toEqual({ outcome: 'stopped' });
    expect(received).toHaveLength(2);
    expect(received[0]).toEqual(start);
    expect(received[1]).toEqual(start.map((p) => p + 1));
    expect(session.losses).toEqual([0.5, 0.25, 0.5, 0.25]);
    expect(session.net.params).toEqual(start.map((p) => p + 1).map((p) => p + 1));
    expect(session.inWorker).toBe(true);
  });

  it('a rebuild while training stops the job, and its steps never reach the new network', async () => {
    const { runner, session } = setUp();
    let rebuilt = false;
    const run = runner.start((r) =>
      session.train(5000, {
        signal: r.signal,
        draw: () => r.draw(),
        progress: () => {
          if (!rebuilt) {
            rebuilt = true;
            session.rebuild();
          }
        },
      }),
    );
    expect(await run).toEqual({ outcome: 'stopped' });
    expect(rebuilt).toBe(true);
    expect(session.steps).toBe(0);
    expect(session.stage).toBeNull();
    expect(session.net.params).toEqual(startingPoint('swissroll', 1).net.params);
  });

  it('refuses the tfjs engine where it has none, as a failed run with the reason', async () => {
    const { store, runner, session } = setUp();
    store.set('engine', 'tfjs');
    const result = await runner.start((r) => session.train(10, r));
    expect(result.outcome).toBe('failed');
    expect(runner.error).toMatch(/tfjs engine is not available/);
    expect(session.steps).toBe(0);
  });

  it('measures the loss at each timestep when it is switched on, and forgets it when off', async () => {
    const store = new SettingsStore(DIFFUSION_SETTINGS);
    let changed!: () => void;
    const measured = new Promise<void>((resolve) => (changed = resolve));
    const session = new DiffusionSession(store, { compute: inlineCompute(), onChange: () => changed() });
    store.set('byT', true);
    await measured;
    const rows = session.lossByT!;
    expect(rows.map((r) => r.t)).toEqual(
      Array.from({ length: 20 }, (_, i) => 1 + Math.round((999 * i) / 19)),
    );
    // An untrained net's ε̂ is unrelated to ε ~ N(0, I): the loss is near E[ε²] = 1 or above, never tiny.
    expect(rows.every((r) => Number.isFinite(r.loss) && r.loss > 0.5)).toBe(true);
    store.set('byT', false);
    expect(session.lossByT).toBeNull();
  });
});
