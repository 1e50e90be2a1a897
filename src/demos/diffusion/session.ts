// The diffusion cell's session: the data, schedule and denoiser, all that was learned or sampled, and the
// jobs that change them (Run's recipe, Train, Sample). Settings come from the cell's SettingsStore (data set,
// schedule or seed start a fresh network); long work runs through a DiffusionCompute (the worker in the page,
// the kernels inline in Node). Jobs are started by the element's RunController and report through its
// handle; a job starts once the one it replaced has ended. No DOM: tested in Node.
// Example: await runner.run((r) => new DiffusionSession(store, { compute }).runRecipe(r), ctx);
import {
  Denoiser,
  deriveSeeds,
  energyDistance,
  evenTimesteps,
  lossByTimestep,
  makeToyData,
  noiseSchedule,
  qualityReference,
  type NoiseSchedule,
  type QualityReference,
  type SampleFrame,
} from '../../../kernels/diffusion/index';
import { isAbortError, throwIfAborted } from '../../runtime/abort';
import type { Metrics } from '../../ui/kit/run-card';
import type { SettingsStore } from '../../ui/kit/settings-store';
import type { DiffusionCompute, Job } from './compute';
import { runMetrics, type Quality } from './quality';
import { DATA_KEYS, T, kernelSettings, type DIFFUSION_SETTINGS, type KernelSettings } from './settings';

export { T };
export type { Job };
export const TRAIN_POINTS = 8000;
/** Generated points, and held-out points they are compared with. */
export const SAMPLE_POINTS = 1000;
const LOSS_BY_T_POINTS = 500;
const LOSS_BY_T_COUNT = 20;
/** While training with the per-timestep loss shown, it is measured again this often, ms. */
const LOSS_BY_T_EVERY_MS = 2000;
/** The loss shown (and in run cards) is the mean of the last this-many steps. */
export const RECENT_STEPS = 50;

export type Stage = 'reference' | 'train' | 'sample';

export interface SessionOptions {
  /** Where typed-array training and sampling run. */
  compute: DiffusionCompute;
  /** The tfjs engine's compute, made on its first use; without it the engine is refused. */
  tfjs?: () => DiffusionCompute;
  /** Stops the job in progress (the element's RunController): a rebuild calls it. */
  stop?: () => void;
  /** Told when something changed outside a job (the per-timestep loss was measured). */
  onChange?: () => void;
}

export class DiffusionSession {
  data!: Float64Array;
  schedule!: NoiseSchedule;
  net!: Denoiser;
  reference: QualityReference | null = null;
  /** Per-step training losses since the network was built. */
  losses: number[] = [];
  /** ε-loss at evenly spread timesteps on held-out data, when shown. */
  lossByT: { t: number; loss: number }[] | null = null;
  frames: SampleFrame[] = [];
  /** The first samples' quality (from the untrained network, in a recipe run) and the latest. */
  untrained: Quality | null = null;
  latest: Quality | null = null;
  msPerStep = 0;
  /** What the job in progress is doing; null between jobs. */
  stage: Stage | null = null;
  private referenceKey = '';
  private tfjs: DiffusionCompute | null = null;
  /** Ends when the newest job ends: the next job waits for it (a stopped job hands back its weights first). */
  private lastJob: Promise<void> = Promise.resolve();

  constructor(
    readonly store: SettingsStore<typeof DIFFUSION_SETTINGS>,
    private readonly options: SessionOptions,
  ) {
    this.fresh();
    store.subscribe((change) => {
      if (change.keys.some((k) => DATA_KEYS.includes(k))) this.rebuild();
      if (change.keys.includes('byT')) this.showLossByT(change.values.byT);
    });
  }

  /** The settings, typed as the kernels take them. */
  get settings(): KernelSettings {
    return kernelSettings(this.store.values);
  }

  get steps(): number {
    return this.losses.length;
  }

  /** The mean loss of the last RECENT_STEPS steps; NaN before training. */
  get recentLoss(): number {
    const last = this.losses.slice(-RECENT_STEPS);
    return last.length ? last.reduce((a, b) => a + b, 0) / last.length : NaN;
  }

  /** Whether typed-array training runs off the main thread (false before the first job). */
  get inWorker(): boolean {
    return this.settings.engine === 'typed' && this.options.compute.inWorker;
  }

  /** Stops the job in progress and starts from new data and an untrained network; forgets what was learned. */
  rebuild(): void {
    this.options.stop?.();
    this.fresh();
  }

  /** Stops and lets the compute go (its worker); a later job starts it again. */
  dispose(): void {
    this.options.stop?.();
    this.options.compute.dispose();
    this.tfjs?.dispose();
    this.tfjs = null;
  }

  private fresh(): void {
    const { data, schedule, seed } = this.settings;
    const [dataSeed, netSeed] = deriveSeeds(seed, 2);
    this.data = makeToyData(data, TRAIN_POINTS, dataSeed);
    this.schedule = noiseSchedule(T, schedule);
    this.net = new Denoiser({ T, seed: netSeed });
    this.losses = [];
    this.lossByT = null;
    this.frames = [];
    this.stage = null;
    this.untrained = null;
    this.latest = null;
    this.msPerStep = 0;
  }

  /**
   * The whole recipe, as Run does it: from a fresh network, samples (the baseline), trains for the `steps`
   * setting, samples again and measures both. Starting fresh makes a Run reproducible from its settings.
   */
  runRecipe(job: Job): Promise<void> {
    return this.exclusive(job, async () => {
      this.fresh();
      job.progress(0, 'held-out data and the floor');
      await this.ensureReference(job.signal);
      const net = this.net;
      const untrained = 'sampling from the untrained network';
      job.progress(0.02, untrained);
      await this.sampleWith(job, (f) => job.progress(0.02 + 0.06 * f, untrained));
      if (this.net === net) this.untrained = this.latest;
      const steps = this.settings.steps;
      await this.trainWith(steps, job, (f, label) => job.progress(0.08 + 0.77 * f, label));
      const trained = 'sampling from the trained network';
      await this.sampleWith(job, (f) => job.progress(0.85 + 0.15 * f, trained));
    });
  }

  /** Trains `steps` more steps, continuing from the current weights. */
  train(steps: number, job: Job): Promise<void> {
    return this.exclusive(job, () => this.trainWith(steps, job, (f, label) => job.progress(f, label)));
  }

  /** Samples SAMPLE_POINTS points with the sampler settings and measures their distance to held-out data. */
  sample(job: Job): Promise<void> {
    return this.exclusive(job, async () => {
      await this.ensureReference(job.signal);
      await this.sampleWith(job, (f) => job.progress(f, 'sampling'));
    });
  }

  /** The per-timestep loss on held-out data at the current weights (kept unless the network was replaced). */
  async measureLossByT(signal?: AbortSignal): Promise<void> {
    const { net, schedule } = this;
    const held =
      this.reference?.heldOut.subarray(0, 2 * LOSS_BY_T_POINTS) ??
      makeToyData(this.settings.data, LOSS_BY_T_POINTS, 77);
    const predict = (x: Float64Array, t: number, out: Float64Array) => void net.predict(x, t, out);
    const times = evenTimesteps(T, LOSS_BY_T_COUNT);
    const rows = await lossByTimestep(predict, held, schedule, times, 5, signal);
    if (this.net === net && this.settings.byT) this.lossByT = rows;
  }

  /** The final metrics of the last run, for its run card: no timings, so a replay gives the same. */
  metrics(): Metrics {
    return runMetrics(this);
  }

  private showLossByT(on: boolean): void {
    if (!on) {
      this.lossByT = null;
      return;
    }
    // While training, the job measures it; otherwise once now.
    if (this.stage !== 'train')
      this.measureLossByT().then(
        () => this.options.onChange?.(),
        () => undefined,
      );
  }

  /** Runs `work` once the previous job has ended; the stage is cleared as it ends. */
  private async exclusive(job: Job, work: () => Promise<void>): Promise<void> {
    const previous = this.lastJob;
    let ended!: () => void;
    this.lastJob = new Promise<void>((resolve) => (ended = resolve));
    try {
      await previous;
      throwIfAborted(job.signal);
      await work();
    } finally {
      this.stage = null;
      ended();
      job.draw();
    }
  }

  private computeFor(engine: KernelSettings['engine']): DiffusionCompute {
    if (engine === 'typed') return this.options.compute;
    if (!this.options.tfjs) throw new Error('the tfjs engine is not available here');
    this.tfjs ??= this.options.tfjs();
    return this.tfjs;
  }

  private async ensureReference(signal: AbortSignal): Promise<QualityReference> {
    const { data, seed } = this.settings;
    const key = `${data}/${seed}`;
    if (this.reference && this.referenceKey === key) return this.reference;
    this.stage = 'reference';
    const [, , referenceSeed] = deriveSeeds(seed, 3);
    const reference = await qualityReference(data, SAMPLE_POINTS, referenceSeed, { signal });
    if (`${this.settings.data}/${this.settings.seed}` === key) {
      this.reference = reference;
      this.referenceKey = key;
    }
    return reference;
  }

  private async trainWith(steps: number, job: Job, progress: (f: number, label: string) => void) {
    if (!Number.isInteger(steps) || steps < 1)
      throw new Error(`steps must be a positive integer, got ${steps}`);
    // Written through these, so a job whose network a rebuild replaced cannot touch the new one.
    const { net, losses, data } = this;
    const { lr, batch, engine, schedule, seed } = this.settings;
    const compute = this.computeFor(engine);
    this.stage = 'train';
    job.draw();
    const first = losses.length;
    // A job continues the network but draws its own batches: seeded by how far training has come.
    const options = { steps, lr, batchSize: batch, seed: seed * 100_003 + first };
    const request = { config: { ...net.config }, params: net.params.slice(), data, schedule, options };
    let lastLossByT = performance.now();
    await compute.train(request, job.signal, async (r) => {
      for (const loss of r.losses) losses.push(loss);
      net.params.set(r.params);
      if (this.net !== net) return;
      this.msPerStep = r.msPerStep;
      const done = losses.length - first;
      progress(done / steps, `training step ${done}/${steps}`);
      const now = performance.now();
      if (this.settings.byT && now - lastLossByT > LOSS_BY_T_EVERY_MS && !job.signal.aborted) {
        lastLossByT = now;
        await this.measureLossByT(job.signal).catch(ignoreAbort);
      }
    });
    throwIfAborted(job.signal);
    if (this.settings.byT && this.net === net) await this.measureLossByT(job.signal);
  }

  private async sampleWith(job: Job, progress: (fraction: number) => void): Promise<void> {
    const { net, reference } = this;
    if (!reference) throw new Error('no held-out data to compare with');
    const { sampler: method, sampleSteps, seed, schedule } = this.settings;
    const steps = Math.min(sampleSteps, T);
    const [, , , sampleSeed] = deriveSeeds(seed, 4);
    const options = { n: SAMPLE_POINTS, method, steps, seed: sampleSeed };
    const frames: SampleFrame[] = [];
    this.frames = frames;
    this.stage = 'sample';
    job.draw();
    const heldOut = reference.heldOut;
    const request = { config: { ...net.config }, params: net.params.slice(), schedule, options, heldOut };
    const measured = await this.options.compute.sample(request, job.signal, (batch) => {
      frames.push(...batch);
      if (this.net === net) progress(frames[frames.length - 1].step / steps);
    });
    throwIfAborted(job.signal);
    const final = frames[frames.length - 1];
    if (this.net !== net || !final) return;
    // Measured where the samples were made (the worker, in the page): 3·10⁶ point pairs are a long task.
    const distance = measured.distance ?? energyDistance(final.x, heldOut);
    this.latest = { distance, atStep: this.steps, method, steps };
    progress(1);
  }
}

function ignoreAbort(e: unknown): void {
  if (!isAbortError(e)) throw e;
}
