// The attention cell's model, without DOM: tokens → toy embeddings X → Q, K, V per head (X·W, split by
// columns) → attention per head with the float64 path. Edits and drags change Q, K or V directly; changing
// the sentence, the heads or the seed recomputes them from X. Also the latency record for the drag.
//
// Example: const s = buildInputs('the cat sat', 2, 1); attendAll(s, { scale: true, causal: false, temperature: 1 })
import { attentionFloat64 } from '../../../kernels/attention-js';
import type { AttentionResult } from '../../../kernels/attention-shapes';
import { matMulFloat64 } from '../../../kernels/attention-js';
import { attentionProjections, tokenEmbedding, tokenize } from '../../../kernels/attention-tokens';

export const D_MODEL = 8;
export const HEAD_CHOICES = [1, 2, 4] as const;
export const DEFAULT_SENTENCE = 'the cat sat on the mat';

export interface AttentionInputs {
  tokens: string[];
  /** n × D_MODEL toy embeddings. */
  x: number[][];
  heads: number;
  /** Per head, n × (D_MODEL / heads). */
  q: number[][][];
  k: number[][][];
  v: number[][][];
}

export interface AttentionSettings {
  scale: boolean;
  causal: boolean;
  temperature: number;
}

/** Tokens, embeddings and projected Q, K, V; or the tokenizer's error message. */
export function buildInputs(
  sentence: string,
  heads: number,
  seed: number,
): AttentionInputs | { error: string } {
  const t = tokenize(sentence);
  if ('error' in t) return t;
  if (!(HEAD_CHOICES as readonly number[]).includes(heads))
    return { error: `heads must be one of ${HEAD_CHOICES.join(', ')}` };
  const x = t.tokens.map((tok) => tokenEmbedding(tok, D_MODEL));
  const w = attentionProjections(D_MODEL, seed);
  const width = D_MODEL / heads;
  const split = (m: number[][]) =>
    Array.from({ length: heads }, (_, h) => m.map((row) => row.slice(h * width, (h + 1) * width)));
  return {
    tokens: t.tokens,
    x,
    heads,
    q: split(matMulFloat64(x, w.wq)),
    k: split(matMulFloat64(x, w.wk)),
    v: split(matMulFloat64(x, w.wv)),
  };
}

/** Attention for every head with the float64 path. */
export function attendAll(inputs: AttentionInputs, s: AttentionSettings): AttentionResult[] {
  return inputs.q.map((q, h) =>
    attentionFloat64(q, inputs.k[h]!, inputs.v[h]!, {
      scale: s.scale,
      causal: s.causal,
      temperature: s.temperature,
    }),
  );
}

/** hidden[i][j] for the causal mask (null when there is no mask). */
export function causalHidden(n: number, causal: boolean): boolean[][] | null {
  if (!causal) return null;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j > i));
}

/** A copy of `m` (per head, matrices) with one entry changed. */
export function withEntry(
  m: number[][][],
  head: number,
  row: number,
  col: number,
  value: number,
): number[][][] {
  return m.map((mat, h) =>
    h !== head ? mat : mat.map((r, i) => (i !== row ? r : r.map((x, j) => (j === col ? value : x)))),
  );
}

/** Median and 95th percentile of a list of samples (NaN when empty). */
export function percentiles(samples: readonly number[]): { median: number; p95: number } {
  if (samples.length === 0) return { median: NaN, p95: NaN };
  const s = samples.slice().sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return {
    median: s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2,
    p95: at(0.95),
  };
}

/**
 * What a drag costs, per update: the latency from the input event to the heat map re-rendered (includes any
 * wait before the handler runs), the work (handler start → heat map re-rendered: compute + DOM, which is
 * what bounds the update rate), and when it happened, to give updates per second. Keeps the last
 * `capacity` updates.
 */
export class LatencyRecord {
  readonly latencies: number[] = [];
  readonly work: number[] = [];
  readonly times: number[] = [];
  constructor(private readonly capacity = 500) {}

  add(latencyMs: number, workMs: number, at: number): void {
    this.latencies.push(latencyMs);
    this.work.push(workMs);
    this.times.push(at);
    if (this.latencies.length > this.capacity) {
      this.latencies.shift();
      this.work.shift();
      this.times.shift();
    }
  }

  clear(): void {
    this.latencies.length = 0;
    this.work.length = 0;
    this.times.length = 0;
  }

  /** Latency and work percentiles (ms) and the update rate over the recorded span (per second). */
  summary(): {
    latency: { median: number; p95: number };
    work: { median: number; p95: number };
    count: number;
    perSecond: number;
  } {
    const span = this.times.length > 1 ? this.times.at(-1)! - this.times[0]! : 0;
    return {
      latency: percentiles(this.latencies),
      work: percentiles(this.work),
      count: this.latencies.length,
      perSecond: span > 0 ? ((this.times.length - 1) * 1000) / span : NaN,
    };
  }
}
