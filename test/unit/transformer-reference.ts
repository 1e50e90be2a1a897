// An independent float64 forward pass of the tiny transformer, written per token with plain loops from the
// paper's equations (pre-LN), reading the model's weights by name. Not a test file itself.
import { referenceAttention, referenceMatMul } from './attention-reference';

export type Weights = Record<string, number[] | number[][]>;

const vec = (w: Weights, name: string) => w[name] as number[];
const mat = (w: Weights, name: string) => w[name] as number[][];

function layerNorm(x: number[], gain: number[], bias: number[]): number[] {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + 1e-5)) * gain[i]! + bias[i]!);
}

function affine(rows: number[][], w: number[][], b: number[]): number[][] {
  return referenceMatMul(rows, w).map((r) => r.map((v, i) => v + b[i]!));
}

/** Logits [position][vocab] and attention [layer][head][query][key] for one token sequence. */
export function referenceForward(
  w: Weights,
  tokens: number[],
  config: { dModel: number; heads: number; layers: number },
): { logits: number[][]; attention: number[][][][] } {
  const { dModel: d, heads: H, layers } = config;
  const dh = d / H;
  const pe = (pos: number, i: number) => {
    const angle = pos / Math.pow(10000, (2 * Math.floor(i / 2)) / d);
    return i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  };
  let x = tokens.map((t, pos) => mat(w, 'embedding')[t]!.map((e, i) => e + pe(pos, i)));
  const attention: number[][][][] = [];
  for (let l = 0; l < layers; l++) {
    const p = (n: string) => `layer${l}/${n}`;
    const h = x.map((row) => layerNorm(row, vec(w, p('ln1/gain')), vec(w, p('ln1/bias'))));
    const q = affine(h, mat(w, p('wq')), vec(w, p('bq')));
    const k = affine(h, mat(w, p('wk')), vec(w, p('bk')));
    const v = affine(h, mat(w, p('wv')), vec(w, p('bv')));
    const cut = (m: number[][], hd: number) => m.map((r) => r.slice(hd * dh, (hd + 1) * dh));
    const perHead = Array.from({ length: H }, (_, hd) =>
      referenceAttention(cut(q, hd), cut(k, hd), cut(v, hd), { causal: true }),
    );
    attention.push(perHead.map((r) => r.weights));
    const concat = x.map((_, i) => perHead.flatMap((r) => r.output[i]!));
    const attnOut = affine(concat, mat(w, p('wo')), vec(w, p('bo')));
    x = x.map((row, i) => row.map((val, j) => val + attnOut[i]![j]!));
    const h2 = x.map((row) => layerNorm(row, vec(w, p('ln2/gain')), vec(w, p('ln2/bias'))));
    const hidden = affine(h2, mat(w, p('w1')), vec(w, p('b1'))).map((r) => r.map((u) => Math.max(0, u)));
    const ff = affine(hidden, mat(w, p('w2')), vec(w, p('b2')));
    x = x.map((row, i) => row.map((val, j) => val + ff[i]![j]!));
  }
  const final = x.map((row) => layerNorm(row, vec(w, 'lnf/gain'), vec(w, 'lnf/bias')));
  return { logits: affine(final, mat(w, 'w_out'), vec(w, 'b_out')), attention };
}
