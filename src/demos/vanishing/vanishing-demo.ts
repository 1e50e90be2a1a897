// The vanishing-gradient cell's demo (question 2). Two configurations, A and B, each with depth, width,
// activation, init, residual and norm; the per-layer gradient norm of both on a log axis, recomputed as any
// control moves; each activation beside its derivative; and Run, which trains A and B side by side
// (full-batch gradient descent on the same fixed batch, optional global-norm clipping) and draws both loss
// curves. A run that explodes ends with a message, not NaNs on a plot.
import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { VanishingConfig } from '../../../kernels/vanishing';
import { LIMITS } from '../../../kernels/vanishing-net';
import { computeRuntime } from '../../runtime/compute';
import '../../ui/controls/error-box';
import '../../ui/controls/slider';
import '../../ui/controls/toggle';
import '../../ui/line-chart';
import type { VivaLineChart } from '../../ui/line-chart';
import type { LineTrace, PlotAxes } from '../../ui/plot-spec';
import type { DemoElement, RunContext } from '../contract';
import { GradientReports, TrainingRun } from './controllers';
import { COLORS, activationTraces, fmt, gradientTraces, gradientVerdict, lossTraces } from './gradient-view';
import './net-controls';
import { Memo } from '../../ui/memo';
import { DEFAULTS, type NetChoice } from './presets';
import { vanishingStyles } from './styles';

const DRAW_EVERY_MS = 200;
// Constant objects (the charts compare axes by value, but constants say so plainly).
const AXES: Record<'gradients' | 'activations' | 'losses', PlotAxes> = {
  gradients: { xTitle: 'layer (1 = input side)', yLog: true },
  activations: { xTitle: 'z', yRange: [-1.5, 2.5] },
  losses: { xTitle: 'step', yLog: true },
};

@customElement('viva-demo-vanishing-gradients')
export class VivaDemoVanishingGradients extends LitElement implements DemoElement {
  static override styles = vanishingStyles;

  @state() a: NetChoice = { ...DEFAULTS.a };
  @state() b: NetChoice = { ...DEFAULTS.b };
  @state() batch = DEFAULTS.batch;
  @state() seed = DEFAULTS.seed;
  @state() lr = DEFAULTS.lr;
  @state() steps = DEFAULTS.steps;
  @state() clipOn = DEFAULTS.clipOn;
  @state() clip = DEFAULTS.clip;
  @state() private tick = 0; // bumped to redraw after async results
  /** ms from the latest control change to its gradient plot being drawn (shown, and benchmarked). */
  @state() lastLatencyMs: number | null = null;
  @query('viva-line-chart.gradients') private gradientPlot!: VivaLineChart;

  private readonly reports = new GradientReports(
    () => computeRuntime().ensure(),
    () => this.tick++,
  );
  private readonly training = new TrainingRun();
  private readonly gradientMemo = new Memo<LineTrace[]>();
  private readonly activationMemo = new Memo<LineTrace[]>();
  private readonly lossMemo = new Memo<LineTrace[]>();
  private changedAt = 0;
  private lastDraw = 0;

  /** tfjs' live tensor count (for the end-to-end leak check). */
  async tensorCount(): Promise<number> {
    return (await computeRuntime().ensure()).memory().numTensors;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  configs(): [VanishingConfig, VanishingConfig] {
    const shared = { batch: this.batch, seed: this.seed };
    return [
      { ...this.a, ...shared },
      { ...this.b, ...shared },
    ];
  }

  /**
   * Recomputes the gradient reports for the current controls; resolves once they are drawn. With `timed`
   * (a control change), records how long that took, unless a newer change came first.
   */
  async refresh(timed = false): Promise<void> {
    const started = performance.now();
    this.changedAt = started;
    await this.reports.request(this.configs());
    await this.updateComplete;
    await this.gradientPlot?.whenDrawn();
    if (timed && started === this.changedAt) this.lastLatencyMs = performance.now() - started;
  }

  async run(ctx: RunContext): Promise<void> {
    await ctx.compute.ensure();
    await this.reports.request(this.configs());
    const clip = this.clipOn ? this.clip : null;
    ctx.progress(0, 'training A and B');
    try {
      await this.training.train(
        this.configs(),
        { steps: this.steps, lr: this.lr, clip, signal: ctx.signal },
        (step) => {
          const now = performance.now();
          if (now - this.lastDraw > DRAW_EVERY_MS || step === this.steps) {
            this.lastDraw = now;
            this.tick++;
            ctx.progress(step / this.steps, `step ${step}/${this.steps}`);
          }
        },
      );
    } finally {
      this.tick++;
    }
  }

  reset(): void {
    Object.assign(this, {
      a: { ...DEFAULTS.a },
      b: { ...DEFAULTS.b },
      batch: DEFAULTS.batch,
      seed: DEFAULTS.seed,
      lr: DEFAULTS.lr,
      steps: DEFAULTS.steps,
      clipOn: DEFAULTS.clipOn,
      clip: DEFAULTS.clip,
    });
    this.training.clear();
    void this.refresh();
  }

  private set<K extends 'a' | 'b' | 'batch' | 'seed'>(key: K, value: this[K]): void {
    this[key] = value;
    void this.refresh(true);
  }

  override render() {
    const [ra, rb] = this.reports.reports;
    const [sa, sb] = this.training.series;
    const verdicts = [ra, rb].map((r) => (r ? gradientVerdict(r) : null));
    // Memoized, so a re-render hands each chart the same array unless its data changed (no redraw).
    const gradients = this.gradientMemo.get([ra, rb, sa.state, sb.state], () =>
      gradientTraces([
        ...(ra ? [{ label: 'A at init', color: COLORS.a, norms: ra.norms }] : []),
        ...(rb ? [{ label: 'B at init', color: COLORS.b, norms: rb.norms }] : []),
        ...[sa, sb].flatMap((s, k) =>
          s.state?.gradNorms.length
            ? [
                {
                  label: `${k ? 'B' : 'A'} at step ${s.state.steps}`,
                  color: k ? COLORS.b : COLORS.a,
                  norms: s.state.gradNorms,
                  dash: 'dot' as const,
                },
              ]
            : [],
        ),
      ]),
    );
    const activations = this.activationMemo.get([this.a.activation, this.b.activation], () =>
      activationTraces([
        { name: this.a.activation, color: COLORS.a },
        { name: this.b.activation, color: COLORS.b },
      ]),
    );
    const losses = this.lossMemo.get([this.training.series, sa.steps.length, sb.steps.length], () =>
      lossTraces([
        { label: 'A', color: COLORS.a, ...sa },
        { label: 'B', color: COLORS.b, ...sb },
      ]),
    );
    const diverged = [sa, sb].map((s) => s.state?.diverged).filter((m): m is string => Boolean(m));
    return html`
      <div class="configs">
        <viva-net-controls
          class="a"
          label="A"
          color=${COLORS.a}
          .net=${this.a}
          @net-change=${(e: CustomEvent<NetChoice>) => this.set('a', e.detail)}
        ></viva-net-controls>
        <viva-net-controls
          class="b"
          label="B"
          color=${COLORS.b}
          .net=${this.b}
          @net-change=${(e: CustomEvent<NetChoice>) => this.set('b', e.detail)}
        ></viva-net-controls>
      </div>
      <div class="shared">
        <viva-slider
          class="batch"
          label="Batch (examples)"
          integer
          .min=${LIMITS.batch[0]}
          .max=${LIMITS.batch[1]}
          .step=${1}
          .value=${this.batch}
          @change=${(e: CustomEvent<number>) => this.set('batch', e.detail)}
        ></viva-slider>
        <viva-slider
          class="seed"
          label="Seed"
          integer
          .min=${1}
          .max=${9999}
          .step=${1}
          .value=${this.seed}
          @change=${(e: CustomEvent<number>) => this.set('seed', e.detail)}
        ></viva-slider>
        <viva-slider
          class="lr"
          label="Learning rate"
          .min=${0.001}
          .max=${1}
          .step=${0.001}
          .value=${this.lr}
          @change=${(e: CustomEvent<number>) => (this.lr = e.detail)}
        ></viva-slider>
        <viva-slider
          class="steps"
          label="Training steps"
          integer
          .min=${10}
          .max=${2000}
          .step=${10}
          .value=${this.steps}
          @change=${(e: CustomEvent<number>) => (this.steps = e.detail)}
        ></viva-slider>
        <div>
          <viva-toggle
            class="clip-on"
            label="Clip the global gradient norm"
            .checked=${this.clipOn}
            @change=${(e: CustomEvent<boolean>) => (this.clipOn = e.detail)}
          ></viva-toggle>
          <viva-slider
            class="clip"
            label="Clip threshold ‖g‖ ≤"
            .min=${0.01}
            .max=${100}
            .step=${0.01}
            .value=${this.clip}
            ?disabled=${!this.clipOn}
            @change=${(e: CustomEvent<number>) => (this.clip = e.detail)}
          ></viva-slider>
        </div>
      </div>
      <p class="note">
        Each network: 16 inputs → depth − 1 hidden layers of the given width → 1 output, mean squared error on
        a fixed seeded batch. Naive init draws every weight from N(0, 1). With residual on, each width → width
        layer becomes h + φ(norm(h)) W / √R (a pre-activation block, R of them). Training is full-batch
        gradient descent on that batch.
      </p>
      <ul class="verdicts" aria-live="polite">
        ${verdicts.map((v, k) =>
          v
            ? html`<li class="verdict ${k ? 'b' : 'a'} ${v.kind}" data-kind=${v.kind}>
                <b>${k ? 'B' : 'A'}:</b> ${v.text}
              </li>`
            : html`<li class="verdict pending">${k ? 'B' : 'A'}: computing…</li>`,
        )}
      </ul>
      <viva-error .message=${this.reports.error}></viva-error>
      ${diverged.map((m) => html`<p class="diverged" role="alert">${m}</p>`)}
      <div class="plots">
        <h5>Gradient norm of each layer's weights, ‖∂L/∂W‖ (log scale)</h5>
        <viva-line-chart
          class="gradients"
          label="Per-layer gradient norm, log scale"
          .traces=${gradients}
          .axes=${AXES.gradients}
        ></viva-line-chart>
        <h5>Each activation φ (solid) and its derivative φ′ (dotted)</h5>
        <viva-line-chart
          class="activations"
          label="Activations and their derivatives"
          .traces=${activations}
          .axes=${AXES.activations}
        ></viva-line-chart>
        <h5>Training loss (mean squared error, log scale)</h5>
        <viva-line-chart
          class="losses"
          label="Training loss of A and B"
          .traces=${losses}
          .axes=${AXES.losses}
        ></viva-line-chart>
      </div>
      <p class="stats">
        ${this.lastLatencyMs === null ? '' : html`gradient plot updated in ${this.lastLatencyMs.toFixed(0)} ms`}
        ${[sa, sb].map((s, k) =>
          s.state
            ? html` · ${k ? 'B' : 'A'}: step ${s.state.steps}, loss
                <span class="loss-${k ? 'b' : 'a'}">${fmt(s.state.loss)}</span
                >${s.state.clipped ? ' (clipped)' : ''}`
            : '',
        )}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-vanishing-gradients': VivaDemoVanishingGradients;
  }
}
