// Over-estimation, measured, with no DOM: vanilla DQN and Double DQN trained side by side from the same seed
// (the kernel's compareVanillaDouble), one episode each in turn, keeping every episode so a plot can set each
// one's mean predicted maxₐQ against the discounted return its states went on to get. Tested in Node.
import { DQN_DEFAULTS, type DqnConfig } from '../../../kernels/rl/dqn-config';
import type { DqnEpisode } from '../../../kernels/rl/dqn-trainer';
import { compareVanillaDouble, overestimation } from '../../../kernels/rl/overestimation';
import type { YieldFn } from '../../runtime/loop';
import { tailMean } from './series';

/** Over-estimation is summarised over this many last episodes. */
export const GAP_WINDOW = 50;

export class CompareSession {
  vanilla: DqnEpisode[] = [];
  double: DqnEpisode[] = [];
  /** γ of the last comparison (for the ceiling 1/(1 − γ)). */
  gamma: number = DQN_DEFAULTS.gamma;

  clear(): void {
    this.vanilla = [];
    this.double = [];
  }

  /**
   * Trains both agents `episodes` episodes each from `config` (its `double` is set per agent). An abort
   * (AbortError) keeps the episodes so far.
   */
  async run(
    config: Partial<DqnConfig>,
    episodes: number,
    hooks: { signal?: AbortSignal; yieldFn?: YieldFn; onPoint?: (done: number) => void } = {},
  ): Promise<void> {
    this.clear();
    this.gamma = config.gamma ?? DQN_DEFAULTS.gamma;
    const vanilla = this.vanilla;
    const double = this.double;
    for await (const p of compareVanillaDouble(config, {
      episodes,
      signal: hooks.signal,
      yieldFn: hooks.yieldFn,
    })) {
      vanilla.push(p.vanilla);
      double.push(p.double);
      hooks.onPoint?.(vanilla.length);
    }
  }

  /** No state is worth more than Σγᵗ·1 = 1/(1 − γ): a prediction above it over-estimates for sure. */
  get ceiling(): number {
    return 1 / (1 - this.gamma);
  }

  /** Mean over-estimation (predicted − actual) of the last GAP_WINDOW episodes: [vanilla, double]. */
  gaps(): [number, number] {
    const gap = (runs: DqnEpisode[]) => tailMean(runs.map(overestimation), GAP_WINDOW);
    return [gap(this.vanilla), gap(this.double)];
  }
}
