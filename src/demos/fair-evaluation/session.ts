// The fair-comparison cell's session (question 9), with no DOM. Run hands the trainings to a FairCompute
// (compute.ts: the cell's worker in the page, the same loop time-sliced in this thread in Node): model A and
// model B once per seed on one data set, then the learning-rate sweep of each and the untuned baseline; it
// keeps every run's per-example correctness on the test set and summarizes them (kernels/fair-eval-stats.ts),
// yielding between sections once 10 ms are spent. Stop keeps the runs finished so far and summarizes those.
// The statistics settings recompute the summary at once.
import {
  summarizeMain,
  summarizeSeeds,
  summarizeSizes,
  summarizeTuning,
  type ComparisonResults,
  type ComparisonSummary,
  type StatsOptions,
} from '../../../kernels/fair-eval-stats';
import { yieldFrame, type YieldFn } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { inlineCompute, runCount, type FairCompute } from './compute';
import type { FAIR_SETTINGS, FairValues } from './settings';

export { runCount } from './compute';

/** Work on the summary before it yields to the page (ms). */
const SUMMARY_SLICE_MS = 10;

export class FairEvalSession {
  results: ComparisonResults | null = null;
  summary: Partial<ComparisonSummary> | null = null;
  /** The settings the results were made with. */
  madeWith: FairValues | null = null;
  readonly compute: FairCompute;
  private readonly yieldFn: YieldFn;

  constructor(
    readonly store: SettingsStore<typeof FAIR_SETTINGS>,
    options: { yieldFn?: YieldFn; compute?: FairCompute } = {},
  ) {
    this.yieldFn = options.yieldFn ?? yieldFrame;
    this.compute = options.compute ?? inlineCompute(options.yieldFn ? { yieldFn: options.yieldFn } : {});
  }

  /** Whether the trainings run off the main thread. */
  get inWorker(): boolean {
    return this.compute.inWorker;
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

  /** Run: every training of the settings (in the compute: the cell's worker in the page); Stop keeps the finished ones. */
  async run(h: RunHandle): Promise<void> {
    const v = { ...this.store.values };
    this.clear();
    const results: ComparisonResults = { seeds: [], tuning: null };
    this.results = results;
    this.madeWith = v;
    const total = runCount(v);
    h.progress(0, `training run 1 of ${total}`);
    try {
      await this.compute.train(v, h.signal, (r) => {
        if (this.results !== results) return;
        if (r.seed) results.seeds.push(r.seed);
        if (r.tuning) results.tuning = r.tuning;
        h.progress(r.done / r.total, `training run ${Math.min(r.done + 1, r.total)} of ${r.total}`);
        h.draw();
      });
    } finally {
      if (this.results === results) await this.summarize();
      h.draw();
    }
  }

  /** Lets go of the compute's worker (a later run starts a fresh one). */
  dispose(): void {
    this.compute.dispose();
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
