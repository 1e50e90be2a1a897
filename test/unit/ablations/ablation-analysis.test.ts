// The ablation analysis against hand-worked numbers: Pearson's r from its definition, the paired t interval
// with t(0.975, 2) = 4.302652729911275 (tables), the paired interval narrower than Welch's when the seeds
// correlate and not when they do not, and which conclusion each case's numbers support.
import { describe, expect, it } from 'vitest';
import { analyseAblation, pearson } from '../../../kernels/ablation-analysis';
import type { RunResult } from '../../../kernels/ablation';

const runs = (name: string, values: number[]): RunResult[] =>
  values.map((test, i) => ({ arm: name, seed: i + 1, lr: 0.3, validation: test, test, trials: [] }));

const result = (base: number[], arm: number[]) => ({
  metric: 'test accuracy',
  arms: [
    { name: 'full', changes: [], runs: runs('full', base) },
    { name: 'relu', changes: ['relu'], runs: runs('relu', arm) },
  ],
});

describe('analyseAblation', () => {
  it("computes Pearson's r as the hand-worked case", () => {
    // a − ā = (−1, 0, 1), b − b̄ = (−7/3, −1/3, 8/3): Σ = 5, Σa² = 2, Σb² = 114/9.
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(2 * (114 / 9)), 12);
    expect(pearson([1, 1, 1], [2, 4, 7])).toBeNull();
  });

  it('gives the paired interval by hand, and says 0 is not ruled out', () => {
    const a = analyseAblation(result([0.8, 0.9, 0.7], [0.78, 0.87, 0.69]));
    expect(a.arms[0]!.mean).toBeCloseTo(0.8, 12);
    const c = a.comparisons[0]!;
    expect(c.differences.map((d) => +d.toFixed(12))).toEqual([-0.02, -0.03, -0.01]);
    const half = (4.302652729911275 * 0.01) / Math.sqrt(3); // sd of the differences is 0.01
    expect(c.paired!.lo).toBeCloseTo(-0.02 - half, 9);
    expect(c.paired!.hi).toBeCloseTo(-0.02 + half, 9);
    expect(c.conclusion).toMatch(/^Not shown/);
    expect(c.conclusion).toContain('includes 0');
    expect(c.caveat).toContain('useless');
    // The seeds correlate strongly, so pairing narrows the interval.
    expect(c.correlation!).toBeGreaterThan(0.9);
    expect(c.unpaired!.hi - c.unpaired!.lo).toBeGreaterThan(5 * (c.paired!.hi - c.paired!.lo));
    expect(c.pairing).toMatch(/^Pairing by seed helped/);
    // 2³ sign patterns; only the observed one and its mirror are as extreme: p = 2/8.
    expect(c.p).toBeCloseTo(0.25, 12);
  });

  it('calls a consistent drop supported, and finds no help from pairing when seeds do not correlate', () => {
    const drop = analyseAblation(result([0.9, 0.8, 0.85, 0.95, 0.88], [0.87, 0.78, 0.82, 0.93, 0.85]));
    expect(drop.comparisons[0]!.conclusion).toMatch(
      /^Supported: "relu" against "full" lowers test accuracy by −2\.6/,
    );
    const noise = analyseAblation(result([0.9, 0.8, 0.9, 0.8], [0.8, 0.8, 0.9, 0.9]));
    const c = noise.comparisons[0]!;
    expect(c.correlation).toBeCloseTo(0, 12);
    expect(c.pairing).toMatch(/^Pairing did not help much/);
  });

  it('asks for more seeds when there is one', () => {
    const one = analyseAblation(result([0.9], [0.8]));
    expect(one.arms[0]!.t).toBeNull();
    expect(one.comparisons[0]!.paired).toBeNull();
    expect(one.comparisons[0]!.conclusion).toContain('needs at least two');
  });
});
