// Batch and layer normalization (CPU backend, float32) against a plain-JavaScript float64 reference (1e-5),
// hand-worked cases, the running statistics and eval mode, the spread of batch statistics against its closed
// form σ/√B, input validation and no tensor leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import {
  batchNorm,
  batchStatisticsSpread,
  layerNorm,
  type BatchNormOptions,
} from '../../kernels/normalization';
import { standardize, standardizeGroups } from '../../kernels/norm-ops';
import { createRng } from '../../src/runtime/rng';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Float64 reference: statistics over `axis` ('batch' = per column, 'layer' = per row), then γ, β. */
function reference(
  x: number[][],
  over: 'batch' | 'layer',
  { eps = 1e-5, gamma, beta }: { eps?: number; gamma?: number[]; beta?: number[] } = {},
) {
  const rows = x.length;
  const cols = x[0]!.length;
  const n = over === 'batch' ? cols : rows;
  const slice = (k: number) => (over === 'batch' ? x.map((r) => r[k]!) : x[k]!);
  const mean = Array.from({ length: n }, (_, k) => slice(k).reduce((a, b) => a + b, 0) / slice(k).length);
  const variance = Array.from(
    { length: n },
    (_, k) => slice(k).reduce((a, b) => a + (b - mean[k]!) ** 2, 0) / slice(k).length,
  );
  const output = x.map((r, i) =>
    r.map((v, j) => {
      const k = over === 'batch' ? j : i;
      return (gamma?.[j] ?? 1) * ((v - mean[k]!) / Math.sqrt(variance[k]! + eps)) + (beta?.[j] ?? 0);
    }),
  );
  return { output, mean, variance };
}

function randomMatrix(rows: number, cols: number, seed: number): number[][] {
  const rng = createRng(seed);
  const scale = Array.from({ length: cols }, () => 0.5 + 3 * rng.uniform());
  const shift = Array.from({ length: cols }, () => 4 * rng.normal());
  return Array.from({ length: rows }, () => scale.map((s, j) => shift[j]! + s * rng.normal()));
}

function expectClose(got: number[][], want: number[][], tol: number, what: string) {
  const g = got.flat();
  const w = want.flat();
  expect(g).toHaveLength(w.length);
  let worst = 0;
  g.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - w[i]!))));
  expect(worst, what).toBeLessThan(tol);
}

describe('batchNorm and layerNorm against the float64 reference', () => {
  const shapes: [number, number][] = [
    [2, 3],
    [6, 5],
    [32, 16],
    [256, 8],
    [3, 64],
  ];
  for (const [rows, cols] of shapes) {
    it(`${rows}×${cols}, with γ, β and eps: outputs within 1e-5, statistics within 1e-5 relative`, async () => {
      const x = randomMatrix(rows, cols, rows * 100 + cols);
      const rng = createRng(cols);
      const gamma = Array.from({ length: cols }, () => 0.5 + rng.uniform());
      const beta = Array.from({ length: cols }, () => rng.normal());
      for (const eps of [1e-5, 1e-3]) {
        const bn = await batchNorm(x, { eps, gamma, beta });
        const bnRef = reference(x, 'batch', { eps, gamma, beta });
        expectClose(bn.output, bnRef.output, 1e-5, 'batch norm output');
        bn.mean.forEach((m, j) =>
          expect(Math.abs(m - bnRef.mean[j]!)).toBeLessThan(1e-5 * (1 + Math.abs(m))),
        );
        bn.variance.forEach((v, j) => expect(Math.abs(v / bnRef.variance[j]! - 1)).toBeLessThan(1e-5));
        const ln = await layerNorm(x, { eps, gamma, beta });
        const lnRef = reference(x, 'layer', { eps, gamma, beta });
        expectClose(ln.output, lnRef.output, 1e-5, 'layer norm output');
        expect(ln.mean).toHaveLength(rows);
        ln.mean.forEach((m, i) =>
          expect(Math.abs(m - lnRef.mean[i]!)).toBeLessThan(1e-5 * (1 + Math.abs(m))),
        );
        ln.variance.forEach((v, i) => expect(Math.abs(v / lnRef.variance[i]! - 1)).toBeLessThan(1e-5));
      }
    });
  }

  it('a hand-worked layer norm: rows [1,2,3] and [4,6,8] have means 2, 6 and variances 2/3, 8/3', async () => {
    const { output, mean, variance } = await layerNorm([
      [1, 2, 3],
      [4, 6, 8],
    ]);
    expect(mean).toEqual([2, 6]);
    expect(variance[0]).toBeCloseTo(2 / 3, 6);
    expect(variance[1]).toBeCloseTo(8 / 3, 6);
    // Both rows standardize to (−√1.5, 0, √1.5), less the tiny eps.
    expect(output[0]![0]).toBeCloseTo(-Math.sqrt(1.5), 4);
    expect(output[1]![2]).toBeCloseTo(Math.sqrt(1.5), 4);
  });

  it('layer norm of a row does not depend on the other rows; batch norm does', async () => {
    const x = randomMatrix(8, 6, 3);
    const alone = await layerNorm([x[2]!]);
    expectClose(alone.output, [(await layerNorm(x)).output[2]!], 1e-6, 'layer norm row');
    const shifted = x.map((r, i) => (i === 0 ? r.map((v) => v + 10) : r));
    const bnA = await batchNorm(x);
    const bnB = await batchNorm(shifted);
    expect(Math.abs(bnA.output[2]![0]! - bnB.output[2]![0]!)).toBeGreaterThan(0.1);
  });

  it('batch norm of a single example outputs β (the example is its own mean)', async () => {
    const { output } = await batchNorm([[3, -1, 7]], { beta: [0.5, 1, -2] });
    expectClose(output, [[0.5, 1, -2]], 1e-6, 'single example');
  });
});

describe('batch norm running statistics and modes', () => {
  it('train mode updates running statistics as (1 − m)·running + m·batch (1e-6)', async () => {
    const x = randomMatrix(16, 4, 9);
    const running = { mean: [0.5, -1, 2, 0], variance: [1, 2, 0.5, 3] };
    const res = await batchNorm(x, { running, momentum: 0.25 });
    const ref = reference(x, 'batch');
    expect(res.mode).toBe('train');
    res.running.mean.forEach((m, j) =>
      expect(Math.abs(m - (0.75 * running.mean[j]! + 0.25 * ref.mean[j]!))).toBeLessThan(1e-5),
    );
    res.running.variance.forEach((v, j) =>
      expect(Math.abs(v - (0.75 * running.variance[j]! + 0.25 * ref.variance[j]!))).toBeLessThan(1e-5),
    );
  });

  it('eval mode normalizes with the running statistics and leaves them as they were', async () => {
    const x = randomMatrix(5, 3, 4);
    const running = { mean: [1, 2, 3], variance: [4, 0.25, 1] };
    const opts: BatchNormOptions = { mode: 'eval', running, gamma: [2, 1, 1], beta: [0, 0, 1], eps: 1e-3 };
    const res = await batchNorm(x, opts);
    const want = x.map((r) =>
      r.map(
        (v, j) =>
          opts.gamma![j]! * ((v - running.mean[j]!) / Math.sqrt(running.variance[j]! + 1e-3)) +
          opts.beta![j]!,
      ),
    );
    expectClose(res.output, want, 1e-5, 'eval output');
    expect(res.mean).toEqual(running.mean);
    expect(res.running).toEqual(running);
  });

  it('train and eval outputs differ while the running statistics lag (a fresh layer), and agree once they match', async () => {
    const x = randomMatrix(64, 4, 5);
    const train = await batchNorm(x);
    const fresh = await batchNorm(x, { mode: 'eval' });
    expect(Math.abs(train.output[0]![0]! - fresh.output[0]![0]!)).toBeGreaterThan(0.1);
    const settled = await batchNorm(x, {
      mode: 'eval',
      running: { mean: train.mean, variance: train.variance },
    });
    expectClose(settled.output, train.output, 1e-5, 'settled');
  });
});

describe('the tensor helpers', () => {
  it('standardizeGroups is batch norm applied to each group of rows on its own (1e-6)', async () => {
    const x = randomMatrix(12, 5, 6);
    const out = tf.tidy(() => standardizeGroups(tf.tensor2d(x), 4, 1e-5));
    const got = (await out.array()) as number[][];
    out.dispose();
    for (let g = 0; g < 3; g++) {
      const part = x.slice(4 * g, 4 * g + 4);
      expectClose(got.slice(4 * g, 4 * g + 4), reference(part, 'batch').output, 1e-5, `group ${g}`);
    }
    expect(() => tf.tidy(() => standardizeGroups(tf.zeros([10, 2]), 4, 1e-5))).toThrow(
      /multiple of the group/,
    );
    expect(tf.tidy(() => standardize(tf.ones([2, 2]), 'layer', 1e-5).xHat.shape)).toEqual([2, 2]);
  });
});

describe('batchStatisticsSpread', () => {
  for (const batchSize of [4, 64]) {
    it(`at batch size ${batchSize}: the batch means spread as σ/√B (10%), variances average σ²(B−1)/B (5%)`, async () => {
      const s = await batchStatisticsSpread({ batchSize, draws: 2000, seed: 1 });
      expect(s.means).toHaveLength(2000);
      const m = s.means.reduce((a, b) => a + b, 0) / s.means.length;
      const sd = Math.sqrt(s.means.reduce((a, b) => a + (b - m) ** 2, 0) / s.means.length);
      expect(Math.abs(sd / Math.sqrt(s.populationVariance / batchSize) - 1)).toBeLessThan(0.1);
      expect(Math.abs(m - s.populationMean)).toBeLessThan(
        4 * Math.sqrt(s.populationVariance / batchSize / 2000),
      );
      const meanVar = s.variances.reduce((a, b) => a + b, 0) / s.variances.length;
      expect(Math.abs(meanVar / ((s.populationVariance * (batchSize - 1)) / batchSize) - 1)).toBeLessThan(
        0.05,
      );
    });
  }

  it('the population is max(0, z), z ~ N(0.5, 1): mean ≈ 0.70, variance ≈ 0.56 (closed form, 3%)', async () => {
    // E[max(0,z)] = μΦ(μ) + φ(μ); E[max(0,z)²] = (μ² + 1)Φ(μ) + μφ(μ), μ = 0.5.
    const [Phi, phi] = [0.6914624612740131, 0.3520653267642995];
    const mean = 0.5 * Phi + phi;
    const second = 1.25 * Phi + 0.5 * phi;
    const s = await batchStatisticsSpread({ batchSize: 2, draws: 1, seed: 3 });
    expect(Math.abs(s.populationMean / mean - 1)).toBeLessThan(0.03);
    expect(Math.abs(s.populationVariance / (second - mean * mean) - 1)).toBeLessThan(0.03);
  });

  it('is reproducible with a seed', async () => {
    const a = await batchStatisticsSpread({ batchSize: 8, draws: 50, seed: 2 });
    expect(await batchStatisticsSpread({ batchSize: 8, draws: 50, seed: 2 })).toEqual(a);
    expect((await batchStatisticsSpread({ batchSize: 8, draws: 50, seed: 3 })).means).not.toEqual(a.means);
  });
});

describe('validation and leaks', () => {
  it('rejects bad input with the argument named', async () => {
    await expect(batchNorm([])).rejects.toThrow(/x must be an array of 1 to 65536 rows/);
    await expect(layerNorm([[]])).rejects.toThrow(/each row of x must be an array of 1 to 4096 numbers/);
    await expect(layerNorm([[1, 2], [3]])).rejects.toThrow(/x must be rectangular: row 1 has 1 entries/);
    await expect(batchNorm([[1, NaN]])).rejects.toThrow(/x\[0\]\[1\] must be a finite number/);
    await expect(batchNorm([[1, 2]], { gamma: [1] })).rejects.toThrow(/gamma must be an array of 2 finite/);
    await expect(layerNorm([[1, 2]], { beta: [1, Infinity] })).rejects.toThrow(/beta must be an array of 2/);
    await expect(layerNorm([[1, 2]], { eps: 0 })).rejects.toThrow(/eps must be in \(0, 1\]/);
    await expect(batchNorm([[1, 2]], { mode: 'test' as never })).rejects.toThrow(
      /mode must be 'train' or 'eval'/,
    );
    await expect(batchNorm([[1, 2]], { momentum: 2 })).rejects.toThrow(/momentum must be in \[0, 1\]/);
    await expect(batchNorm([[1, 2]], { running: { mean: [0, 0], variance: [1, -1] } })).rejects.toThrow(
      /running.variance must be non-negative/,
    );
    await expect(batchStatisticsSpread({ batchSize: 1, draws: 5, seed: 1 })).rejects.toThrow(
      /batchSize must be an integer from 2 to 4096/,
    );
    await expect(batchStatisticsSpread({ batchSize: 4, draws: 0, seed: 1 })).rejects.toThrow(/draws must be/);
  });

  it('leaves no tensors behind', async () => {
    const x = randomMatrix(10, 4, 1);
    await expectNoTensorLeak(tf, async () => {
      await batchNorm(x);
      await batchNorm(x, { mode: 'eval' });
      await layerNorm(x);
      await batchStatisticsSpread({ batchSize: 16, draws: 100, seed: 1 });
      await batchNorm([[1, NaN]]).catch(() => undefined);
    });
  });
});
