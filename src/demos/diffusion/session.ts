// The diffusion cell's controller: it owns the data, the schedule, the denoiser and everything learned or
// sampled, and runs the long work (training, sampling) with an AbortController. No DOM and no Lit: the
// element renders what this holds and calls `onChange` to be told when to redraw.
//
// Example:
//   const s = new DiffusionSession(() => el.requestUpdate());
//   await s.runRecipe(signal, (f, label) => …);   // baseline samples, train, sample, measure
import {
  Denoiser,
  TOY_DATA_KINDS,
  deriveSeeds,
  energyDistance,
  evenTimesteps,
  lossByTimestep,
  makeToyData,
  noiseSchedule,
  qualityReference,
  sampleDiffusion,
  trainDenoiser,
  DEFAULT_TRAINING,
  type NoiseSchedule,
  type QualityReference,
  type SampleFrame,
  type SamplerMethod,
  type ScheduleKind,
  type ToyDataKind,
} from '../../../kernels/diffusion/index';
import { throwIfAborted } from '../../runtime/abort';
import { diffusionWorker, type DiffusionWorker } from './worker-client';
import { yieldTask } from './yield-task';
import { computeRuntime } from '../../runtime/compute';

export type Engine = 'typed' | 'tfjs';

export interface DiffusionSettings {
  kind: ToyDataKind;
  schedule: ScheduleKind;
  seed: number;
  trainSteps: number;
  lr: number;
  batchSize: number;
  engine: Engine;
  method: SamplerMethod;
  sampleSteps: number;
}

/** The shipped defaults: the benchmarked recipe (scripts/bench-diffusion.ts). */
export const DEFAULT_SETTINGS: Readonly<DiffusionSettings> = Object.freeze({
  kind: 'swissroll',
  schedule: 'linear',
  seed: 1,
  trainSteps: DEFAULT_TRAINING.steps,
  lr: DEFAULT_TRAINING.lr,
  batchSize: DEFAULT_TRAINING.batchSize,
  engine: 'typed',
  method: 'ddpm',
  sampleSteps: 100,
});

export const T = 1000;
export const TRAIN_POINTS = 8000;
/** Generated points, and held-out points they are compared with. */
export const SAMPLE_POINTS = 1000;
const LOSS_BY_T_POINTS = 500;
const LOSS_BY_T_COUNT = 20;

export type Progress = (fraction: number, label: string) => void;

/** How often the cell redraws during a long run, ms. */
const DRAW_EVERY_MS = 400;

export interface Quality {
  /** Energy distance of the latest samples to the held-out data. */
  distance: number;
  /** Training steps the network had when they were drawn. */
  atStep: number;
  method: SamplerMethod;
  steps: number;
}

export class DiffusionSession {
  settings: DiffusionSettings = { ...DEFAULT_SETTINGS };
  data!: Float64Array;
  schedule!: NoiseSchedule;
  net!: Denoiser;
  reference: QualityReference | null = null;
  /** Per-step training losses since the network was built. */
  losses: number[] = [];
  /** ε-loss at evenly spread timesteps on held-out data, when asked for. */
  lossByT: { t: number; loss: number }[] | null = null;
  frames: SampleFrame[] = [];
  /** The first samples' quality (from the untrained network, in a recipe run) and the latest. */
  untrained: Quality | null = null;
  latest: Quality | null = null;
  msPerStep = 0;
  busy: 'train' | 'sample' | 'reference' | null = null;
  error = '';
  private controller: AbortController | null = null;
  private referenceKey = '';
  /** Where typed-array training and sampling run: a worker in the browser (undefined: not made yet). */
  private worker: DiffusionWorker | null | undefined = undefined;

  constructor(private readonly onChange: () => void = () => undefined) {
    this.rebuild();
  }

  get steps(): number {
    return this.losses.length;
  }

  /** Back to the shipped defaults, with a fresh network. */
  reset(): void {
    this.settings = { ...DEFAULT_SETTINGS };
    this.rebuild();
  }

  /** Applies settings; data, schedule or seed changes rebuild the data and the network. */
  update(patch: Partial<DiffusionSettings>): void {
    const rebuild = ['kind', 'schedule', 'seed'].some(
      (k) =>
        k in patch && patch[k as keyof DiffusionSettings] !== this.settings[k as keyof DiffusionSettings],
    );
    this.settings = { ...this.settings, ...patch };
    if (rebuild) this.rebuild();
    else this.onChange();
  }

  /** New data and an untrained network from the current settings; forgets everything learned. */
  rebuild(): void {
    this.stop();
    this.controller = null; // the stopped run, if any, is now stale: it must not touch the new state
    const { kind, schedule, seed } = this.settings;
    if (!TOY_DATA_KINDS.includes(kind)) throw new Error(`unknown data set ${kind}`);
    const [dataSeed, netSeed] = deriveSeeds(seed, 2);
    this.data = makeToyData(kind, TRAIN_POINTS, dataSeed);
    this.schedule = noiseSchedule(T, schedule);
    this.net = new Denoiser({ T, seed: netSeed });
    this.losses = [];
    this.lossByT = null;
    this.frames = [];
    this.busy = null;
    this.untrained = null;
    this.latest = null;
    this.msPerStep = 0;
    this.error = '';
    this.onChange();
  }

  /** Stops whatever is running; what was learned stays. (The run clears `busy` as it ends.) */
  stop(): void {
    this.controller?.abort();
  }

  /** Stops and lets the worker go (the element calls this when it leaves the page). */
  dispose(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** Whether typed-array work has been running off the main thread (false before the first run). */
  get inWorker(): boolean {
    return this.worker != null;
  }

  private workerClient(): DiffusionWorker | null {
    if (this.worker === undefined) this.worker = diffusionWorker();
    return this.worker;
  }

  /**
   * The whole recipe, as Run does it: samples from the untrained network (the baseline), trains for
   * settings.trainSteps steps, samples again and measures both. Rebuilds first, so a Run is reproducible.
   */
  async runRecipe(signal: AbortSignal, progress: Progress): Promise<void> {
    this.rebuild();
    await this.guard(signal, async (inner) => {
      progress(0, 'held-out data and the floor');
      await this.ensureReference(inner);
      progress(0.02, 'sampling from the untrained network');
      await this.sampleInner(inner, (f) => progress(0.02 + 0.06 * f, 'sampling from the untrained network'));
      this.untrained = this.latest;
      await this.trainInner(this.settings.trainSteps, inner, (f, label) => progress(0.08 + 0.77 * f, label));
      await this.sampleInner(inner, (f) => progress(0.85 + 0.15 * f, 'sampling from the trained network'));
    });
  }

  /** Trains `steps` more steps (continuing from the current weights). */
  train(steps: number, signal?: AbortSignal, progress?: Progress): Promise<void> {
    return this.guard(signal, (inner) => this.trainInner(steps, inner, progress));
  }

  /** Samples SAMPLE_POINTS points with the current sampler settings and measures their distance to the data. */
  sample(signal?: AbortSignal, progress?: (fraction: number) => void): Promise<void> {
    return this.guard(signal, async (inner) => {
      await this.ensureReference(inner);
      await this.sampleInner(inner, progress);
    });
  }

  /** The per-timestep loss on held-out data at the current weights. */
  async measureLossByT(signal?: AbortSignal): Promise<void> {
    const held =
      this.reference?.heldOut.subarray(0, 2 * LOSS_BY_T_POINTS) ??
      makeToyData(this.settings.kind, LOSS_BY_T_POINTS, 77);
    this.lossByT = await lossByTimestep(
      (x, t, out) => this.net.predict(x, t, out),
      held,
      this.schedule,
      evenTimesteps(T, LOSS_BY_T_COUNT),
      5,
      signal,
    );
    this.onChange();
  }

  /** Runs `work` with an AbortController of this session's, relayed from `signal`; one job at a time. */
  private async guard(
    signal: AbortSignal | undefined,
    work: (inner: AbortSignal) => Promise<void>,
  ): Promise<void> {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    const relay = () => controller.abort();
    signal?.addEventListener('abort', relay, { once: true });
    if (signal?.aborted) controller.abort();
    this.error = '';
    try {
      await work(controller.signal);
    } catch (e) {
      if ((e as { name?: string }).name !== 'AbortError')
        this.error = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      signal?.removeEventListener('abort', relay);
      // A run that was replaced (a newer run, or a rebuild) leaves the newer state alone.
      if (this.controller === controller) {
        this.controller = null;
        this.busy = null;
      }
      this.onChange();
    }
  }

  private async ensureReference(signal: AbortSignal): Promise<QualityReference> {
    const key = `${this.settings.kind}/${this.settings.seed}`;
    if (this.reference && this.referenceKey === key) return this.reference;
    this.busy = 'reference';
    this.onChange();
    const [, , referenceSeed] = deriveSeeds(this.settings.seed, 3);
    this.reference = await qualityReference(this.settings.kind, SAMPLE_POINTS, referenceSeed, { signal });
    this.referenceKey = key;
    return this.reference;
  }

  private async trainInner(steps: number, signal: AbortSignal, progress?: Progress): Promise<void> {
    if (!Number.isInteger(steps) || steps < 1)
      throw new Error(`steps must be a positive integer, got ${steps}`);
    this.busy = 'train';
    this.onChange();
    const { lr, batchSize, engine } = this.settings;
    // A run continues the network but draws its own batches: seed it by how far training has come.
    const options = { steps, lr, batchSize, seed: this.settings.seed * 100_003 + this.steps };
    const first = this.losses.length;
    const started = performance.now();
    let lastDraw = 0;
    let lastLossByT = started;
    const report = async (now: number) => {
      const done = losses.length - first;
      if (now - lastDraw > DRAW_EVERY_MS || done === steps) {
        lastDraw = now;
        progress?.(done / steps, `training step ${done}/${steps}`);
        this.onChange();
      }
      if (this.lossByT && now - lastLossByT > 2000) {
        lastLossByT = now;
        await this.measureLossByT(signal);
      }
    };
    // Written through these, so a run that a rebuild replaced cannot touch the new network's state.
    const { net, losses, data, schedule } = this;
    const client = engine === 'typed' ? this.workerClient() : null;
    if (client) {
      const request = {
        config: { ...net.config },
        params: net.params.slice(),
        data: this.data,
        schedule: this.settings.schedule,
        options,
      };
      // Reports are taken as they come; the redraws (and loss-by-t measurements) they ask for run in turn.
      let drawn = Promise.resolve();
      const run = client.run('train', request, {
        signal,
        onProgress: (r) => {
          for (const loss of r.losses) losses.push(loss);
          net.params.set(r.params);
          this.msPerStep = r.msPerStep;
          const now = performance.now();
          drawn = drawn.then(() => report(now));
        },
      });
      await run.catch((e: unknown) => {
        drawn.catch(() => undefined);
        throw e;
      });
      await drawn;
    } else {
      const sliced = { ...options, yieldFn: yieldTask };
      const run =
        engine === 'tfjs'
          ? await tfjsRun(net, data, schedule, sliced, signal)
          : trainDenoiser(net, data, schedule, sliced, signal);
      for await (const s of run) {
        losses.push(s.loss);
        const now = performance.now();
        this.msPerStep = (now - started) / s.step;
        await report(now);
      }
    }
    throwIfAborted(signal);
    if (this.lossByT) await this.measureLossByT(signal);
  }

  private async sampleInner(signal: AbortSignal, progress?: (fraction: number) => void): Promise<void> {
    this.busy = 'sample';
    const { method, sampleSteps, seed, schedule } = this.settings;
    const steps = Math.min(sampleSteps, T);
    const [, , , sampleSeed] = deriveSeeds(seed, 4);
    const options = { n: SAMPLE_POINTS, method, steps, seed: sampleSeed };
    const { net, schedule: forward } = this;
    const frames: SampleFrame[] = [];
    this.frames = frames;
    this.onChange();
    let lastDraw = 0;
    const show = (frame: SampleFrame) => {
      frames.push(frame);
      const now = performance.now();
      if (now - lastDraw > 60 || frame.step === steps) {
        lastDraw = now;
        progress?.(frame.step / steps);
        this.onChange();
      }
    };
    const client = this.workerClient();
    const heldOut = this.reference?.heldOut ?? null;
    let distance: number | null = null;
    if (client) {
      const request = { config: { ...net.config }, params: net.params.slice(), schedule, options, heldOut };
      ({ distance } = await client.run('sample', request, {
        signal,
        onProgress: (batch) => batch.forEach(show),
      }));
    } else {
      const predict = (x: Float64Array, t: number, out: Float64Array) => void net.predict(x, t, out);
      const sliced = { ...options, yieldFn: yieldTask };
      for await (const frame of sampleDiffusion(predict, forward, sliced, signal)) show(frame);
    }
    throwIfAborted(signal);
    const final = frames[frames.length - 1];
    if (!heldOut) throw new Error('no held-out data to compare with');
    this.latest = {
      // Measured in the worker where there is one (3 × 10⁶ point pairs: a long task on the page).
      distance: distance ?? energyDistance(final.x, heldOut),
      atStep: this.steps,
      method,
      steps,
    };
    progress?.(1);
  }
}

/** trainDenoiserTf on the page's tfjs backend; tfjs and that module load on first use. */
async function tfjsRun(
  net: Denoiser,
  data: Float64Array,
  schedule: NoiseSchedule,
  options: Parameters<typeof trainDenoiser>[3],
  signal: AbortSignal,
) {
  const tf = await computeRuntime().ensure();
  const { trainDenoiserTf } = await import('../../../kernels/diffusion/tf-trainer');
  return trainDenoiserTf(tf, net, data, schedule, options, signal);
}
