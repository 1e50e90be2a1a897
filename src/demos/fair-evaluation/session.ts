// The fair-comparison cell's session (question 9), with no DOM. Run trains, time-sliced in this thread (each
// Adam step of these small MLPs takes well under a millisecond), model A and model B once per seed on one
// data set, then the learning-rate sweep of each and the untuned baseline; it keeps every run's per-example
// correctness on the test set and summarizes them (kernels/fair-eval-stats.ts), yielding between sections
// once 10 ms are spent. Stop keeps the runs finished so far and summarizes those. The statistics settings
// recompute the summary at once.
import { ClassifierRun, learningRateGrid, makeSplits } from '../../../kernels/fair-eval';
import type { DatasetKind } from '../../../kernels/datasets2d';
import {
  summarizeMain,
  summarizeSeeds,
  summarizeSizes,
  summarizeTuning,
  type ComparisonResults,
  type ComparisonSummary,
  type StatsOptions,
} from '../../../kernels/fair-eval-stats';
import { TimeSlicer, yieldFrame, type YieldFn } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import type { FAIR_SETTINGS, FairValues } from './settings';

export const BATCH = 32;
/** Work on the summary before it yields to the page (ms). */
const SUMMARY_SLICE_MS = 10;

/** How many trainings one Run makes: A and B per seed, both sweeps, and the untuned baseline. */
export function runCount(v: FairValues): number {
  return 2 * v.seeds + 2 * v.sweep + 1;
}

export class FairEvalSession {
  results: ComparisonResults | null = null;
  summary: Partial<ComparisonSummary> | null = null;
  /** The settings the results were made with. */
  madeWith: FairValues | null = null;
  private readonly yieldFn: YieldFn;

  constructor(
    readonly store: SettingsStore<typeof FAIR_SETTINGS>,
    options: { yieldFn?: YieldFn } = {},
  ) {
    this.yieldFn = options.yieldFn ?? yieldFrame;
  }

  statsOptions(): StatsOptions {
    const v = this.store.values;
    return { level: v.level, resamples: v.resamples, seed: v.seed };
  }

  /** Forgets the runs (new settings need a new Run). */
  clear(): void {
    this.results = null;
    this.summary = null;
    this.madeWith = null;
  }

  /** The summary of the runs kept, one section at a time with a yield between (each well under 50 ms). */
  async summarize(): Promise<void> {
    const r = this.results;
    if (!r || r.seeds.length === 0) {
      this.summary = null;
      return;
    }
    const o = this.statsOptions();
    // One task when it is quick (the defaults take a few ms); a yield between sections once 10 ms are spent.
    const start = performance.now();
    const pause = async () => {
      if (performance.now() - start > SUMMARY_SLICE_MS) await this.yieldFn();
    };
    const out: Partial<ComparisonSummary> = { main: summarizeMain(r.seeds[0]!, o) };
    await pause();
    out.seeds = summarizeSeeds(r.seeds, o);
    await pause();
    out.sizes = summarizeSizes(r.seeds[0]!, o);
    out.tuning = r.tuning ? summarizeTuning(r.tuning) : null;
    if (r === this.results) this.summary = out;
  }

  /** Run: every training of the settings, in order; Stop keeps the finished ones. */
  async run(h: RunHandle): Promise<void> {
    const v = { ...this.store.values };
    this.clear();
    const data = makeSplits({
      kind: v.dataset as DatasetKind,
      noise: v.noise,
      trainSize: v.trainSize,
      testSize: v.testSize,
      seed: v.seed,
    });
    const results: ComparisonResults = { seeds: [], tuning: null };
    this.results = results;
    this.madeWith = v;
    const total = runCount(v);
    let done = 0;
    const slicer = new TimeSlicer({ signal: h.signal, yieldFn: this.yieldFn });
    const train = async (hidden: number[], lr: number, seed: number): Promise<ClassifierRun> => {
      const run = new ClassifierRun(data.train, { hidden, lr, steps: v.steps, batch: BATCH, seed });
      while (!run.done) {
        run.step();
        await slicer.tick();
      }
      done++;
      h.progress(done / total, `training run ${done} of ${total}`);
      return run;
    };
    const hiddenA = [v.widthA];
    const hiddenB = [v.widthB, v.widthB];
    const sweepArm = async (hidden: number[], lrs: number[], seed: number) => {
      const arm = { validation: [] as number[], test: [] as boolean[][] };
      for (const lr of lrs) {
        const run = await train(hidden, lr, seed);
        const right = run.correct(data.validation);
        arm.validation.push(right.filter(Boolean).length / right.length);
        arm.test.push(run.correct(data.test));
      }
      return arm;
    };
    h.progress(0, `training run 1 of ${total}`);
    try {
      for (let i = 0; i < v.seeds; i++) {
        const seed = v.seed + i;
        const a = (await train(hiddenA, v.lr, seed)).correct(data.test);
        const b = (await train(hiddenB, v.lr, seed)).correct(data.test);
        results.seeds.push({ seed, a, b });
        h.draw();
      }
      const lrs = learningRateGrid(v.sweep);
      const baseline = (await train(hiddenA, v.baselineLr, v.seed)).correct(data.test);
      const a = await sweepArm(hiddenA, lrs, v.seed);
      const b = await sweepArm(hiddenB, lrs, v.seed);
      results.tuning = { lrs, baselineLr: v.baselineLr, baseline, a, b };
    } finally {
      if (this.results === results) await this.summarize();
      h.draw();
    }
  }

  /** The last run's headline numbers, for its run card. */
  metrics(): Metrics {
    const s = this.summary;
    if (!s?.main) return {};
    const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
    const out: Metrics = {
      accuracyA: r4(s.main.accA.mean),
      accuracyB: r4(s.main.accB.mean),
      diffLo: r4(s.main.diff.lo),
      diffHi: r4(s.main.diff.hi),
      mcnemarP: r4(s.main.mcnemarP),
    };
    if (s.seeds) out.seedWinsB = `${s.seeds.winsB}/${s.seeds.accA.length}`;
    if (s.tuning) out.tuningGapUnfair = r4(s.tuning.unfair.gap);
    return out;
  }
}
