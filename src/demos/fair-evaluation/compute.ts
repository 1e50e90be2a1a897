// Where the fair comparison's trainings run (question 9): model A and model B once per seed, then each
// arm's learning-rate sweep and the untuned baseline, as one job of plain data (the settings' values) with a
// report after every seed and after the sweep (per-example verdicts, plain arrays). In the page the job runs
// in the cell's worker (page-compute.ts); in Node, and wherever there are no workers, `inlineCompute()` runs
// the same loop in this thread, time-sliced. Same settings, same verdicts, bit for bit. No DOM.
import type { DatasetKind } from '../../../kernels/datasets2d';
import { ClassifierRun, learningRateGrid, makeSplits } from '../../../kernels/fair-eval';
import type { ComparisonResults, SeedResult } from '../../../kernels/fair-eval-stats';
import { TimeSlicer, yieldFrame, type YieldFn } from '../../runtime/loop';
import type { FairValues } from './settings';

/** Mini-batch size of every training. */
export const BATCH = 32;

/** How many trainings one job makes: A and B per seed, both sweeps, and the untuned baseline. */
export function runCount(v: FairValues): number {
  return 2 * v.seeds + 2 * v.sweep + 1;
}

export interface FairReport {
  /** Trainings finished so far, of `total`. */
  done: number;
  total: number;
  /** A seed whose two trainings just finished. */
  seed?: SeedResult;
  /** The sweep and the baseline, once all of them finished. */
  tuning?: NonNullable<ComparisonResults['tuning']>;
}

export interface FairCompute {
  readonly inWorker: boolean;
  /** Every training of the settings in order; reports as they finish; rejects with an AbortError if stopped. */
  train(values: FairValues, signal: AbortSignal, report: (r: FairReport) => void): Promise<void>;
  dispose(): void;
}

interface Loop {
  yieldFn: YieldFn;
  budgetMs: number | undefined;
}

async function trainAll(v: FairValues, signal: AbortSignal, report: (r: FairReport) => void, loop: Loop) {
  const data = makeSplits({
    kind: v.dataset as DatasetKind,
    noise: v.noise,
    trainSize: v.trainSize,
    testSize: v.testSize,
    seed: v.seed,
  });
  const total = runCount(v);
  let done = 0;
  const slicer = new TimeSlicer({ signal, yieldFn: loop.yieldFn, budgetMs: loop.budgetMs });
  const train = async (hidden: number[], lr: number, seed: number): Promise<ClassifierRun> => {
    const run = new ClassifierRun(data.train, { hidden, lr, steps: v.steps, batch: BATCH, seed });
    while (!run.done) {
      run.step();
      await slicer.tick();
    }
    done++;
    return run;
  };
  const hiddenA = [v.widthA];
  const hiddenB = [v.widthB, v.widthB];
  const sweepArm = async (hidden: number[], lrs: number[]) => {
    const arm = { validation: [] as number[], test: [] as boolean[][] };
    for (const lr of lrs) {
      const run = await train(hidden, lr, v.seed);
      const right = run.correct(data.validation);
      arm.validation.push(right.filter(Boolean).length / right.length);
      arm.test.push(run.correct(data.test));
      report({ done, total });
    }
    return arm;
  };
  for (let i = 0; i < v.seeds; i++) {
    const seed = v.seed + i;
    const a = (await train(hiddenA, v.lr, seed)).correct(data.test);
    report({ done, total });
    const b = (await train(hiddenB, v.lr, seed)).correct(data.test);
    report({ done, total, seed: { seed, a, b } });
  }
  const lrs = learningRateGrid(v.sweep);
  const baseline = (await train(hiddenA, v.baselineLr, v.seed)).correct(data.test);
  report({ done, total });
  const a = await sweepArm(hiddenA, lrs);
  const b = await sweepArm(hiddenB, lrs);
  report({ done, total, tuning: { lrs, baselineLr: v.baselineLr, baseline, a, b } });
}

/** The loop in this thread, yielding by `yieldFn` (default: loop.ts' yieldFrame) every `budgetMs` (10 ms). */
export function inlineCompute(options: { yieldFn?: YieldFn; budgetMs?: number } = {}): FairCompute {
  const loop: Loop = { yieldFn: options.yieldFn ?? yieldFrame, budgetMs: options.budgetMs };
  return {
    inWorker: false,
    train: (values, signal, report) => trainAll(values, signal, report, loop),
    dispose() {},
  };
}
