// In real headless Chromium: the attention kernels and the transformer's forward pass on WebGL agree with
// the CPU backend (1e-4: WebGL computes in float32, with its own exp and reductions), and with the float64
// JavaScript path; every call leaves no tensor behind.
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  multiHeadAttention,
  scaledDotProductAttention,
  scaledDotProductAttentionAsync,
} from '../../kernels/attention';
import { attentionFloat64 } from '../../kernels/attention-js';
import { softmaxSaturationAsync } from '../../kernels/attention-saturation';
import { TinyTransformer } from '../../kernels/transformer/model';
import { ComputeRuntime } from '../../src/runtime/compute';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';
import { createRng } from '../../src/runtime/rng';
import type { Tf } from '../../src/runtime/tf-host';
import { switchBackend } from './webgl-vs-cpu';

const matrix = (rows: number, cols: number, seed: number) => {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
};
const worst = (a: number[][], b: number[][]) =>
  Math.max(...a.flatMap((row, i) => row.map((x, j) => Math.abs(x - b[i]![j]!))));

let tf: Tf;
beforeAll(async () => {
  const runtime = new ComputeRuntime('webgl');
  tf = await runtime.ensure();
  expect(runtime.state.backend).toBe('webgl');
  expect(tf.getBackend()).toBe('webgl');
});
afterAll(async () => {
  await switchBackend(tf, 'cpu');
});

async function onBoth<T>(fn: () => T | Promise<T>): Promise<{ webgl: T; cpu: T }> {
  await switchBackend(tf, 'webgl');
  const webgl = await expectNoTensorLeak(tf, fn);
  await switchBackend(tf, 'cpu');
  const cpu = await expectNoTensorLeak(tf, fn);
  return { webgl, cpu };
}

describe('attention on WebGL', () => {
  const q = matrix(6, 8, 1);
  const k = matrix(9, 8, 2);
  const v = matrix(9, 5, 3);
  const mask = q.map((_, i) => k.map((_, j) => (i * 7 + j) % 4 !== 1));
  const cases = [{}, { scale: false }, { causal: true, temperature: 0.4 }, { mask, temperature: 2 }];

  for (const opts of cases) {
    it(`agrees with the CPU backend and the float64 path (1e-4): ${JSON.stringify(opts).slice(0, 40)}`, async () => {
      const { webgl, cpu } = await onBoth(() => scaledDotProductAttention(q, k, v, opts));
      const js = attentionFloat64(q, k, v, opts);
      for (const key of ['scores', 'weights', 'output'] as const) {
        expect(worst(webgl[key], cpu[key]), key).toBeLessThan(1e-4);
        expect(worst(webgl[key], js[key]), key).toBeLessThan(1e-4);
      }
      webgl.weights.forEach((row, i) =>
        row.forEach((w, j) => {
          if ((opts as { mask?: boolean[][] }).mask?.[i]![j] === false) expect(w).toBe(0);
        }),
      );
      expect(Math.max(...js.weights.flat())).toBeGreaterThan(0.2); // not a flat, trivial case
    });
  }

  it('reads back asynchronously with the same numbers', async () => {
    await switchBackend(tf, 'webgl');
    const a = await expectNoTensorLeak(tf, () => scaledDotProductAttentionAsync(q, k, v, { causal: true }));
    const b = scaledDotProductAttention(q, k, v, { causal: true });
    expect(a).toEqual(b);
  });

  it('multi-head attention agrees with the CPU backend (1e-4) for every head', async () => {
    const x = matrix(7, 12, 4);
    const params = {
      wq: matrix(12, 12, 5),
      wk: matrix(12, 12, 6),
      wv: matrix(12, 8, 7),
      wo: matrix(8, 12, 8),
    };
    const { webgl, cpu } = await onBoth(() => multiHeadAttention(x, x, params, { heads: 4, causal: true }));
    webgl.heads.forEach((h, i) => expect(worst(h.weights, cpu.heads[i]!.weights)).toBeLessThan(1e-4));
    expect(worst(webgl.output, cpu.output)).toBeLessThan(
      1e-4 * Math.max(1, ...cpu.output.flat().map(Math.abs)),
    );
  });

  it('the saturation statistics agree with the CPU backend (1e-3 relative)', async () => {
    const opts = { dims: [4, 64, 512], queries: 64, keys: 16, seed: 2 };
    const { webgl, cpu } = await onBoth(() => softmaxSaturationAsync(opts));
    webgl.forEach((row, i) => {
      for (const side of ['scaled', 'unscaled'] as const)
        for (const [key, value] of Object.entries(row[side]))
          expect(
            Math.abs(value - cpu[i]![side][key as 'entropy']) / Math.max(0.01, Math.abs(value)),
            `${key}`,
          ).toBeLessThan(1e-3);
    });
  });

  it("the transformer's forward pass agrees with the CPU backend (1e-4 relative)", async () => {
    const config = {
      vocabSize: 11,
      maxLength: 10,
      dModel: 32,
      heads: 2,
      layers: 2,
      ffMultiplier: 2,
      seed: 3,
    };
    const tokens = [[3, 1, 4, 1, 5, 10, 5, 1, 4, 1]];
    const forward = () => {
      const model = new TinyTransformer(config);
      try {
        return tf.tidy(() => model.forward(tf.tensor2d(tokens, [1, 10], 'int32')).logits.arraySync()[0]!);
      } finally {
        model.dispose();
      }
    };
    const { webgl, cpu } = await onBoth(forward);
    const scale = Math.max(...cpu.flat().map(Math.abs));
    expect(scale).toBeGreaterThan(0.1);
    expect(worst(webgl, cpu)).toBeLessThan(1e-4 * Math.max(1, scale));
  });
});
