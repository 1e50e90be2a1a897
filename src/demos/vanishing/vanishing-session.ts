// The vanishing-gradient cell's session, without DOM: the gradient reports of configurations A and B for the
// current settings (latest request wins, cached per configuration), the side-by-side training run with the
// settings' learning rate, steps and clipping, each configuration's verdict, and the final metrics of a run.
// The element draws it; tests drive it in Node on the tfjs CPU backend.
//
// Example:
//   const s = new VanishingSession(() => tf.ready(), () => redraw());
//   await s.refresh(values);  s.verdicts();      // at initialization
//   await s.train(values, signal, (step) => …);  s.metrics();
import type { Metrics } from '../../ui/kit/run-card';
import { GradientReports, TrainingRun } from './controllers';
import { gradientVerdict, type Verdict } from './gradient-view';
import { configsOf, type VanishingValues } from './settings';

export class VanishingSession {
  readonly reports: GradientReports;
  readonly training = new TrainingRun();

  constructor(ensureTf: () => Promise<unknown>, onUpdate: () => void) {
    this.reports = new GradientReports(ensureTf, () => onUpdate());
  }

  /** Recomputes A's and B's gradient reports at initialization for these settings. */
  refresh(values: VanishingValues): Promise<void> {
    return this.reports.request(configsOf(values));
  }

  /**
   * Trains A and B side by side with the settings' learning rate, steps and clipping; `onStep` after each
   * step. Rejects with an AbortError when the signal fires (the curves so far stay).
   */
  async train(values: VanishingValues, signal: AbortSignal, onStep: (step: number) => void): Promise<void> {
    const configs = configsOf(values);
    await this.reports.request(configs);
    await this.training.train(
      configs,
      { steps: values.steps, lr: values.lr, clip: values.clipOn ? values.clip : null, signal },
      onStep,
    );
  }

  /** The verdict on each configuration at initialization (null while its report is computing). */
  verdicts(): [Verdict | null, Verdict | null] {
    const [a, b] = this.reports.reports;
    return [a ? gradientVerdict(a) : null, b ? gradientVerdict(b) : null];
  }

  /** Forgets the training curves (the reports stay cached). */
  clear(): void {
    this.training.clear();
  }

  /**
   * The last run's final numbers per configuration (losses and steps first: the run card's summary shows the
   * first few), and the verdicts at initialization.
   */
  metrics(): Metrics {
    const states = this.training.series.map((s) => s.state);
    const verdicts = this.verdicts();
    const m: Metrics = {};
    const each = (name: string, of: (k: 0 | 1) => number | string | boolean | undefined) => {
      for (const k of [0, 1] as const) {
        const v = of(k);
        if (v !== undefined) m[`${k ? 'b' : 'a'}.${name}`] = v;
      }
    };
    each('loss', (k) => states[k]?.loss);
    each('steps', (k) => states[k]?.steps);
    each('diverged', (k) => (states[k] ? states[k].diverged !== null : undefined));
    each('clipped', (k) => states[k]?.clipped);
    each('firstLayerGradNorm', (k) => (states[k] ? (states[k].gradNorms[0] ?? NaN) : undefined));
    each('verdict', (k) => verdicts[k]?.kind);
    return m;
  }
}
