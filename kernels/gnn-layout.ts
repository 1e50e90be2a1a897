// Node positions for drawing a graph: a seeded Fruchterman–Reingold force layout (edges pull, all pairs
// push, a cooling step), scaled into the unit square. Deterministic for a seed.
//
// Example: forceLayout(graph, 1)  // [[x, y], …] with 0 ≤ x, y ≤ 1
import { createRng } from '../src/runtime/rng';
import type { Graph } from './gnn-graph';

export function forceLayout(graph: Graph, seed: number, iterations = 300): [number, number][] {
  const n = graph.n;
  const rng = createRng(seed);
  const p = Array.from({ length: n }, () => [rng.uniform(), rng.uniform()] as [number, number]);
  const k = Math.sqrt(1 / n);
  for (let it = 0; it < iterations; it++) {
    const t = 0.1 * (1 - it / iterations) + 1e-3;
    const disp = p.map(() => [0, 0]);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const dx = p[i]![0] - p[j]![0];
        const dy = p[i]![1] - p[j]![1];
        const d = Math.max(1e-6, Math.hypot(dx, dy));
        const f = (k * k) / d / d;
        disp[i]![0]! += dx * f;
        disp[i]![1]! += dy * f;
        disp[j]![0]! -= dx * f;
        disp[j]![1]! -= dy * f;
      }
    graph.neighbours.forEach((nb, i) =>
      nb.forEach((j) => {
        const dx = p[i]![0] - p[j]![0];
        const dy = p[i]![1] - p[j]![1];
        const d = Math.hypot(dx, dy);
        disp[i]![0]! -= (dx * d) / k;
        disp[i]![1]! -= (dy * d) / k;
      }),
    );
    p.forEach((q, i) => {
      const [dx, dy] = disp[i]! as [number, number];
      const len = Math.max(1e-9, Math.hypot(dx, dy));
      q[0] += (dx / len) * Math.min(len, t);
      q[1] += (dy / len) * Math.min(len, t);
    });
  }
  const xs = p.map((q) => q[0]);
  const ys = p.map((q) => q[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return p.map(([x, y]) => [(x - x0) / (x1 - x0 || 1), (y - y0) / (y1 - y0 || 1)]);
}
