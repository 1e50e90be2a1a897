// Shapley values, LIME and permutation importance (kernels/interpret-shap.ts, interpret-lime.ts) against
// independent references: the closed form on a linear model, a brute-force average over all d! orderings
// written here, efficiency and symmetry on non-linear models, the sampled path against the exact one at 10
// features, and LIME recovering a linear model's weights.
import { describe, expect, it } from 'vitest';
import { kernelShap, kernelShapDetailed, permutationImportance } from '../../../kernels/interpret-shap';
import { lime } from '../../../kernels/interpret-lime';
import { createRng } from '../../../src/runtime/rng';

function randomRows(n: number, d: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
}

/** Shapley by definition: the mean over all orderings of each feature's marginal contribution. */
function bruteShapley(f: (z: number[]) => number, x: number[], bg: number[][]): number[] {
  const d = x.length;
  const v = (S: Set<number>) =>
    bg.reduce((s, b) => s + f(b.map((bv, i) => (S.has(i) ? x[i]! : bv))), 0) / bg.length;
  const perms: number[][] = [];
  const build = (p: number[]) => {
    if (p.length === d) perms.push(p);
    else for (let i = 0; i < d; i++) if (!p.includes(i)) build([...p, i]);
  };
  build([]);
  const phi = new Array<number>(d).fill(0);
  for (const p of perms) {
    const S = new Set<number>();
    for (const i of p) {
      const before = v(S);
      S.add(i);
      phi[i]! += (v(S) - before) / perms.length;
    }
  }
  return phi;
}

const nonlinear = (z: number[]) =>
  Math.tanh(z[0]! * z[1]!) + z[2]! ** 2 - 0.5 * z[3]! * z[0]! + Math.sin(z[4] ?? 0);

describe('kernelShap', () => {
  it('is exact on a linear model: φᵢ = wᵢ(xᵢ − mean of background)', () => {
    const w = [2, -1, 0.5, 0, 3];
    const bg = randomRows(7, 5, 1);
    const x = [1, 2, -1, 4, 0.5];
    const phi = kernelShap((z) => 0.3 + z.reduce((s, v, i) => s + w[i]! * v, 0), x, bg);
    phi.forEach((p, i) => {
      const mean = bg.reduce((s, b) => s + b[i]!, 0) / bg.length;
      expect(p).toBeCloseTo(w[i]! * (x[i]! - mean), 12);
    });
  });

  it('equals the average over all orderings on a non-linear model, and is efficient', () => {
    const bg = randomRows(5, 5, 2);
    const x = [0.8, -1.1, 0.4, 1.5, -0.3];
    const r = kernelShapDetailed(nonlinear, x, bg);
    expect(r.exact).toBe(true);
    expect(r.note).toContain('32 coalitions');
    const ref = bruteShapley(nonlinear, x, bg);
    r.values.forEach((p, i) => expect(p).toBeCloseTo(ref[i]!, 12));
    const meanF = bg.reduce((s, b) => s + nonlinear(b), 0) / bg.length;
    expect(r.values.reduce((s, v) => s + v, 0)).toBeCloseTo(nonlinear(x) - meanF, 12);
  });

  it('gives symmetric features equal values', () => {
    const f = (z: number[]) => z[0]! * z[1]! + Math.exp(z[2]!);
    const bg = [
      [0, 0, 0],
      [1, 1, 0.5],
      [-2, -2, 1],
    ];
    const phi = kernelShap(f, [1.5, 1.5, -1], bg);
    expect(phi[0]!).toBeCloseTo(phi[1]!, 12);
  });

  it('samples beyond 12 features, says so, and at 10 features lands near the exact values', () => {
    const bg = randomRows(6, 10, 3);
    const x = randomRows(1, 10, 4)[0]!;
    const f = (z: number[]) => nonlinear(z) + z[5]! * z[6]! * z[7]! + 0.7 * z[8]! - z[9]!;
    const exact = kernelShapDetailed(f, x, bg);
    const sampled = kernelShapDetailed(f, x, bg, { exactUpTo: 0, permutations: 1000, seed: 5 });
    expect(exact.exact).toBe(true);
    expect(sampled.exact).toBe(false);
    expect(sampled.note).toMatch(/sampled: 1000 permutations/);
    const scale = Math.max(...exact.values.map(Math.abs));
    // Tolerance: 5% of the largest |φ| (measured error about 1.5% at 1000 permutations, seed 5).
    sampled.values.forEach((v, i) => expect(Math.abs(v - exact.values[i]!)).toBeLessThan(0.05 * scale));
    // Each permutation's contributions telescope, so the estimate is efficient exactly.
    const total = (a: number[]) => a.reduce((s, v) => s + v, 0);
    expect(total(sampled.values)).toBeCloseTo(total(exact.values), 10);
    const wide = kernelShapDetailed((z) => z.reduce((s, v) => s + v, 0), new Array(13).fill(1), [
      new Array(13).fill(0),
    ]);
    expect(wide.exact).toBe(false);
    wide.values.forEach((v) => expect(v).toBeCloseTo(1, 12));
  });

  it('refuses mismatched background rows', () => {
    expect(() => kernelShap(nonlinear, [1, 2], [[1]])).toThrow(/background\[0\] must have 2/);
    expect(() => kernelShap(nonlinear, [1, 2], [])).toThrow(/background/);
  });
});

describe('LIME and permutation importance', () => {
  it('LIME recovers a linear model’s weights and fits it perfectly', () => {
    const w = [1.5, -2, 0, 0.25];
    const r = lime((z) => 4 + z.reduce((s, v, i) => s + w[i]! * v, 0), [1, 0, -1, 2], {
      samples: 300,
      seed: 3,
    });
    r.coefficients.forEach((c, i) => expect(c).toBeCloseTo(w[i]!, 4));
    expect(r.intercept).toBeCloseTo(4 + 1.5 + 0.5, 4);
    expect(r.r2).toBeGreaterThan(0.999999);
  });

  it('LIME on a smooth non-linear model approaches its gradient as the neighbourhood shrinks', () => {
    const f = (z: number[]) => Math.sin(z[0]!) + z[1]! ** 2;
    const r = lime(f, [0.4, 1], { samples: 2000, seed: 1, scale: 0.01 });
    expect(r.coefficients[0]!).toBeCloseTo(Math.cos(0.4), 3);
    expect(r.coefficients[1]!).toBeCloseTo(2, 3);
  });

  it('permutation importance: 2·w²·var for a used feature, 0 for an unused one', () => {
    const X = randomRows(2000, 2, 9);
    const y = X.map((r) => 3 * r[0]!);
    const imp = permutationImportance((z) => 3 * z[0]!, X, y, { repeats: 3, seed: 1 });
    expect(imp[0]!).toBeGreaterThan(18 * 0.9);
    expect(imp[0]!).toBeLessThan(18 * 1.1);
    expect(imp[1]).toBe(0);
  });
});
