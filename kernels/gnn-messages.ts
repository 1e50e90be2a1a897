// One message-passing layer written out node by node, for the cell's stepper: each node's incoming messages
// (its neighbours' states), their aggregate (sum, mean or max, by `aggregate`) and the update
// h'_v = ReLU(W_self h_v + W_neigh m_v). Also the small graph the stepper starts on.
//
// Example:
//   const { graph, features } = stepperGraph();
//   messagePassing(graph, features, 'mean', STEPPER_WEIGHTS)[0]  // { node: 0, messages, aggregate, update }
import {
  adjacencyFromEdges,
  aggregate,
  checkFeatures,
  graphFromEdges,
  type Aggregator,
  type Graph,
} from './gnn-graph';

export interface NodeUpdate {
  node: number;
  messages: { from: number; value: number[] }[];
  aggregate: number[];
  update: number[];
}

export interface UpdateWeights {
  /** out × in, applied to the node's own state. */
  self: number[][];
  /** out × in, applied to the aggregate. */
  neigh: number[][];
}

/** Fixed 2 × 2 weights of the stepper: keep the node's own state, add a rotated, halved aggregate. */
export const STEPPER_WEIGHTS: UpdateWeights = {
  self: [
    [1, 0],
    [0, 1],
  ],
  neigh: [
    [0.5, -0.5],
    [0.5, 0.5],
  ],
};

/** Six nodes (a triangle with a tail and a leaf) with 2-D states. */
export function stepperGraph(): { graph: Graph; features: number[][] } {
  const edges: [number, number][] = [
    [0, 1],
    [0, 2],
    [1, 2],
    [2, 3],
    [3, 4],
    [3, 5],
  ];
  return {
    graph: graphFromEdges(6, edges),
    features: [
      [1, 0],
      [0, 1],
      [1, 1],
      [-1, 0],
      [0, -1],
      [2, 0],
    ],
  };
}

function matVec(w: number[][], x: readonly number[]): number[] {
  return w.map((row) => {
    if (row.length !== x.length) throw new Error(`weights have ${row.length} columns, state has ${x.length}`);
    return row.reduce((s, v, k) => s + v * x[k]!, 0);
  });
}

/** Every node's messages, aggregate and updated state for one layer. */
export function messagePassing(
  graph: Graph,
  features: number[][],
  how: Aggregator,
  weights: UpdateWeights,
): NodeUpdate[] {
  checkFeatures(features, graph.n);
  const edges = graph.neighbours.flatMap((nb, i) =>
    nb.filter((j) => j > i).map((j) => [i, j] as [number, number]),
  );
  const agg = aggregate(adjacencyFromEdges(graph.n, edges), features, how);
  return graph.neighbours.map((nb, v) => {
    const own = matVec(weights.self, features[v]!);
    const fromNeighbours = matVec(weights.neigh, agg[v]!);
    return {
      node: v,
      messages: nb.map((u) => ({ from: u, value: features[u]!.slice() })),
      aggregate: agg[v]!,
      update: own.map((s, k) => Math.max(0, s + fromNeighbours[k]!)),
    };
  });
}
