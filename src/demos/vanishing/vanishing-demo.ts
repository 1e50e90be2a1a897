// The vanishing-gradient cell's demo (question 2). Two configurations, A and B, each with depth, width,
// activation, init, residual and norm; the per-layer gradient norm of both on a log axis, recomputed as any
// control moves; each activation beside its derivative; and Run, which trains A and B side by side
// (full-batch gradient descent on the same fixed batch, optional global-norm clipping) and draws both loss
// curves. A run that explodes ends with a message, not NaNs on a plot. This element is thin: the settings are
// a table (settings.ts), the work is a session (vanishing-session.ts), the views are vanishing-views.ts.
import { LitElement, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { computeRuntime } from '../../runtime/compute';
import '../../ui/controls/error-box';
import '../../ui/controls/select';
import type { Metrics } from '../../ui/kit/run-card';
import { RunController } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { VivaLineChart } from '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { Memo } from '../../ui/memo';
import type { GradientReports } from './controllers';
import { COLORS, activationTraces, gradientTraces, lossTraces } from './gradient-view';
import { REPORT_KEYS, VANISHING_SETTINGS, configsOf, netOf, presetPatch, type Which } from './settings';
import { vanishingStyles } from './styles';
import { VanishingSession } from './vanishing-session';
import { gradientSeriesOf, netBox, plotsView, statsLine, verdictList } from './vanishing-views';

@customElement('viva-demo-vanishing-gradients')
export class VivaDemoVanishingGradients extends LitElement implements DemoElement {
  static override styles = vanishingStyles;

  readonly settingsStore = new SettingsStore(VANISHING_SETTINGS);
  readonly session = new VanishingSession(
    () => computeRuntime().ensure(),
    () => this.requestUpdate(),
  );
  private readonly runner = new RunController(this);
  /** ms from the latest control change to its gradient plot being drawn (shown, and benchmarked). */
  lastLatencyMs: number | null = null;
  @query('viva-line-chart.gradients') private gradientPlot!: VivaLineChart;

  private readonly gradientMemo = new Memo<LineTrace[]>();
  private readonly activationMemo = new Memo<LineTrace[]>();
  private readonly lossMemo = new Memo<LineTrace[]>();
  private changedAt = 0;
  private unsubscribe: (() => void) | null = null;

  /** The gradient reports (the benchmark clears their cache). */
  get reports(): GradientReports {
    return this.session.reports;
  }

  /** tfjs' live tensor count (for the end-to-end leak check). */
  async tensorCount(): Promise<number> {
    return (await computeRuntime().ensure()).memory().numTensors;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe ??= this.settingsStore.subscribe((c) => {
      if (c.keys.some((k) => REPORT_KEYS.has(k))) void this.refresh(c.source !== 'reset');
      else this.requestUpdate();
    });
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  configs() {
    return configsOf(this.settingsStore.values);
  }

  /**
   * Recomputes the gradient reports for the current settings; resolves once they are drawn. With `timed`
   * (a control change), records how long that took, unless a newer change came first.
   */
  async refresh(timed = false): Promise<void> {
    const started = performance.now();
    this.changedAt = started;
    this.requestUpdate();
    await this.session.refresh(this.settingsStore.values);
    await this.updateComplete;
    await this.gradientPlot?.whenDrawn();
    if (timed && started === this.changedAt) {
      this.lastLatencyMs = performance.now() - started;
      this.requestUpdate();
    }
  }

  run(ctx: RunContext): Promise<void> {
    return this.runner.run(async (r) => {
      await ctx.compute.ensure();
      const values = this.settingsStore.values;
      r.progress(0, 'training A and B');
      await this.session.train(values, r.signal, (step) =>
        r.progress(step / values.steps, `step ${step}/${values.steps}`),
      );
    }, ctx);
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  reset(): void {
    this.runner.stop();
    this.session.clear();
    this.settingsStore.reset();
    void this.refresh();
  }

  private preset(which: Which, id: string): void {
    this.settingsStore.patch(presetPatch(which, id));
  }

  override render() {
    const values = this.settingsStore.values;
    const reports = this.session.reports.reports;
    const series = this.session.training.series;
    const [sa, sb] = series;
    // Memoized, so a re-render hands each chart the same array unless its data changed (no redraw).
    const gradients = this.gradientMemo.get([reports[0], reports[1], sa.state, sb.state], () =>
      gradientTraces(gradientSeriesOf(reports, series)),
    );
    const [actA, actB] = [netOf(values, 'a').activation, netOf(values, 'b').activation];
    const activations = this.activationMemo.get([actA, actB], () =>
      activationTraces([
        { name: actA, color: COLORS.a },
        { name: actB, color: COLORS.b },
      ]),
    );
    const losses = this.lossMemo.get([series, sa.steps.length, sb.steps.length], () =>
      lossTraces([
        { label: 'A', color: COLORS.a, ...sa },
        { label: 'B', color: COLORS.b, ...sb },
      ]),
    );
    const diverged = series.map((s) => s.state?.diverged).filter((m): m is string => Boolean(m));
    const onPreset = (which: Which, id: string) => this.preset(which, id);
    return html`
      <div class="configs">
        ${netBox('a', this.settingsStore, values, onPreset)}
        ${netBox('b', this.settingsStore, values, onPreset)}
      </div>
      <viva-settings class="shared" .store=${this.settingsStore} group="shared"></viva-settings>
      <p class="note">
        Each network: 16 inputs → depth − 1 hidden layers of the given width → 1 output, mean squared error on
        a fixed seeded batch. Naive init draws every weight from N(0, 1). With residual on, each width → width
        layer becomes h + φ(norm(h)) W / √R (a pre-activation block, R of them). Training is full-batch
        gradient descent on that batch.
      </p>
      ${verdictList(this.session.verdicts())}
      <viva-error .message=${this.session.reports.error}></viva-error>
      ${diverged.map((m) => html`<p class="diverged" role="alert">${m}</p>`)}
      ${plotsView({ gradients, activations, losses })} ${statsLine(this.lastLatencyMs, series)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-vanishing-gradients': VivaDemoVanishingGradients;
  }
}
