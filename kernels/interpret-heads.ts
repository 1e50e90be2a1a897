// A float64 forward pass of the tiny transformer (kernels/transformer/model.ts) from its weights, exposing each
// head's output so it can be patched: question 16's activation patching. Patch one head's output (at every
// position) from a clean run into a corrupted run and measure how much of the clean logit difference comes
// back. Same arithmetic as the tfjs model (pre-LN blocks, causal attention, ReLU feed-forward, final LN,
// sinusoidal positions); the tests hold it to the model's own logits. Plain arrays, no DOM, no tfjs.
import { attentionRollout } from './interpret-maps';
import { sinusoidalPositionalEncoding } from './transformer/positional-encoding';
import { answerFor, encodeInput } from './transformer/task';
import { createRng } from '../src/runtime/rng';

type Mat = number[][];

export interface BlockWeights {
  ln1Gain: number[];
  ln1Bias: number[];
  wq: Mat;
  bq: number[];
  wk: Mat;
  bk: number[];
  wv: Mat;
  bv: number[];
  wo: Mat;
  bo: number[];
  ln2Gain: number[];
  ln2Bias: number[];
  w1: Mat;
  b1: number[];
  w2: Mat;
  b2: number[];
}

export interface TransformerWeights {
  heads: number;
  embedding: Mat;
  blocks: BlockWeights[];
  lnfGain: number[];
  lnfBias: number[];
  wOut: Mat;
  bOut: number[];
}

/** Head outputs (before W_O) to use instead of the computed ones: [layer][head] → T × dh rows. */
export type HeadPatch = Map<string, Mat>;
export const headKey = (layer: number, head: number) => `${layer}/${head}`;

export interface HeadRun {
  /** T × vocab. */
  logits: Mat;
  /** [layer][head][query][key]. */
  attention: Mat[][];
  /** [layer][head] → T × dh: each head's attention-weighted values, before the output projection. */
  headOutputs: Mat[][];
}

const dense = (x: Mat, w: Mat, b: number[]) =>
  x.map((row) => b.map((bj, j) => row.reduce((s, v, i) => s + v * w[i]![j]!, bj)));

function layerNorm(x: Mat, gain: number[], bias: number[]): Mat {
  return x.map((row) => {
    const mean = row.reduce((s, v) => s + v, 0) / row.length;
    const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / row.length;
    const inv = 1 / Math.sqrt(variance + 1e-5);
    return row.map((v, i) => (v - mean) * inv * gain[i]! + bias[i]!);
  });
}

/** Runs the model on one token sequence; heads named in `patch` take the given outputs instead. */
export function runHeads(
  w: TransformerWeights,
  tokens: readonly number[],
  patch: HeadPatch = new Map(),
): HeadRun {
  const T = tokens.length;
  const d = w.embedding[0]!.length;
  const H = w.heads;
  const dh = d / H;
  const pe = sinusoidalPositionalEncoding(T, d);
  let x: Mat = tokens.map((t, p) => {
    const e = w.embedding[t];
    if (!e) throw new Error(`token ${t} is outside the vocabulary (0–${w.embedding.length - 1})`);
    return e.map((v, i) => v + pe[p]![i]!);
  });
  const attention: Mat[][] = [];
  const headOutputs: Mat[][] = [];
  w.blocks.forEach((b, l) => {
    const h = layerNorm(x, b.ln1Gain, b.ln1Bias);
    const q = dense(h, b.wq, b.bq);
    const k = dense(h, b.wk, b.bk);
    const v = dense(h, b.wv, b.bv);
    const layerAttn: Mat[] = [];
    const layerOut: Mat[] = [];
    const mixed: Mat = Array.from({ length: T }, () => new Array<number>(d).fill(0));
    for (let hd = 0; hd < H; hd++) {
      const o = hd * dh;
      const weights = q.map((qi, i) => {
        const s = k.map((kj, j) => {
          if (j > i) return -Infinity;
          let dot = 0;
          for (let c = 0; c < dh; c++) dot += qi[o + c]! * kj[o + c]!;
          return dot / Math.sqrt(dh);
        });
        const m = Math.max(...s);
        const e = s.map((z) => Math.exp(z - m));
        const z = e.reduce((a, c) => a + c, 0);
        return e.map((c) => c / z);
      });
      const out =
        patch.get(headKey(l, hd)) ??
        weights.map((row) =>
          Array.from({ length: dh }, (_, c) => row.reduce((s, a, j) => s + a * v[j]![o + c]!, 0)),
        );
      out.forEach((row, i) => row.forEach((val, c) => (mixed[i]![o + c] = val)));
      layerAttn.push(weights);
      layerOut.push(out);
    }
    attention.push(layerAttn);
    headOutputs.push(layerOut);
    const attnOut = dense(mixed, b.wo, b.bo);
    x = x.map((row, i) => row.map((val, j) => val + attnOut[i]![j]!));
    const h2 = layerNorm(x, b.ln2Gain, b.ln2Bias);
    const ff = dense(
      dense(h2, b.w1, b.b1).map((row) => row.map((z) => Math.max(0, z))),
      b.w2,
      b.b2,
    );
    x = x.map((row, i) => row.map((val, j) => val + ff[i]![j]!));
  });
  const logits = dense(layerNorm(x, w.lnfGain, w.lnfBias), w.wOut, w.bOut);
  return { logits, attention, headOutputs };
}

export interface PatchQuestion {
  clean: number[];
  corrupted: number[];
  /** The position whose prediction is read. */
  position: number;
  /** The clean run's right token there, and the token the corruption points to. */
  correct: number;
  wrong: number;
}

export interface PatchingResult {
  cleanDiff: number;
  corruptedDiff: number;
  /** [layer][head]: (diff patched − diff corrupted) / (diff clean − diff corrupted). */
  restored: number[][];
  /** All heads of all layers patched at once (1 up to rounding: every path from the change runs through a head). */
  allRestored: number;
  /** [layer][head]: the head's attention from `position` to the changed token(s), on the clean input. */
  attentionToChange: number[][];
  /** The attention rollout's share of `position` on the changed token(s), clean input. */
  rolloutToChange: number;
}

/** Activation patching of every head, one at a time, from the clean run into the corrupted one. */
export function patchingSweep(w: TransformerWeights, qn: PatchQuestion): PatchingResult {
  if (qn.clean.length !== qn.corrupted.length)
    throw new Error(
      `clean and corrupted must have the same length, got ${qn.clean.length} and ${qn.corrupted.length}`,
    );
  if (!(qn.position >= 0 && qn.position < qn.clean.length))
    throw new Error(`position must be from 0 to ${qn.clean.length - 1}, got ${qn.position}`);
  const diff = (r: HeadRun) => r.logits[qn.position]![qn.correct]! - r.logits[qn.position]![qn.wrong]!;
  const clean = runHeads(w, qn.clean);
  const corrupt = runHeads(w, qn.corrupted);
  const cd = diff(clean);
  const xd = diff(corrupt);
  const frac = (r: HeadRun) => (diff(r) - xd) / (cd - xd);
  const restored = clean.headOutputs.map((layer, l) =>
    layer.map((out, h) => frac(runHeads(w, qn.corrupted, new Map([[headKey(l, h), out]])))),
  );
  const everything: HeadPatch = new Map();
  clean.headOutputs.forEach((layer, l) => layer.forEach((out, h) => everything.set(headKey(l, h), out)));
  const changed = qn.clean.map((t, i) => (t !== qn.corrupted[i] ? i : -1)).filter((i) => i >= 0);
  const share = (row: number[]) => changed.reduce((s, i) => s + row[i]!, 0);
  return {
    cleanDiff: cd,
    corruptedDiff: xd,
    restored,
    allRestored: frac(runHeads(w, qn.corrupted, everything)),
    attentionToChange: clean.attention.map((layer) => layer.map((a) => share(a[qn.position]!))),
    rolloutToChange: share(attentionRollout(clean.attention)[qn.position]!),
  };
}

/**
 * The reverse task's patching question: the clean input for `digits` (question, separator, answer so far),
 * the same with digit k replaced, read where the model writes digit k (position 2L − 1 − k).
 */
export function reverseQuestion(digits: readonly number[], k: number, replacement: number): PatchQuestion {
  const L = digits.length;
  if (!Number.isInteger(k) || k < 0 || k >= L)
    throw new Error(`k must be an integer from 0 to ${L - 1}, got ${k}`);
  if (replacement === digits[k] || !Number.isInteger(replacement) || replacement < 0 || replacement > 9)
    throw new Error(`replacement must be a digit 0–9 other than ${digits[k]}, got ${replacement}`);
  const clean = encodeInput(digits, answerFor('reverse', digits));
  const corrupted = clean.slice();
  corrupted[k] = replacement;
  return { clean, corrupted, position: 2 * L - 1 - k, correct: digits[k]!, wrong: replacement };
}

/** Teacher-forced digit accuracy on `count` random reverse questions of `length` digits (seeded). */
export function reverseAccuracy(w: TransformerWeights, length: number, count: number, seed: number): number {
  const rng = createRng(seed);
  let right = 0;
  for (let q = 0; q < count; q++) {
    const digits = Array.from({ length }, () => rng.int(10));
    const answer = answerFor('reverse', digits);
    const { logits } = runHeads(w, encodeInput(digits, answer));
    answer.forEach((a, j) => {
      const row = logits[length + j]!;
      if (row.indexOf(Math.max(...row)) === a) right++;
    });
  }
  return right / (count * length);
}
