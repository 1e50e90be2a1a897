// The attention cell's model without DOM: inputs built from a sentence, per-head attention through the
// float64 path (against the per-head reference), entry edits, and the drag-latency statistics.
import { describe, expect, it } from 'vitest';
import {
  LatencyRecord,
  attendAll,
  buildInputs,
  causalHidden,
  percentiles,
  withEntry,
  type AttentionInputs,
} from '../../src/demos/attention/attention-state';
import { referenceAttention, worstRelative } from './attention-reference';

describe('the attention cell state', () => {
  const built = buildInputs('The cat sat on the mat', 2, 3) as AttentionInputs;

  it('splits Q, K and V into heads of d_model / heads columns, the same word giving the same rows', () => {
    expect(built.tokens).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat']);
    expect(built.q).toHaveLength(2);
    expect(built.q[0]).toHaveLength(6);
    expect(built.q[0]![0]).toHaveLength(4);
    expect(built.k[1]![0]).toEqual(built.k[1]![4]); // "the" twice
    expect(buildInputs('', 2, 3)).toEqual({ error: 'Type at least one word.' });
    expect(buildInputs('a b', 3, 3)).toEqual({ error: 'heads must be one of 1, 2, 4' });
  });

  it('attends per head as the reference does (1e-12), with the settings applied', () => {
    const settings = { scale: false, causal: true, temperature: 0.5 };
    const results = attendAll(built, settings);
    results.forEach((r, h) => {
      const ref = referenceAttention(built.q[h]!, built.k[h]!, built.v[h]!, settings);
      expect(worstRelative(r.weights, ref.weights)).toBeLessThan(1e-12);
      expect(worstRelative(r.output, ref.output)).toBeLessThan(1e-12);
    });
    expect(causalHidden(3, true)).toEqual([
      [false, true, true],
      [false, false, true],
      [false, false, false],
    ]);
    expect(causalHidden(3, false)).toBeNull();
  });

  it('changes exactly one entry of one head on an edit', () => {
    const q = withEntry(built.q, 1, 2, 3, 9);
    expect(q[1]![2]![3]).toBe(9);
    expect(built.q[1]![2]![3]).not.toBe(9); // the original is untouched
    q.forEach((m, h) =>
      m.forEach((r, i) =>
        r.forEach((x, j) => (h === 1 && i === 2 && j === 3 ? 0 : expect(x).toBe(built.q[h]![i]![j]))),
      ),
    );
  });

  it('summarises drag latencies: median, 95th percentile and updates per second', () => {
    expect(percentiles([5, 1, 4, 2, 3])).toEqual({ median: 3, p95: 5 });
    expect(percentiles(Array.from({ length: 100 }, (_, i) => i + 1))).toEqual({ median: 50.5, p95: 95 });
    const rec = new LatencyRecord(3);
    [10, 20, 30, 40].forEach((at, i) => rec.add(i + 1, (i + 1) / 10, at));
    expect(rec.latencies).toEqual([2, 3, 4]); // keeps the last 3
    expect(rec.summary()).toEqual({
      latency: { median: 3, p95: 4 },
      work: { median: 0.3, p95: 0.4 },
      count: 3,
      perSecond: 100,
    });
  });
});
