// The interpretability cell's tabular panel (question 16), with no DOM: Run draws the data set with known
// effects (kernels/interpret-tabular.ts) from the settings, trains the MLP time-sliced on this thread (a step
// on 512 points is about a millisecond), then explains one held-out point with every method
// (kernels/interpret-explain.ts). The explain settings recompute at once on the trained model; the data
// settings wait for the next Run. Stop keeps the model reached and explains it.
import {
  explainGlobal,
  explainPoint,
  type Explanation,
  type MethodResult,
} from '../../../kernels/interpret-explain';
import {
  TabularTrainer,
  makeTabularData,
  rSquared,
  type TabularData,
} from '../../../kernels/interpret-tabular';
import { TimeSlicer, yieldFrame, type YieldFn } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { TEST_POINTS, type INTERPRET_SETTINGS } from './settings';

export const TRAIN_POINTS = 512;
const HIDDEN = 16;
const LR = 0.02;
const BACKGROUND = 16;
const LIME_SAMPLES = 300;

export class TabularSession {
  data: TabularData | null = null;
  test: TabularData | null = null;
  trainer: TabularTrainer | null = null;
  losses: number[] = [];
  testR2 = NaN;
  explanation: Explanation | null = null;
  global: MethodResult | null = null;
  /** The data settings changed since the model was trained. */
  stale = false;

  constructor(
    readonly store: SettingsStore<typeof INTERPRET_SETTINGS>,
    private readonly yieldFn?: YieldFn,
  ) {}

  reset(): void {
    this.data = this.test = this.trainer = null;
    this.losses = [];
    this.testR2 = NaN;
    this.explanation = this.global = null;
    this.stale = false;
  }

  async run(r: RunHandle): Promise<Metrics> {
    this.reset();
    const v = this.store.values;
    this.data = makeTabularData(TRAIN_POINTS, v.correlation, v.seed);
    this.test = makeTabularData(TEST_POINTS, v.correlation, v.seed + 1000);
    const trainer = (this.trainer = new TabularTrainer(this.data, { hidden: HIDDEN, lr: LR, seed: v.seed }));
    const slicer = new TimeSlicer({ signal: r.signal, ...(this.yieldFn ? { yieldFn: this.yieldFn } : {}) });
    try {
      for (let s = 0; s < v.trainSteps; s++) {
        this.losses.push(trainer.step());
        if (s % 20 === 0) r.progress(s / v.trainSteps, `step ${s}/${v.trainSteps}`);
        await slicer.tick();
      }
    } finally {
      await this.finish();
      r.draw();
    }
    return this.metrics();
  }

  /** The fit, the global importance and the explanation, each in its own task (also after Stop). */
  private async finish(): Promise<void> {
    const { trainer, data, test } = this;
    if (!trainer || !data || !test || trainer.steps === 0) return;
    const pause = this.yieldFn ?? yieldFrame;
    this.testR2 = rSquared(trainer.model, test);
    await pause();
    this.global = explainGlobal(trainer.model, data, this.store.values.seed);
    await pause();
    this.explain();
  }

  /** Explains the chosen point with the current settings (the live ones); a no-op before training. */
  explain(): void {
    if (!this.trainer || !this.data || !this.test || this.trainer.steps === 0) return;
    const v = this.store.values;
    this.explanation = explainPoint(this.trainer.model, this.data, this.test.X[v.sample]!, {
      igSteps: v.igSteps,
      sgSigma: v.sgSigma,
      sgSamples: v.sgSamples,
      background: BACKGROUND,
      limeSamples: LIME_SAMPLES,
      seed: v.seed,
    });
  }

  metrics(): Metrics {
    const e = this.explanation;
    if (!e || !this.trainer) return {};
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    const scores: Metrics = {};
    for (const m of e.methods) scores[`score_${m.id}`] = round(m.score);
    return {
      steps: this.trainer.steps,
      loss: round(this.losses.at(-1) ?? NaN),
      testR2: round(this.testR2),
      igGap: e.igGap,
      ...scores,
      ...(this.global ? { score_permutation: round(this.global.score) } : {}),
    };
  }
}
