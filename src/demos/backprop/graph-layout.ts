// A layered left-to-right layout for a computation graph: each node's column is its longest distance from
// a leaf, so every edge points right; within a column, nodes are ordered by the mean row of their inputs
// (one barycentre sweep), which keeps most edges from crossing. Pure geometry, no DOM.
//
// Example: const { positions, width, height } = layoutGraph(graph.nodes);

export interface LayoutNode {
  id: number;
  inputs: readonly number[];
}

export interface NodePosition {
  x: number;
  y: number;
  column: number;
  row: number;
}

export interface GraphLayout {
  positions: NodePosition[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 118;
export const NODE_HEIGHT = 58;
const COLUMN_GAP = 56;
const ROW_GAP = 18;
const MARGIN = 16;

/** Nodes must be in topological order (inputs before consumers), as buildGraph returns them. */
export function layoutGraph(nodes: readonly LayoutNode[]): GraphLayout {
  const column = new Array<number>(nodes.length).fill(0);
  for (const node of nodes) {
    for (const input of node.inputs) {
      if (input >= node.id)
        throw new Error(`node ${node.id} has input ${input}: nodes must be in topological order`);
      column[node.id] = Math.max(column[node.id]!, column[input]! + 1);
    }
  }
  const columns: number[][] = [];
  for (const node of nodes) (columns[column[node.id]!] ??= []).push(node.id);
  const row = new Array<number>(nodes.length).fill(0);
  for (const ids of columns) {
    const key = (id: number) => {
      const inputs = nodes[id]!.inputs;
      return inputs.length ? inputs.reduce((s, i) => s + row[i]!, 0) / inputs.length : id;
    };
    const sorted = [...ids].sort((a, b) => key(a) - key(b) || a - b);
    sorted.forEach((id, r) => (row[id] = r));
  }
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  const positions = nodes.map((node): NodePosition => {
    const c = column[node.id]!;
    const inColumn = columns[c]!.length;
    const columnHeight = inColumn * NODE_HEIGHT + (inColumn - 1) * ROW_GAP;
    const top = (height - columnHeight) / 2;
    return {
      column: c,
      row: row[node.id]!,
      x: MARGIN + c * (NODE_WIDTH + COLUMN_GAP),
      y: top + row[node.id]! * (NODE_HEIGHT + ROW_GAP),
    };
  });
  const width = MARGIN * 2 + columns.length * NODE_WIDTH + (columns.length - 1) * COLUMN_GAP;
  return { positions, width, height };
}
