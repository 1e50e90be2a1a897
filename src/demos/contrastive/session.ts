// The contrastive cell's session (question 10), with no DOM: holds the encoder the settings describe and the
// history the views draw; Run hands the training (ContrastiveTrainer steps, and alignment, uniformity, the
// linear probe and the supervised baseline every EVAL_EVERY steps) to a ContrastiveCompute (compute.ts: the
// cell's worker in the page, the same loops in this thread in Node) and keeps its batched reports. Each Run
// starts from a fresh encoder, so a run is reproducible from its settings.
import { ContrastiveTrainer, TEST_POINTS } from '../../../kernels/contrastive-train';
import type { YieldFn } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { inlineCompute, type ContrastiveCompute, type EncoderReport, type HistoryPoint } from './compute';
import { trainerOptions, type CONTRASTIVE_SETTINGS } from './settings';

export type { HistoryPoint } from './compute';

/** Steps between two evaluations (each costs about as much as ten steps). */
export const EVAL_EVERY = 20;

export interface SessionOptions {
  /** Where training runs (default: in this thread, time-sliced by `yieldFn`). */
  compute?: ContrastiveCompute;
  /** How the in-thread loop yields (tests pass a counter); default: the page's frame-aware yield. */
  yieldFn?: YieldFn;
}

export class ContrastiveSession {
  /** The settings' encoder: its data and test points, and the weights the last run reached. */
  trainer: ContrastiveTrainer;
  /** Loss of every step. */
  losses: number[] = [];
  /** Evaluations, from step 0 on. */
  history: HistoryPoint[] = [];
  /** The test set's unit embeddings (TEST_POINTS × dim) as of the last evaluation. */
  embedding: Float64Array;
  readonly compute: ContrastiveCompute;
  /** Bumped by rebuild(): reports of an older run are dropped. */
  private generation = 0;

  constructor(
    readonly store: SettingsStore<typeof CONTRASTIVE_SETTINGS>,
    options: SessionOptions = {},
  ) {
    this.compute = options.compute ?? inlineCompute(options.yieldFn ? { yieldFn: options.yieldFn } : {});
    this.trainer = new ContrastiveTrainer(trainerOptions(store.values));
    this.embedding = this.trainer.embed(this.trainer.test.x, TEST_POINTS);
  }

  get steps(): number {
    return this.losses.length;
  }

  get latest(): HistoryPoint | null {
    return this.history.at(-1) ?? null;
  }

  /** Whether training runs off the main thread. */
  get inWorker(): boolean {
    return this.compute.inWorker;
  }

  /** A fresh, untrained encoder from the current settings; forgets the history. */
  rebuild(): void {
    this.generation++;
    this.trainer = new ContrastiveTrainer(trainerOptions(this.store.values));
    this.losses = [];
    this.history = [];
    this.embedding = this.trainer.embed(this.trainer.test.x, TEST_POINTS);
  }

  private keep(r: EncoderReport): void {
    for (const l of r.losses) this.losses.push(l);
    for (const e of r.evaluations) this.history.push(e);
    this.trainer.encoder.params.set(r.params);
    this.trainer.steps = r.steps;
    this.embedding = r.embedding;
  }

  /** Run: a fresh encoder trained for the `steps` setting; Stop keeps what was learned (and measures it). */
  async run(r: RunHandle): Promise<void> {
    this.rebuild();
    const generation = this.generation;
    const total = this.store.values.steps;
    const job = { options: trainerOptions(this.store.values), steps: total, evalEvery: EVAL_EVERY };
    r.draw();
    try {
      await this.compute.train(job, r.signal, (report) => {
        if (generation !== this.generation) return;
        this.keep(report);
        if (report.evaluations.length > 0 && report.steps > 0)
          r.progress(report.steps / total, `step ${report.steps}/${total}`);
        r.draw();
      });
    } finally {
      r.draw();
    }
  }

  /** Lets go of the compute's worker (a later run starts a fresh one). */
  dispose(): void {
    this.compute.dispose();
  }

  /** The last run's final numbers, for its run card. */
  metrics(): Metrics {
    const e = this.latest;
    if (!e) return {};
    const round = (v: number) => Math.round(v * 1e4) / 1e4;
    return {
      steps: e.step,
      loss: round(this.losses.at(-1) ?? NaN),
      probeAccuracy: round(e.probe.testAccuracy),
      supervisedAccuracy: round(e.supervised),
      alignment: round(e.alignment),
      uniformity: round(e.uniformity),
    };
  }
}
