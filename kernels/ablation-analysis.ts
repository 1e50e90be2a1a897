// What an ablation's runs say (question 7): per arm the mean with a 95% Student-t interval and a percentile
// bootstrap interval; per arm against the baseline (the first arm) the paired differences seed by seed, their
// t interval, the unpaired (Welch) interval for comparison, the sign-flip permutation p, and the correlation
// of the two arms' per-seed results (pairing narrows the interval only when they correlate); and the
// conclusion the numbers do and do not support, in plain words. Plain data in and out (kernels/stats.ts).
//
// Example: const a = analyseAblation(result); a.comparisons[0].conclusion
import type { AblationResult, RunResult } from './ablation';
import { bootstrapCI, pairedPermutationTest, tInterval, welchInterval } from './stats';

export interface Interval {
  lo: number;
  hi: number;
}

export interface ArmSummary {
  name: string;
  changes: string[];
  n: number;
  mean: number;
  sd: number;
  /** 95% Student-t interval of the mean; null with fewer than two runs. */
  t: Interval | null;
  /** 95% percentile bootstrap interval of the mean (10,000 resamples, seed 0); null with fewer than two runs. */
  bootstrap: Interval | null;
  /** Each seed's test figure, in seed order. */
  values: number[];
  seeds: number[];
  /** The learning rates validation chose, per seed. */
  lrs: number[];
}

export interface Comparison {
  arm: string;
  baseline: string;
  /** The seeds both arms ran (in the baseline's order). */
  seeds: number[];
  /** arm − baseline, seed by seed. */
  differences: number[];
  meanDifference: number;
  /** 95% t interval of the mean paired difference; null with fewer than two pairs. */
  paired: Interval | null;
  /** 95% Welch interval treating the arms as independent samples; null with fewer than two pairs. */
  unpaired: Interval | null;
  /** Pearson correlation of the two arms' per-seed results; null when either does not vary. */
  correlation: number | null;
  /** Two-sided sign-flip permutation p of mean difference 0 (exact for up to 13 seeds); null below 2. */
  p: number | null;
  conclusion: string;
  caveat: string;
  pairing: string;
}

export interface AblationAnalysis {
  metric: string;
  arms: ArmSummary[];
  comparisons: Comparison[];
}

const LEVEL = 0.95;
/** The paired interval must be at least this many times narrower than Welch's to say pairing helped. */
const PAIRING_GAIN = 1.25;

function meanOf(v: readonly number[]): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}

function sdOf(v: readonly number[]): number {
  if (v.length < 2) return NaN;
  const m = meanOf(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
}

/** Pearson's r; null when either side has no spread (or fewer than two pairs). */
export function pearson(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length) throw new Error(`pearson: a and b differ in length (${a.length}, ${b.length})`);
  if (a.length < 2) return null;
  const [ma, mb] = [meanOf(a), meanOf(b)];
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  if (saa === 0 || sbb === 0) return null;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

function summarise(name: string, changes: string[], runs: readonly RunResult[]): ArmSummary {
  const values = runs.map((r) => r.test);
  const two = values.length >= 2;
  const t = two ? tInterval(values, { level: LEVEL }) : null;
  const b = two ? bootstrapCI(values, { level: LEVEL, resamples: 10_000, seed: 0 }) : null;
  return {
    name,
    changes,
    n: values.length,
    mean: values.length ? meanOf(values) : NaN,
    sd: sdOf(values),
    t: t && { lo: t.lo, hi: t.hi },
    bootstrap: b && { lo: b.lo, hi: b.hi },
    values,
    seeds: runs.map((r) => r.seed),
    lrs: runs.map((r) => r.lr),
  };
}

const pct = (v: number) => `${(100 * v).toFixed(1)}`;
const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(1)}`;

function compare(base: ArmSummary, arm: ArmSummary, metric: string, compared: number): Comparison {
  const bySeed = new Map(arm.seeds.map((s, i) => [s, arm.values[i]!]));
  const seeds = base.seeds.filter((s) => bySeed.has(s));
  const a = seeds.map((s) => bySeed.get(s)!);
  const b = seeds.map((s) => base.values[base.seeds.indexOf(s)]!);
  const differences = a.map((x, i) => x - b[i]!);
  const n = differences.length;
  const meanDifference = n ? meanOf(differences) : NaN;
  const two = n >= 2;
  const t = two ? tInterval(differences, { level: LEVEL }) : null;
  const w = two ? welchInterval(a, b, { level: LEVEL }) : null;
  const paired = t && { lo: t.lo, hi: t.hi };
  const unpaired = w && { lo: w.lo, hi: w.hi };
  const correlation = pearson(a, b);
  const p = two ? pairedPermutationTest(a, b, { resamples: 10_000, seed: 0 }).p : null;
  const label = `"${arm.name}" against "${base.name}"`;
  let conclusion: string;
  let caveat: string;
  if (!paired) {
    conclusion = `${label}: ${n} paired seed${n === 1 ? '' : 's'}; an interval needs at least two.`;
    caveat = 'One run per arm says nothing about seed-to-seed variation: run more seeds before concluding.';
  } else if (paired.lo > 0 || paired.hi < 0) {
    const dir = paired.hi < 0 ? 'lowers' : 'raises';
    conclusion =
      `Supported: ${label} ${dir} ${metric} by ${pts(meanDifference)} points on average over ${n} seeds ` +
      `(95% CI of the paired difference ${pts(paired.lo)} to ${pts(paired.hi)}; permutation p = ${p!.toFixed(3)}).`;
    caveat =
      `Not supported: that the effect is as large at other sizes, data or training lengths, or that it ` +
      `works by the mechanism the arm's name suggests.` +
      (compared > 1
        ? ` With ${compared} arms compared to the baseline, about one 95% interval in 20 misses by chance.`
        : '');
  } else {
    const bound = Math.max(Math.abs(paired.lo), Math.abs(paired.hi));
    conclusion =
      `Not shown: ${label} changes ${metric} by ${pts(meanDifference)} points on average over ${n} seeds, ` +
      `and the 95% CI of the paired difference (${pts(paired.lo)} to ${pts(paired.hi)}) includes 0 ` +
      `(permutation p = ${p!.toFixed(3)}).`;
    caveat =
      `Not supported either: that the component is useless. Effects up to about ${pct(bound)} points are ` +
      `still compatible with these runs; more seeds (or a harder setting) would narrow the interval.`;
  }
  let pairing: string;
  if (!paired || !unpaired) pairing = 'Pairing needs at least two seeds run by both arms.';
  else {
    const ratio = (unpaired.hi - unpaired.lo) / Math.max(1e-12, paired.hi - paired.lo);
    const r = correlation === null ? 'undefined (an arm did not vary)' : correlation.toFixed(2);
    pairing =
      ratio >= PAIRING_GAIN
        ? `Pairing by seed helped: the per-seed results correlate (r = ${r}), and the paired interval is ` +
          `${ratio.toFixed(1)}× narrower than treating the arms as independent.`
        : `Pairing did not help much here: r = ${r}, and the paired interval is hardly narrower than the unpaired one ` +
          `(${ratio.toFixed(2)}× as narrow): pairing pays only when seeds that are good for one arm are good for the ` +
          `other.`;
  }
  return {
    arm: arm.name,
    baseline: base.name,
    seeds,
    differences,
    meanDifference,
    paired,
    unpaired,
    correlation,
    p,
    conclusion,
    caveat,
    pairing,
  };
}

/** The summaries, the comparisons with the first arm (the baseline) and their conclusions. */
export function analyseAblation(result: Pick<AblationResult, 'metric' | 'arms'>): AblationAnalysis {
  if (result.arms.length === 0) throw new Error('analyseAblation: no arms');
  const arms = result.arms.map((a) => summarise(a.name, a.changes, a.runs));
  const comparisons = arms.slice(1).map((arm) => compare(arms[0]!, arm, result.metric, arms.length - 1));
  return { metric: result.metric, arms, comparisons };
}
