// The attention cell's demo (question 3). Type a sentence: each token gets a toy embedding, Q, K and V are
// projections of it (shown, and editable), and the attention heat map updates as you drag a query on the
// plane, edit an entry, or flip the √d_k scale, the causal mask or the temperature. The live path is plain
// float64 JavaScript (a few µs per update, see scripts/bench-attention.ts); Run (or Compute) checks the tfjs
// kernel against it on the page's backend and measures the √d_k saturation curves. This element is thin: the
// settings are a table (settings.ts), the state is a session (attention-session.ts), the views are
// attention-views.ts.
import { LitElement, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { computeRuntime, type ComputeRuntime } from '../../runtime/compute';
import type { Metrics } from '../../ui/kit/run-card';
import { RunController, type RunHandle } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { attentionStyles } from './attention-demo-styles';
import '../../ui/attention-map';
import type { VivaAttentionMap } from '../../ui/attention-map';
import { AttentionSession, SATURATION_KEYS, type Matrix } from './attention-session';
import { LatencyRecord } from './attention-state';
import { mainView, matricesView, type AttentionHandlers } from './attention-views';
import './matrix-editor';
import type { MatrixEdit } from './matrix-editor';
import './query-plane';
import type { QueryMove } from './query-plane';
import './saturation-panel';
import { ATTENTION_SETTINGS } from './settings';

@customElement('viva-demo-attention')
export class VivaDemoAttention extends LitElement implements DemoElement {
  static override styles = attentionStyles;

  readonly settingsStore = new SettingsStore(ATTENTION_SETTINGS);
  readonly session = new AttentionSession(this.settingsStore.values);
  private readonly runner = new RunController(this);
  /** The last drag's latency and work per update (ms). Read by the benchmark. */
  readonly latency = new LatencyRecord();
  private latencyText = '';
  @query('viva-attention-map.main') private mainMap!: VivaAttentionMap;
  /** True between the first move of a drag and its release: the latency record covers one drag. */
  private dragging = false;
  private unsubscribe: (() => void) | null = null;

  private readonly on: AttentionHandlers = {
    queryMove: (e) => this.onQueryMove(e),
    queryRelease: () => this.onQueryRelease(),
    selectQuery: (i) => this.redraw(() => this.session.selectQuery(i)),
    selectHead: (h) => this.redraw(() => this.session.selectHead(h)),
    edit: (which, e) => this.onEdit(which, e),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe ??= this.settingsStore.subscribe((c) =>
      this.redraw(() => this.session.apply(c.values, c.rebuild)),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private redraw(change: () => void): void {
    change();
    this.requestUpdate();
  }

  reset(): void {
    this.runner.stop();
    this.settingsStore.reset();
    this.latency.clear();
    this.latencyText = '';
    this.redraw(() => this.session.reset(this.settingsStore.values));
  }

  /** Run: check the tfjs kernel against the live path on the page's backend, then the saturation curves. */
  run(ctx: RunContext): Promise<void> {
    return this.runner.run((r) => this.measure(ctx.compute, r), ctx);
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  private async measure(compute: ComputeRuntime, r: RunHandle): Promise<void> {
    r.progress(0, 'loading tfjs');
    const tf = await compute.ensure();
    await this.session.measure({
      backend: tf.getBackend(),
      signal: r.signal,
      progress: (f, label) => r.progress(f, label),
    });
  }

  private onQueryMove(e: CustomEvent<QueryMove>): void {
    const { x, y, timeStamp } = e.detail;
    const start = performance.now();
    if (!this.dragging) this.latency.clear();
    this.dragging = true;
    this.redraw(() => this.session.moveQuery(x, y));
    // Latency: from the input event to the heat map's DOM updated (both this element and the map).
    void this.updateComplete
      .then(() => this.mainMap?.updateComplete)
      .then(() => {
        const now = performance.now();
        this.latency.add(now - timeStamp, now - start, now);
      });
  }

  private onQueryRelease(): void {
    this.dragging = false;
    const s = this.latency.summary();
    if (s.count > 0)
      this.latencyText =
        `drag: ${s.count} updates; input event → heat map ${s.latency.median.toFixed(1)} ms median, ` +
        `${s.latency.p95.toFixed(1)} ms p95; recompute + re-render ${s.work.median.toFixed(2)} ms median, ` +
        `${s.work.p95.toFixed(2)} ms p95 (room for ${Math.floor(1000 / Math.max(s.work.p95, 1e-3))} updates/s)`;
    this.redraw(() => this.session.fitPlane());
  }

  private onEdit(which: Matrix, e: CustomEvent<MatrixEdit>): void {
    const { row, col, value } = e.detail;
    this.redraw(() => this.session.edit(which, row, col, value));
  }

  override render() {
    const s = this.session;
    const busy = this.runner.busy;
    return html`
      <viva-settings class="sentence" .store=${this.settingsStore} group="sentence"></viva-settings>
      <viva-settings class="attention" .store=${this.settingsStore} group="attention"></viva-settings>
      <div class="error" role="alert">${s.error || this.runner.error}</div>
      ${mainView(s, this.on)} ${matricesView(s, this.on)}
      <div class="stats" aria-live="off">
        <span class="latency"
          >${this.latencyText || 'Live path: float64 JavaScript, recomputed on every pointer move.'}</span
        >
        ${s.check ? html`<br /><span class="check">${s.check.text}</span>` : ''}
      </div>
      <h4>Why divide by √d_k?</h4>
      <div class="row">
        <button
          class="compute"
          ?disabled=${busy}
          @click=${() => void this.runner.start((r) => this.measure(computeRuntime(), r))}
        >
          Compute
        </button>
        <span class="busy" role="status">${busy ? `${this.runner.progressLabel}…` : ''}</span>
      </div>
      <viva-attention-saturation .rows=${s.saturation} .keys=${SATURATION_KEYS}></viva-attention-saturation>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-attention': VivaDemoAttention;
  }
}
