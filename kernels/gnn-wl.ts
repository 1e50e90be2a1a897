// Expressiveness: 1-WL colour refinement and a sum-aggregation message-passing network's graph readout.
// Refinement runs on several graphs at once with one shared colour dictionary, so colours compare across
// graphs: every node starts with colour 0; each round a node's new colour names the pair (its colour, the
// multiset of its neighbours' colours), numbered in order of first appearance. Two graphs whose colour
// histograms agree at every round are WL-equivalent, and no message-passing GNN can tell them apart: with
// equal inputs everywhere, a node's state is a function of exactly what WL records.
//
// Example:
//   const [a, b] = twoTrianglesAndHexagon();
//   wlEquivalent(a, b);                                      // true (both 2-regular on 6 nodes)
//   sumReadout(a, { layers: 3, width: 4, seed: 1 });         // equals sumReadout(b, …) exactly
import { createRng } from '../src/runtime/rng';
import { graphFromEdges, type Graph } from './gnn-graph';
import { checkInt } from './nn/validate';

/** Two triangles (nodes 0–2, 3–5) and the 6-cycle: not isomorphic, yet 1-WL sees them as the same. */
export function twoTrianglesAndHexagon(): [Graph, Graph] {
  const triangles = graphFromEdges(6, [
    [0, 1],
    [1, 2],
    [0, 2],
    [3, 4],
    [4, 5],
    [3, 5],
  ]);
  const hexagon = graphFromEdges(6, [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
    [0, 5],
  ]);
  return [triangles, hexagon];
}

/**
 * colours[round][graph][node] for rounds 0 … the first round that refines no graph's partition (or
 * `maxRounds`), with colours shared across the graphs.
 */
export function wlRefine(graphs: readonly Graph[], maxRounds = 10): number[][][] {
  checkInt('maxRounds', maxRounds, 0, 100);
  let colours = graphs.map((g) => new Array<number>(g.n).fill(0));
  const rounds = [colours];
  const classes = (cs: number[][]) => cs.reduce((s, c) => s + new Set(c).size, 0);
  for (let r = 0; r < maxRounds; r++) {
    const names = new Map<string, number>();
    const next = graphs.map((g, gi) =>
      g.neighbours.map((nb, v) => {
        const sig = `${colours[gi]![v]}|${nb.map((u) => colours[gi]![u]!).sort((a, b) => a - b)}`;
        if (!names.has(sig)) names.set(sig, names.size);
        return names.get(sig)!;
      }),
    );
    const refined = classes(next) > classes(colours);
    colours = next;
    rounds.push(colours);
    if (!refined) break;
  }
  return rounds;
}

/** Each colour's count, as a sorted "colour×count" list (what WL compares). */
export function colourHistogram(colours: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const c of colours) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, k]) => `${c}×${k}`)
    .join(' ');
}

/** Whether 1-WL cannot tell the two graphs apart (equal histograms at every round). */
export function wlEquivalent(a: Graph, b: Graph, maxRounds = 10): boolean {
  return wlRefine([a, b], maxRounds).every((r) => colourHistogram(r[0]!) === colourHistogram(r[1]!));
}

/**
 * A message-passing network with sum aggregation, h_v ← ReLU(W_self h_v + W_neigh Σ_{u∈N(v)} h_u + b) for
 * `layers` rounds from h_v = 1 (all ones), weights N(0, 1)/√width drawn from `seed`; returns the graph
 * readout Σ_v h_v.
 */
export function sumReadout(graph: Graph, opts: { layers: number; width: number; seed: number }): number[] {
  checkInt('layers', opts.layers, 1, 16);
  checkInt('width', opts.width, 1, 64);
  const w = opts.width;
  const rng = createRng(opts.seed);
  let h = Array.from({ length: graph.n }, () => new Array<number>(w).fill(1));
  for (let l = 0; l < opts.layers; l++) {
    const draw = () => Array.from({ length: w * w }, () => rng.normal() / Math.sqrt(w));
    const [ws, wn] = [draw(), draw()];
    const b = Array.from({ length: w }, () => rng.normal() * 0.1);
    h = graph.neighbours.map((nb, v) => {
      const m = new Array<number>(w).fill(0);
      for (const u of nb) for (let k = 0; k < w; k++) m[k]! += h[u]![k]!;
      return Array.from({ length: w }, (_, o) => {
        let s = b[o]!;
        for (let k = 0; k < w; k++) s += ws[o * w + k]! * h[v]![k]! + wn[o * w + k]! * m[k]!;
        return Math.max(0, s);
      });
    });
  }
  const out = new Array<number>(w).fill(0);
  for (const row of h) for (let k = 0; k < w; k++) out[k]! += row[k]!;
  return out;
}
