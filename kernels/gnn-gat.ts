// GAT (Veličković et al. 2018), multi-head, with its backward pass written out. Per head h and node i, over
// its receivers R(i) = N(i) ∪ {i}: z = x W_h, e_ij = LeakyReLU_0.2(a_target·z_i + a_source·z_j),
// α_ij = softmax_j∈R(i) e_ij, out_i = Σ_j α_ij z_j; heads concatenated (hidden layers) or averaged (an output
// layer), plus a bias. Parameters: W (in × heads·F), a_target (heads·F), a_source (heads·F), b (out).
//
// Example:
//   const layer = gatLayer(graph, 34, 4, 2, 'concat');   // out width 8
//   const pass = layer.forward(p, x); edgeAttention(graph, pass)  // one α per edge, both ways, heads averaged
import type { Rng } from '../src/runtime/rng';
import { graphEdges, type Graph } from './gnn-graph';
import { checkDims, checkInput, glorot, type GnnLayer, type LayerPass } from './gnn-layers';
import { addColumnSums, addMatmulTA, matmul, matmulTB, zeros } from './gnn-mat';
import { checkInt } from './nn/validate';

export const LEAKY_SLOPE = 0.2;

export type HeadCombine = 'concat' | 'mean';

/** Node i's receivers are recv[start[i]] … recv[start[i + 1] − 1]: itself and its neighbours, ascending. */
export interface Receivers {
  start: Int32Array;
  recv: Int32Array;
}

export function receivers(graph: Graph): Receivers {
  const start = new Int32Array(graph.n + 1);
  const recv: number[] = [];
  graph.neighbours.forEach((nb, i) => {
    start[i] = recv.length;
    recv.push(...[i, ...nb].sort((a, b) => a - b));
  });
  start[graph.n] = recv.length;
  return { start, recv: Int32Array.from(recv) };
}

export function gatLayer(
  graph: Graph,
  inDim: number,
  perHead: number,
  heads: number,
  combine: HeadCombine,
): GnnLayer {
  checkInt('heads', heads, 1, 16);
  if (combine !== 'concat' && combine !== 'mean')
    throw new Error(`heads must be combined by 'concat' or 'mean', got '${String(combine)}'`);
  const hf = heads * perHead;
  const outDim = combine === 'concat' ? hf : perHead;
  checkDims(graph, inDim, perHead);
  const { start, recv } = receivers(graph);
  const nW = inDim * hf;
  const [aT, aS, bias] = [nW, nW + hf, nW + 2 * hf];
  const n = graph.n;
  return {
    kind: 'gat',
    inDim,
    outDim,
    size: nW + 2 * hf + outDim,
    init(p: Float64Array, rng: Rng) {
      glorot(p, 0, inDim, hf, rng);
      for (let h = 0; h < heads; h++) {
        glorot(p, aT + h * perHead, perHead, 1, rng);
        glorot(p, aS + h * perHead, perHead, 1, rng);
      }
      p.fill(0, bias, bias + outDim);
    },
    forward(p, x) {
      checkInput(graph, inDim, x);
      const z = matmul(x, p.subarray(0, nW), hf);
      const out = zeros(n, outDim);
      const attention: Float64Array[] = [];
      const scores: Float64Array[] = [];
      for (let h = 0; h < heads; h++) {
        const t = new Float64Array(n);
        const s = new Float64Array(n);
        for (let i = 0; i < n; i++)
          for (let f = 0; f < perHead; f++) {
            const zi = z.data[i * hf + h * perHead + f]!;
            t[i]! += p[aT + h * perHead + f]! * zi;
            s[i]! += p[aS + h * perHead + f]! * zi;
          }
        const alpha = new Float64Array(recv.length);
        const pre = new Float64Array(recv.length);
        for (let i = 0; i < n; i++) {
          let max = -Infinity;
          for (let k = start[i]!; k < start[i + 1]!; k++) {
            const v = t[i]! + s[recv[k]!]!;
            pre[k] = v;
            alpha[k] = v > 0 ? v : LEAKY_SLOPE * v;
            max = Math.max(max, alpha[k]!);
          }
          let sum = 0;
          for (let k = start[i]!; k < start[i + 1]!; k++) sum += alpha[k] = Math.exp(alpha[k]! - max);
          for (let k = start[i]!; k < start[i + 1]!; k++) {
            const a = (alpha[k]! /= sum);
            const j = recv[k]!;
            for (let f = 0; f < perHead; f++) {
              const o = combine === 'concat' ? i * outDim + h * perHead + f : i * outDim + f;
              out.data[o]! += (combine === 'concat' ? a : a / heads) * z.data[j * hf + h * perHead + f]!;
            }
          }
        }
        attention.push(alpha);
        scores.push(pre);
      }
      for (let i = 0; i < n; i++) for (let c = 0; c < outDim; c++) out.data[i * outDim + c]! += p[bias + c]!;
      return { x, out, cache: [z], attention, scores };
    },
    backward(p, pass, dOut, g) {
      const z = pass.cache[0]!;
      const dz = zeros(n, hf);
      addColumnSums(g.subarray(bias, bias + outDim), dOut);
      const dHead = (i: number, h: number, f: number) =>
        combine === 'concat' ? dOut.data[i * outDim + h * perHead + f]! : dOut.data[i * outDim + f]! / heads;
      for (let h = 0; h < heads; h++) {
        const alpha = pass.attention![h]!;
        const pre = pass.scores![h]!;
        const dt = new Float64Array(n);
        const ds = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const from = start[i]!;
          const to = start[i + 1]!;
          const dAlpha = new Float64Array(to - from);
          let weighted = 0;
          for (let k = from; k < to; k++) {
            const j = recv[k]!;
            let d = 0;
            for (let f = 0; f < perHead; f++) {
              const go = dHead(i, h, f);
              d += go * z.data[j * hf + h * perHead + f]!;
              dz.data[j * hf + h * perHead + f]! += alpha[k]! * go;
            }
            dAlpha[k - from] = d;
            weighted += alpha[k]! * d;
          }
          for (let k = from; k < to; k++) {
            const de = alpha[k]! * (dAlpha[k - from]! - weighted);
            const dpre = pre[k]! > 0 ? de : LEAKY_SLOPE * de;
            dt[i]! += dpre;
            ds[recv[k]!]! += dpre;
          }
        }
        for (let i = 0; i < n; i++)
          for (let f = 0; f < perHead; f++) {
            const c = h * perHead + f;
            const zi = z.data[i * hf + c]!;
            g[aT + c]! += dt[i]! * zi;
            g[aS + c]! += ds[i]! * zi;
            dz.data[i * hf + c]! += dt[i]! * p[aT + c]! + ds[i]! * p[aS + c]!;
          }
      }
      addMatmulTA(g.subarray(0, nW), pass.x, dz);
      return matmulTB(dz, p.subarray(0, nW), inDim);
    },
  };
}

/**
 * The attention along each undirected edge of `graph` (in graphEdges order): α_ij and α_ji averaged, and
 * over the heads. Its values are in (0, 1]; each node's receivers' α (self included) sum to 1 per head.
 */
export function edgeAttention(graph: Graph, pass: LayerPass): number[] {
  if (!pass.attention) throw new Error('edgeAttention needs a GAT layer pass');
  const { start, recv } = receivers(graph);
  const at = (i: number, j: number, alpha: Float64Array) => {
    for (let k = start[i]!; k < start[i + 1]!; k++) if (recv[k] === j) return alpha[k]!;
    return 0;
  };
  const heads = pass.attention.length;
  return graphEdges(graph).map(
    ([i, j]) => pass.attention!.reduce((s, alpha) => s + (at(i, j, alpha) + at(j, i, alpha)) / 2, 0) / heads,
  );
}
