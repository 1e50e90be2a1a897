// Where the ablation cell's runs happen (question 7): one job of plain data (the family, the MLP's data set
// and the spec) reporting each finished run (arm, seed) back as plain data, with the analysis of the runs so far. The session takes one of these:
// in the page, the cell's worker (page-compute.ts); in Node, and wherever there are no workers,
// `inlineCompute()` here, which runs the same runner in this thread, time-sliced. The transformer family (and
// tfjs with it) is imported only when asked for. No DOM.
//
// Example: await inlineCompute().run({ family: 'mlp', data: 'xor', spec }, signal, (r) => keep(r.run));
import type { AblationFamily, AblationSpec, RunResult } from '../../../kernels/ablation';
import { runAblation } from '../../../kernels/ablation';
import { analyseAblation, type AblationAnalysis } from '../../../kernels/ablation-analysis';
import { mlpFamily } from '../../../kernels/ablation-mlp';
import type { DatasetKind } from '../../../kernels/datasets2d';
import { yieldFrame, type YieldFn } from '../../runtime/loop';
import type { FamilyId } from './settings';

export interface AblationJob {
  family: FamilyId;
  /** The MLP's data set (ignored by the transformer). */
  data: DatasetKind;
  spec: AblationSpec;
}

export interface AblationReport {
  run: RunResult;
  done: number;
  total: number;
  /** Where the transformer's tfjs ran (e.g. 'wasm'); null for the MLP (plain typed arrays). */
  backend: string | null;
  /**
   * The analysis of every run so far, computed where the runs are (in the worker, so the page's main thread
   * only draws it).
   */
  analysis: AblationAnalysis;
}

export interface AblationCompute {
  /** True once jobs run off the main thread. */
  readonly inWorker: boolean;
  /** Runs every arm at every seed, reporting each run as it ends; stopped: rejects with an AbortError. */
  run(job: AblationJob, signal: AbortSignal, report: (r: AblationReport) => void): Promise<void>;
  dispose(): void;
}

/** The family a job names (the transformer's module, with tfjs, loads here on first use). */
export async function familyFor(job: Pick<AblationJob, 'family' | 'data'>): Promise<AblationFamily> {
  if (job.family === 'mlp') return mlpFamily(job.data);
  if (job.family === 'transformer')
    return (await import('../../../kernels/ablation-transformer')).TRANSFORMER_FAMILY;
  throw new Error(`unknown model family "${String(job.family)}"`);
}

export interface LoopOptions {
  yieldFn?: YieldFn;
  budgetMs?: number;
  /** Makes tfjs ready (a backend chosen) before a transformer job; returns the backend's name. */
  ensureTf?: () => Promise<string>;
}

/** Runs a job in this thread, yielding by `yieldFn` every `budgetMs` (defaults: yieldFrame, 10 ms). */
export async function runJob(
  job: AblationJob,
  signal: AbortSignal,
  report: (r: AblationReport) => void,
  options: LoopOptions = {},
): Promise<void> {
  const backend = job.family === 'transformer' && options.ensureTf ? await options.ensureTf() : null;
  const family = await familyFor(job);
  const arms = job.spec.arms.map((a) => ({ name: a.name, changes: a.changes, runs: [] as RunResult[] }));
  await runAblation(family, job.spec, {
    signal,
    yieldFn: options.yieldFn ?? yieldFrame,
    budgetMs: options.budgetMs,
    onRun: (run, done, total) => {
      arms.find((a) => a.name === run.arm)!.runs.push(run);
      const analysis = analyseAblation({
        metric: family.metric,
        arms: arms.filter((a) => a.runs.length > 0),
      });
      report({ run, done, total, backend, analysis });
    },
  });
}

/** The runner in this thread (Node tests; pages without workers). */
export function inlineCompute(options: LoopOptions = {}): AblationCompute {
  return {
    inWorker: false,
    run: (job, signal, report) => runJob(job, signal, report, options),
    dispose() {},
  };
}
