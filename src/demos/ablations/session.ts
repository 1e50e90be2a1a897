// The ablation cell's session (question 7), with no DOM: turns the settings into a spec, hands it to an
// AblationCompute (the cell's worker in the page, the same runner in this thread in Node), keeps each run as
// it is reported, and gives the views the analysis of the runs so far (computed beside the runs). Stop
// keeps the finished runs; each Run starts afresh, so a run is reproducible from its settings.
//
// Example: const s = new AblationSession(store); await s.run(handle); s.analysis()?.comparisons
import type { AblationAnalysis } from '../../../kernels/ablation-analysis';
import type { AblationSpec, RunResult } from '../../../kernels/ablation';
import type { Metrics } from '../../ui/kit/run-card';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { inlineCompute, type AblationCompute } from './compute';
import { FAMILY_INFO, familyOf, specOf, type ABLATION_SETTINGS, type FamilyId } from './settings';

export interface SessionOptions {
  compute?: AblationCompute;
}

export class AblationSession {
  readonly compute: AblationCompute;
  /** The spec of the last Run (or the settings' spec before any). */
  spec: AblationSpec | null = null;
  family: FamilyId = 'mlp';
  metric = 'test accuracy';
  /** Runs by arm name, in the order they were reported. */
  runs = new Map<string, RunResult[]>();
  done = 0;
  total = 0;
  backend: string | null = null;
  /** The analysis of the runs so far, as the compute reported it with the last run. */
  private latest: AblationAnalysis | null = null;
  private generation = 0;

  constructor(
    readonly store: SettingsStore<typeof ABLATION_SETTINGS>,
    options: SessionOptions = {},
  ) {
    this.compute = options.compute ?? inlineCompute();
  }

  get inWorker(): boolean {
    return this.compute.inWorker;
  }

  /** Runs the settings' spec would make: arms × seeds × learning rates per arm. */
  plannedTrainings(): { arms: number; seeds: number; rates: number; trainings: number } {
    const spec = specOf(this.store.values);
    const rates = spec.lrs?.length ?? 1;
    return {
      arms: spec.arms.length,
      seeds: spec.seeds.length,
      rates,
      trainings: spec.arms.length * spec.seeds.length * rates,
    };
  }

  /** Forgets the runs (a new Run, Reset or a changed setting). */
  clear(): void {
    this.generation++;
    this.runs = new Map();
    this.done = 0;
    this.total = 0;
    this.spec = null;
    this.latest = null;
    this.backend = null;
  }

  /** The analysis of the runs so far; null before any. */
  analysis(): AblationAnalysis | null {
    return this.latest;
  }

  /** Run: every arm at every seed; Stop keeps the runs finished so far. */
  async run(r: RunHandle): Promise<void> {
    this.clear();
    const generation = this.generation;
    const v = this.store.values;
    const job = familyOf(v);
    this.family = job.family;
    this.metric = FAMILY_INFO[job.family].metric;
    const spec = specOf(v);
    this.spec = spec;
    this.total = spec.arms.length * spec.seeds.length;
    r.progress(0, `0/${this.total} runs`);
    r.draw();
    await this.compute.run({ ...job, spec }, r.signal, (report) => {
      if (generation !== this.generation) return;
      const list = this.runs.get(report.run.arm) ?? [];
      list.push(report.run);
      this.runs.set(report.run.arm, list);
      this.done = report.done;
      this.backend = report.backend;
      this.latest = report.analysis;
      r.progress(report.done / report.total, `${report.done}/${report.total} runs`);
      r.draw();
    });
  }

  dispose(): void {
    this.compute.dispose();
  }

  /** Each arm's mean test figure and run count, for the run card. */
  metrics(): Metrics {
    const a = this.analysis();
    if (!a) return {};
    const out: Metrics = { runs: this.done };
    for (const arm of a.arms) out[`mean: ${arm.name}`] = Math.round(arm.mean * 1e4) / 1e4;
    return out;
  }
}
