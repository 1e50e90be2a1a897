// Where the open-problems panels compute: each panel is one job in the cell's worker (challenges.worker.ts,
// on the shared WorkerHost), so the page only draws the results; where there are no workers (Node tests),
// in this thread, time-sliced. computePanel is the one place that turns settings into a kernel call.
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
import { LazyWorker } from '../../runtime/lazy-worker';
import type { SliceOptions } from '../../runtime/loop';
import { WorkerHost } from '../../runtime/worker-host';
import type { ChallengesSettings } from './settings';

export const PANELS = ['shift', 'fgsm', 'shortcut', 'efficiency'] as const;
export type Panel = (typeof PANELS)[number];

export interface ChallengeResults {
  shift: (Curve & { trainAccuracy: number }) | null;
  fgsm: (Curve & { randomAccuracy: number[] }) | null;
  shortcut: ShortcutResult | null;
  efficiency: EfficiencyCurve | null;
}

export type PanelResult<P extends Panel> = NonNullable<ChallengeResults[P]>;

export type Slicing = Pick<SliceOptions, 'yieldFn' | 'budgetMs'>;

/** The hidden widths the efficiency panel trains: a rough doubling up to the widest one chosen. */
export function sweepWidths(maxWidth: number): number[] {
  const ladder = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64];
  return [...ladder.filter((w) => w < maxWidth), maxWidth];
}

/** One panel's experiment with these settings. */
export function computePanel<P extends Panel>(
  panel: P,
  s: ChallengesSettings,
  signal: AbortSignal,
  slicing: Slicing = {},
): Promise<PanelResult<P>> {
  const base = { seed: s.seed, steps: s.steps, signal, ...slicing };
  const model = { ...base, hidden: s.hidden, noise: s.noise };
  const run: { [K in Panel]: () => Promise<PanelResult<K>> } = {
    shift: () => shiftCurve({ ...model, maxAngle: s.maxAngle }),
    fgsm: () => fgsmCurve({ ...model, maxEps: s.maxEps }),
    shortcut: () => shortcutExperiment({ ...base, agree: s.agree, scale: s.scale }),
    efficiency: () =>
      efficiencyCurve({
        ...base,
        noise: s.noise,
        kind: s.effData as DatasetKind,
        widths: sweepWidths(s.maxWidth),
      }),
  };
  return run[panel]() as Promise<PanelResult<P>>;
}

export type ChallengeJobs = {
  panel: {
    args: { panel: Panel; settings: ChallengesSettings };
    progress: null;
    result: PanelResult<Panel>;
  };
};

export interface ChallengesCompute {
  panel<P extends Panel>(panel: P, s: ChallengesSettings, signal: AbortSignal): Promise<PanelResult<P>>;
  dispose(): void;
}

/** In this thread (Node tests, or where there are no workers). */
export function inlineChallenges(slicing: Slicing = {}): ChallengesCompute {
  return { panel: (panel, s, signal) => computePanel(panel, s, signal, slicing), dispose() {} };
}

function challengesWorker(): WorkerHost<ChallengeJobs> | null {
  if (typeof Worker === 'undefined') return null;
  return new WorkerHost<ChallengeJobs>(
    () => new Worker(new URL('./challenges.worker.ts', import.meta.url), { type: 'module' }),
  );
}

/** In the cell's worker, made on the first job; in this thread where there are no workers. */
export function workerChallenges(): ChallengesCompute {
  const lazy = new LazyWorker(challengesWorker);
  const inline = inlineChallenges();
  return {
    async panel(panel, s, signal) {
      const w = lazy.get();
      if (!w) return inline.panel(panel, s, signal);
      return (await w.run('panel', { panel, settings: s }, { signal })) as PanelResult<typeof panel>;
    },
    dispose() {
      lazy.dispose();
    },
  };
}
