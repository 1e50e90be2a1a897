// Graphs for the GNN kernels: an adjacency matrix checked once (square, symmetric, 0/1, no self-loops) and
// turned into neighbour lists; the GCN propagation matrix D̂^−½ (A + I) D̂^−½; and the plain neighbour
// aggregates (sum, mean, max) of message passing. Plain arrays in and out.
//
// Example:
//   const a = adjacencyFromEdges(3, [[0, 1], [1, 2]]);
//   gcnNormalize(a);                       // [[1/2, 1/√6, 0], [1/√6, 1/3, 1/√6], [0, 1/√6, 1/2]]
//   aggregate(a, [[1], [2], [4]], 'mean'); // [[2], [2.5], [2]]

/** A checked undirected graph: node count and each node's neighbours (ascending, no self). */
export interface Graph {
  n: number;
  neighbours: number[][];
}

export type Aggregator = 'sum' | 'mean' | 'max';

/** An n×n 0/1 adjacency matrix with these undirected edges; throws on an index out of range or a self-loop. */
export function adjacencyFromEdges(n: number, edges: readonly (readonly [number, number])[]): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`node count must be a positive integer, got ${n}`);
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const [i, j] of edges) {
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= n || j >= n)
      throw new Error(`edge [${i}, ${j}] must join two nodes from 0 to ${n - 1}`);
    if (i === j) throw new Error(`edge [${i}, ${j}] is a self-loop; the layers add self-loops themselves`);
    a[i]![j] = 1;
    a[j]![i] = 1;
  }
  return a;
}

/** Throws unless `adjacency` is a non-empty square symmetric matrix of finite numbers; returns its size. */
export function checkAdjacency(adjacency: readonly (readonly number[])[]): number {
  const n = adjacency.length;
  if (n === 0) throw new Error('adjacency must have at least one row');
  adjacency.forEach((row, i) => {
    if (row.length !== n)
      throw new Error(`adjacency must be square: ${n} rows but row ${i} has ${row.length} entries`);
  });
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = adjacency[i]![j]!;
      if (!Number.isFinite(v)) throw new Error(`adjacency[${i}][${j}] must be finite, got ${v}`);
      if (v !== adjacency[j]![i]!)
        throw new Error(
          `adjacency must be symmetric: [${i}][${j}] = ${v} but [${j}][${i}] = ${adjacency[j]![i]!}`,
        );
    }
  return n;
}

/** Throws unless `features` has `n` rows of one common, non-zero width; returns the width. */
export function checkFeatures(features: readonly (readonly number[])[], n: number): number {
  if (features.length !== n)
    throw new Error(`features must have one row per node: ${n} nodes but ${features.length} rows`);
  const d = features[0]?.length ?? 0;
  if (d === 0) throw new Error('features must have at least one column');
  features.forEach((row, i) => {
    if (row.length !== d) throw new Error(`features row ${i} has ${row.length} entries, row 0 has ${d}`);
  });
  return d;
}

/** The checked graph of a 0/1 adjacency matrix (a non-zero entry off the diagonal is an edge). */
export function graphFromAdjacency(adjacency: readonly (readonly number[])[]): Graph {
  const n = checkAdjacency(adjacency);
  const neighbours = Array.from({ length: n }, (_, i) => {
    const out: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i && adjacency[i]![j]! !== 0) out.push(j);
    return out;
  });
  return { n, neighbours };
}

/** The checked graph with these undirected edges. */
export function graphFromEdges(n: number, edges: readonly (readonly [number, number])[]): Graph {
  return graphFromAdjacency(adjacencyFromEdges(n, edges));
}

/** Each undirected edge once, smaller index first. */
export function graphEdges(g: Graph): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < g.n; i++) for (const j of g.neighbours[i]!) if (j > i) out.push([i, j]);
  return out;
}

/**
 * D̂^−½ (A + I) D̂^−½ with D̂ the degrees of A + I (Kipf & Welling's renormalisation). The adjacency is used
 * as given (weights allowed); its diagonal is replaced by the added self-loop.
 */
export function gcnNormalize(adjacency: number[][]): number[][] {
  checkAdjacency(adjacency);
  const a = adjacency.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
  const d = a.map((row) => row.reduce((s, v) => s + v, 0));
  d.forEach((v, i) => {
    if (!(v > 0)) throw new Error(`degree of node ${i} in A + I must be > 0, got ${v}`);
  });
  return a.map((row, i) => row.map((v, j) => v / Math.sqrt(d[i]! * d[j]!)));
}

/**
 * Each node's aggregate over its neighbours (not itself), column by column: their sum, mean or maximum. A
 * node with no neighbours gets a row of zeros for all three (an empty sum; no mean or maximum to take).
 */
export function aggregate(adjacency: number[][], features: number[][], how: Aggregator): number[][] {
  const g = graphFromAdjacency(adjacency);
  const d = checkFeatures(features, g.n);
  if (how !== 'sum' && how !== 'mean' && how !== 'max')
    throw new Error(`aggregator must be 'sum', 'mean' or 'max', got '${String(how)}'`);
  return g.neighbours.map((nb) => {
    const out = new Array<number>(d).fill(how === 'max' && nb.length > 0 ? -Infinity : 0);
    for (const u of nb)
      for (let k = 0; k < d; k++) {
        const v = features[u]![k]!;
        out[k] = how === 'max' ? Math.max(out[k]!, v) : out[k]! + v;
      }
    if (how === 'mean' && nb.length > 0) for (let k = 0; k < d; k++) out[k]! /= nb.length;
    return out;
  });
}
