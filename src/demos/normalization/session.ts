// The normalization cell's session, with no DOM: the batch-statistics cloud at a batch size (batch norm's
// mean and variance over many random batches) and the training comparison of no norm, batch norm and layer
// norm (the held-out curves, and the final metrics for the run card). The element ensures tfjs is loaded
// and draws; this calls the kernels and keeps the state. Tested in Node on the CPU backend.
import {
  batchStatisticsSpread,
  trainNormComparison,
  type BatchStatisticsSpread,
  type NormTrainSnapshot,
} from '../../../kernels/normalization';
import type { Metrics } from '../../ui/kit/run-card';
import { meanAndStd } from './grid-model';
import type { NormalizationSettings } from './settings';
import { TrainingCurves } from './training-curves';

/** How many random batches the cloud draws. */
export const DRAWS = 400;
/** About this many held-out scores per run: each costs four forward passes over the held-out set. */
export const EVALS_PER_RUN = 40;

export type Spread = BatchStatisticsSpread & { batchSize: number; seed: number };

/** Held-out scores every this many steps: about EVALS_PER_RUN per run, at least every 2 steps. */
export function evalEvery(steps: number): number {
  return Math.max(2, Math.round(steps / EVALS_PER_RUN));
}

/** The spread of the batch means, and what the closed form σ/√B says it should be. */
export function spreadSummary(s: Spread): { meanStd: number; expected: number } {
  return {
    meanStd: meanAndStd(s.means).std,
    expected: Math.sqrt(s.populationVariance / s.batchSize),
  };
}

export type TrainSettings = Pick<NormalizationSettings, 'batch' | 'steps' | 'lr' | 'seed'>;

export class NormalizationSession {
  readonly curves = new TrainingCurves();
  /** The latest batch-statistics cloud. */
  spread: Spread | null = null;
  /** The settings of the last run started. */
  private ran: TrainSettings | null = null;

  /** Draws a new cloud at this batch size and seed (kept only when `keep()` still holds once it is drawn). */
  async drawSpread(batchSize: number, seed: number, keep: () => boolean = () => true): Promise<Spread> {
    const spread = { ...(await batchStatisticsSpread({ batchSize, draws: DRAWS, seed })), batchSize, seed };
    if (keep()) this.spread = spread;
    return spread;
  }

  /**
   * Trains the three networks with these settings from scratch; `onSnapshot` is told of every step. Resolves
   * with the last held-out scores; rejects with an AbortError when the signal fires (the curves keep what
   * was scored so far).
   */
  async train(
    settings: TrainSettings,
    signal: AbortSignal,
    onSnapshot: (snap: NormTrainSnapshot) => void = () => {},
  ): Promise<TrainingCurves['latest']> {
    const { batch, steps, lr, seed } = settings;
    this.ran = { batch, steps, lr, seed };
    this.curves.start(batch);
    for await (const snap of trainNormComparison({
      batchSize: batch,
      steps,
      lr,
      seed,
      evalEvery: evalEvery(steps),
      signal,
    })) {
      this.curves.add(snap);
      onSnapshot(snap);
    }
    return this.curves.latest;
  }

  /** The last run's final held-out scores (as far as it got), flat, for its run card. */
  metrics(): Metrics {
    const last = this.curves.latest;
    if (!last || !this.ran) return {};
    return {
      batchSize: this.ran.batch,
      steps: last.step,
      lossNone: last.loss.none,
      lossBatch: last.loss.batch,
      lossLayer: last.loss.layer,
      accuracyNone: last.accuracy.none,
      accuracyBatch: last.accuracy.batch,
      accuracyLayer: last.accuracy.layer,
      bnTrainModeLoss: last.bnTrainModeLoss,
      bnModeGap: last.bnModeGap,
    };
  }

  clear(): void {
    this.curves.clear();
    this.ran = null;
  }
}
