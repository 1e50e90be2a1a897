// The vanishing-gradient cell's two pieces of async work, kept out of the element (components render,
// controllers run): the gradient reports of configurations A and B, recomputed whenever a control moves
// (latest request wins, results cached per configuration), and the side-by-side training run.
import {
  gradientReport,
  trainSideBySide,
  type GradientReport,
  type RunState,
  type SideBySideOptions,
  type VanishingConfig,
} from '../../../kernels/vanishing';

type Slot = 0 | 1;

/**
 * Computes gradient reports for A and B, one request at a time: while one is computing, later requests
 * replace each other and only the newest runs next, so dragging a slider never queues stale work.
 */
export class GradientReports {
  readonly reports: [GradientReport | null, GradientReport | null] = [null, null];
  error = '';
  private readonly cache = new Map<string, GradientReport>();
  private wanted: [VanishingConfig, VanishingConfig] | null = null;
  private busy: Promise<void> | null = null;

  constructor(
    private readonly ensureTf: () => Promise<unknown>,
    private readonly onUpdate: (slot: Slot | null) => void,
  ) {}

  /** Asks for both configurations' reports; resolves once the newest request has been computed. */
  request(configs: [VanishingConfig, VanishingConfig]): Promise<void> {
    this.wanted = configs;
    this.busy ??= this.drain().finally(() => (this.busy = null));
    return this.busy;
  }

  private async drain(): Promise<void> {
    try {
      await this.ensureTf();
    } catch (e) {
      this.error = `tfjs could not start: ${e instanceof Error ? e.message : String(e)}`;
      this.wanted = null;
      this.onUpdate(null);
      return;
    }
    while (this.wanted) {
      const configs = this.wanted;
      this.wanted = null;
      for (const slot of [0, 1] as const) {
        const key = JSON.stringify(configs[slot]);
        let report = this.cache.get(key);
        if (report === this.reports[slot] && report) continue;
        try {
          if (!report) {
            report = await gradientReport(configs[slot]);
            if (this.cache.size > 32) this.cache.clear();
            this.cache.set(key, report);
          }
          this.error = '';
        } catch (e) {
          this.error = e instanceof Error ? e.message : String(e);
          this.onUpdate(null);
          continue;
        }
        // A newer request may already be waiting; this result is still the right one for its slot unless
        // the newer one changed that slot, in which case it is recomputed on the next pass.
        this.reports[slot] = report;
        this.onUpdate(slot);
      }
    }
  }
}

export interface RunSeries {
  steps: number[];
  losses: number[];
  state: RunState | null;
}

/** The side-by-side training run: its curves (kept when stopped) and the latest state of each run. */
export class TrainingRun {
  series: [RunSeries, RunSeries] = [empty(), empty()];
  running = false;

  /** Trains until done, diverged or aborted (then rejects with the AbortError); curves stay. */
  async train(
    configs: [VanishingConfig, VanishingConfig],
    options: SideBySideOptions,
    onStep: (step: number) => void,
  ): Promise<void> {
    // This run's own series: if clear() replaces them while an aborted run winds down, it writes to these.
    const series: [RunSeries, RunSeries] = [empty(), empty()];
    this.series = series;
    this.running = true;
    try {
      for await (const snap of trainSideBySide(configs, options)) {
        snap.runs.forEach((run, k) => {
          const s = series[k]!;
          s.state = run;
          // A diverged run's curve ends at its last finite loss.
          if (run.diverged === null) {
            s.steps.push(snap.step);
            s.losses.push(run.loss);
          }
        });
        onStep(snap.step);
      }
    } finally {
      this.running = false;
    }
  }

  clear(): void {
    this.series = [empty(), empty()];
  }
}

function empty(): RunSeries {
  return { steps: [], losses: [], state: null };
}
