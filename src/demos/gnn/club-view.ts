// The karate club drawn as SVG: members at a force layout, filled with the faction the model predicts and
// outlined with the club they really joined (a dashed outer ring marks a labelled member), friendships as
// lines whose width is GAT's attention when the model is a GAT; and the members' 2-D output scores (the
// embedding the classifier reads, one score per faction) with the decision line where the scores are equal.
import { html, nothing, svg } from 'lit';
import type { Evaluation, Graph } from '../../../kernels/gnn';

const W = 400;
const H = 300;
const PAD = 20;
export const FACTION_NAMES = ["Mr. Hi's club", "the Officer's club"];
const FACTION_CLASS = ['f0', 'f1'];

export interface ClubViewInput {
  graph: Graph;
  positions: readonly [number, number][];
  faction: readonly number[];
  labelled: readonly number[];
  latest: Evaluation | null;
  attention: Map<string, number> | null;
  selected: number | null;
  onNode: (i: number) => void;
}

const at = (p: readonly [number, number]) =>
  [PAD + p[0] * (W - 2 * PAD), PAD + p[1] * (H - 2 * PAD)] as const;

export function clubSvg(v: ClubViewInput) {
  const edges = v.graph.neighbours.flatMap((nb, i) => nb.filter((j) => j > i).map((j) => [i, j] as const));
  const maxAtt = v.attention ? Math.max(...v.attention.values()) : 1;
  return html`<svg
    class="club-graph"
    viewBox="0 0 ${W} ${H}"
    role="img"
    aria-label="The karate club: ${v.graph.n} members and ${edges.length} friendships${
      v.latest ? `, ${Math.round(v.latest.accuracy * 100)}% of unlabelled members predicted right` : ''
    }"
  >
    ${edges.map(([i, j]) => {
      const [x1, y1] = at(v.positions[i]!);
      const [x2, y2] = at(v.positions[j]!);
      const a = v.attention?.get(`${i}-${j}`);
      const width = a === undefined ? 1.2 : 0.4 + (6 * a) / maxAtt;
      return svg`<line class="edge" x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke-width=${width}></line>`;
    })}
    ${v.faction.map((f, i) => {
      const [x, y] = at(v.positions[i]!);
      const pred = v.latest?.predicted[i];
      const fill = pred === undefined ? 'unknown' : FACTION_CLASS[pred];
      return svg`<g class="member ${v.selected === i ? 'selected' : ''}" data-node=${i}
        @click=${() => v.onNode(i)}>
        ${v.labelled.includes(i) ? svg`<circle class="labelled" cx=${x} cy=${y} r="13.5"></circle>` : nothing}
        <circle class="node ${fill} true-${FACTION_CLASS[f]}" cx=${x} cy=${y} r="9"></circle>
        <text x=${x} y=${y + 3.5}>${i}</text>
      </g>`;
    })}
  </svg>`;
}

/** The output scores of every member (x: Mr. Hi's club, y: the Officer's), with the line x = y. */
export function embeddingSvg(latest: Evaluation | null, faction: readonly number[]) {
  if (!latest)
    return html`<p class="hint">Run to see each member's two output scores move as the model trains.</p>`;
  const d = latest.logits.data;
  const xs = faction.map((_, i) => d[2 * i]!);
  const ys = faction.map((_, i) => d[2 * i + 1]!);
  const lo = Math.min(...xs, ...ys);
  const hi = Math.max(...xs, ...ys);
  const span = hi - lo || 1;
  const S = 260;
  const sx = (v: number) => 12 + ((v - lo) / span) * (S - 24);
  const sy = (v: number) => S - 12 - ((v - lo) / span) * (S - 24);
  return html`<svg
    class="embedding"
    viewBox="0 0 ${S} ${S}"
    role="img"
    aria-label="Output scores of the 34 members, from ${lo.toFixed(2)} to ${hi.toFixed(2)}"
  >
    <rect class="frame" x="0.5" y="0.5" width=${S - 1} height=${S - 1}></rect>
    <line class="boundary" x1=${sx(lo)} y1=${sy(lo)} x2=${sx(hi)} y2=${sy(hi)}></line>
    ${faction.map(
      (f, i) =>
        svg`<circle class="node ${FACTION_CLASS[latest.predicted[i]!]} true-${FACTION_CLASS[f]}"
          cx=${sx(xs[i]!)} cy=${sy(ys[i]!)} r="5"><title>member ${i}</title></circle>`,
    )}
    <text class="axis" x=${S - 8} y=${S - 16} text-anchor="end">score: Mr. Hi →</text>
    <text class="axis" x="16" y="14">↑ score: Officer</text>
  </svg>`;
}

export const legend = html`<p class="legend hint">
  <span class="swatch f0"></span> Mr. Hi's club <span class="swatch f1"></span> the Officer's club. Fill:
  predicted; outline: the club the member joined; dashed ring: a labelled member.
</p>`;
