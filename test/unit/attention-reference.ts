// An independent float64 reference for attention tests, written the textbook way (−∞ on masked logits, a
// log-sum-exp softmax, explicit loops) rather than as the kernels do it. Not a test file itself.
import { createRng } from '../../src/runtime/rng';

export interface ReferenceOptions {
  causal?: boolean;
  scale?: boolean;
  temperature?: number;
  mask?: boolean[][];
}

export function referenceAttention(q: number[][], k: number[][], v: number[][], o: ReferenceOptions = {}) {
  const dK = q[0]!.length;
  const c = ((o.scale ?? true) ? 1 / Math.sqrt(dK) : 1) / (o.temperature ?? 1);
  const scores = q.map((qi) => k.map((kj) => c * qi.reduce((s, x, t) => s + x * kj[t]!, 0)));
  const logits = scores.map((row, i) =>
    row.map((s, j) => ((o.mask && !o.mask[i]![j]) || (o.causal && j > i) ? -Infinity : s)),
  );
  const weights = logits.map((row) => {
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, x) => s + Math.exp(x - m), 0));
    return row.map((x) => Math.exp(x - lse));
  });
  const output = weights.map((w) => v[0]!.map((_, t) => w.reduce((s, wj, j) => s + wj * v[j]![t]!, 0)));
  return { scores, weights, output };
}

export function referenceMatMul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, c) => row.reduce((s, x, t) => s + x * b[t]![c]!, 0)));
}

export function randomMatrix(rows: number, cols: number, seed: number, std = 1): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal() * std));
}

/** Largest |a − b| / max(1, |b|) over two equally shaped matrices (throws on a shape mismatch). */
export function worstRelative(a: number[][], b: number[][]): number {
  if (a.length !== b.length) throw new Error(`row counts differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  a.forEach((row, i) => {
    if (row.length !== b[i]!.length) throw new Error(`row ${i} lengths differ`);
    row.forEach((x, j) => {
      const ref = b[i]![j]!;
      worst = Math.max(worst, Math.abs(x - ref) / Math.max(1, Math.abs(ref)));
    });
  });
  return worst;
}
