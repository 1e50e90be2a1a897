// The contrastive cell's session (question 10), with no DOM: builds a ContrastiveTrainer from the settings,
// trains it in time slices (each step a few ms, so the page never blocks and no worker is needed), measures
// alignment, uniformity, the linear probe and the supervised baseline every EVAL_EVERY steps, and keeps the
// history the views draw. Each Run starts from a fresh encoder, so a run is reproducible from its settings.
import { ContrastiveTrainer, TEST_POINTS, type Evaluation } from '../../../kernels/contrastive-train';
import { TimeSlicer, yieldFrame, type YieldFn } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { trainerOptions, type CONTRASTIVE_SETTINGS } from './settings';

/** Steps between two evaluations (each costs about as much as ten steps). */
export const EVAL_EVERY = 20;

export interface HistoryPoint extends Evaluation {
  step: number;
}

export interface SessionOptions {
  /** How the training loop yields (tests pass a counter); default: the page's frame-aware yield. */
  yieldFn?: YieldFn;
}

export class ContrastiveSession {
  trainer: ContrastiveTrainer;
  /** Loss of every step. */
  losses: number[] = [];
  /** Evaluations, from step 0 on. */
  history: HistoryPoint[] = [];
  /** The test set's unit embeddings (TEST_POINTS × dim) as of the last evaluation. */
  embedding: Float64Array;

  constructor(
    readonly store: SettingsStore<typeof CONTRASTIVE_SETTINGS>,
    private readonly options: SessionOptions = {},
  ) {
    this.trainer = new ContrastiveTrainer(trainerOptions(store.values));
    this.embedding = this.trainer.embed(this.trainer.test.x, TEST_POINTS);
  }

  get steps(): number {
    return this.losses.length;
  }

  get latest(): HistoryPoint | null {
    return this.history.at(-1) ?? null;
  }

  /** A fresh, untrained encoder from the current settings; forgets the history. */
  rebuild(): void {
    this.trainer = new ContrastiveTrainer(trainerOptions(this.store.values));
    this.losses = [];
    this.history = [];
    this.embedding = this.trainer.embed(this.trainer.test.x, TEST_POINTS);
  }

  private evaluate(): void {
    this.history.push({ step: this.trainer.steps, ...this.trainer.evaluate() });
    this.embedding = this.trainer.embed(this.trainer.test.x, TEST_POINTS);
  }

  /** evaluate() in two tasks (the measures, then the probe), each after a yield: ~10 ms each, not ~25. */
  private async evaluateSliced(yieldNow: YieldFn): Promise<void> {
    await yieldNow();
    const measures = this.trainer.measures();
    await yieldNow();
    this.history.push({ step: this.trainer.steps, ...measures, probe: this.trainer.probe() });
    this.embedding = this.trainer.embed(this.trainer.test.x, TEST_POINTS);
  }

  /** Run: a fresh encoder trained for the `steps` setting; Stop keeps what was learned (and measures it). */
  async run(r: RunHandle): Promise<void> {
    this.rebuild();
    const total = this.store.values.steps;
    const yieldNow = this.options.yieldFn ?? yieldFrame;
    const slicer = new TimeSlicer({ signal: r.signal, yieldFn: yieldNow });
    r.draw();
    await this.evaluateSliced(yieldNow);
    r.draw();
    try {
      for (let s = 1; s <= total; s++) {
        this.losses.push(this.trainer.step());
        if (s % EVAL_EVERY === 0 || s === total) {
          // The evaluation and the redraw after it get tasks of their own, not the end of a slice.
          await this.evaluateSliced(yieldNow);
          r.progress(s / total, `step ${s}/${total}`);
          r.draw();
        }
        await slicer.tick();
      }
    } finally {
      if (this.latest?.step !== this.trainer.steps) this.evaluate();
      r.draw();
    }
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
