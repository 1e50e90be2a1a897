// The reproducibility cell's session (question 8), with no DOM: runs of the small model on the CPU backend,
// each written down as a run card (the kit's makeRunCard) with the backend it really ran on; replay of a
// card on the CPU backend with every metric set beside the card's; the same model on the best backend
// beside the CPU backend, and how far apart they end; the float32 sums. Tested in Node (in-thread compute).
import { compareRuns, type RunDifference } from '../../../kernels/repro-train';
import { float32Sums, mixedMagnitudes, type Float32Sums } from '../../../kernels/repro-sum';
import { makeRunCard, RunCardLog, type Metrics, type RunCard } from '../../ui/kit/run-card';
import { version as appVersion } from '../../../package.json';
import { compareMetrics, modelSettings, runMetrics, type MetricRow } from './card-tools';
import { BEST, CPU, reproCompute, type ReproCompute } from './compute';
import type { TrainedRun } from './jobs';
import type { ReproSettings } from './settings';

export interface Replay {
  card: RunCard;
  run: TrainedRun;
  rows: MetricRow[];
}

export interface BackendComparison {
  cpu: TrainedRun;
  other: TrainedRun;
  diff: RunDifference;
}

export type StepFn = (step: number, loss: number) => void;

const userAgent = () => globalThis.navigator?.userAgent ?? 'unknown';

export class ReproSession {
  readonly cards = new RunCardLog(5);
  lastRun: TrainedRun | null = null;
  replay: Replay | null = null;
  backends: BackendComparison | null = null;

  constructor(private readonly compute: ReproCompute = reproCompute()) {}

  /** Trains on the CPU backend with these settings and records the run's card (newest first in `cards`). */
  async train(values: ReproSettings, signal: AbortSignal, onStep?: StepFn): Promise<RunCard> {
    this.lastRun = null;
    const startedAt = new Date();
    const t0 = performance.now();
    const run = await this.compute.train(modelSettings(values), CPU, signal, onStep);
    this.lastRun = run;
    const card = makeRunCard({
      question: 'reproducibility',
      outcome: 'done',
      settings: { ...values },
      backend: run.backend,
      renderer: run.renderer,
      tfjsVersion: run.tfjsVersion,
      appVersion,
      userAgent: userAgent(),
      startedAt,
      durationMs: performance.now() - t0,
      metrics: runMetrics(run),
    });
    this.cards.add(card);
    return card;
  }

  /** Trains again from the card's settings on the CPU backend; every metric beside the card's. */
  async replayCard(card: RunCard, signal: AbortSignal, onStep?: StepFn): Promise<Replay> {
    this.replay = null;
    const run = await this.compute.train(modelSettings(card.settings), CPU, signal, onStep);
    this.replay = { card, run, rows: compareMetrics(card.metrics, runMetrics(run)) };
    return this.replay;
  }

  /** The same model and seed on the CPU backend and on the best one here, and their difference. */
  async compareBackends(
    values: ReproSettings,
    signal: AbortSignal,
    onStep?: StepFn,
  ): Promise<BackendComparison> {
    this.backends = null;
    const s = modelSettings(values);
    const cpu = await this.compute.train(s, CPU, signal, onStep);
    const other = await this.compute.train(s, BEST, signal, onStep);
    this.backends = { cpu, other, diff: compareRuns(cpu, other) };
    return this.backends;
  }

  /** The last run's metrics, for the cell's own run card. */
  metrics(): Metrics {
    return this.lastRun ? runMetrics(this.lastRun) : {};
  }

  clear(): void {
    this.lastRun = null;
    this.replay = null;
    this.backends = null;
  }

  dispose(): void {
    this.compute.dispose();
  }
}

/** The sums panel's numbers: the notebook's three-number case and the seeded array. */
export function sumsFor(
  n: number,
  decades: number,
  seed: number,
): { formula: Float32Sums; mixed: Float32Sums } {
  return { formula: float32Sums([1e8, -1e8, 1]), mixed: float32Sums(mixedMagnitudes(n, decades, seed)) };
}
