// What a demo element offers the cell that hosts it. A demo is a Lit element registered as
// `viva-demo-<id>`; the cell creates it the first time the cell is shown and calls run() on Run. Demos built
// on the kit also hand the cell their settings (for the link, Copy link and run cards) and their metrics.
import type { ComputeRuntime } from '../runtime/compute';
import type { Metrics } from './kit/run-card';
import type { SettingsStore } from './kit/settings-store';

export interface RunContext {
  /** Fires when the user presses Stop or Esc; the run should end promptly with an AbortError. */
  signal: AbortSignal;
  /** Progress for the cell's bar: a fraction 0..1, or null when unknown; an optional label. */
  progress(fraction: number | null, label?: string): void;
  /** The page's compute runtime (tfjs loads on the first ensure()). */
  compute: ComputeRuntime;
}

export interface DemoElement extends HTMLElement {
  /** The demo's main action (train, sample, step through…). Resolves when done, rejects on error. */
  run(ctx: RunContext): Promise<unknown>;
  /** Back to the shipped defaults. */
  reset(): void;
  /** The demo's settings table and values: restored from the link, written to it, recorded in run cards. */
  readonly settingsStore?: SettingsStore;
  /** The final metrics of the run that just ended (done or stopped), for its run card. */
  metrics?(): Metrics;
}

export function isDemoElement(el: Element): el is DemoElement {
  return (
    typeof (el as Partial<DemoElement>).run === 'function' &&
    typeof (el as Partial<DemoElement>).reset === 'function'
  );
}
