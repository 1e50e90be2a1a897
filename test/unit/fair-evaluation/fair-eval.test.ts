// Question 9's runs and statistics: a classifier's per-example verdicts against a float64 forward pass
// written here, a seeded run reproducing exactly and learning the moons, the log-spaced learning rates by
// hand, and the summary's sections on hand-made verdicts (McNemar by hand, the tuning trap's picks and gaps,
// CI widths against the normal-theory width).
import { describe, expect, it } from 'vitest';
import { ClassifierRun, accuracyOf, learningRateGrid, makeSplits } from '../../../kernels/fair-eval';
import {
  summarizeMain,
  summarizeSeeds,
  summarizeSizes,
  summarizeTuning,
} from '../../../kernels/fair-eval-stats';
import { createRng } from '../../../src/runtime/rng';

const small = makeSplits({ kind: 'moons', noise: 0.2, trainSize: 150, testSize: 300, seed: 4 });

/** Logits of an MLP [2, h…, 2] from its flat parameters (W nout × nin row-major, then b), ReLU hidden. */
function referenceLogits(params: Float64Array, widths: number[], x: number[]): number[] {
  let h = x;
  let at = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const [nin, nout] = [widths[l]!, widths[l + 1]!];
    const out: number[] = [];
    for (let j = 0; j < nout; j++) {
      let z = params[at + nin * nout + j]!;
      for (let i = 0; i < nin; i++) z += params[at + j * nin + i]! * h[i]!;
      out.push(l + 2 < widths.length ? Math.max(0, z) : z);
    }
    at += nin * nout + nout;
    h = out;
  }
  return h;
}

describe('ClassifierRun', () => {
  it('learns the moons, reproduces with its seed, and scores each example as a float64 forward pass does', () => {
    const spec = { hidden: [8, 8], lr: 0.02, steps: 200, batch: 32, seed: 3 };
    const run = new ClassifierRun(small.train, spec);
    while (!run.done) run.step();
    const right = run.correct(small.test);
    expect(accuracyOf(right)).toBeGreaterThan(0.85);
    for (let i = 0; i < small.test.n; i++) {
      const z = referenceLogits(
        run.net.params,
        [2, 8, 8, 2],
        [small.test.x[2 * i]!, small.test.x[2 * i + 1]!],
      );
      expect(right[i]).toBe((z[1]! > z[0]! ? 1 : 0) === small.test.y[i]);
    }
    const again = new ClassifierRun(small.train, spec);
    while (!again.done) again.step();
    expect(Array.from(again.net.params)).toEqual(Array.from(run.net.params));
  });
  it('throws on a bad learning rate or width', () => {
    expect(() => new ClassifierRun(small.train, { hidden: [8], lr: 0, steps: 1, batch: 4, seed: 1 })).toThrow(
      /lr/,
    );
    expect(
      () => new ClassifierRun(small.train, { hidden: [0], lr: 0.1, steps: 1, batch: 4, seed: 1 }),
    ).toThrow(/hidden/);
  });
  it('spaces learning rates evenly in log', () => {
    const g = learningRateGrid(3);
    expect(g[0]).toBeCloseTo(0.001, 15);
    expect(g[1]).toBeCloseTo(0.01, 15);
    expect(g[2]).toBeCloseTo(0.1, 15);
  });
});

/** n verdicts: `both` right by both, `onlyA`, `onlyB`, the rest wrong by both (in that order). */
function verdicts(n: number, both: number, onlyA: number, onlyB: number) {
  const a: boolean[] = [];
  const b: boolean[] = [];
  for (let i = 0; i < n; i++) {
    a.push(i < both + onlyA);
    b.push(i < both || (i >= both + onlyA && i < both + onlyA + onlyB));
  }
  return { a, b };
}

const opts = { level: 0.95, resamples: 1000, seed: 2 };

describe('summary sections', () => {
  it('main: accuracies, the paired difference and McNemar on a hand-made table', () => {
    // 60 both right, 2 only A, 8 only B, 30 both wrong: McNemar p = 2·P(X ≤ 2 | Bin(10, ½)) = 2·56/1024.
    const { a, b } = verdicts(100, 60, 2, 8);
    const m = summarizeMain({ seed: 1, a, b }, { ...opts, resamples: 1024 });
    expect(m.accA.mean).toBeCloseTo(0.62, 12);
    expect(m.accB.mean).toBeCloseTo(0.68, 12);
    expect(m.diff.mean).toBeCloseTo(0.06, 12);
    expect([m.onlyA, m.onlyB]).toEqual([2, 8]);
    expect(m.mcnemarP).toBeCloseTo(112 / 1024, 12);
    // Ten non-zero differences: all 1024 sign patterns fit; |sum| ≥ 6 for 2·(1 + 10 + 45)/1024 of them.
    expect(m.exact).toBe(true);
    expect(m.permutationP).toBeCloseTo(112 / 1024, 12);
    expect(m.diff.lo).toBeLessThan(0.06);
    expect(m.diff.hi).toBeGreaterThan(0.06);
  });
  it('seeds: wins counted, the Welch interval in accuracy units, and the seeds needed', () => {
    const mk = (acc: number) => Array.from({ length: 100 }, (_, i) => i < acc * 100);
    const seeds = [0.8, 0.82, 0.84].map((x, i) => ({ seed: i, a: mk(x), b: mk(i === 1 ? 0.81 : x + 0.02) }));
    const s = summarizeSeeds(seeds, opts)!;
    expect([s.winsB, s.winsA, s.ties]).toEqual([2, 1, 0]);
    expect(s.welch.diff).toBeCloseTo((0.82 + 0.81 + 0.86 - 0.8 - 0.82 - 0.84) / 3, 12);
    expect(s.seedsNeeded).toBeGreaterThan(3);
    expect(summarizeSeeds(seeds.slice(0, 1), opts)).toBeNull();
  });
  it('sizes: the bootstrap width follows 2·1.96·sd/√n', () => {
    const rng = createRng(8);
    const a = Array.from({ length: 1600 }, () => rng.uniform() < 0.8);
    const b = Array.from({ length: 1600 }, () => rng.uniform() < 0.85);
    const sizes = summarizeSizes({ seed: 1, a, b }, opts);
    expect(sizes.map((s) => s.m)).toEqual([25, 50, 100, 200, 400, 800, 1600]);
    for (const s of sizes.filter((x) => x.m >= 200))
      expect(Math.abs(s.width / s.normalWidth - 1)).toBeLessThan(0.15);
  });
  it('tuning: each arm keeps its best validation rate; the gap is measured before and after', () => {
    const right = (k: number) => Array.from({ length: 50 }, (_, i) => i < k);
    const t = summarizeTuning({
      lrs: [0.001, 0.01, 0.1],
      baselineLr: 0.002,
      baseline: right(30),
      a: { validation: [0.5, 0.9, 0.7], test: [right(20), right(44), right(35)] },
      b: { validation: [0.6, 0.7, 0.95], test: [right(25), right(38), right(45)] },
    })!;
    expect([t.bestLrA, t.bestLrB]).toEqual([0.01, 0.1]);
    expect(t.unfair.gap).toBeCloseTo((45 - 30) / 50, 12);
    expect(t.fair.gap).toBeCloseTo((45 - 44) / 50, 12);
    // 15 discordant, all for B: p = 2 / 2¹⁵; one discordant: p = 1.
    expect(t.unfair.p).toBeCloseTo(2 / 2 ** 15, 12);
    expect(t.fair.p).toBe(1);
  });
});
