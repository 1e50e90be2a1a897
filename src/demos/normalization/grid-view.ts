// The editable grid's views, pure: the hint, the input table (with each slice's μ and σ² beside it), the
// normalized output table and the running-statistics line, from the grid session's state. Highlighted cells
// are the slice the selected cell is normalized with: its column for batch norm, its row for layer norm.
import { html } from 'lit';
import { fmt, inSlice, type NormMode } from './grid-model';
import type { BnMode, NormGridSession } from './grid-session';

export interface GridHandlers {
  select(row: number, col: number): void;
  edit(row: number, col: number, input: HTMLInputElement): void;
  feed(): void;
  clearRunning(): void;
}

export function gridHint(mode: NormMode, bnMode: BnMode) {
  const batch = mode === 'batch';
  const stats = batch
    ? bnMode === 'eval'
      ? 'the running statistics eval mode uses'
      : "each feature's batch statistics"
    : "each example's statistics";
  return html`<p class="hint">
    Click a number: the highlighted
    ${batch ? 'column (one feature over the batch)' : 'row (one example over its features)'} is the slice it
    is normalized with; μ and σ² are ${stats}. Type to edit.
  </p>`;
}

export function gridTables(g: NormGridSession, mode: NormMode, on: GridHandlers) {
  const r = g.result;
  const hl = (i: number, j: number) => (inSlice(mode, g.selected, i, j) ? 'hl' : '');
  const batch = mode === 'batch';
  const mean = (k: number) => (r ? fmt(r.mean[k]!) : '');
  const variance = (k: number) => (r ? fmt(r.variance[k]!) : '');
  const cols = g.x[0]!.map((_, j) => j);
  return html`<div class="grids">
    <table class="input" aria-label="Input activations, batch × features">
      <tr>
        <th></th>
        ${cols.map((j) => html`<th scope="col">f${j + 1}</th>`)}
        ${
          batch
            ? ''
            : html`<th class="stat">μ</th>
                <th class="stat">σ²</th>`
        }
      </tr>
      ${g.x.map(
        (row, i) =>
          html`<tr>
            <th scope="row">x${i + 1}</th>
            ${row.map(
              (v, j) =>
                html`<td class=${hl(i, j)}>
                  <input
                    class="cell"
                    data-row=${i}
                    data-col=${j}
                    aria-label=${`example ${i + 1}, feature ${j + 1}`}
                    inputmode="decimal"
                    .value=${String(v)}
                    @focus=${() => on.select(i, j)}
                    @change=${(e: Event) => on.edit(i, j, e.target as HTMLInputElement)}
                  />
                </td>`,
            )}
            ${
              batch
                ? ''
                : html`<td class="stat mean ${hl(i, 0)}">${mean(i)}</td>
                    <td class="stat var ${hl(i, 0)}">${variance(i)}</td>`
            }
          </tr>`,
      )}
      ${
        batch
          ? html`<tr class="stats">
                <th scope="row">μ</th>
                ${cols.map((j) => html`<td class="stat mean ${hl(0, j)}">${mean(j)}</td>`)}
              </tr>
              <tr class="stats">
                <th scope="row">σ²</th>
                ${cols.map((j) => html`<td class="stat var ${hl(0, j)}">${variance(j)}</td>`)}
              </tr>`
          : ''
      }
    </table>
    <table class="output" aria-label="Normalized output">
      <tr>
        ${cols.map((j) => html`<th scope="col">y${j + 1}</th>`)}
      </tr>
      ${(r?.output ?? g.x.map((row) => row.map(() => NaN))).map(
        (row, i) =>
          html`<tr>
            ${row.map((v, j) => html`<td class="out ${hl(i, j)}" data-row=${i} data-col=${j}>${fmt(v)}</td>`)}
          </tr>`,
      )}
    </table>
  </div>`;
}

export function runningStatistics(g: NormGridSession, on: GridHandlers) {
  return html`<div class="running">
    <button class="feed" @click=${() => on.feed()}>Update running statistics with this batch</button>
    <button class="clear-running" @click=${() => on.clearRunning()}>Reset running statistics</button>
    <span class="stats-line"
      >fed ${g.fed} batch${g.fed === 1 ? '' : 'es'} · running μ
      [${g.running.mean.map((m) => fmt(m)).join(', ')}] · running σ²
      [${g.running.variance.map((v) => fmt(v)).join(', ')}]</span
    >
  </div>`;
}
