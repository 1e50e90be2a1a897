// <viva-gnn-stepper>: one message-passing layer on a six-node graph, one node at a time (Next node) or all at
// once (Whole layer): the node's incoming messages (its neighbours' states), their aggregate (sum, mean or
// max, the `how` property) and its update h' = ReLU(W_self h + W_neigh m). Buttons are real buttons; the
// current step is announced in a live region.
import { LitElement, css, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { messagePassing, STEPPER_WEIGHTS, stepperGraph, type Aggregator } from '../../../kernels/gnn';
import { demoStyles } from '../../ui/demo-styles';

const POS: [number, number][] = [
  [50, 35],
  [50, 125],
  [140, 80],
  [250, 80],
  [330, 35],
  [330, 125],
];
const fmt = (v: readonly number[]) =>
  `(${v.map((x) => (Math.abs(x) < 1e-12 ? 0 : x).toFixed(2)).join(', ')})`;

@customElement('viva-gnn-stepper')
export class VivaGnnStepper extends LitElement {
  static override styles = [
    demoStyles,
    css`
      svg {
        width: 100%;
        max-width: 420px;
        display: block;
        font: 10px var(--mono);
      }
      line {
        stroke: var(--border);
        stroke-width: 1.5;
      }
      line.hot {
        stroke: var(--accent);
        stroke-width: 3;
      }
      circle {
        fill: var(--surface-2);
        stroke: var(--muted);
      }
      circle.current {
        stroke: var(--accent);
        stroke-width: 3;
      }
      circle.done {
        fill: var(--surface);
        stroke: var(--ok);
      }
      text {
        fill: var(--text);
        text-anchor: middle;
      }
      table {
        font: 0.8rem var(--mono);
        border-collapse: collapse;
      }
      td,
      th {
        padding: 0.1rem 0.5rem;
        text-align: left;
      }
    `,
  ];

  @property() how: Aggregator = 'mean';
  /** How many nodes have been updated (0 … 6). */
  @state() private done = 0;
  /** Whole layer was pressed: show every node's update, not one node's messages. */
  @state() private whole = false;

  private readonly base = stepperGraph();

  restart(): void {
    this.done = 0;
    this.whole = false;
  }

  private next(): void {
    this.done++;
    this.whole = false;
  }

  private all(): void {
    this.done = this.base.graph.n;
    this.whole = true;
  }

  override render() {
    const { graph, features } = this.base;
    const updates = messagePassing(graph, features, this.how, STEPPER_WEIGHTS);
    const cur = !this.whole && this.done > 0 ? updates[this.done - 1]! : null;
    const edges = graph.neighbours.flatMap((nb, i) => nb.filter((j) => j > i).map((j) => [i, j] as const));
    return html`
      <div class="row">
        <button class="next-node" ?disabled=${this.done >= graph.n} @click=${() => this.next()}>
          Next node
        </button>
        <button class="whole-layer" ?disabled=${this.done >= graph.n} @click=${() => this.all()}>
          Whole layer
        </button>
        <button class="restart" ?disabled=${this.done === 0} @click=${() => this.restart()}>
          Start again
        </button>
      </div>
      <svg viewBox="0 0 390 160" role="img" aria-label="A six-node graph; node states beside each node">
        ${edges.map(([i, j]) => {
          const hot = cur !== null && (cur.node === i || cur.node === j);
          return svg`<line class=${hot ? 'hot' : ''} x1=${POS[i]![0]} y1=${POS[i]![1]} x2=${POS[j]![0]} y2=${POS[j]![1]}></line>`;
        })}
        ${features.map((h, i) => {
          const cls = cur?.node === i ? 'current' : i < this.done ? 'done' : '';
          const shown = i < this.done ? updates[i]!.update : h;
          return svg`<circle class=${cls} cx=${POS[i]![0]} cy=${POS[i]![1]} r="11"></circle>
            <text x=${POS[i]![0]} y=${POS[i]![1] + 3.5}>${i}</text>
            <text x=${POS[i]![0]} y=${POS[i]![1] + (POS[i]![1] < 80 ? -16 : 25)}>${fmt(shown)}</text>`;
        })}
      </svg>
      <p class="step-state" aria-live="polite">
        ${
          cur
            ? `Node ${cur.node}: ${cur.messages.length} incoming message${cur.messages.length === 1 ? '' : 's'}, ${this.how} ${fmt(cur.aggregate)}, new state ${fmt(cur.update)}.`
            : !this.whole
              ? 'Press Next node to update node 0 from its neighbours.'
              : `Layer done: all ${graph.n} nodes updated (shown beside each node). Every node used its neighbours' old states.`
        }
      </p>
      ${
        cur
          ? html`<table class="messages">
              <tr>
                <th>message from</th>
                <th>h_u</th>
              </tr>
              ${cur.messages.map(
                (m) =>
                  html`<tr>
                    <td>node ${m.from}</td>
                    <td>${fmt(m.value)}</td>
                  </tr>`,
              )}
              <tr>
                <th>aggregate (${this.how})</th>
                <td class="aggregate">${fmt(cur.aggregate)}</td>
              </tr>
              <tr>
                <th>own state h_v</th>
                <td>${fmt(features[cur.node]!)}</td>
              </tr>
              <tr>
                <th>update ReLU(h_v + W m)</th>
                <td class="update">${fmt(cur.update)}</td>
              </tr>
            </table>`
          : ''
      }
      <p class="hint">W_self = I, W_neigh = [[0.5, −0.5], [0.5, 0.5]] (half the aggregate, turned 45°).</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-gnn-stepper': VivaGnnStepper;
  }
}
