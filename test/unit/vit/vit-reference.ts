// An independent float64 forward pass of the tiny ViT for the tests: plain loops over plain arrays, written
// from the description in kernels/vit-model.ts (patchify, patch embedding, class token, positions, pre-norm
// blocks with multi-head attention and a ReLU MLP, final layer norm on the class token, linear head).
import { patchify } from '../../../kernels/vit';
import type { VitConfig } from '../../../kernels/vit-model';

type Matrix = number[][];
const matmul = (a: Matrix, w: Matrix): Matrix =>
  a.map((r) => w[0]!.map((_, j) => r.reduce((s, v, k) => s + v * w[k]![j]!, 0)));
const addRow = (a: Matrix, b: number[]): Matrix => a.map((r) => r.map((v, j) => v + b[j]!));
const add = (a: Matrix, b: Matrix): Matrix => a.map((r, i) => r.map((v, j) => v + b[i]![j]!));
function layerNorm(a: Matrix, g: number[], b: number[]): Matrix {
  return a.map((r) => {
    const mean = r.reduce((s, v) => s + v, 0) / r.length;
    const variance = r.reduce((s, v) => s + (v - mean) ** 2, 0) / r.length;
    return r.map((v, j) => ((v - mean) / Math.sqrt(variance + 1e-5)) * g[j]! + b[j]!);
  });
}

/** Logits [batch][classes]; `weights` maps names such as 'patch/w' or 'layer0/wq' to arrays. */
export function referenceVitLogits(
  data: Float32Array,
  batch: number,
  c: VitConfig,
  weights: Map<string, unknown>,
  positions: Matrix,
): Matrix {
  const W = (name: string) => weights.get(name) as Matrix;
  const V = (name: string) => weights.get(name) as number[];
  const n = c.imageSize * c.imageSize * c.channels;
  const d = c.dModel;
  const dh = d / c.heads;
  return Array.from({ length: batch }, (_, b) => {
    const image = {
      data: Array.from(data.subarray(b * n, (b + 1) * n)),
      height: c.imageSize,
      width: c.imageSize,
      channels: c.channels,
    };
    const cls = (weights.get('cls') as number[][][])[0]![0]!;
    let x: Matrix = add(
      [cls, ...addRow(matmul(patchify(image, c.patchSize), W('patch/w')), V('patch/b'))],
      positions,
    );
    for (let l = 0; l < c.layers; l++) {
      const p = (s: string) => `layer${l}/${s}`;
      const h = layerNorm(x, V(p('ln1g')), V(p('ln1b')));
      const q = addRow(matmul(h, W(p('wq'))), V(p('bq')));
      const k = addRow(matmul(h, W(p('wk'))), V(p('bk')));
      const v = addRow(matmul(h, W(p('wv'))), V(p('bv')));
      const mixed: Matrix = x.map(() => new Array<number>(d).fill(0));
      for (let head = 0; head < c.heads; head++) {
        const o = head * dh;
        for (let i = 0; i < x.length; i++) {
          const scores = x.map((_, j) => {
            let s = 0;
            for (let t = 0; t < dh; t++) s += q[i]![o + t]! * k[j]![o + t]!;
            return s / Math.sqrt(dh);
          });
          const max = Math.max(...scores);
          const e = scores.map((s) => Math.exp(s - max));
          const total = e.reduce((s2, v2) => s2 + v2, 0);
          for (let j = 0; j < x.length; j++)
            for (let t = 0; t < dh; t++) mixed[i]![o + t]! += (e[j]! / total) * v[j]![o + t]!;
        }
      }
      x = add(x, addRow(matmul(mixed, W(p('wo'))), V(p('bo'))));
      const h2 = layerNorm(x, V(p('ln2g')), V(p('ln2b')));
      const hidden = addRow(matmul(h2, W(p('w1'))), V(p('b1'))).map((r) => r.map((v2) => Math.max(0, v2)));
      x = add(x, addRow(matmul(hidden, W(p('w2'))), V(p('b2'))));
    }
    const out = layerNorm([x[0]!], V('lnf/gain'), V('lnf/bias'));
    return addRow(matmul(out, W('head/w')), V('head/b'))[0]!;
  });
}
