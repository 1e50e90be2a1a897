// <viva-heatmap>: a fast heat map on a <canvas>, for data that changes many times a second (a decision
// boundary while training, attention weights while dragging). Optionally prints each cell's value (small
// matrices) and overlays points. Drawing a 64×64 map takes well under a millisecond; Plotly's heat map
// takes tens of milliseconds per update, which is what this component is for.
//
// Example: <viva-heatmap .z=${rows} zmin="-1" zmax="1" colormap="rdbu" .points=${pts}></viva-heatmap>
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { colorAt, readableTextOn, type ColormapName } from './colormap';
import './data-table';
import { describeGrid, gridTable } from './plot-text';

export interface HeatmapPoint {
  /** In data coordinates of `extent`. */
  x: number;
  y: number;
  color: string;
}

@customElement('viva-heatmap')
export class VivaHeatmap extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
    }
    canvas {
      display: block;
      width: 100%;
      image-rendering: pixelated;
      border-radius: 4px;
    }
  `;

  /** Rows of values; row 0 is drawn at the top unless `flipY`. */
  @property({ attribute: false }) z: ArrayLike<number>[] = [];
  @property({ type: Number }) zmin = 0;
  @property({ type: Number }) zmax = 1;
  @property() colormap: ColormapName = 'viridis';
  /** Draw row 0 at the bottom (for maps over a y axis pointing up). */
  @property({ type: Boolean }) flipY = false;
  /** Print each cell's value (for small matrices). */
  @property({ type: Boolean }) showValues = false;
  /** [xmin, xmax, ymin, ymax] of the map, for placing `points`. */
  @property({ attribute: false }) extent: [number, number, number, number] = [0, 1, 0, 1];
  @property({ attribute: false }) points: HeatmapPoint[] = [];
  /** Width / height of the drawing. */
  @property({ type: Number }) aspect = 1;
  @property() label = 'heat map';
  @query('canvas') private canvas!: HTMLCanvasElement;
  /** Number of redraws, for tests. */
  drawCount = 0;

  override render() {
    return html`<canvas role="img" aria-label=${`${this.label}. ${describeGrid(this.z)}`}></canvas>
      <viva-data-table .build=${() => gridTable(this.z, this.label)}></viva-data-table>`;
  }

  protected override updated(): void {
    this.draw();
  }

  private draw(): void {
    const canvas = this.canvas;
    const rows = this.z.length;
    const cols = rows ? this.z[0]!.length : 0;
    const cssWidth = this.clientWidth || 300;
    const cssHeight = cssWidth / this.aspect;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    canvas.width = Math.round(cssWidth * dpr);
    canvas.height = Math.round(cssHeight * dpr);
    canvas.style.height = `${cssHeight}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx || rows === 0 || cols === 0) return;
    // The map at one pixel per cell, scaled up by drawImage.
    const cells = new ImageData(cols, rows);
    for (let r = 0; r < rows; r++) {
      const row = this.z[this.flipY ? rows - 1 - r : r]!;
      for (let c = 0; c < cols; c++) {
        const [red, green, blue] = colorAt(this.colormap, row[c]!, this.zmin, this.zmax);
        const o = (r * cols + c) * 4;
        cells.data[o] = red;
        cells.data[o + 1] = green;
        cells.data[o + 2] = blue;
        cells.data[o + 3] = 255;
      }
    }
    const small = new OffscreenCanvas(cols, rows);
    small.getContext('2d')!.putImageData(cells, 0, 0);
    ctx.imageSmoothingEnabled = !this.showValues && rows > 16;
    ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
    const cw = canvas.width / cols;
    const ch = canvas.height / rows;
    if (this.showValues) {
      ctx.font = `${Math.min(14, ch * 0.35) * 1}px ui-monospace, monospace`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (let r = 0; r < rows; r++) {
        const row = this.z[this.flipY ? rows - 1 - r : r]!;
        for (let c = 0; c < cols; c++) {
          const v = row[c]!;
          ctx.fillStyle = readableTextOn(colorAt(this.colormap, v, this.zmin, this.zmax));
          ctx.fillText(Number.isFinite(v) ? v.toFixed(2) : String(v), (c + 0.5) * cw, (r + 0.5) * ch);
        }
      }
    }
    const [x0, x1, y0, y1] = this.extent;
    for (const p of this.points) {
      const px = ((p.x - x0) / (x1 - x0)) * canvas.width;
      const py = (1 - (p.y - y0) / (y1 - y0)) * canvas.height;
      ctx.beginPath();
      ctx.arc(px, py, 3.5 * dpr, 0, 2 * Math.PI);
      ctx.fillStyle = p.color;
      ctx.fill();
      ctx.lineWidth = dpr;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    }
    this.drawCount++;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-heatmap': VivaHeatmap;
  }
}
