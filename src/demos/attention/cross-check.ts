// Run's check: the tfjs kernel on the page's backend against the float64 live path, on the cell's current
// Q, K, V (every head), and how long each takes per call. The answer says which path is faster and why the
// live view uses the plain-JavaScript one.
import type * as Kernels from '../../../kernels/attention';
import { attentionFloat64 } from '../../../kernels/attention-js';
import { throwIfAborted } from '../../runtime/abort';
import { yieldFrame } from '../../runtime/loop';
import type { AttentionInputs, AttentionSettings } from './attention-state';

export interface CrossCheck {
  backend: string;
  /** Largest |weight or output difference| between tfjs (float32) and float64, over all heads. */
  maxDifference: number;
  /** Median time of one attention call (all heads) on each path, ms. */
  tfjsMs: number;
  jsMs: number;
  text: string;
}

/**
 * Median time of one call, timing batches of calls (a single float64 call takes microseconds, below the
 * browser's timer resolution) for about `budgetMs`.
 */
async function perCallMs(run: () => unknown, budgetMs: number): Promise<number> {
  let sink = 0; // used below, so the optimiser cannot drop the work being timed
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) {
      const r = run();
      sink += typeof r === 'number' ? r : r instanceof Promise ? (await r, 1) : 0;
    }
    if (performance.now() - t0 >= 2 || batch >= 1 << 16) break;
    batch *= 4;
  }
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (samples.length < 3 || (performance.now() < end && samples.length < 200)) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) {
      const r = run();
      sink += typeof r === 'number' ? r : r instanceof Promise ? (await r, 1) : 0;
    }
    samples.push((performance.now() - t0) / batch);
  }
  samples.sort((a, b) => a - b);
  if (!Number.isFinite(sink)) throw new Error('timing produced a non-finite checksum');
  return samples[samples.length >> 1]!;
}

export async function crossCheck(
  kernels: typeof Kernels,
  inputs: AttentionInputs,
  settings: AttentionSettings,
  backend: string,
  signal: AbortSignal,
): Promise<CrossCheck> {
  const heads = inputs.q.map((q, h) => ({ q, k: inputs.k[h]!, v: inputs.v[h]! }));
  let maxDifference = 0;
  for (const { q, k, v } of heads) {
    const a = await kernels.scaledDotProductAttentionAsync(q, k, v, settings);
    const b = attentionFloat64(q, k, v, settings);
    for (const key of ['weights', 'output'] as const)
      a[key].forEach((row, i) =>
        row.forEach((x, j) => (maxDifference = Math.max(maxDifference, Math.abs(x - b[key][i]![j]!)))),
      );
  }
  await yieldFrame();
  throwIfAborted(signal);
  // tfjs awaits its results (the page keeps painting); the float64 path runs ~40 ms of batches.
  const tfjsMs = await perCallMs(
    () => Promise.all(heads.map((x) => kernels.scaledDotProductAttentionAsync(x.q, x.k, x.v, settings))),
    300,
  );
  await yieldFrame();
  throwIfAborted(signal);
  const jsMs = await perCallMs(
    () => heads.reduce((sum, x) => sum + attentionFloat64(x.q, x.k, x.v, settings).output[0]![0]!, 0),
    40,
  );
  const ratio = tfjsMs / Math.max(jsMs, 1e-4);
  const text =
    `tfjs (${backend}) agrees with the float64 path: largest difference ${maxDifference.toExponential(1)}. ` +
    `One update (${heads.length} head${heads.length > 1 ? 's' : ''}): tfjs ${tfjsMs.toFixed(3)} ms, ` +
    `float64 JavaScript ${jsMs.toFixed(4)} ms (${ratio >= 1 ? `${ratio.toFixed(0)}× faster` : 'slower'}); ` +
    'the live view uses the JavaScript path.';
  return { backend, maxDifference, tfjsMs, jsMs, text };
}
