// The same attention as attention.ts in plain float64 JavaScript, with the same checks and messages. For a
// handful of tokens this is far cheaper than a tfjs call (no tensor setup, no backend round trip; see
// scripts/bench-attention.ts), so the cell recomputes with it on every pointer move while the query is
// dragged; the tfjs kernel is checked against it on Run.
//
// Example: attentionFloat64([[1, 0]], [[1, 0], [0, 1]], [[1], [2]]).weights  // [[0.67, 0.33]]
import {
  planAttention,
  planMultiHead,
  scoreDivisor,
  visibility,
  type AttentionOptions,
  type AttentionResult,
  type HeadResult,
  type MultiHeadParams,
  type MultiHeadResult,
} from './attention-shapes';

/** softmax(QKᵀ / divisor, masked) · V in float64. */
function attend(
  q: number[][],
  k: number[][],
  v: number[][],
  divisor: number,
  visible: boolean[][],
): AttentionResult {
  const nK = k.length;
  const dV = v[0]!.length;
  const scores: number[][] = [];
  const weights: number[][] = [];
  const output: number[][] = [];
  for (let i = 0; i < q.length; i++) {
    const qi = q[i]!;
    const s = new Array<number>(nK);
    let max = -Infinity;
    for (let j = 0; j < nK; j++) {
      const kj = k[j]!;
      let dot = 0;
      for (let t = 0; t < qi.length; t++) dot += qi[t]! * kj[t]!;
      s[j] = dot / divisor;
      if (visible[i]![j] && s[j]! > max) max = s[j]!;
    }
    const w = new Array<number>(nK);
    let total = 0;
    for (let j = 0; j < nK; j++) {
      w[j] = visible[i]![j] ? Math.exp(s[j]! - max) : 0;
      total += w[j]!;
    }
    const o = new Array<number>(dV).fill(0);
    for (let j = 0; j < nK; j++) {
      w[j]! /= total;
      if (w[j] === 0) continue;
      const vj = v[j]!;
      for (let t = 0; t < dV; t++) o[t]! += w[j]! * vj[t]!;
    }
    scores.push(s);
    weights.push(w);
    output.push(o);
  }
  return { scores, weights, output };
}

/** scaledDotProductAttention in float64 JavaScript: same arguments, checks and result. */
export function attentionFloat64(
  q: number[][],
  k: number[][],
  v: number[][],
  opts: AttentionOptions = {},
): AttentionResult {
  const plan = planAttention(q, k, v, opts);
  return attend(q, k, v, plan.divisor, plan.visible);
}

/** a (n × m) · b (m × p) in float64. */
export function matMulFloat64(a: number[][], b: number[][]): number[][] {
  const p = b[0]!.length;
  return a.map((row) => {
    const out = new Array<number>(p).fill(0);
    row.forEach((x, t) => {
      const bt = b[t]!;
      for (let c = 0; c < p; c++) out[c]! += x * bt[c]!;
    });
    return out;
  });
}

/** Columns [from, from + width) of m. */
const columns = (m: number[][], from: number, width: number) => m.map((r) => r.slice(from, from + width));

/** multiHeadAttention in float64 JavaScript: same arguments, checks and result. */
export function multiHeadAttentionFloat64(
  queryInput: number[][],
  keyValueInput: number[][],
  params: MultiHeadParams,
  opts: AttentionOptions & { heads: number },
): MultiHeadResult {
  const { heads: H, dK, dV } = planMultiHead(queryInput, keyValueInput, params, opts.heads);
  const divisor = scoreDivisor(dK, opts);
  const visible = visibility(queryInput.length, keyValueInput.length, opts);
  const Q = matMulFloat64(queryInput, params.wq);
  const K = matMulFloat64(keyValueInput, params.wk);
  const V = matMulFloat64(keyValueInput, params.wv);
  const heads: HeadResult[] = [];
  for (let h = 0; h < H; h++) {
    const q = columns(Q, h * dK, dK);
    const k = columns(K, h * dK, dK);
    const v = columns(V, h * dV, dV);
    heads.push({ q, k, v, ...attend(q, k, v, divisor, visible) });
  }
  const concat = queryInput.map((_, i) => heads.flatMap((hd) => hd.output[i]!));
  return {
    heads,
    concat,
    output: params.wo ? matMulFloat64(concat, params.wo) : concat.map((r) => r.slice()),
  };
}
