// <viva-norm-grid>: an editable batch × features grid of activations, normalized live by batch norm or layer
// norm (the kernels on tfjs). Click a cell to highlight the slice its norm averages over — its column for
// batch norm, its row for layer norm — with each slice's mean and variance beside the grid, and the
// normalized output next to it. Batch norm can run in eval mode with running statistics that the user feeds
// batch by batch. The norm and the batch-norm mode are the demo's settings (`.store`, group "grid"); the
// state is the grid session's; the markup is grid-view.ts.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { computeRuntime } from '../../runtime/compute';
import { RunController } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import type { SettingsStore } from '../../ui/kit/settings-store';
import type { NormMode } from './grid-model';
import { NormGridSession, type BnMode } from './grid-session';
import { gridHint, gridTables, runningStatistics, type GridHandlers } from './grid-view';
import type { NORMALIZATION_SETTINGS } from './settings';
import { gridStyles } from './styles';

const GRID_KEYS = { batch: ['norm', 'bnMode'], layer: ['norm'] } as const;

@customElement('viva-norm-grid')
export class VivaNormGrid extends LitElement {
  static override styles = gridStyles;

  @property({ attribute: false }) store!: SettingsStore<typeof NORMALIZATION_SETTINGS>;
  readonly session = new NormGridSession();
  /** Normalizations in flight: a newer one replaces an older one's result. */
  private readonly runner = new RunController(this);
  private unsubscribe: (() => void) | null = null;

  private readonly on: GridHandlers = {
    select: (row, col) => {
      this.session.selected = { row, col };
      this.requestUpdate();
    },
    edit: (row, col, input) => {
      if (this.session.edit(row, col, input.value)) void this.recompute();
      else input.value = String(this.session.x[row]![col]);
      this.requestUpdate();
    },
    feed: () => void this.feed(),
    clearRunning: () => {
      this.session.clearRunning();
      void this.recompute();
    },
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
    void this.recompute();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('store') && this.isConnected) {
      this.listen();
      void this.recompute();
    }
  }

  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.store
      ? this.store.subscribe((c) => {
          if (c.keys.includes('norm') || c.keys.includes('bnMode')) void this.recompute();
        })
      : null;
  }

  /** Back to the shipped grid (the settings are reset by their store). */
  reset(): void {
    this.session.reset();
    void this.recompute();
  }

  /** Normalizes the current grid with the chosen norm; a newer call's result replaces an older one's. */
  async recompute(): Promise<void> {
    if (!this.store) return;
    const { norm, bnMode } = this.store.values;
    const r = await this.runner.start(async () => {
      await computeRuntime().ensure();
      return this.session.normalize(norm as NormMode, bnMode as BnMode);
    });
    if (r.outcome === 'done') this.session.result = r.value;
    else if (r.outcome === 'failed') this.session.message = r.error.message;
    this.requestUpdate();
  }

  private async feed(): Promise<void> {
    try {
      await computeRuntime().ensure();
      await this.session.feed();
    } catch (e) {
      this.session.message = e instanceof Error ? e.message : String(e);
    }
    void this.recompute();
  }

  private randomize(): void {
    this.session.randomize();
    void this.recompute();
  }

  override render() {
    if (!this.store) return html``;
    const g = this.session;
    const { norm, bnMode } = this.store.values;
    const mode = norm as NormMode;
    return html`
      <div class="bar">
        <viva-settings class="grid-settings" .store=${this.store} .keys=${GRID_KEYS[mode]}></viva-settings>
        <button class="randomize" @click=${() => this.randomize()}>Randomize</button>
      </div>
      ${gridHint(mode, bnMode as BnMode)} ${gridTables(g, mode, this.on)}
      <div class="error" role="status">${g.message}</div>
      ${mode === 'batch' ? runningStatistics(g, this.on) : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-norm-grid': VivaNormGrid;
  }
}
