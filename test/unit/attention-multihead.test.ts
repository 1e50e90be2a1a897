// Multi-head attention (tfjs and float64) against the reference applied head by head to hand-split
// projections (1e-5 relative for tfjs' float32, 1e-12 for float64), the toy token embeddings, and leaks.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { multiHeadAttention } from '../../kernels/attention';
import { multiHeadAttentionFloat64 } from '../../kernels/attention-js';
import { attentionProjections, tokenEmbedding, tokenize } from '../../kernels/attention-tokens';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';
import { randomMatrix, referenceAttention, referenceMatMul, worstRelative } from './attention-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const x = randomMatrix(6, 8, 21);
const memory = randomMatrix(4, 8, 22);
const params = {
  wq: randomMatrix(8, 12, 23, 0.4),
  wk: randomMatrix(8, 12, 24, 0.4),
  wv: randomMatrix(8, 6, 25, 0.4),
};
const wo = randomMatrix(6, 5, 26, 0.4);

/** The reference: project, cut columns h·w … (h+1)·w − 1 for head h, attend per head, concatenate. */
function referenceMultiHead(
  xq: number[][],
  xkv: number[][],
  heads: number,
  opts: { causal?: boolean; temperature?: number },
) {
  const Q = referenceMatMul(xq, params.wq);
  const K = referenceMatMul(xkv, params.wk);
  const V = referenceMatMul(xkv, params.wv);
  const cut = (m: number[][], h: number, w: number) => m.map((r) => r.slice(h * w, (h + 1) * w));
  const dK = 12 / heads;
  const dV = 6 / heads;
  const perHead = Array.from({ length: heads }, (_, h) =>
    referenceAttention(cut(Q, h, dK), cut(K, h, dK), cut(V, h, dV), opts),
  );
  const concat = xq.map((_, i) => perHead.flatMap((r) => r.output[i]!));
  return { perHead, concat, Q, K, V };
}

describe('multiHeadAttention', () => {
  for (const heads of [1, 2, 3, 6]) {
    for (const opts of [{}, { causal: true, temperature: 0.7 }]) {
      it(`self-attention with ${heads} head(s) ${JSON.stringify(opts)} matches the per-head reference`, async () => {
        const ref = referenceMultiHead(x, x, heads, opts);
        const got = await expectNoTensorLeak(tf, () => multiHeadAttention(x, x, params, { heads, ...opts }));
        const js = multiHeadAttentionFloat64(x, x, params, { heads, ...opts });
        expect(got.heads).toHaveLength(heads);
        expect(js.heads).toHaveLength(heads);
        got.heads.forEach((head, h) => {
          expect(worstRelative(head.weights, ref.perHead[h]!.weights)).toBeLessThan(1e-5);
          expect(worstRelative(head.scores, ref.perHead[h]!.scores)).toBeLessThan(1e-5);
          expect(worstRelative(js.heads[h]!.weights, ref.perHead[h]!.weights)).toBeLessThan(1e-12);
          expect(head.q[0]).toHaveLength(12 / heads);
        });
        expect(worstRelative(got.concat, ref.concat)).toBeLessThan(1e-5);
        expect(worstRelative(got.output, ref.concat)).toBeLessThan(1e-5); // no wo: output = concat
        expect(worstRelative(js.output, ref.concat)).toBeLessThan(1e-12);
      });
    }
  }

  it('cross-attends from 6 queries to 4 keys and applies the output projection', async () => {
    const ref = referenceMultiHead(x, memory, 2, {});
    const got = await expectNoTensorLeak(tf, () =>
      multiHeadAttention(x, memory, { ...params, wo }, { heads: 2 }),
    );
    expect(got.heads[1]!.weights).toHaveLength(6);
    expect(got.heads[1]!.weights[0]).toHaveLength(4);
    expect(worstRelative(got.output, referenceMatMul(ref.concat, wo))).toBeLessThan(1e-5);
    const js = multiHeadAttentionFloat64(x, memory, { ...params, wo }, { heads: 2 });
    expect(worstRelative(js.output, referenceMatMul(ref.concat, wo))).toBeLessThan(1e-12);
  });

  it('names the shapes that do not fit', () => {
    for (const f of [multiHeadAttention, multiHeadAttentionFloat64]) {
      expect(() => f(x, x, params, { heads: 5 })).toThrow(
        'heads (5) must divide the projection widths (wq: 12, wv: 6)',
      );
      expect(() => f(randomMatrix(6, 7, 1), x, params, { heads: 2 })).toThrow(
        /queryInput is 6×7 and wq is 8×12/,
      );
      expect(() => f(x, x, { ...params, wk: randomMatrix(8, 10, 1) }, { heads: 2 })).toThrow(
        /wq is 8×12 and wk is 8×10/,
      );
      expect(() => f(x, x, { ...params, wo: randomMatrix(5, 5, 1) }, { heads: 2 })).toThrow(
        /wv is 8×6 and wo is 5×5/,
      );
      expect(() => f(x, x, params, { heads: 0 })).toThrow(/heads must be an integer from 1 to 64/);
    }
  });
});

describe('the toy tokens and embeddings', () => {
  it('splits words and punctuation, lower-cased', () => {
    expect(tokenize('The cat sat, then slept.')).toEqual({
      tokens: ['the', 'cat', 'sat', ',', 'then', 'slept', '.'],
    });
    expect(tokenize('   ')).toEqual({ error: 'Type at least one word.' });
    expect(tokenize('a b c d e f g h i j k l m')).toEqual({
      error: 'At most 12 tokens (words or punctuation marks); this has 13.',
    });
  });

  it('gives a word the same vector every time, and different words different vectors', () => {
    expect(tokenEmbedding('cat', 8)).toEqual(tokenEmbedding('cat', 8));
    expect(tokenEmbedding('cat', 8)).not.toEqual(tokenEmbedding('mat', 8));
    expect(tokenEmbedding('cat', 8)).toHaveLength(8);
    expect(() => tokenEmbedding('cat', 0)).toThrow('dim must be an integer from 1 to 512, got 0');
  });

  it('draws embeddings and projections with roughly unit and 1/d_model variance', () => {
    const values = Array.from({ length: 400 }, (_, i) => tokenEmbedding(`w${i}`, 8)).flat();
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(variance).toBeGreaterThan(0.85);
    expect(variance).toBeLessThan(1.15);
    const { wq } = attentionProjections(64, 3);
    const w = wq.flat();
    const wVar = w.reduce((a, b) => a + b * b, 0) / w.length;
    expect(wVar * 64).toBeGreaterThan(0.9);
    expect(wVar * 64).toBeLessThan(1.1);
    expect(attentionProjections(8, 3)).toEqual(attentionProjections(8, 3));
  });
});
