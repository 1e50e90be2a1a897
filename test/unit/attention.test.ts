// The attention kernel (tfjs, CPU backend) and its float64 twin against an independent float64 reference.
// Tolerances: tfjs computes in float32, so 1e-5 relative (to max(1, |x|)); the float64 twin, 1e-12.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaledDotProductAttention } from '../../kernels/attention';
import { attentionFloat64 } from '../../kernels/attention-js';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';
import {
  randomMatrix,
  referenceAttention,
  worstRelative,
  type ReferenceOptions,
} from './attention-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const q = randomMatrix(5, 4, 1, 1.5);
const k = randomMatrix(7, 4, 2, 1.5);
const v = randomMatrix(7, 3, 3);
const userMask = Array.from({ length: 5 }, (_, i) =>
  Array.from({ length: 7 }, (_, j) => (i + 2 * j) % 3 !== 0),
);

const cases: [string, ReferenceOptions][] = [
  ['defaults (scaled)', {}],
  ['unscaled', { scale: false }],
  ['causal', { causal: true }],
  ['temperature 0.5', { temperature: 0.5 }],
  ['temperature 3, unscaled, causal', { temperature: 3, scale: false, causal: true }],
  ['a user mask', { mask: userMask }],
  [
    'a user mask and the causal mask',
    { mask: userMask.map((r, i) => r.map((x, j) => x || j === 0 || j === i)), causal: true },
  ],
];

describe('scaledDotProductAttention against a float64 reference', () => {
  for (const [name, opts] of cases) {
    it(`agrees with the reference to 1e-5 (tfjs) and 1e-12 (float64 twin): ${name}`, async () => {
      const ref = referenceAttention(q, k, v, opts);
      const got = await expectNoTensorLeak(tf, () => scaledDotProductAttention(q, k, v, opts));
      const js = attentionFloat64(q, k, v, opts);
      for (const key of ['scores', 'weights', 'output'] as const) {
        expect(worstRelative(got[key], ref[key]), key).toBeLessThan(1e-5);
        expect(worstRelative(js[key], ref[key]), key).toBeLessThan(1e-12);
      }
      // Each row of weights sums to 1; hidden entries are exactly 0, visible ones positive.
      got.weights.forEach((row, i) => {
        expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
        expect(Math.abs(js.weights[i]!.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        row.forEach((w, j) => {
          const hidden = (opts.mask && !opts.mask[i]![j]) || (opts.causal && j > i);
          if (hidden) {
            expect(w).toBe(0);
            expect(js.weights[i]![j]).toBe(0);
          } else expect(w).toBeGreaterThan(0);
        });
      });
    });
  }

  it('divides QKᵀ by √d_k only when scale is on, and by the temperature (hand-worked)', () => {
    const q1 = [[1, 2]];
    const k1 = [
      [3, 4],
      [1, 0],
    ];
    const v1 = [[1], [0]];
    expect(scaledDotProductAttention(q1, k1, v1, { scale: false }).scores[0]).toEqual([11, 1]);
    const scaled = scaledDotProductAttention(q1, k1, v1).scores[0]!;
    expect(scaled[0]).toBeCloseTo(11 / Math.SQRT2, 5);
    const hot = scaledDotProductAttention(q1, k1, v1, { scale: false, temperature: 2 });
    expect(hot.scores[0]![0]).toBeCloseTo(5.5, 5);
    // softmax([5.5, 0.5]) = [1/(1+e^−5), e^−5/(1+e^−5)]; the output is the first weight (v = [1, 0]).
    expect(hot.weights[0]![0]).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
    expect(hot.output[0]![0]).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
  });

  it('puts almost all the weight on a key equal to the query when that key has a large norm', () => {
    const keys = randomMatrix(6, 8, 9);
    keys[3] = keys[3]!.map((x) => x * 10); // ‖k_3‖ ≈ 28
    const query = [keys[3]!.slice()];
    for (const f of [scaledDotProductAttention, attentionFloat64]) {
      const { weights } = f(query, keys, randomMatrix(6, 2, 10));
      expect(weights[0]![3]).toBeGreaterThan(0.999);
    }
  });

  it('tends to a uniform average as the temperature grows and to the argmax as it shrinks', () => {
    const hot = scaledDotProductAttention(q, k, v, { temperature: 1e4 }).weights;
    hot.flat().forEach((w) => expect(w).toBeCloseTo(1 / 7, 3));
    const cold = attentionFloat64(q, k, v, { temperature: 1e-3 }).weights;
    cold.forEach((row) => expect(Math.max(...row)).toBeGreaterThan(0.999));
  });

  it('keeps the causal first row on the first key, whatever the later keys are', () => {
    const changed = k.map((r, j) => (j === 0 ? r : r.map((x) => x + 5)));
    const a = scaledDotProductAttention(q, k, v, { causal: true });
    const b = scaledDotProductAttention(q, changed, v, { causal: true });
    expect(a.weights[0]).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(b.output[0]).toEqual(a.output[0]);
  });
});

describe('attention input checks', () => {
  const both = [scaledDotProductAttention, attentionFloat64];
  const expectBoth = (fn: (f: typeof scaledDotProductAttention) => unknown, message: RegExp | string) => {
    for (const f of both) expect(() => fn(f)).toThrow(message);
  };

  it('names both shapes when q and k have different widths', () => {
    expectBoth(
      (f) => f(randomMatrix(3, 4, 1), randomMatrix(5, 3, 2), randomMatrix(5, 2, 3)),
      /q is 3×4 and k is 5×3/,
    );
  });
  it('names both shapes when k and v have different lengths', () => {
    expectBoth(
      (f) => f(randomMatrix(3, 4, 1), randomMatrix(5, 4, 2), randomMatrix(4, 2, 3)),
      /k is 5×4 and v is 4×2/,
    );
  });
  it('names the expected mask shape', () => {
    expectBoth((f) => f(q, k, v, { mask: [[true]] }), 'mask must be 5×7 (q rows × k rows), got 1×1');
  });
  it('rejects a mask that hides every key from a query (0/0), naming the query', () => {
    const mask = userMask.map((r, i) => (i === 2 ? r.map(() => false) : r));
    expectBoth((f) => f(q, k, v, { mask }), /hides every key from query 2/);
  });
  it('rejects a temperature that is not a positive finite number', () => {
    for (const t of [0, -1, NaN, Infinity])
      expectBoth((f) => f(q, k, v, { temperature: t }), /temperature must be/);
  });
  it('rejects ragged, empty and non-finite matrices, naming the entry', () => {
    expectBoth((f) => f([[1, 2], [3]], k, v), /q must be rectangular/);
    expectBoth((f) => f([], k, v), /q must be a non-empty array/);
    expectBoth(
      (f) =>
        f(
          q,
          k.map((r, j) => (j === 1 ? [r[0]!, NaN, r[2]!, r[3]!] : r)),
          v,
        ),
      /k\[1\]\[1\] must be a finite number/,
    );
  });
  it('leaks no tensors when it throws', async () => {
    await expectNoTensorLeak(tf, () => {
      expect(() => scaledDotProductAttention(q, k, v, { temperature: 0 })).toThrow();
    });
  });
});
