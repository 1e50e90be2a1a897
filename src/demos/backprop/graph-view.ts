// <viva-graph-view>: the computation graph as SVG, laid out left to right. Each node shows its op, its value
// (once the forward pass reached it) and its gradient (once the backward pass reached it); the active node
// and its inputs are highlighted, and the edges between them drawn thicker.
import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExpressionGraph } from '../../autograd';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './graph-layout';
import { fmt, nodeName, type Frame } from './walkthrough';

@customElement('viva-graph-view')
export class VivaGraphView extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow-x: auto;
    }
    svg {
      display: block;
      font: 11px var(--mono);
    }
    .node rect {
      fill: var(--surface);
      stroke: var(--border);
      stroke-width: 1.2;
    }
    .node.var rect {
      fill: var(--surface-2);
    }
    .node.active rect {
      stroke: var(--accent);
      stroke-width: 3;
    }
    .node.input rect {
      stroke: var(--focus);
      stroke-width: 2.5;
    }
    .op {
      font-weight: 700;
      fill: var(--text);
    }
    .value {
      fill: var(--text);
    }
    .grad {
      fill: var(--error);
    }
    .grad.partial {
      fill: var(--warn);
    }
    .pending {
      fill: var(--muted);
    }
    path.edge {
      fill: none;
      stroke: var(--muted);
      stroke-width: 1.2;
    }
    path.edge.hot {
      stroke: var(--accent);
      stroke-width: 2.8;
    }
  `;

  @property({ attribute: false }) graph: ExpressionGraph | null = null;
  @property({ attribute: false }) frame: Frame | null = null;

  override render() {
    const { graph, frame } = this;
    if (!graph || !frame) return html``;
    const { positions, width, height } = layoutGraph(graph.nodes);
    const inputs = new Set(frame.activeInputs);
    const edges = graph.nodes.flatMap((node) =>
      [...new Set(node.inputs)].map((input) => {
        const a = positions[input]!;
        const b = positions[node.id]!;
        const x1 = a.x + NODE_WIDTH;
        const y1 = a.y + NODE_HEIGHT / 2;
        const x2 = b.x;
        const y2 = b.y + NODE_HEIGHT / 2;
        const mid = (x1 + x2) / 2;
        const hot = frame.active === node.id && inputs.has(input);
        return svg`<path class="edge ${hot ? 'hot' : ''}" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" marker-end="url(#arrow)"></path>`;
      }),
    );
    const nodes = graph.nodes.map((node) => {
      const p = positions[node.id]!;
      const value = frame.values[node.id];
      const grad = frame.grads[node.id];
      const cls = [
        'node',
        node.op === 'var' || node.op === 'const' ? 'var' : '',
        frame.active === node.id ? 'active' : '',
        inputs.has(node.id) ? 'input' : '',
      ].join(' ');
      const title =
        node.op === 'var' || node.op === 'const' ? node.label : `${node.label}  ${nodeName(node)}`;
      return svg`<g class=${cls} data-node=${node.id} transform="translate(${p.x},${p.y})">
        <rect width=${NODE_WIDTH} height=${NODE_HEIGHT} rx="7"></rect>
        <text class="op" x="8" y="16">${title}</text>
        <text class=${value === null ? 'pending' : 'value'} x="8" y="33">value ${value === null ? '·' : fmt(value)}</text>
        <text class="grad ${grad !== null && !frame.complete[node.id] ? 'partial' : ''} ${grad === null ? 'pending' : ''}" x="8" y="49" data-grad=${grad ?? ''}>grad ${grad === null ? '·' : fmt(grad)}</text>
      </g>`;
    });
    return html`<svg
      width=${width}
      height=${height}
      viewBox="0 0 ${width} ${height}"
      role="img"
      aria-label="Computation graph of ${graph.expr}"
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor"></path>
        </marker>
      </defs>
      ${edges} ${nodes}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-graph-view': VivaGraphView;
  }
}
