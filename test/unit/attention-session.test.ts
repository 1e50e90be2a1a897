// The attention cell's session in Node: every head's weights against the textbook reference
// (test/unit/attention-reference.ts, 1e-12) as settings change, a dragged query against softmax worked out
// by hand from the dot products, edits kept by live settings and dropped by a rebuild, selections clamped
// when the heads change, and Run's measurement on the tfjs CPU backend (float32 against float64 within 1e-4;
// the saturation rows against the variance argument: scaled logits' std ≈ 1, unscaled ≈ √d_k, within 30 %).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../src/ui/kit/settings';
import { AttentionSession } from '../../src/demos/attention/attention-session';
import { buildInputs, type AttentionInputs } from '../../src/demos/attention/attention-state';
import { ATTENTION_SETTINGS, type AttentionValues } from '../../src/demos/attention/settings';
import { referenceAttention, worstRelative } from './attention-reference';

const DEFAULTS = defaults(ATTENTION_SETTINGS);
const withValues = (patch: Partial<AttentionValues>): AttentionValues => ({ ...DEFAULTS, ...patch });

/** Every head of the session against the reference on the session's own Q, K, V. */
function worstAgainstReference(s: AttentionSession): number {
  const { scale, causal, temperature } = s.settings;
  return Math.max(
    ...s.results.flatMap((r, h) => {
      const ref = referenceAttention(s.inputs.q[h]!, s.inputs.k[h]!, s.inputs.v[h]!, {
        scale,
        causal,
        temperature,
      });
      return [worstRelative(r.weights, ref.weights), worstRelative(r.output, ref.output)];
    }),
  );
}

describe('the attention session', () => {
  it("starts from today's defaults: the sentence's Q, K, V, query 2 of head 1, weights as the reference", () => {
    const s = new AttentionSession(DEFAULTS);
    const built = buildInputs('the cat sat on the mat', 2, 3) as AttentionInputs;
    expect(s.inputs).toEqual(built);
    expect([s.selectedQuery, s.selectedHead]).toEqual([1, 0]);
    expect(s.results).toHaveLength(2);
    expect(worstAgainstReference(s)).toBeLessThan(1e-12);
    s.results.forEach((r) =>
      r.weights.forEach((row) => expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 12)),
    );
  });

  it('a dragged query gives the softmax of its dot products with the keys, worked out by hand', () => {
    const s = new AttentionSession(withValues({ temperature: 0.5 }));
    s.selectQuery(2);
    s.moveQuery(1.5, -0.75);
    const q = s.inputs.q[0]![2]!;
    expect([q[0], q[1]]).toEqual([1.5, -0.75]);
    // Only that row of Q changed.
    const before = buildInputs('the cat sat on the mat', 2, 3) as AttentionInputs;
    expect(q.slice(2)).toEqual(before.q[0]![2]!.slice(2));
    expect(s.inputs.q[0]!.filter((_, i) => i !== 2)).toEqual(before.q[0]!.filter((_, i) => i !== 2));
    // w_j = exp(q·k_j / (√d_k T)) / Σ, d_k = 4, T = 0.5.
    const logits = s.inputs.k[0]!.map((k) => k.reduce((sum, x, t) => sum + x * q[t]!, 0) / (2 * 0.5));
    const z = logits.reduce((sum, l) => sum + Math.exp(l), 0);
    const hand = logits.map((l) => Math.exp(l) / z);
    s.results[0]!.weights[2]!.forEach((w, j) => expect(Math.abs(w - hand[j]!)).toBeLessThan(1e-12));
  });

  it('live settings recompute and keep edits; the sentence, heads or seed rebuild and drop them', () => {
    const s = new AttentionSession(DEFAULTS);
    s.edit('k', 2, 0, 9);
    expect(s.inputs.k[0]![2]![0]).toBe(9);
    s.apply(withValues({ causal: true, scale: false, temperature: 2 }), false);
    expect(s.inputs.k[0]![2]![0]).toBe(9);
    expect(worstAgainstReference(s)).toBeLessThan(1e-12);
    expect(s.results[0]!.weights[0]).toEqual([1, 0, 0, 0, 0, 0]); // the first token sees only itself
    s.apply(withValues({ causal: true, scale: false, temperature: 2, seed: 4 }), true);
    expect(s.inputs).toEqual(buildInputs('the cat sat on the mat', 2, 4));
    expect(worstAgainstReference(s)).toBeLessThan(1e-12);
  });

  it('keeps the selected query and head inside a shorter sentence and fewer heads', () => {
    const s = new AttentionSession(withValues({ heads: '4' }));
    s.selectHead(3);
    s.selectQuery(5);
    expect([s.selectedQuery, s.selectedHead]).toEqual([5, 3]);
    expect(s.inputs.q[3]![0]).toHaveLength(2); // d_k = 8 / 4
    s.apply(withValues({ heads: '1', sentence: 'hello there' }), true);
    expect([s.selectedQuery, s.selectedHead]).toEqual([1, 0]);
    expect(s.inputs.q[0]![0]).toHaveLength(8);
    expect(worstAgainstReference(s)).toBeLessThan(1e-12);
    s.selectQuery(99);
    expect(s.selectedQuery).toBe(1);
    // The plane holds every key and query of the head (first two components), and at least ±2.
    const shown = [...s.inputs.k[0]!, ...s.inputs.q[0]!].flatMap((r) => [r[0]!, r[1]!]);
    expect(s.planeRange).toBeGreaterThanOrEqual(2);
    expect(Math.max(...shown.map(Math.abs))).toBeLessThan(s.planeRange);
  });

  it('reset goes back to query 2 of head 1 and drops the measurement', () => {
    const s = new AttentionSession(DEFAULTS);
    s.selectQuery(4);
    s.edit('v', 0, 0, -3);
    s.saturation = [{ dK: 2, scaled: {} as never, unscaled: {} as never }];
    s.reset(DEFAULTS);
    expect([s.selectedQuery, s.selectedHead, s.saturation.length, s.check]).toEqual([1, 0, 0, null]);
    expect(s.inputs).toEqual(buildInputs('the cat sat on the mat', 2, 3));
  });
});

describe("the attention session's measurement (tfjs CPU backend)", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('finds tfjs within 1e-4 of the float64 path and the saturation of the variance argument', async () => {
    const s = new AttentionSession(withValues({ causal: true }));
    const labels: string[] = [];
    await s.measure({
      backend: 'cpu',
      signal: new AbortController().signal,
      progress: (_, label) => labels.push(label),
      dims: [4, 256],
    });
    expect(s.check!.maxDifference).toBeLessThan(1e-4);
    expect(s.check!.text).toContain('tfjs (cpu) agrees with the float64 path');
    expect(s.saturation.map((r) => r.dK)).toEqual([4, 256]);
    // 256 queries × 16 keys, each query shared by its 16 logits: a sample std within 30 % of the true one.
    for (const r of s.saturation) {
      expect(Math.abs(r.scaled.logitStd - 1)).toBeLessThan(0.3);
      expect(Math.abs(r.unscaled.logitStd / Math.sqrt(r.dK) - 1)).toBeLessThan(0.3);
    }
    expect(s.saturation[1]!.unscaled.maxWeight).toBeGreaterThan(0.85);
    expect(labels).toEqual([
      'checking the tfjs kernel',
      'saturation: d_k = 4',
      'saturation: d_k = 256',
      'done',
    ]);
    const m = s.metrics();
    expect(m).toMatchObject({ tokens: 6, heads: 2, backend: 'cpu', largestDk: 256 });
    expect(m['maxWeightUnscaled']).toBe(s.saturation[1]!.unscaled.maxWeight);
    expect(Object.keys(m).slice(0, 3)).toEqual(['maxDifference', 'maxWeightUnscaled', 'maxWeightScaled']);
    expect(new AttentionSession(DEFAULTS).metrics()).toEqual({ tokens: 6, heads: 2 });
  });

  it('stops with an AbortError when its signal fires, keeping the rows it had', async () => {
    const s = new AttentionSession(DEFAULTS);
    const c = new AbortController();
    const p = s.measure({
      backend: 'cpu',
      signal: c.signal,
      dims: [2, 4, 8],
      progress: (_, label) => label === 'saturation: d_k = 4' && c.abort(),
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.saturation.map((r) => r.dK)).toEqual([2, 4]);
  });
});
