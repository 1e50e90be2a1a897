// <viva-line-chart>: line plots drawn on a <canvas>, for plots that must redraw within a frame of a control
// change (a log-axis per-layer gradient plot, loss curves fed while training). Takes the same line traces and
// axes as <viva-plot>; draws in the same task as the change (about a millisecond, against 20–40 ms for a
// Plotly redraw on these machines). Gaps where a value is not finite (or not positive on a log axis); a dot
// at every point of a short trace; hover or arrow keys read out every trace's value at one x.
//
// Example: <viva-line-chart .traces=${[{ type: 'line', x, y, name: 'A' }]} .axes=${{ yLog: true }}>
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { THEME_EVENT } from '../notebook/theme';
import { drawableExtent, formatValue } from './chart-scale';
import { drawChart, drawCursor, type ChartFrame } from './line-chart-draw';
import './data-table';
import type { LineTrace, PlotAxes } from './plot-spec';
import { tracesTable } from './plot-text';

@customElement('viva-line-chart')
export class VivaLineChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.2rem 0.9rem;
      margin: 0 0 0.2rem;
      padding: 0;
      list-style: none;
      font-size: 0.8rem;
      color: var(--text, #222);
    }
    ul[hidden] {
      display: none;
    }
    .title {
      font-size: 0.85rem;
      font-weight: 600;
      color: var(--text, #222);
      margin: 0 0 0.15rem;
    }
    li::before {
      content: '';
      display: inline-block;
      width: 1.4em;
      margin-right: 0.35em;
      vertical-align: middle;
      border-top: 2px var(--dash) var(--swatch);
    }
    canvas {
      display: block;
      width: 100%;
      border-radius: 4px;
    }
    canvas:focus-visible {
      outline: 2px solid var(--accent, #36c);
      outline-offset: 2px;
    }
    .readout {
      position: absolute;
      pointer-events: none;
      padding: 0.25rem 0.45rem;
      border-radius: 4px;
      background: var(--surface-2, #f1f2f4);
      color: var(--text, #222);
      border: 1px solid var(--plot-grid, #ddd);
      font-size: 0.75rem;
      white-space: nowrap;
    }
  `;

  @property({ attribute: false }) traces: LineTrace[] = [];
  /** Compared by value, so a template may pass a fresh literal on every render without a redraw. */
  @property({
    attribute: false,
    hasChanged: (a: PlotAxes, b: PlotAxes) => JSON.stringify(a) !== JSON.stringify(b),
  })
  axes: PlotAxes = {};
  @property() label = 'line chart';
  /** Height of the drawing in CSS pixels; the width follows the container. */
  @property({ type: Number }) height = 240;
  /** The x the readout is showing (hover or arrow keys), or null. */
  @state() private cursor: number | null = null;
  @query('canvas') private canvas!: HTMLCanvasElement;
  /** Number of redraws, for tests and benchmarks. */
  drawCount = 0;
  private frame: ChartFrame | null = null;
  private width = 0;
  private resizeObserver: ResizeObserver | null = null;
  private readonly onTheme = () => this.draw();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(THEME_EVENT, this.onTheme);
    this.resizeObserver = new ResizeObserver(() => {
      if (this.clientWidth !== this.width) this.draw();
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(THEME_EVENT, this.onTheme);
    this.resizeObserver?.disconnect();
  }

  /** The x tick labels of the last drawing, with their extent in CSS pixels (tests check none is cut). */
  get xLabels(): ChartFrame['xLabels'] {
    return this.frame?.xLabels ?? [];
  }

  /** Resolves once the latest change is drawn and a frame has shown it. */
  async whenDrawn(): Promise<void> {
    await this.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
  }

  override render() {
    const readout = this.readout();
    const legend = this.axes.showLegend ?? true;
    return html`
      ${this.axes.title ? html`<div class="title">${this.axes.title}</div>` : ''}
      <ul aria-hidden="true" ?hidden=${!legend}>
        ${this.traces.map(
          (t) =>
            html`<li
              style="--swatch:${t.color ?? 'currentColor'};--dash:${t.dash === 'dot' ? 'dotted' : t.dash === 'dash' ? 'dashed' : 'solid'}"
            >
              ${t.name ?? ''}
            </li>`,
        )}
      </ul>
      <canvas
        role="img"
        tabindex="0"
        aria-label=${`${this.axes.title ?? this.label}. ${this.summary()} Arrow keys read out the values.`}
        @pointermove=${this.onPointer}
        @pointerleave=${() => (this.cursor = null)}
        @keydown=${this.onKey}
        @blur=${() => (this.cursor = null)}
      ></canvas>
      ${
        readout
          ? html`<div class="readout" aria-live="polite" style=${readout.style}>
              ${readout.lines.map((l) => html`<div>${l}</div>`)}
            </div>`
          : ''
      }
      <viva-data-table .build=${() => tracesTable(this.traces, this.axes)}></viva-data-table>
    `;
  }

  protected override updated(): void {
    this.draw();
  }

  /** Every distinct x of the traces, sorted (the positions the readout steps through). */
  private xs(): number[] {
    const all = new Set<number>();
    for (const t of this.traces) for (let i = 0; i < t.x.length; i++) all.add(t.x[i]!);
    return [...all].filter(Number.isFinite).sort((a, b) => a - b);
  }

  private summary(): string {
    return this.traces
      .map((t) => {
        const e = drawableExtent(Array.from(t.y), Boolean(this.axes.yLog));
        return `${t.name ?? 'series'}: ${t.y.length} points${e ? ` from ${formatValue(e[0])} to ${formatValue(e[1])}` : ''}.`;
      })
      .join(' ');
  }

  private readonly onPointer = (e: PointerEvent): void => {
    const f = this.frame;
    if (!f) return;
    const px = e.clientX - this.canvas.getBoundingClientRect().left;
    let best: number | null = null;
    for (const x of this.xs())
      if (best === null || Math.abs(f.x(x) - px) < Math.abs(f.x(best) - px)) best = x;
    this.cursor = best;
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    const xs = this.xs();
    // Escape clears a readout; with none showing it is left to the page (where it stops a running demo).
    const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End', ...(this.cursor === null ? [] : ['Escape'])];
    if (!xs.length || !keys.includes(e.key)) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') return void (this.cursor = null);
    const i = this.cursor === null ? -1 : xs.indexOf(this.cursor);
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? xs.length - 1
          : e.key === 'ArrowLeft'
            ? Math.max(0, i - 1)
            : i + 1;
    this.cursor = xs[Math.min(xs.length - 1, Math.max(0, next))]!;
  };

  private readout(): { lines: string[]; style: string } | null {
    const f = this.frame;
    const x = this.cursor;
    if (!f || x === null) return null;
    const lines = [`${this.axes.xTitle ?? 'x'} = ${formatValue(x)}`];
    for (const t of this.traces) {
      const i = Array.prototype.indexOf.call(t.x, x) as number;
      if (i >= 0) lines.push(`${t.name ?? 'series'}: ${formatValue(t.y[i]!)}`);
    }
    const px = f.x(x);
    const side = px > (f.left + f.right) / 2 ? `right:${this.width - px + 8}px` : `left:${px + 8}px`;
    return { lines, style: `${side};top:${f.top + 24}px` };
  }

  private draw(): void {
    const canvas = this.canvas;
    const ctx = canvas?.getContext('2d');
    if (!ctx) return;
    const s = getComputedStyle(this);
    const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
    const theme = { text: v('--text', '#222'), muted: v('--muted', '#666'), grid: v('--plot-grid', '#ddd') };
    this.width = this.clientWidth || 300;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    canvas.width = Math.round(this.width * dpr);
    canvas.height = Math.round(this.height * dpr);
    canvas.style.height = `${this.height}px`;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.frame = drawChart(ctx, { width: this.width, height: this.height }, this.traces, this.axes, theme);
    if (this.cursor !== null) drawCursor(ctx, this.frame, this.cursor, theme.muted);
    this.drawCount++;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-line-chart': VivaLineChart;
  }
}
