// The √d_k saturation study against a float64 recomputation from the same seeded inputs (1e-4 relative,
// float32 softmax of logits up to ~±90), and against the variance argument: scaled logits have standard
// deviation ≈ 1 whatever d_k, unscaled ones ≈ √d_k, and the unscaled softmax saturates.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SATURATION_DIMS,
  saturationInputs,
  softmaxSaturation,
  type SoftmaxStats,
} from '../../kernels/attention-saturation';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function reference(d: number, queries: number, keys: number, seed: number, scaled: boolean): SoftmaxStats {
  const { q, k } = saturationInputs(d, queries, keys, seed);
  const c = scaled ? 1 / Math.sqrt(d) : 1;
  let entropy = 0;
  let maxWeight = 0;
  let jac = 0;
  const all: number[] = [];
  for (let i = 0; i < queries; i++) {
    const logits = Array.from({ length: keys }, (_, j) => {
      let s = 0;
      for (let t = 0; t < d; t++) s += q[i * d + t]! * k[j * d + t]!;
      return s * c;
    });
    all.push(...logits);
    const m = Math.max(...logits);
    const e = logits.map((x) => Math.exp(x - m));
    const z = e.reduce((a, b) => a + b, 0);
    const p = e.map((x) => x / z);
    entropy -= p.reduce((a, x) => a + (x > 0 ? x * Math.log(x) : 0), 0);
    maxWeight += Math.max(...p);
    // ‖diag(p) − ppᵀ‖_F entry by entry (not the closed form the kernel uses).
    let f = 0;
    for (let a = 0; a < keys; a++)
      for (let b = 0; b < keys; b++) f += ((a === b ? p[a]! : 0) - p[a]! * p[b]!) ** 2;
    jac += Math.sqrt(f);
  }
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  const std = Math.sqrt(all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length);
  return {
    entropy: entropy / queries,
    maxWeight: maxWeight / queries,
    logitStd: std,
    jacobianNorm: jac / queries,
  };
}

describe('softmaxSaturation', () => {
  const rows = softmaxSaturation({ dims: DEFAULT_SATURATION_DIMS, queries: 128, keys: 16, seed: 5 });

  it('matches a float64 recomputation from the same inputs (1e-4 relative)', () => {
    for (const row of rows) {
      for (const scaled of [true, false]) {
        const ref = reference(row.dK, 128, 16, 5, scaled);
        const got = scaled ? row.scaled : row.unscaled;
        for (const key of ['entropy', 'maxWeight', 'logitStd', 'jacobianNorm'] as const) {
          expect(
            Math.abs(got[key] - ref[key]) / Math.max(1e-3, Math.abs(ref[key])),
            `${key} at d=${row.dK}`,
          ).toBeLessThan(1e-4);
        }
      }
    }
  });

  it('keeps scaled logits at unit standard deviation while unscaled ones grow like √d_k', () => {
    for (const row of rows) {
      // 16 keys × 128 queries: the sample standard deviation stays within ±30% of the population's.
      expect(row.scaled.logitStd).toBeGreaterThan(0.7);
      expect(row.scaled.logitStd).toBeLessThan(1.3);
      expect(row.unscaled.logitStd / Math.sqrt(row.dK)).toBeGreaterThan(0.7);
      expect(row.unscaled.logitStd / Math.sqrt(row.dK)).toBeLessThan(1.3);
    }
  });

  it('shows the unscaled softmax saturating (entropy → 0, top weight → 1, Jacobian → 0) and the scaled one not', () => {
    const last = rows.at(-1)!;
    expect(last.dK).toBe(512);
    expect(last.unscaled.maxWeight).toBeGreaterThan(0.9);
    expect(last.unscaled.entropy).toBeLessThan(0.3);
    expect(last.unscaled.jacobianNorm).toBeLessThan(last.scaled.jacobianNorm / 3);
    for (const row of rows) {
      expect(row.scaled.entropy).toBeGreaterThan(1.5); // log 16 = 2.77 is uniform
      expect(row.scaled.maxWeight).toBeLessThan(0.5);
    }
    // Unscaled entropy falls as d_k grows (checked every factor of 4 to stay clear of sampling noise).
    for (let i = 2; i < rows.length; i += 2)
      expect(rows[i]!.unscaled.entropy).toBeLessThan(rows[i - 2]!.unscaled.entropy);
  });

  it('is reproducible from its seed, leaks nothing and checks its arguments', async () => {
    const again = await expectNoTensorLeak(tf, () =>
      softmaxSaturation({ dims: [8, 64], queries: 128, keys: 16, seed: 5 }),
    );
    expect(again).toEqual([rows[2], rows[5]]);
    expect(() => softmaxSaturation({ dims: [0], seed: 1 })).toThrow(
      'each of dims must be an integer from 1 to 4096, got 0',
    );
    expect(() => softmaxSaturation({ dims: [], seed: 1 })).toThrow(
      'dims must be a list of 1 to 64 dimensions',
    );
    expect(() => softmaxSaturation({ dims: [4], keys: 1, seed: 1 })).toThrow(
      'keys must be an integer from 2 to 1024, got 1',
    );
    expect(() => softmaxSaturation({ dims: [4], seed: NaN })).toThrow('seed must be a finite number');
  });
});
