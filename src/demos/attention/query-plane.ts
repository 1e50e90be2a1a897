// <viva-query-plane>: the keys of one head as labelled points on a 2-D plane (their first two components)
// and the selected query as a handle to drag (pointer) or nudge (arrow keys; Shift for bigger steps). Each
// move fires `query-move` with detail { x, y, timeStamp } at once, so the cell recomputes on every pointer
// event; the plane's range is fixed while dragging so the picture does not jump under the pointer.
import { LitElement, css, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { placeLabels } from './label-placement';

export interface PlanePoint {
  x: number;
  y: number;
  label: string;
  /** 0..1: how much weight the query puts on this key (drawn as the point's size and colour). */
  weight?: number;
}

export interface QueryMove {
  x: number;
  y: number;
  /** The input event's time (performance.now() origin), to measure input-to-update latency. */
  timeStamp: number;
}

const SIZE = 240;
/** Key labels: 10 px monospace (about 6 px a character), kept inside the drawing. */
const LABEL_LAYOUT = { charWidth: 6.2, height: 10, gap: 6, bounds: [0, SIZE + 20] as [number, number] };

@customElement('viva-query-plane')
export class VivaQueryPlane extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--text);
    }
    svg {
      width: 100%;
      max-width: ${SIZE + 20}px;
      aspect-ratio: 1;
      touch-action: none;
      background: var(--surface-2);
      border: 1px solid var(--border);
      border-radius: 6px;
      user-select: none;
    }
    .axis {
      stroke: var(--border);
    }
    .key {
      fill: var(--accent);
      fill-opacity: 0.35;
      stroke: var(--accent);
    }
    .key-label {
      fill: var(--text);
      font: 10px var(--mono, monospace);
    }
    .handle {
      fill: var(--error, #c33);
      stroke: var(--surface);
      stroke-width: 2;
      cursor: grab;
    }
    .handle:focus-visible,
    .handle.dragging {
      stroke: var(--text);
      outline: none;
    }
    .ray {
      stroke: var(--error, #c33);
      stroke-dasharray: 3 3;
    }
    .hint {
      font-size: 0.78rem;
      color: var(--muted);
    }
  `;

  @property({ attribute: false }) keys: PlanePoint[] = [];
  @property({ attribute: false }) query: { x: number; y: number } = { x: 0, y: 0 };
  @property() queryLabel = 'q';
  /** Half-width of the plane in data units; ignored while dragging. */
  @property({ type: Number }) range = 3;
  @state() private dragging = false;
  private frozenRange = 3;

  private get r(): number {
    return this.dragging ? this.frozenRange : this.range;
  }

  private toScreen(x: number, y: number): [number, number] {
    const r = this.r;
    return [((x + r) / (2 * r)) * SIZE + 10, ((r - y) / (2 * r)) * SIZE + 10];
  }

  private fromEvent(e: PointerEvent): [number, number] {
    const rect = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * (SIZE + 20) - 10;
    const py = ((e.clientY - rect.top) / rect.height) * (SIZE + 20) - 10;
    const r = this.r;
    const clamp = (v: number) => Math.max(-r, Math.min(r, v));
    return [clamp((px / SIZE) * 2 * r - r), clamp(r - (py / SIZE) * 2 * r)];
  }

  private move(x: number, y: number, timeStamp: number): void {
    const detail: QueryMove = { x, y, timeStamp };
    this.dispatchEvent(new CustomEvent('query-move', { detail, bubbles: true, composed: true }));
  }

  private onDown(e: PointerEvent): void {
    this.frozenRange = this.range;
    this.dragging = true;
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    const [x, y] = this.fromEvent(e);
    this.move(x, y, e.timeStamp);
  }

  private onMove(e: PointerEvent): void {
    if (!this.dragging) return;
    const [x, y] = this.fromEvent(e);
    this.move(x, y, e.timeStamp);
  }

  private onUp(): void {
    this.dragging = false;
    this.dispatchEvent(new CustomEvent('query-release', { bubbles: true, composed: true }));
  }

  private onKey(e: KeyboardEvent): void {
    const step = (e.shiftKey ? 0.5 : 0.1) * (this.range / 3);
    const d: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const delta = d[e.key];
    if (!delta) return;
    e.preventDefault();
    const clamp = (v: number) => Math.max(-this.range, Math.min(this.range, v));
    this.move(clamp(this.query.x + delta[0]), clamp(this.query.y + delta[1]), e.timeStamp);
  }

  override render() {
    const [ox, oy] = this.toScreen(0, 0);
    const [qx, qy] = this.toScreen(this.query.x, this.query.y);
    const screen = this.keys.map((k) => this.toScreen(k.x, k.y));
    const labels = placeLabels(
      this.keys.map((k, i) => ({ x: screen[i]![0], y: screen[i]![1], label: k.label })),
      LABEL_LAYOUT,
    );
    return html`
      <svg
        viewBox="0 0 ${SIZE + 20} ${SIZE + 20}"
        role="group"
        aria-label="Query plane: drag the red query, or focus it and use the arrow keys"
        @pointerdown=${this.onDown}
        @pointermove=${this.onMove}
        @pointerup=${this.onUp}
        @pointercancel=${this.onUp}
      >
        <line class="axis" x1="10" x2=${SIZE + 10} y1=${oy} y2=${oy}></line>
        <line class="axis" y1="10" y2=${SIZE + 10} x1=${ox} x2=${ox}></line>
        <line class="ray" x1=${ox} y1=${oy} x2=${qx} y2=${qy}></line>
        ${this.keys.map((k, i) => {
          const [x, y] = screen[i]!;
          const w = k.weight ?? 0;
          return svg`<circle class="key" cx=${x} cy=${y} r=${4 + 10 * Math.sqrt(w)} fill-opacity=${0.15 + 0.75 * w}></circle>`;
        })}
        ${labels.map((b, i) => svg`<text class="key-label" x=${b.x} y=${b.y}>${this.keys[i]!.label}</text>`)}
        <circle
          class="handle ${this.dragging ? 'dragging' : ''}"
          cx=${qx}
          cy=${qy}
          r="8"
          tabindex="0"
          role="slider"
          aria-label="query of ${this.queryLabel}: ${this.query.x.toFixed(2)}, ${this.query.y.toFixed(2)}"
          aria-valuetext="${this.query.x.toFixed(2)}, ${this.query.y.toFixed(2)}"
          @keydown=${this.onKey}
        ></circle>
      </svg>
      <div class="hint">
        Keys (dots, sized by weight) and the query of “${this.queryLabel}” (red) in their first two
        components.
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-query-plane': VivaQueryPlane;
  }
}
