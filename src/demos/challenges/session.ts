// The open-problems cell's session (question 13), with no DOM: one Run computes the four panels in turn
// (distribution shift, FGSM, shortcut, efficiency) with the current settings, each a job in the cell's
// worker (compute.ts; in this thread in Node), keeps each result as it lands, and gives the run card its
// final numbers. Tested in Node.
import type { Metrics } from '../../ui/kit/run-card';
import {
  PANELS,
  workerChallenges,
  type ChallengeResults,
  type ChallengesCompute,
  type Panel,
  type PanelResult,
} from './compute';
import type { ChallengesSettings } from './settings';

export { PANELS, sweepWidths, type ChallengeResults, type Panel } from './compute';

const empty = (): ChallengeResults => ({ shift: null, fgsm: null, shortcut: null, efficiency: null });

export class ChallengesSession {
  results: ChallengeResults = empty();
  /** Settings of the last run started. */
  private ran: ChallengesSettings | null = null;

  constructor(private readonly compute: ChallengesCompute = workerChallenges()) {}

  /**
   * Computes the four panels; `onPanel` is told after each. Rejects with an AbortError when the signal
   * fires (the panels already done are kept).
   */
  async run(
    s: ChallengesSettings,
    signal: AbortSignal,
    onPanel: (panel: Panel, done: number) => void = () => {},
  ): Promise<ChallengeResults> {
    this.results = empty();
    this.ran = { ...s };
    const results = this.results;
    for (const [i, panel] of PANELS.entries()) {
      const r = await this.compute.panel(panel, s, signal);
      (results as Record<Panel, PanelResult<Panel> | null>)[panel] = r;
      onPanel(panel, i + 1);
    }
    return results;
  }

  /** The last run's headline numbers, flat, for its run card. */
  metrics(): Metrics {
    const { shift, fgsm, shortcut, efficiency } = this.results;
    const m: Metrics = {};
    if (shift) {
      m.shiftAccuracyAt0 = shift.accuracy[0]!;
      m.shiftAccuracyAtMax = shift.accuracy[shift.accuracy.length - 1]!;
    }
    if (fgsm) {
      m.fgsmAccuracyAtMaxEps = fgsm.accuracy[fgsm.accuracy.length - 1]!;
      m.randomAccuracyAtMaxEps = fgsm.randomAccuracy[fgsm.randomAccuracy.length - 1]!;
    }
    if (shortcut) {
      m.shortcutTrainAccuracy = shortcut.trainAccuracy;
      m.shortcutTestAccuracy = shortcut.testAccuracy;
      m.shortcutWeightShare = shortcut.spuriousShare;
    }
    if (efficiency) {
      const last = efficiency.accuracy.length - 1;
      m.efficiencyWidestAccuracy = efficiency.accuracy[last]!;
      m.efficiencyNarrowestAccuracy = efficiency.accuracy[0]!;
    }
    return m;
  }

  clear(): void {
    this.results = empty();
    this.ran = null;
  }

  get settingsRan(): ChallengesSettings | null {
    return this.ran;
  }

  dispose(): void {
    this.compute.dispose();
  }
}
