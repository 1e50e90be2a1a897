// The ablation runner (question 7): a model family, arms (each a named set of component changes), seeds and
// an optional equal tuning budget (the same learning-rate sweep for every arm, the best rate chosen on a
// validation split, the test figure reported). Every run (arm, seed) starts from its own seed, so arms that
// share a seed share the data and, where the shapes agree, the initial weights: the runs are paired by seed,
// and a run's result does not depend on which other arms or seeds were run with it. Plain data in and out;
// the families (ablation-mlp.ts, ablation-transformer.ts) do the training.
//
// Example:
//   const r = await runAblation(MLP_FAMILY, { arms: [{ name: 'full', changes: [] },
//     { name: 'relu', changes: ['relu'] }], seeds: [1, 2, 3], lrs: [0.1, 0.3], steps: 300 });
//   r.arms[1].runs[0].test  // test accuracy of the ReLU arm, seed 1, at the lr its validation chose
import { TimeSlicer, type YieldFn } from '../src/runtime/loop';

/** One component change a family knows (e.g. 'no-pos': the positional encoding removed). */
export interface ComponentChange {
  id: string;
  label: string;
}

export interface AblationArm {
  name: string;
  /** Change ids of the family; none: the full model (the baseline). */
  changes: string[];
}

/** What a family's run reports: the metric (higher is better) on the validation and the test split. */
export interface RunScores {
  validation: number;
  test: number;
}

export interface TrainRequest {
  changes: readonly string[];
  seed: number;
  lr: number;
  steps: number;
  /** Call after every training step: yields in time slices and throws an AbortError when stopped. */
  tick: () => Promise<void>;
}

export interface AblationFamily {
  id: string;
  label: string;
  /** What the runs report, e.g. 'test accuracy'. */
  metric: string;
  changes: readonly ComponentChange[];
  /** The learning rate of a run without a tuning budget. */
  defaultLr: number;
  /** Allowed learning rates, inclusive. */
  lrRange: readonly [number, number];
  maxSteps: number;
  train(request: TrainRequest): Promise<RunScores>;
}

export interface AblationSpec {
  arms: AblationArm[];
  seeds: number[];
  /** The tuning budget: these learning rates for every arm (the best on validation kept); null: defaultLr. */
  lrs: number[] | null;
  steps: number;
}

export interface TrialScore extends RunScores {
  lr: number;
}

export interface RunResult {
  arm: string;
  seed: number;
  /** The learning rate validation chose (the only one without a tuning budget). */
  lr: number;
  validation: number;
  test: number;
  /** Every learning rate tried, with its scores (one entry without a tuning budget). */
  trials: TrialScore[];
}

export interface AblationResult {
  family: string;
  metric: string;
  arms: { name: string; changes: string[]; runs: RunResult[] }[];
  /** Runs finished (fewer than arms × seeds when stopped). */
  completed: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  yieldFn?: YieldFn;
  budgetMs?: number;
  /** After each finished run (arm, seed), with the count done and the total. */
  onRun?: (run: RunResult, done: number, total: number) => void;
}

export const MAX_ARMS = 8;
export const MAX_SEEDS = 30;
export const MAX_LRS = 6;

/** Checks a spec against a family; throws an Error naming the first bad field. */
export function checkAblationSpec(family: AblationFamily, spec: AblationSpec): AblationSpec {
  const known = new Set(family.changes.map((c) => c.id));
  if (!Array.isArray(spec.arms) || spec.arms.length < 1 || spec.arms.length > MAX_ARMS)
    throw new Error(`arms must list 1 to ${MAX_ARMS} arms, got ${spec.arms?.length}`);
  const names = new Set<string>();
  for (const arm of spec.arms) {
    if (typeof arm.name !== 'string' || arm.name.trim() === '') throw new Error('every arm needs a name');
    if (names.has(arm.name)) throw new Error(`arm names must differ; "${arm.name}" appears twice`);
    names.add(arm.name);
    for (const c of arm.changes)
      if (!known.has(c))
        throw new Error(
          `arm "${arm.name}": unknown change "${c}" (${family.id} knows ${[...known].join(', ')})`,
        );
  }
  if (!Array.isArray(spec.seeds) || spec.seeds.length < 1 || spec.seeds.length > MAX_SEEDS)
    throw new Error(`seeds must list 1 to ${MAX_SEEDS} seeds, got ${spec.seeds?.length}`);
  if (spec.seeds.some((s) => !Number.isInteger(s) || s < 0))
    throw new Error(`seeds must be integers ≥ 0, got [${spec.seeds.join(', ')}]`);
  if (new Set(spec.seeds).size !== spec.seeds.length) throw new Error('seeds must differ from each other');
  const [lo, hi] = family.lrRange;
  if (spec.lrs !== null) {
    if (!Array.isArray(spec.lrs) || spec.lrs.length < 1 || spec.lrs.length > MAX_LRS)
      throw new Error(`lrs must list 1 to ${MAX_LRS} learning rates, got ${spec.lrs?.length}`);
    for (const lr of spec.lrs)
      if (!(lr >= lo && lr <= hi)) throw new Error(`each learning rate must be in [${lo}, ${hi}], got ${lr}`);
  }
  if (!Number.isInteger(spec.steps) || spec.steps < 1 || spec.steps > family.maxSteps)
    throw new Error(`steps must be an integer from 1 to ${family.maxSteps}, got ${spec.steps}`);
  return spec;
}

/** The best trial by validation (ties: the one tried first, i.e. the earlier learning rate in the sweep). */
export function chooseTrial(trials: readonly TrialScore[]): TrialScore {
  if (trials.length === 0) throw new Error('chooseTrial: no trials');
  let best = trials[0]!;
  for (const t of trials) if (t.validation > best.validation) best = t;
  return best;
}

/** One arm at one seed, alone: its learning-rate sweep (or the default rate) and the validation's choice. */
export async function runArm(
  family: AblationFamily,
  arm: AblationArm,
  seed: number,
  spec: Pick<AblationSpec, 'lrs' | 'steps'>,
  options: Omit<RunOptions, 'onRun'> = {},
): Promise<RunResult> {
  checkAblationSpec(family, { arms: [arm], seeds: [seed], ...spec });
  const slicer = new TimeSlicer({
    signal: options.signal,
    yieldFn: options.yieldFn,
    budgetMs: options.budgetMs,
  });
  const tick = () => slicer.tick();
  const trials: TrialScore[] = [];
  for (const lr of spec.lrs ?? [family.defaultLr]) {
    const scores = await family.train({ changes: arm.changes, seed, lr, steps: spec.steps, tick });
    trials.push({ lr, validation: scores.validation, test: scores.test });
  }
  const best = chooseTrial(trials);
  return { arm: arm.name, seed, lr: best.lr, validation: best.validation, test: best.test, trials };
}

/**
 * Every arm at every seed, seed by seed (so a stopped run has the same seeds for every arm it reached).
 * Stopped: rejects with an AbortError; the runs finished so far were reported through onRun.
 */
export async function runAblation(
  family: AblationFamily,
  spec: AblationSpec,
  options: RunOptions = {},
): Promise<AblationResult> {
  checkAblationSpec(family, spec);
  const arms = spec.arms.map((a) => ({ name: a.name, changes: a.changes.slice(), runs: [] as RunResult[] }));
  const total = spec.arms.length * spec.seeds.length;
  let completed = 0;
  for (const seed of spec.seeds) {
    for (let i = 0; i < spec.arms.length; i++) {
      const run = await runArm(family, spec.arms[i]!, seed, spec, options);
      arms[i]!.runs.push(run);
      completed++;
      options.onRun?.(run, completed, total);
    }
  }
  return { family: family.id, metric: family.metric, arms, completed };
}
