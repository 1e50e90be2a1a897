// Message-passing layers with hand-written backward passes, on a graph fixed when the layer is made: GCN
// (Kipf & Welling: Â X W + b with Â = D̂^−½ (A + I) D̂^−½) and GraphSAGE (Hamilton et al., mean aggregator,
// self concatenated: [x_v ‖ mean_{u∈N(v)} x_u] W + b, written as X W_self + M X W_neigh + b; an isolated node's
// mean is zero; every neighbour is used, no sampling, since the graphs here are small, and outputs are not
// rescaled to unit norm). GAT is in gnn-gat.ts. A layer owns a slice of a flat parameter vector: forward(p, x) reads
// it, backward(p, pass, dOut, g) adds the gradient into g's matching slice and returns dL/dX.
// No nonlinearity inside a layer: the model applies ReLU between layers.
//
// Example:
//   const layer = gcnLayer(graph, 34, 4);
//   const p = new Float64Array(layer.size); layer.init(p, createRng(1));
//   const pass = layer.forward(p, x);  const dx = layer.backward(p, pass, dOut, grads);
import type { Rng } from '../src/runtime/rng';
import type { Graph } from './gnn-graph';
import { addColumnSums, addMatmulTA, matmul, matmulTB, zeros, type Mat } from './gnn-mat';
import { checkInt } from './nn/validate';

export type LayerKind = 'gcn' | 'gat' | 'sage';

/** What a forward pass keeps for its backward pass; `attention` only for GAT. */
export interface LayerPass {
  x: Mat;
  out: Mat;
  cache: Mat[];
  /** GAT: per head, α over each node's receivers list (see GatAttention). */
  attention?: Float64Array[];
  /** GAT: per head, the score before LeakyReLU on the same list. */
  scores?: Float64Array[];
}

export interface GnnLayer {
  readonly kind: LayerKind;
  readonly inDim: number;
  readonly outDim: number;
  /** How many parameters the layer owns. */
  readonly size: number;
  init(p: Float64Array, rng: Rng): void;
  forward(p: Float64Array, x: Mat): LayerPass;
  backward(p: Float64Array, pass: LayerPass, dOut: Mat, g: Float64Array): Mat;
}

/** Glorot-uniform entries for a fanIn × fanOut block of p starting at `at`. */
export function glorot(p: Float64Array, at: number, fanIn: number, fanOut: number, rng: Rng): void {
  const r = Math.sqrt(6 / (fanIn + fanOut));
  for (let k = 0; k < fanIn * fanOut; k++) p[at + k] = (2 * rng.uniform() - 1) * r;
}

export function checkDims(graph: Graph, inDim: number, outDim: number): void {
  checkInt('input width', inDim, 1, 4096);
  checkInt('output width', outDim, 1, 4096);
  if (graph.neighbours.length !== graph.n)
    throw new Error(`graph has ${graph.n} nodes but ${graph.neighbours.length} neighbour lists`);
}

/** Throws unless x is nodes × inDim. */
export function checkInput(graph: Graph, inDim: number, x: Mat): void {
  if (x.rows !== graph.n || x.cols !== inDim || x.data.length !== x.rows * x.cols)
    throw new Error(`features must be ${graph.n}×${inDim} (nodes × input width), got ${x.rows}×${x.cols}`);
}

/** out = P·y for a sparse propagation P given per row as (columns, weights). */
function propagate(cols: number[][], weights: number[][], y: Mat): Mat {
  const out = zeros(cols.length, y.cols);
  const d = y.cols;
  cols.forEach((cs, i) =>
    cs.forEach((j, k) => {
      const w = weights[i]![k]!;
      for (let c = 0; c < d; c++) out.data[i * d + c]! += w * y.data[j * d + c]!;
    }),
  );
  return out;
}

/** The transpose of a sparse propagation, as (columns, weights) rows. */
function transpose(cols: number[][], weights: number[][]): { cols: number[][]; weights: number[][] } {
  const tc: number[][] = cols.map(() => []);
  const tw: number[][] = cols.map(() => []);
  cols.forEach((cs, i) =>
    cs.forEach((j, k) => {
      tc[j]!.push(i);
      tw[j]!.push(weights[i]![k]!);
    }),
  );
  return { cols: tc, weights: tw };
}

/** GCN: Â X W + b. Parameters: W (in × out, row-major), then b (out). */
export function gcnLayer(graph: Graph, inDim: number, outDim: number): GnnLayer {
  checkDims(graph, inDim, outDim);
  const deg = graph.neighbours.map((nb) => nb.length + 1);
  const cols = graph.neighbours.map((nb, i) => [i, ...nb]);
  const weights = cols.map((cs, i) => cs.map((j) => 1 / Math.sqrt(deg[i]! * deg[j]!)));
  const nW = inDim * outDim;
  return {
    kind: 'gcn',
    inDim,
    outDim,
    size: nW + outDim,
    init(p, rng) {
      glorot(p, 0, inDim, outDim, rng);
      p.fill(0, nW, nW + outDim);
    },
    forward(p, x) {
      checkInput(graph, inDim, x);
      const out = propagate(cols, weights, matmul(x, p.subarray(0, nW), outDim));
      for (let i = 0; i < out.rows; i++)
        for (let c = 0; c < outDim; c++) out.data[i * outDim + c]! += p[nW + c]!;
      return { x, out, cache: [] };
    },
    backward(p, pass, dOut, g) {
      const dXW = propagate(cols, weights, dOut); // Â is symmetric
      addMatmulTA(g.subarray(0, nW), pass.x, dXW);
      addColumnSums(g.subarray(nW, nW + outDim), dOut);
      return matmulTB(dXW, p.subarray(0, nW), inDim);
    },
  };
}

/** GraphSAGE, mean aggregator: X W_self + M X W_neigh + b. Parameters: W_self, W_neigh (in × out), b. */
export function sageLayer(graph: Graph, inDim: number, outDim: number): GnnLayer {
  checkDims(graph, inDim, outDim);
  const cols = graph.neighbours.map((nb) => nb.slice());
  const weights = cols.map((cs) => cs.map(() => 1 / cs.length));
  const back = transpose(cols, weights);
  const nW = inDim * outDim;
  return {
    kind: 'sage',
    inDim,
    outDim,
    size: 2 * nW + outDim,
    init(p, rng) {
      glorot(p, 0, inDim, outDim, rng);
      glorot(p, nW, inDim, outDim, rng);
      p.fill(0, 2 * nW, 2 * nW + outDim);
    },
    forward(p, x) {
      checkInput(graph, inDim, x);
      const mx = propagate(cols, weights, x);
      const out = matmul(x, p.subarray(0, nW), outDim);
      const neigh = matmul(mx, p.subarray(nW, 2 * nW), outDim);
      for (let i = 0; i < out.rows; i++)
        for (let c = 0; c < outDim; c++) {
          const k = i * outDim + c;
          out.data[k]! += neigh.data[k]! + p[2 * nW + c]!;
        }
      return { x, out, cache: [mx] };
    },
    backward(p, pass, dOut, g) {
      addMatmulTA(g.subarray(0, nW), pass.x, dOut);
      addMatmulTA(g.subarray(nW, 2 * nW), pass.cache[0]!, dOut);
      addColumnSums(g.subarray(2 * nW, 2 * nW + outDim), dOut);
      const dx = matmulTB(dOut, p.subarray(0, nW), inDim);
      const dmx = propagate(back.cols, back.weights, matmulTB(dOut, p.subarray(nW, 2 * nW), inDim));
      for (let k = 0; k < dx.data.length; k++) dx.data[k]! += dmx.data[k]!;
      return dx;
    },
  };
}
