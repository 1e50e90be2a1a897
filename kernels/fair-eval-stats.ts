// The statistics of question 9's fair comparison, from per-example results (fair-eval.ts runs) to plain
// records: each model's accuracy with a bootstrap CI, the paired difference with its CI, the paired
// permutation test and McNemar on the same test set; the spread over seeds (how often the ranking flips, a
// Welch interval, the seeds a t-test would need); CI width against test-set size; and the equal-tuning-budget
// trap. Everything seeded; recomputed in well under 100 ms at the defaults (scripts/bench-stats.ts).
//
// Example: summarizeComparison(results, { level: 0.95, resamples: 2000, seed: 1 }).main.diff.lo
import { accuracyOf } from './fair-eval';
import {
  bootstrapCI,
  discordantCounts,
  mcnemar,
  pairedPermutationTest,
  seedsForPower,
  welchInterval,
  normalQuantile,
} from './stats';

/** Both models' per-example correctness on the test set, trained with one seed. */
export interface SeedResult {
  seed: number;
  a: boolean[];
  b: boolean[];
}

/** One arm's learning-rate sweep: validation accuracy and test correctness at each rate. */
export interface SweepArm {
  validation: number[];
  test: boolean[][];
}

export interface ComparisonResults {
  /** Index 0 is the main comparison; more seeds show the spread. */
  seeds: SeedResult[];
  /** Present once the whole sweep ran. */
  tuning: { lrs: number[]; baselineLr: number; baseline: boolean[]; a: SweepArm; b: SweepArm } | null;
}

export interface StatsOptions {
  level: number;
  resamples: number;
  seed: number;
}

export interface Interval {
  mean: number;
  lo: number;
  hi: number;
}

export interface ComparisonSummary {
  main: {
    n: number;
    accA: Interval;
    accB: Interval;
    /** accuracy(B) − accuracy(A), bootstrapped over examples (paired). */
    diff: Interval;
    permutationP: number;
    exact: boolean;
    mcnemarP: number;
    onlyA: number;
    onlyB: number;
  };
  seeds: {
    accA: number[];
    accB: number[];
    winsA: number;
    winsB: number;
    ties: number;
    /** Welch interval of mean accuracy(B) − mean accuracy(A) over seeds (in accuracy units). */
    welch: { diff: number; lo: number; hi: number; df: number };
    /** Paired sign-flip test over seeds (seed i of A against seed i of B). */
    pairedP: number;
    /** Runs per arm a two-sample t-test needs for 80% power at the observed gap and spread (null: no gap). */
    seedsNeeded: number | null;
  } | null;
  sizes: { m: number; width: number; normalWidth: number }[];
  tuning: {
    baselineLr: number;
    untunedA: number;
    tunedA: number;
    tunedB: number;
    bestLrA: number;
    bestLrB: number;
    /** B tuned against A untuned, then against A given the same sweep. */
    unfair: { gap: number; p: number };
    fair: { gap: number; p: number };
  } | null;
}

const SIZE_STEPS = [25, 50, 100, 200, 400, 800, 1600, 3200, 6400];

function differences(a: readonly boolean[], b: readonly boolean[]): number[] {
  return b.map((x, i) => (x ? 1 : 0) - (a[i] ? 1 : 0));
}

function asNumbers(c: readonly boolean[]): number[] {
  return c.map((x) => (x ? 1 : 0));
}

function sd(values: readonly number[]): number {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** The main comparison on one test set: bootstrap CIs, the paired permutation test and McNemar. */
export function summarizeMain(first: SeedResult, o: StatsOptions): ComparisonSummary['main'] {
  const boot = { level: o.level, resamples: o.resamples, seed: o.seed };
  const perm = pairedPermutationTest(asNumbers(first.b), asNumbers(first.a), {
    resamples: o.resamples,
    seed: o.seed,
  });
  const disc = discordantCounts(first.a, first.b);
  return {
    n: first.a.length,
    accA: bootstrapCI(asNumbers(first.a), boot),
    accB: bootstrapCI(asNumbers(first.b), { ...boot, seed: o.seed + 1 }),
    diff: bootstrapCI(differences(first.a, first.b), { ...boot, seed: o.seed + 2 }),
    permutationP: perm.p,
    exact: perm.exact,
    mcnemarP: mcnemar(first.a, first.b).p,
    onlyA: disc.onlyA,
    onlyB: disc.onlyB,
  };
}

/** The spread over seeds: wins, a Welch interval, a paired test over seeds and the seeds needed (≥ 2 seeds). */
export function summarizeSeeds(seeds: readonly SeedResult[], o: StatsOptions): ComparisonSummary['seeds'] {
  if (seeds.length < 2) return null;
  const accA = seeds.map((s) => accuracyOf(s.a));
  const accB = seeds.map((s) => accuracyOf(s.b));
  const gaps = accB.map((b, i) => b - accA[i]!);
  const pooled = Math.sqrt((sd(accA) ** 2 + sd(accB) ** 2) / 2);
  const gap = gaps.reduce((s, v) => s + v, 0) / gaps.length;
  let seedsNeeded: number | null = null;
  if (gap !== 0 && pooled > 0) {
    try {
      seedsNeeded = seedsForPower({ delta: gap, sd: pooled, alpha: 1 - o.level, power: 0.8 });
    } catch {
      seedsNeeded = null; // beyond 10⁸ runs: no usable gap
    }
  }
  return {
    accA,
    accB,
    winsA: gaps.filter((g) => g < 0).length,
    winsB: gaps.filter((g) => g > 0).length,
    ties: gaps.filter((g) => g === 0).length,
    welch: welchInterval(accB, accA, { level: o.level }),
    pairedP: pairedPermutationTest(accB, accA, { resamples: o.resamples, seed: o.seed }).p,
    seedsNeeded,
  };
}

/** CI width of the paired difference on the first m test examples, against the normal theory 2·z·sd/√m. */
export function summarizeSizes(first: SeedResult, o: StatsOptions): ComparisonSummary['sizes'] {
  const d = differences(first.a, first.b);
  const z = normalQuantile(1 - (1 - o.level) / 2);
  return [...SIZE_STEPS.filter((m) => m < d.length), d.length]
    .filter((m) => m >= 2)
    .map((m) => {
      const part = d.slice(0, m);
      const resamples = Math.min(o.resamples, 500);
      const ci = bootstrapCI(part, { level: o.level, resamples, seed: o.seed + m });
      return { m, width: ci.hi - ci.lo, normalWidth: (2 * z * sd(part)) / Math.sqrt(m) };
    });
}

/** The equal-tuning-budget trap: B tuned on validation against A untuned, then against A tuned the same way. */
export function summarizeTuning(t: NonNullable<ComparisonResults['tuning']>): ComparisonSummary['tuning'] {
  const ia = argmax(t.a.validation);
  const ib = argmax(t.b.validation);
  const tunedA = t.a.test[ia]!;
  const tunedB = t.b.test[ib]!;
  const untunedA = accuracyOf(t.baseline);
  return {
    baselineLr: t.baselineLr,
    untunedA,
    tunedA: accuracyOf(tunedA),
    tunedB: accuracyOf(tunedB),
    bestLrA: t.lrs[ia]!,
    bestLrB: t.lrs[ib]!,
    unfair: { gap: accuracyOf(tunedB) - untunedA, p: mcnemar(t.baseline, tunedB).p },
    fair: { gap: accuracyOf(tunedB) - accuracyOf(tunedA), p: mcnemar(tunedA, tunedB).p },
  };
}

/** The whole summary in one call; throws (naming it) on results of different lengths or a bad level. */
export function summarizeComparison(r: ComparisonResults, o: StatsOptions): ComparisonSummary {
  const first = r.seeds[0];
  if (!first) throw new Error('results need at least one seed');
  return {
    main: summarizeMain(first, o),
    seeds: summarizeSeeds(r.seeds, o),
    sizes: summarizeSizes(first, o),
    tuning: r.tuning ? summarizeTuning(r.tuning) : null,
  };
}
