// <viva-data-table>: "Show the data as a table" under a plot (issue 15). A <details> element, so it opens from
// the keyboard (Tab to it, Enter or Space); the table is built only while it is open, from a function the
// plot passes (`build`), so a plot fed many times a second pays nothing for it while it is closed.
//
// Example: <viva-data-table .build=${() => tracesTable(this.traces, this.axes)}></viva-data-table>
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DataTable } from './plot-text';

@customElement('viva-data-table')
export class VivaDataTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.78rem;
      color: var(--text, #222);
    }
    summary {
      cursor: pointer;
      color: var(--muted, #555);
      width: max-content;
      max-width: 100%;
    }
    summary:focus-visible {
      outline: 2px solid var(--focus, #f0a020);
      outline-offset: 2px;
    }
    .scroll {
      max-width: 100%;
      max-height: 16rem;
      overflow: auto;
      border: 1px solid var(--border, #ccc);
      border-radius: 4px;
      margin-top: 0.25rem;
    }
    .scroll:focus-visible {
      outline: 2px solid var(--focus, #f0a020);
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: left;
      padding: 0.2rem 0.4rem;
      color: var(--muted, #555);
    }
    th,
    td {
      padding: 0.1rem 0.5rem;
      text-align: right;
      white-space: nowrap;
      border-top: 1px solid var(--border, #ccc);
    }
    th {
      position: sticky;
      top: 0;
      background: var(--surface-2, #f1f2f4);
    }
  `;

  /** Builds the table when it is opened (and on every update while open). */
  @property({ attribute: false }) build: (() => DataTable) | null = null;
  @state() private open = false;

  override render() {
    const t = this.open && this.build ? this.build() : null;
    return html`<details @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
      <summary>Show the data as a table</summary>
      ${
        t
          ? html`<div class="scroll" tabindex="0" role="region" aria-label=${t.caption}>
              <table>
                <caption>
                  ${t.caption}
                </caption>
                <thead>
                  <tr>
                    ${t.headers.map((h) => html`<th scope="col">${h}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${t.rows.map(
                    (r) =>
                      html`<tr>
                        ${r.map((c) => html`<td>${c}</td>`)}
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-data-table': VivaDataTable;
  }
}
