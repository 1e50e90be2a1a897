// Where the diffusion session's long work runs: training and sampling as jobs of plain data (the network's
// config and weights, the data, the schedule's kind, the options), with reports of plain data back. The
// session takes one of these: in the page, the worker (page-compute.ts); in Node, and wherever there are no
// workers, `inlineCompute()` here, which runs the same kernel loops in this thread, time-sliced. No DOM.
//
// Example: await inlineCompute().train(job, signal, (r) => net.params.set(r.params));
import {
  Denoiser,
  energyDistance,
  noiseSchedule,
  sampleDiffusion,
  trainDenoiser,
  type DenoiserConfig,
  type SampleFrame,
  type SampleOptions,
  type ScheduleKind,
  type TrainOptions,
  type TrainSnapshot,
} from '../../../kernels/diffusion/index';
import type { YieldFn } from '../../runtime/loop';

export interface TrainJob {
  config: DenoiserConfig;
  params: Float64Array;
  data: Float64Array;
  schedule: ScheduleKind;
  options: Pick<TrainOptions, 'steps' | 'lr' | 'batchSize' | 'seed'>;
}

export interface SampleJob {
  config: DenoiserConfig;
  params: Float64Array;
  schedule: ScheduleKind;
  options: Pick<SampleOptions, 'n' | 'method' | 'steps' | 'seed'>;
  /** Held-out data to measure the final samples against (energy distance) where they were made, or null. */
  heldOut: Float64Array | null;
}

/** The losses of the steps since the last report, and the weights after them. */
export interface TrainReport {
  losses: number[];
  params: Float64Array;
  msPerStep: number;
}

/** What a job reports to: the element's RunController hands its RunHandle. */
export interface Job {
  readonly signal: AbortSignal;
  progress(fraction: number | null, label?: string): void;
  draw(): void;
}

export interface DiffusionCompute {
  /** True once jobs run off the main thread. */
  readonly inWorker: boolean;
  /**
   * Trains a copy of the network; `report` is awaited for each report, the last one (the weights reached)
   * also when the job is stopped. Rejects with an AbortError when `signal` fires.
   */
  train(job: TrainJob, signal: AbortSignal, report: (r: TrainReport) => void | Promise<void>): Promise<void>;
  /**
   * Runs the sampler; the frames come in batches, the last batch ends with the final frame. Resolves with the
   * final samples' energy distance to `job.heldOut` (null without held-out data).
   */
  sample(
    job: SampleJob,
    signal: AbortSignal,
    frames: (batch: SampleFrame[]) => void,
  ): Promise<{ distance: number | null }>;
  /** Lets go of what it holds (a worker); a later job starts afresh. */
  dispose(): void;
}

/** How often a job reports, ms (the worker's pace too). */
export const REPORT_EVERY_MS = 250;
const FRAMES_EVERY_MS = 60;

export function networkOf(config: DenoiserConfig, params: Float64Array): Denoiser {
  const net = new Denoiser(config);
  net.params.set(params);
  return net;
}

/**
 * Runs a training loop over `net`, reporting its losses with the weights every REPORT_EVERY_MS and once more
 * as it ends, however it ends (what was learned is kept when stopped).
 */
export async function reportTraining(
  net: Denoiser,
  run: AsyncIterable<TrainSnapshot>,
  report: (r: TrainReport) => void | Promise<void>,
): Promise<void> {
  const started = performance.now();
  let last = started;
  let losses: number[] = [];
  let done = 0;
  const flush = async () => {
    const msPerStep = (performance.now() - started) / Math.max(1, done);
    const r = { losses, params: net.params.slice(), msPerStep };
    losses = [];
    await report(r);
  };
  try {
    for await (const s of run) {
      losses.push(s.loss);
      done = s.step;
      const now = performance.now();
      if (now - last > REPORT_EVERY_MS) {
        last = now;
        await flush();
      }
    }
  } finally {
    await flush();
  }
}

/**
 * The kernels' loops in this thread, yielding by `yieldFn` (default: loop.ts' yieldFrame) every `budgetMs`
 * (default ~10 ms). The worker (worker.ts) runs these same loops, with 50 ms slices.
 */
export function inlineCompute(options: { yieldFn?: YieldFn; budgetMs?: number } = {}): DiffusionCompute {
  const { yieldFn } = options;
  const slice = options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs };
  return {
    inWorker: false,
    async train(job, signal, report) {
      const net = networkOf(job.config, job.params);
      const schedule = noiseSchedule(job.config.T, job.schedule);
      const options = { ...job.options, yieldFn, ...slice };
      await reportTraining(net, trainDenoiser(net, job.data, schedule, options, signal), report);
    },
    async sample(job, signal, frames) {
      const net = networkOf(job.config, job.params);
      const schedule = noiseSchedule(job.config.T, job.schedule);
      const predict = (x: Float64Array, t: number, out: Float64Array) => void net.predict(x, t, out);
      let batch: SampleFrame[] = [];
      let last = performance.now();
      let final: SampleFrame | null = null;
      for await (const frame of sampleDiffusion(
        predict,
        schedule,
        { ...job.options, yieldFn, ...slice },
        signal,
      )) {
        batch.push(frame);
        final = frame;
        const now = performance.now();
        if (now - last > FRAMES_EVERY_MS || frame.step === frame.steps) {
          last = now;
          frames(batch);
          batch = [];
        }
      }
      return { distance: final && job.heldOut ? energyDistance(final.x, job.heldOut) : null };
    },
    dispose() {},
  };
}
