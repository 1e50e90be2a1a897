// The over-smoothing and expressiveness panels: line traces of energy and accuracy against depth, and the
// WL-equivalent pair (two triangles, a 6-cycle) beside a 6-path that WL does separate, each drawn with its
// final WL colours and its sum-MPNN readout for the cell's seed.
import { html, svg } from 'lit';
import {
  graphFromEdges,
  sumReadout,
  twoTrianglesAndHexagon,
  wlRefine,
  type Graph,
} from '../../../kernels/gnn';
import type { LineTrace, PlotAxes } from '../../ui/plot-spec';
import type { DepthPoint } from './session';

export const DEPTH_AXES: Record<'energy' | 'accuracy', PlotAxes> = {
  energy: { xTitle: 'layers', yTitle: 'energy / ‖H‖²', yLog: true },
  accuracy: { xTitle: 'layers', yTitle: 'accuracy (unlabelled)', yRange: [0, 1] },
};

export function depthTraces(points: readonly DepthPoint[]): { energy: LineTrace[]; accuracy: LineTrace[] } {
  const x = points.map((p) => p.depth);
  return {
    energy: [{ type: 'line', name: 'untrained GCN', x, y: points.map((p) => p.energy) }],
    accuracy: [{ type: 'line', name: 'trained', x, y: points.map((p) => p.accuracy) }],
  };
}

interface Shown {
  name: string;
  graph: Graph;
  pos: [number, number][];
  colours: number[];
  readout: number[];
}

const ring = (n: number, cx: number, cy: number, r: number, turn = 0): [number, number][] =>
  Array.from({ length: n }, (_, i) => [
    cx + r * Math.cos(turn + (2 * Math.PI * i) / n),
    cy + r * Math.sin(turn + (2 * Math.PI * i) / n),
  ]);

/** The three graphs, their final WL colours (shared across them) and readouts for this seed. */
export function expressiveness(seed: number): Shown[] {
  const [tri, hex] = twoTrianglesAndHexagon();
  const path = graphFromEdges(6, [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
  ]);
  const graphs = [tri, hex, path];
  const colours = wlRefine(graphs).at(-1)!;
  const opts = { layers: 3, width: 4, seed };
  const pos: [number, number][][] = [
    [...ring(3, 30, 45, 22, -Math.PI / 2), ...ring(3, 90, 45, 22, -Math.PI / 2)],
    ring(6, 60, 45, 32),
    Array.from({ length: 6 }, (_, i) => [10 + i * 20, 45]),
  ];
  return ['two triangles', 'a 6-cycle', 'a 6-path'].map((name, k) => ({
    name,
    graph: graphs[k]!,
    pos: pos[k]!,
    colours: colours[k]!,
    readout: sumReadout(graphs[k]!, opts),
  }));
}

const fmt = (v: readonly number[]) => `(${v.map((x) => x.toFixed(3)).join(', ')})`;

export function expressivenessView(shown: readonly Shown[]) {
  const gap = Math.max(...shown[0]!.readout.map((v, k) => Math.abs(v - shown[1]!.readout[k]!)));
  return html`<div class="wl">
      ${shown.map(
        (s) =>
          html`<figure>
            <svg viewBox="0 0 120 90" role="img" aria-label="${s.name}, WL colours ${s.colours.join(' ')}">
              ${s.graph.neighbours.flatMap((nb, i) =>
                nb
                  .filter((j) => j > i)
                  .map(
                    (j) =>
                      svg`<line x1=${s.pos[i]![0]} y1=${s.pos[i]![1]} x2=${s.pos[j]![0]} y2=${s.pos[j]![1]}></line>`,
                  ),
              )}
              ${s.pos.map(([x, y], i) => svg`<circle class="wl-${s.colours[i]! % 4}" cx=${x} cy=${y} r="6"></circle>`)}
            </svg>
            <figcaption>${s.name}<br /><span class="readout">${fmt(s.readout)}</span></figcaption>
          </figure>`,
      )}
    </div>
    <p class="stats wl-gap">
      Two triangles vs 6-cycle: largest readout difference
      <span class="readout-gap">${gap.toExponential(1)}</span>
      (identical); the 6-path differs.
    </p>`;
}
