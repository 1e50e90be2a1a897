// <viva-matrix-editor>: a small matrix (rows labelled by token) whose entries can be typed over. A valid
// number fires `edit` with detail { row, col, value }; a non-number keeps the old value and says so; a value
// beyond ±limit is clamped and the message says so.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

export interface MatrixEdit {
  row: number;
  col: number;
  value: number;
}

@customElement('viva-matrix-editor')
export class VivaMatrixEditor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 0.72rem var(--mono, monospace);
      color: var(--text);
    }
    .name {
      font:
        0.8rem system-ui,
        sans-serif;
      color: var(--muted);
    }
    table {
      border-collapse: collapse;
    }
    th {
      font-weight: 400;
      color: var(--muted);
      text-align: right;
      padding-right: 0.3rem;
      white-space: nowrap;
    }
    input {
      width: 3.3rem;
      font: inherit;
      color: var(--text);
      background: var(--bg, var(--surface));
      border: 1px solid var(--border);
      border-radius: 3px;
      padding: 0.05rem 0.2rem;
      text-align: right;
    }
    tr.selected input {
      border-color: var(--accent);
    }
    .message {
      color: var(--error);
      font:
        0.75rem system-ui,
        sans-serif;
      min-height: 1em;
    }
  `;

  @property() name = '';
  @property({ attribute: false }) values: number[][] = [];
  @property({ attribute: false }) rowLabels: string[] = [];
  @property({ type: Number }) selectedRow = -1;
  @property({ type: Number }) limit = 10;
  @state() private message = '';

  override render() {
    return html`
      <div class="name">${this.name}</div>
      <table aria-label=${this.name}>
        ${this.values.map(
          (row, i) =>
            html`<tr class=${i === this.selectedRow ? 'selected' : ''}>
              <th scope="row">${this.rowLabels[i] ?? i}</th>
              ${row.map(
                (x, j) =>
                  html`<td>
                    <input
                      type="text"
                      inputmode="decimal"
                      data-row=${i}
                      data-col=${j}
                      aria-label="${this.name} row ${this.rowLabels[i] ?? i}, column ${j + 1}"
                      .value=${x.toFixed(2)}
                      @change=${(e: Event) => this.onChange(e, i, j)}
                    />
                  </td>`,
              )}
            </tr>`,
        )}
      </table>
      <div class="message" role="status">${this.message}</div>
    `;
  }

  private onChange(e: Event, row: number, col: number): void {
    const input = e.target as HTMLInputElement;
    const text = input.value.trim();
    const parsed = text === '' ? NaN : Number(text);
    if (!Number.isFinite(parsed)) {
      this.message = `"${text}" is not a number; kept ${this.values[row]![col]!.toFixed(2)}.`;
      input.value = this.values[row]![col]!.toFixed(2);
      return;
    }
    const value = Math.max(-this.limit, Math.min(this.limit, parsed));
    this.message = value !== parsed ? `Entries are limited to ±${this.limit}; used ${value}.` : '';
    input.value = value.toFixed(2);
    const detail: MatrixEdit = { row, col, value };
    this.dispatchEvent(new CustomEvent('edit', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-matrix-editor': VivaMatrixEditor;
  }
}
