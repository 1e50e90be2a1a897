// <viva-attention-map>: a small attention heat map drawn as a grid of cells with each weight written in it
// (an HTML grid, not Plotly: it re-renders in well under a millisecond, so it keeps up with a drag, and
// tests and screen readers can read the numbers). Hidden (masked) cells are hatched. Used by the attention
// and transformer cells.
//
// Example: <viva-attention-map .weights=${w} .rowLabels=${tokens} .colLabels=${tokens}></viva-attention-map>
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeGrid } from './plot-text';

@customElement('viva-attention-map')
export class VivaAttentionMap extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 0.72rem var(--mono, monospace);
      color: var(--text);
    }
    .caption {
      font:
        0.8rem system-ui,
        sans-serif;
      color: var(--muted);
      margin-bottom: 0.2rem;
    }
    .row {
      display: contents;
    }
    .row-head {
      align-self: center;
      min-width: 0;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .grid {
      display: grid;
      gap: 1px;
      width: max-content;
      max-width: 100%;
      overflow-x: auto;
    }
    .label {
      color: var(--muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      padding: 0 0.25rem;
      align-self: center;
    }
    .col-label {
      writing-mode: vertical-rl;
      transform: rotate(180deg);
      justify-self: center;
      max-height: 5rem;
      padding: 0.15rem 0;
    }
    button.label {
      font: inherit;
      background: none;
      border: 0;
      text-align: right;
      cursor: pointer;
    }
    button.label[aria-pressed='true'] {
      color: var(--accent);
      font-weight: 700;
    }
    .w {
      min-width: var(--cell, 2.4rem);
      height: var(--cell-h, 1.5rem);
      display: flex;
      align-items: center;
      justify-content: center;
      border-radius: 2px;
    }
    .w.hidden {
      background: repeating-linear-gradient(
        45deg,
        var(--surface-2),
        var(--surface-2) 3px,
        var(--border) 3px,
        var(--border) 5px
      );
      color: var(--muted);
    }
    .row-selected {
      outline: 2px solid var(--accent);
      outline-offset: -1px;
    }
    :host([compact]) .w {
      min-width: var(--cell, 1.1rem);
      height: var(--cell-h, 1.1rem);
      font-size: 0;
    }
  `;

  /** Rows are queries, columns keys; each row sums to 1. */
  @property({ attribute: false }) weights: number[][] = [];
  @property({ attribute: false }) rowLabels: string[] = [];
  @property({ attribute: false }) colLabels: string[] = [];
  /** masked[i][j]: key j is hidden from query i (drawn hatched). */
  @property({ attribute: false }) masked: boolean[][] | null = null;
  /** A highlighted query row; row labels become buttons that fire `select-row` (detail = row index). */
  @property({ type: Number }) selectedRow = -1;
  @property({ type: Boolean }) selectable = false;
  /** Small squares without numbers (the numbers stay in each cell's title and aria-label). */
  @property({ type: Boolean, reflect: true }) compact = false;
  @property() caption = '';

  override render() {
    const n = this.weights[0]?.length ?? 0;
    return html`
      ${this.caption ? html`<div class="caption">${this.caption}</div>` : nothing}
      <p class="visually-hidden" id="summary">
        Rows are queries, columns keys. ${describeGrid(this.weights, this.rowLabels, this.colLabels)}
      </p>
      <div
        class="grid"
        role="table"
        aria-label=${this.caption || 'attention weights'}
        aria-describedby="summary"
        style="grid-template-columns: auto repeat(${n}, auto)"
      >
        <div class="row" role="row">
          <span role="columnheader"><span class="visually-hidden">query → key</span></span>
          ${Array.from({ length: n }, (_, j) => html`<span class="label col-label" role="columnheader">${this.colLabels[j] ?? j}</span>`)}
        </div>
        ${this.weights.map((row, i) => html`<div class="row" role="row">${this.renderRow(row, i)}</div>`)}
      </div>
    `;
  }

  private renderRow(row: number[], i: number) {
    const label = this.rowLabels[i] ?? String(i);
    const selected = i === this.selectedRow;
    return html`
      ${
        this.selectable
          ? html`<span class="row-head" role="rowheader"
              ><button
                class="label row-label"
                aria-pressed=${selected ? 'true' : 'false'}
                title="Drag this token's query"
                @click=${() => this.dispatchEvent(new CustomEvent('select-row', { detail: i, bubbles: true, composed: true }))}
              >
                ${label}
              </button></span
            >`
          : html`<span class="label row-label" role="rowheader">${label}</span>`
      }
      ${row.map((w, j) => {
        const hidden = this.masked?.[i]?.[j] ?? false;
        const text = hidden ? '·' : w.toFixed(2);
        const name = `${label} → ${this.colLabels[j] ?? j}: ${hidden ? 'masked' : w.toFixed(4)}`;
        return html`<span
          class="w ${hidden ? 'hidden' : ''} ${selected ? 'row-selected' : ''}"
          role="cell"
          data-row=${i}
          data-col=${j}
          title=${name}
          aria-label=${name}
          style=${hidden ? '' : cellColour(w, this.compact)}
          >${text}</span
        >`;
      })}
    `;
  }
}

/**
 * Background from the surface colour (weight 0) towards the accent (weight 1). Where the weight is printed the
 * mix stops at half the accent, so the text colour keeps a contrast of at least 4.5:1 in both themes (neither
 * the text nor the accent-text colour reaches it on a 55–85% mix); compact squares print nothing and use it all.
 */
function cellColour(w: number, compact: boolean): string {
  const pct = Math.round(Math.max(0, Math.min(1, w)) * (compact ? 100 : 50));
  return `background: color-mix(in srgb, var(--accent) ${pct}%, var(--surface-2));`;
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-attention-map': VivaAttentionMap;
  }
}
