// <viva-norm-grid>: an editable batch × features grid of activations, normalized live by batch norm or layer
// norm (the kernels on tfjs). Click a cell to highlight the slice its norm averages over — its column for
// batch norm, its row for layer norm — with each slice's mean and variance beside the grid, and the
// normalized output next to it. Batch norm can run in eval mode with running statistics that the user feeds
// batch by batch, to see how far they lag a fresh layer's batch statistics.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  batchNorm,
  layerNorm,
  type NormResult,
  type RunningStatistics,
} from '../../../kernels/normalization';
import { computeRuntime } from '../../runtime/compute';
import '../../ui/controls/select';
import { GRID_COLS, fmt, inSlice, parseCell, randomGrid, type NormMode } from './grid-model';
import { gridStyles } from './styles';

const freshRunning = (): RunningStatistics => ({
  mean: new Array<number>(GRID_COLS).fill(0),
  variance: new Array<number>(GRID_COLS).fill(1),
});

@customElement('viva-norm-grid')
export class VivaNormGrid extends LitElement {
  static override styles = gridStyles;

  @state() x: number[][] = randomGrid(1);
  @state() mode: NormMode = 'batch';
  @state() bnMode: 'train' | 'eval' = 'train';
  @state() selected = { row: 0, col: 0 };
  @state() running: RunningStatistics = freshRunning();
  @state() fed = 0;
  @state() result: NormResult | null = null;
  @state() message = '';
  private gridSeed = 1;
  private computeId = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.recompute();
  }

  /** Back to the shipped grid and settings. */
  reset(): void {
    this.gridSeed = 1;
    Object.assign(this, { x: randomGrid(1), mode: 'batch', bnMode: 'train', selected: { row: 0, col: 0 } });
    Object.assign(this, { running: freshRunning(), fed: 0, message: '' });
    void this.recompute();
  }

  /** Normalizes the current grid; a newer call's result replaces an older one's. */
  async recompute(): Promise<void> {
    const id = ++this.computeId;
    try {
      await computeRuntime().ensure();
      const result =
        this.mode === 'layer'
          ? await layerNorm(this.x)
          : await batchNorm(this.x, { mode: this.bnMode, running: this.running });
      if (id === this.computeId) this.result = result;
    } catch (e) {
      if (id === this.computeId) this.message = e instanceof Error ? e.message : String(e);
    }
  }

  private edit(i: number, j: number, input: HTMLInputElement): void {
    const parsed = parseCell(input.value);
    if ('error' in parsed) {
      this.message = `Row ${i + 1}, feature ${j + 1}: ${parsed.error}; kept ${this.x[i]![j]}.`;
      input.value = String(this.x[i]![j]);
      return;
    }
    this.message = '';
    this.x = this.x.map((r, a) => (a === i ? r.map((v, b) => (b === j ? parsed.value : v)) : r));
    void this.recompute();
  }

  private randomize(): void {
    this.x = randomGrid(++this.gridSeed);
    this.message = '';
    void this.recompute();
  }

  /** One training-mode step of the running averages with this batch (momentum 0.1). */
  private async feed(): Promise<void> {
    try {
      await computeRuntime().ensure();
      const { running } = await batchNorm(this.x, { running: this.running });
      this.running = running;
      this.fed++;
    } catch (e) {
      this.message = e instanceof Error ? e.message : String(e);
    }
    void this.recompute();
  }

  private set(patch: Partial<Pick<VivaNormGrid, 'mode' | 'bnMode'>>): void {
    Object.assign(this, patch);
    void this.recompute();
  }

  override render() {
    const r = this.result;
    const hl = (i: number, j: number) => (inSlice(this.mode, this.selected, i, j) ? 'hl' : '');
    const batch = this.mode === 'batch';
    const mean = (k: number) => (r ? fmt(r.mean[k]!) : '');
    const variance = (k: number) => (r ? fmt(r.variance[k]!) : '');
    return html`
      <div class="bar">
        <viva-select
          class="mode"
          label="Normalize with"
          .options=${[
            { value: 'batch', label: 'batch norm (per feature, over the batch)' },
            { value: 'layer', label: 'layer norm (per example, over features)' },
          ]}
          .value=${this.mode}
          @change=${(e: CustomEvent<string>) => this.set({ mode: e.detail as NormMode })}
        ></viva-select>
        ${
          batch
            ? html`<viva-select
                class="bn-mode"
                label="Batch norm mode"
                .options=${[
                  { value: 'train', label: 'train: batch statistics' },
                  { value: 'eval', label: 'eval: running statistics' },
                ]}
                .value=${this.bnMode}
                @change=${(e: CustomEvent<string>) => this.set({ bnMode: e.detail as 'train' | 'eval' })}
              ></viva-select>`
            : ''
        }
        <button class="randomize" @click=${() => this.randomize()}>Randomize</button>
      </div>
      <p class="hint">
        Click a number: the highlighted
        ${batch ? 'column (one feature over the batch)' : 'row (one example over its features)'} is the slice
        it is normalized with; μ and σ² are
        ${
          batch
            ? this.bnMode === 'eval'
              ? 'the running statistics eval mode uses'
              : "each feature's batch statistics"
            : "each example's statistics"
        }.
        Type to edit.
      </p>
      <div class="grids">
        <table class="input" aria-label="Input activations, batch × features">
          <tr>
            <th></th>
            ${this.x[0]!.map((_, j) => html`<th scope="col">f${j + 1}</th>`)}
            ${
              batch
                ? ''
                : html`<th class="stat">μ</th>
                    <th class="stat">σ²</th>`
            }
          </tr>
          ${this.x.map(
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
                        @focus=${() => (this.selected = { row: i, col: j })}
                        @change=${(e: Event) => this.edit(i, j, e.target as HTMLInputElement)}
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
                    ${this.x[0]!.map((_, j) => html`<td class="stat mean ${hl(0, j)}">${mean(j)}</td>`)}
                  </tr>
                  <tr class="stats">
                    <th scope="row">σ²</th>
                    ${this.x[0]!.map((_, j) => html`<td class="stat var ${hl(0, j)}">${variance(j)}</td>`)}
                  </tr>`
              : ''
          }
        </table>
        <table class="output" aria-label="Normalized output">
          <tr>
            ${this.x[0]!.map((_, j) => html`<th scope="col">y${j + 1}</th>`)}
          </tr>
          ${(r?.output ?? this.x.map((row) => row.map(() => NaN))).map(
            (row, i) =>
              html`<tr>
                ${row.map((v, j) => html`<td class="out ${hl(i, j)}" data-row=${i} data-col=${j}>${fmt(v)}</td>`)}
              </tr>`,
          )}
        </table>
      </div>
      <div class="error" role="status">${this.message}</div>
      ${
        batch
          ? html`<div class="running">
              <button class="feed" @click=${() => void this.feed()}>
                Update running statistics with this batch
              </button>
              <button
                class="clear-running"
                @click=${() => ((this.running = freshRunning()), (this.fed = 0), void this.recompute())}
              >
                Reset running statistics
              </button>
              <span class="stats-line"
                >fed ${this.fed} batch${this.fed === 1 ? '' : 'es'} · running μ
                [${this.running.mean.map((m) => fmt(m)).join(', ')}] · running σ²
                [${this.running.variance.map((v) => fmt(v)).join(', ')}]</span
              >
            </div>`
          : ''
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-norm-grid': VivaNormGrid;
  }
}
