// A float64 forward pass of the tiny transformer with its ablations (no positional encoding, masked heads, no
// residual connections), written per token with plain loops from the equations and reading the model's
// weights by name: the reference the ablated model is compared with. Not a test file itself.
import { referenceAttention, referenceMatMul } from '../attention-reference';

export type Weights = Record<string, number[] | number[][]>;

export interface Ablations {
  positional: boolean;
  residual: boolean;
  maskedHeads: number[];
}

const vec = (w: Weights, name: string) => w[name] as number[];
const mat = (w: Weights, name: string) => w[name] as number[][];

function layerNorm(x: number[], gain: number[], bias: number[]): number[] {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + 1e-5)) * gain[i]! + bias[i]!);
}

const affine = (rows: number[][], w: number[][], b: number[]) =>
  referenceMatMul(rows, w).map((r) => r.map((v, i) => v + b[i]!));

/** Logits [position][vocab] for one token sequence under the ablations. */
export function ablatedForward(
  w: Weights,
  tokens: number[],
  config: { dModel: number; heads: number; layers: number },
  ablations: Ablations,
): number[][] {
  const { dModel: d, heads: H, layers } = config;
  const dh = d / H;
  const pe = (pos: number, i: number) => {
    if (!ablations.positional) return 0;
    const angle = pos / Math.pow(10000, (2 * Math.floor(i / 2)) / d);
    return i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
  };
  const plus = (x: number[][], y: number[][]) =>
    ablations.residual ? x.map((row, i) => row.map((v, j) => v + y[i]![j]!)) : y;
  let x = tokens.map((t, pos) => mat(w, 'embedding')[t]!.map((e, i) => e + pe(pos, i)));
  for (let l = 0; l < layers; l++) {
    const p = (n: string) => `layer${l}/${n}`;
    const h = x.map((row) => layerNorm(row, vec(w, p('ln1/gain')), vec(w, p('ln1/bias'))));
    const [q, k, v] = ['wq', 'wk', 'wv'].map((n) => affine(h, mat(w, p(n)), vec(w, p(`b${n[1]}`))));
    const cut = (m: number[][], hd: number) => m.map((r) => r.slice(hd * dh, (hd + 1) * dh));
    const perHead = Array.from({ length: H }, (_, hd) => {
      const out = referenceAttention(cut(q!, hd), cut(k!, hd), cut(v!, hd), { causal: true }).output;
      return ablations.maskedHeads.includes(hd) ? out.map((r) => r.map(() => 0)) : out;
    });
    const concat = x.map((_, i) => perHead.flatMap((r) => r[i]!));
    x = plus(x, affine(concat, mat(w, p('wo')), vec(w, p('bo'))));
    const h2 = x.map((row) => layerNorm(row, vec(w, p('ln2/gain')), vec(w, p('ln2/bias'))));
    const hidden = affine(h2, mat(w, p('w1')), vec(w, p('b1'))).map((r) => r.map((u) => Math.max(0, u)));
    x = plus(x, affine(hidden, mat(w, p('w2')), vec(w, p('b2'))));
  }
  const final = x.map((row) => layerNorm(row, vec(w, 'lnf/gain'), vec(w, 'lnf/bias')));
  return affine(final, mat(w, 'w_out'), vec(w, 'b_out'));
}
