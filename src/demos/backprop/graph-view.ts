// <viva-graph-view>: the computation graph as SVG, laid out left to right, fitted to its panel's width (see
// graph-viewport.ts), with zoom buttons and pan by drag or arrow keys. Each node shows its op, its value
// (once the forward pass reached it) and its gradient (once the backward pass reached it); the active node
// and its inputs are highlighted, the edges between them drawn thicker, and a saturated tanh or σ flagged.
import { LitElement, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ExpressionGraph } from '../../autograd';
import { graphViewStyles } from './graph-view-styles';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from './graph-layout';
import { fitView, panView, resizeView, viewBox, zoomView, type Viewport } from './graph-viewport';
import type { SaturatedNode } from './saturation';
import { fmt, nodeName, type Frame } from './walkthrough';

const ZOOM_STEP = 1.25;
/** Arrow keys pan by this many screen pixels. */
const PAN_STEP = 40;

@customElement('viva-graph-view')
export class VivaGraphView extends LitElement {
  static override styles = graphViewStyles;

  @property({ attribute: false }) graph: ExpressionGraph | null = null;
  @property({ attribute: false }) frame: Frame | null = null;
  @property({ attribute: false }) saturated: readonly SaturatedNode[] = [];
  /** The graph is for an earlier input than the one shown above it. */
  @property({ type: Boolean, reflect: true }) stale = false;
  @state() private view: Viewport | null = null;
  private layout: { graph: ExpressionGraph; layout: GraphLayout } | null = null;
  /** The structure the view was fitted to: a new structure is fitted afresh, new values keep the view. */
  private fittedTo = '';
  private panelWidth = 0;
  /** The user zoomed or panned: a resize keeps their view instead of fitting afresh. */
  private touched = false;
  private drag: { id: number; x: number; y: number } | null = null;
  private readonly resize = new ResizeObserver(() => this.onResize());

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize.disconnect();
    super.disconnectedCallback();
  }

  private onResize(): void {
    const width = this.clientWidth;
    if (width === this.panelWidth || width === 0) return;
    this.panelWidth = width;
    const l = this.currentLayout();
    if (!this.touched) this.fit();
    else if (this.view && l) this.view = resizeView(this.view, width, l);
    this.requestUpdate();
  }

  private currentLayout(): GraphLayout | null {
    if (!this.graph) return null;
    if (this.layout?.graph !== this.graph)
      this.layout = { graph: this.graph, layout: layoutGraph(this.graph.nodes) };
    return this.layout.layout;
  }

  /** The view fitted to the panel: the whole graph, or its right end with the output node. */
  fit(): void {
    const l = this.currentLayout();
    if (!l || !this.graph) return;
    const out = l.positions[this.graph.output]!;
    this.touched = false;
    this.view = fitView(l, this.panelWidth || this.clientWidth || 600, out.y + NODE_HEIGHT / 2);
  }

  private zoom(factor: number): void {
    const l = this.currentLayout();
    if (this.view && l) this.view = zoomView(this.view, factor, l);
    this.touched = true;
  }

  private pan(dx: number, dy: number): void {
    const l = this.currentLayout();
    if (this.view && l) this.view = panView(this.view, dx, dy, l);
    this.touched = true;
  }

  private onKey(e: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const move = moves[e.key];
    if (move) this.pan(...move);
    else if (e.key === '+' || e.key === '=') this.zoom(ZOOM_STEP);
    else if (e.key === '-') this.zoom(1 / ZOOM_STEP);
    else if (e.key === '0') this.fit();
    else return;
    e.preventDefault();
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  }

  private onPointerMove(e: PointerEvent): void {
    if (this.drag?.id !== e.pointerId) return;
    this.pan(e.clientX - this.drag.x, e.clientY - this.drag.y);
    this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY };
  }

  override willUpdate(): void {
    const g = this.graph;
    const key = g ? `${g.expr}|${g.nodes.length}` : '';
    if (key !== this.fittedTo || (g && !this.view)) {
      this.fittedTo = key;
      this.fit();
    }
  }

  override render() {
    const { graph, frame, view } = this;
    const l = this.currentLayout();
    if (!graph || !frame || !l || !view) return html``;
    return html`
      <div class="row tools" role="toolbar" aria-label="Graph view">
        <button class="zoom-out" aria-label="Zoom out" @click=${() => this.zoom(1 / ZOOM_STEP)}>−</button>
        <button class="zoom-in" aria-label="Zoom in" @click=${() => this.zoom(ZOOM_STEP)}>+</button>
        <button class="zoom-reset" @click=${() => this.fit()}>Fit</button>
        <span class="hint">${Math.round(view.scale * 100)}% · drag or arrow keys to pan</span>
      </div>
      <div
        class="viewport"
        tabindex="0"
        role="group"
        aria-label="Computation graph: arrow keys pan, + and − zoom, 0 fits"
        @keydown=${(e: KeyboardEvent) => this.onKey(e)}
        @pointerdown=${(e: PointerEvent) => this.onPointerDown(e)}
        @pointermove=${(e: PointerEvent) => this.onPointerMove(e)}
        @pointerup=${() => (this.drag = null)}
        @pointercancel=${() => (this.drag = null)}
      >
        <svg
          width=${view.width}
          height=${view.height}
          viewBox=${viewBox(view)}
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
          ${this.edges(graph, frame, l)} ${this.nodes(graph, frame, l)}
        </svg>
      </div>
    `;
  }

  private edges(graph: ExpressionGraph, frame: Frame, { positions }: GraphLayout) {
    const inputs = new Set(frame.activeInputs);
    return graph.nodes.flatMap((node) =>
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
  }

  private nodes(graph: ExpressionGraph, frame: Frame, { positions }: GraphLayout) {
    const inputs = new Set(frame.activeInputs);
    const saturated = new Map(this.saturated.map((s) => [s.id, s]));
    return graph.nodes.map((node) => {
      const p = positions[node.id]!;
      const value = frame.values[node.id];
      const grad = frame.grads[node.id];
      const sat = saturated.get(node.id);
      const cls = [
        'node',
        node.op === 'var' || node.op === 'const' ? 'var' : '',
        frame.active === node.id ? 'active' : '',
        inputs.has(node.id) ? 'input' : '',
        node.id === graph.output ? 'output' : '',
        sat ? 'saturated' : '',
      ].join(' ');
      const title =
        node.op === 'var' || node.op === 'const' ? node.label : `${node.label}  ${nodeName(node)}`;
      return svg`<g class=${cls} data-node=${node.id} transform="translate(${p.x},${p.y})">
        <rect width=${NODE_WIDTH} height=${NODE_HEIGHT} rx="7"></rect>
        <text class="op" x="8" y="16">${title}</text>
        <text class=${value === null ? 'pending' : 'value'} x="8" y="33">value ${value === null ? '·' : fmt(value)}</text>
        <text class="grad ${grad !== null && !frame.complete[node.id] ? 'partial' : ''} ${grad === null ? 'pending' : ''}" x="8" y="49" data-grad=${grad ?? ''}>grad ${grad === null ? '·' : fmt(grad)}</text>
        ${sat ? svg`<text class="sat" x="2" y="-4">⚠ saturated</text><title>${node.label}′ = ${fmt(sat.local)}: saturated, passes almost no gradient back</title>` : ''}
      </g>`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-graph-view': VivaGraphView;
  }
}
