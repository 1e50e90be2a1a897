// Over-smoothing: how alike neighbouring node states become as GCN layers stack. The Dirichlet energy with the
// GCN's own normalisation, E(H) = Σ_{(i,j)∈E} ‖h_i/√d̂_i − h_j/√d̂_j‖² (d̂ = degree + 1), is tr(Hᵀ(I − Â)H);
// divided by ‖H‖²_F it no longer depends on the scale of H (a Rayleigh quotient of I − Â, in [0, 2)).
// Repeated propagation by Â shrinks every component but the top eigenvector's, so the quotient falls
// towards its floor as depth grows, with or without random weights between the layers.
//
// Example: energyByDepth(graph, { maxDepth: 8, width: 16, seed: 1 })  // [E₁/‖H₁‖², …, E₈/‖H₈‖²]
import type { Graph } from './gnn-graph';
import { identity, type Mat } from './gnn-mat';
import { createGnn, gnnForward } from './gnn-model';
import { checkInt } from './nn/validate';

/** Σ over undirected edges of ‖h_i/√(d_i+1) − h_j/√(d_j+1)‖²; throws unless h has one row per node. */
export function dirichletEnergy(graph: Graph, h: Mat): number {
  if (h.rows !== graph.n)
    throw new Error(`embeddings must have ${graph.n} rows (one per node), got ${h.rows}`);
  const d = h.cols;
  let e = 0;
  for (let i = 0; i < graph.n; i++) {
    const si = 1 / Math.sqrt(graph.neighbours[i]!.length + 1);
    for (const j of graph.neighbours[i]!) {
      if (j < i) continue;
      const sj = 1 / Math.sqrt(graph.neighbours[j]!.length + 1);
      for (let k = 0; k < d; k++) {
        const diff = h.data[i * d + k]! * si - h.data[j * d + k]! * sj;
        e += diff * diff;
      }
    }
  }
  return e;
}

/** The Dirichlet energy over ‖H‖²_F (0 for an all-zero H). */
export function normalizedEnergy(graph: Graph, h: Mat): number {
  let sq = 0;
  for (const v of h.data) sq += v * v;
  return sq === 0 ? 0 : dirichletEnergy(graph, h) / sq;
}

/**
 * The normalised energy of an untrained GCN's output (one-hot inputs, Glorot weights from `seed`, ReLU
 * between layers, every layer `width` wide) at each depth 1 … maxDepth.
 */
export function energyByDepth(
  graph: Graph,
  opts: { maxDepth: number; width: number; seed: number },
): number[] {
  checkInt('maxDepth', opts.maxDepth, 1, 8);
  const x = identity(graph.n);
  return Array.from({ length: opts.maxDepth }, (_, l) => {
    const model = createGnn(graph, {
      kind: 'gcn',
      inDim: graph.n,
      hidden: opts.width,
      classes: opts.width,
      layers: l + 1,
      heads: 1,
      seed: opts.seed,
    });
    return normalizedEnergy(graph, gnnForward(model, x).logits);
  });
}
