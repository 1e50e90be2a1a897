// The normalization cell's demo (question 4): the editable grid (which slice each norm averages over, and
// the normalized output); a batch size (2…256) with a cloud of batch norm's batch statistics over many
// random batches of that size; and Run, which trains no norm, batch norm and layer norm side by side at that
// batch size, with batch norm's held-out loss in train mode vs eval mode and the gap between the two.
// A thin element: the settings are settings.ts's table, the state and kernel calls are session.ts's, the
// markup is views.ts's; runs go through one RunController, the cloud through a second one.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { computeRuntime } from '../../runtime/compute';
import '../../ui/controls/error-box';
import { RunController } from '../../ui/kit/run-controller';
import type { Metrics } from '../../ui/kit/run-card';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import '../../ui/plot';
import type { LineTrace, PlotTrace } from '../../ui/plot-spec';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { Memo } from '../../ui/memo';
import './norm-grid';
import type { VivaNormGrid } from './norm-grid';
import { DRAWS, NormalizationSession } from './session';
import { NORMALIZATION_SETTINGS } from './settings';
import { normalizationStyles } from './styles';
import { curveTraces, gapTraces } from './training-curves';
import { AXES, spreadStats, spreadTraces, trainStats, whyLayerNorm } from './views';

@customElement('viva-demo-normalization')
export class VivaDemoNormalization extends LitElement implements DemoElement {
  static override styles = normalizationStyles;

  readonly settingsStore = new SettingsStore(NORMALIZATION_SETTINGS);
  readonly session = new NormalizationSession();
  /** The training run (the cell's Run). */
  private readonly runner = new RunController(this);
  /** The batch-statistics cloud: a newer draw replaces an older one. */
  private readonly spreadRunner = new RunController(this);
  @state() private error = '';
  private readonly spreadMemo = new Memo<PlotTrace[]>();
  private readonly curveMemo = new Memo<LineTrace[]>();
  private readonly gapMemo = new Memo<LineTrace[]>();

  constructor() {
    super();
    this.settingsStore.subscribe((c) => {
      if (c.keys.includes('batch') || c.keys.includes('seed')) void this.refreshSpread();
      else this.requestUpdate();
    });
  }

  /** tfjs' live tensor count (for the end-to-end leak check). */
  async tensorCount(): Promise<number> {
    return (await computeRuntime().ensure()).memory().numTensors;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refreshSpread();
  }

  private async refreshSpread(): Promise<void> {
    const { batch, seed } = this.settingsStore.values;
    const r = await this.spreadRunner.start(async (h) => {
      await computeRuntime().ensure();
      return this.session.drawSpread(batch, seed, () => h.current);
    });
    if (r.outcome === 'done') this.error = '';
    else if (r.outcome === 'failed') this.error = r.error.message;
  }

  run(ctx: RunContext): Promise<void> {
    return this.runner.run(async (r) => {
      await ctx.compute.ensure();
      const settings = this.settingsStore.values;
      const { batch, steps } = settings;
      r.progress(0, `training at batch size ${batch}`);
      await this.session.train(settings, r.signal, (snap) =>
        r.progress(snap.step / steps, `step ${snap.step}/${steps} at batch size ${batch}`),
      );
    }, ctx);
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  reset(): void {
    this.runner.stop();
    this.session.clear();
    this.shadowRoot?.querySelector<VivaNormGrid>('viva-norm-grid')?.reset();
    this.requestUpdate();
  }

  override render() {
    const s = this.session.spread;
    const c = this.session.curves;
    const store = this.settingsStore;
    // Memoized, so a re-render hands each plot the same array unless its data changed (no Plotly redraw).
    const spread = this.spreadMemo.get([s], () => spreadTraces(s));
    const n = c.steps.length;
    const curves = this.curveMemo.get([c.batchSize, n], () => curveTraces(c));
    const gap = this.gapMemo.get([c.batchSize, n], () => gapTraces(c));
    return html`
      <h4>Which numbers each norm averages over</h4>
      <viva-norm-grid .store=${store}></viva-norm-grid>

      <h4>Batch statistics get noisy as the batch shrinks</h4>
      <viva-error .message=${this.error}></viva-error>
      <viva-settings class="batch-size" .store=${store} group="batch"></viva-settings>
      <h5>Batch mean and variance of one feature (a ReLU activation) in each of ${DRAWS} random batches</h5>
      <viva-plot
        class="spread"
        label="Batch mean and variance of one feature over many batches"
        .traces=${spread}
        .axes=${AXES.spread}
      ></viva-plot>
      ${spreadStats(s)}

      <h4>Training: no norm, batch norm and layer norm at batch size ${store.values.batch}</h4>
      <viva-settings class="training" .store=${store} group="training"></viva-settings>
      <div class="plots">
        <h5>Held-out loss (log scale), trained at batch size ${c.batchSize ?? '—'}</h5>
        <viva-line-chart
          class="curves"
          label="Held-out loss of the three networks"
          .traces=${curves}
          .axes=${AXES.curves}
        ></viva-line-chart>
        <h5>Batch norm, train mode vs eval mode: mean |x̂ train − x̂ eval| at its first layer</h5>
        <viva-line-chart
          class="gap"
          label="Batch norm: train mode vs eval mode"
          .traces=${gap}
          .axes=${AXES.gap}
        ></viva-line-chart>
      </div>
      ${trainStats(c)} ${whyLayerNorm}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-normalization': VivaDemoNormalization;
  }
}
