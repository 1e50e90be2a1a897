// The open-problems cell's session (question 13), with no DOM: one Run computes the four panels in turn
// (distribution shift, FGSM, shortcut, efficiency) with the current settings, keeps each result as it
// lands, and gives the run card its final numbers. Tested in Node.
import {
  efficiencyCurve,
  fgsmCurve,
  shiftCurve,
  shortcutExperiment,
  type Curve,
  type EfficiencyCurve,
  type ShortcutResult,
} from '../../../kernels/challenges';
import type { DatasetKind } from '../../../kernels/datasets2d';
import type { SliceOptions } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import type { ChallengesSettings } from './settings';

export const PANELS = ['shift', 'fgsm', 'shortcut', 'efficiency'] as const;
export type Panel = (typeof PANELS)[number];

/** The hidden widths the efficiency panel trains: a rough doubling up to the widest one chosen. */
export function sweepWidths(maxWidth: number): number[] {
  const ladder = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64];
  const widths = ladder.filter((w) => w < maxWidth);
  return [...widths, maxWidth];
}

export interface ChallengeResults {
  shift: (Curve & { trainAccuracy: number }) | null;
  fgsm: (Curve & { randomAccuracy: number[] }) | null;
  shortcut: ShortcutResult | null;
  efficiency: EfficiencyCurve | null;
}

const empty = (): ChallengeResults => ({ shift: null, fgsm: null, shortcut: null, efficiency: null });

export class ChallengesSession {
  results: ChallengeResults = empty();
  /** Settings of the last run started. */
  private ran: ChallengesSettings | null = null;

  /**
   * Computes the four panels; `onPanel` is told after each. Rejects with an AbortError when the signal
   * fires (the panels already done are kept).
   */
  async run(
    s: ChallengesSettings,
    signal: AbortSignal,
    onPanel: (panel: Panel, done: number) => void = () => {},
    slicing: Pick<SliceOptions, 'yieldFn' | 'budgetMs'> = {},
  ): Promise<ChallengeResults> {
    this.results = empty();
    this.ran = { ...s };
    const base = { seed: s.seed, steps: s.steps, signal, ...slicing };
    const model = { ...base, hidden: s.hidden, noise: s.noise };
    this.results.shift = await shiftCurve({ ...model, maxAngle: s.maxAngle });
    onPanel('shift', 1);
    this.results.fgsm = await fgsmCurve({ ...model, maxEps: s.maxEps });
    onPanel('fgsm', 2);
    this.results.shortcut = await shortcutExperiment({ ...base, agree: s.agree, scale: s.scale });
    onPanel('shortcut', 3);
    this.results.efficiency = await efficiencyCurve({
      ...base,
      noise: s.noise,
      kind: s.effData as DatasetKind,
      widths: sweepWidths(s.maxWidth),
    });
    onPanel('efficiency', 4);
    return this.results;
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
}
