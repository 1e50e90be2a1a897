// The normalization cell's demo (question 4): the editable grid (which slice each norm averages over, and
// the normalized output); a batch-size slider (2…256) with a cloud of batch norm's batch statistics over many
// random batches of that size; and Run, which trains no norm, batch norm and layer norm side by side at that
// batch size, with batch norm's held-out loss in train mode vs eval mode and the gap between the two.
import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import {
  batchStatisticsSpread,
  trainNormComparison,
  type BatchStatisticsSpread,
  type NormVariant,
} from '../../../kernels/normalization';
import { computeRuntime } from '../../runtime/compute';
import '../../ui/controls/error-box';
import '../../ui/controls/slider';
import '../../ui/line-chart';
import '../../ui/plot';
import type { LineTrace, PlotAxes, PlotTrace } from '../../ui/plot-spec';
import type { DemoElement, RunContext } from '../contract';
import { Memo } from '../../ui/memo';
import { fmt, meanAndStd } from './grid-model';
import './norm-grid';
import type { VivaNormGrid } from './norm-grid';
import { normalizationStyles } from './styles';
import { TrainingCurves, curveTraces, gapTraces } from './training-curves';

const DEFAULTS = { batchSize: 32, steps: 200, lr: 0.05, seed: 1 };
const DRAWS = 400;
// Constant objects (the plots compare axes by value, but constants say so plainly).
const AXES: Record<'spread' | 'curves' | 'gap', PlotAxes> = {
  spread: { xTitle: 'batch mean μ', yTitle: 'batch variance σ²', xRange: [-0.1, 2.1], yRange: [-0.1, 2.6] },
  curves: { xTitle: 'step', yLog: true },
  gap: { xTitle: 'step', yTitle: 'standard deviations', yLog: true },
};

@customElement('viva-demo-normalization')
export class VivaDemoNormalization extends LitElement implements DemoElement {
  static override styles = normalizationStyles;

  @state() batchSize = DEFAULTS.batchSize;
  @state() steps = DEFAULTS.steps;
  @state() lr = DEFAULTS.lr;
  @state() seed = DEFAULTS.seed;
  /** The latest batch-statistics cloud and the batch size it was drawn at. */
  @state() spread: (BatchStatisticsSpread & { batchSize: number }) | null = null;
  @state() private tick = 0;
  @state() private error = '';
  @query('viva-norm-grid') private grid!: VivaNormGrid;
  private readonly curves = new TrainingCurves();
  private readonly spreadMemo = new Memo<PlotTrace[]>();
  private readonly curveMemo = new Memo<LineTrace[]>();
  private readonly gapMemo = new Memo<LineTrace[]>();
  private spreadId = 0;
  private lastDraw = 0;

  /** tfjs' live tensor count (for the end-to-end leak check). */
  async tensorCount(): Promise<number> {
    return (await computeRuntime().ensure()).memory().numTensors;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refreshSpread();
  }

  private async refreshSpread(): Promise<void> {
    const id = ++this.spreadId;
    const batchSize = this.batchSize;
    try {
      await computeRuntime().ensure();
      const spread = await batchStatisticsSpread({ batchSize, draws: DRAWS, seed: this.seed });
      if (id === this.spreadId) [this.spread, this.error] = [{ ...spread, batchSize }, ''];
    } catch (e) {
      if (id === this.spreadId) this.error = e instanceof Error ? e.message : String(e);
    }
  }

  async run(ctx: RunContext): Promise<void> {
    await ctx.compute.ensure();
    const { batchSize, steps, lr, seed } = this;
    this.curves.start(batchSize);
    ctx.progress(0, `training at batch size ${batchSize}`);
    try {
      // About 40 held-out scores per run: each costs four forward passes over the held-out set.
      const evalEvery = Math.max(2, Math.round(steps / 40));
      for await (const snap of trainNormComparison({
        batchSize,
        steps,
        lr,
        seed,
        evalEvery,
        signal: ctx.signal,
      })) {
        this.curves.add(snap);
        const now = performance.now();
        if (now - this.lastDraw > 200 || snap.step === steps) {
          this.lastDraw = now;
          this.tick++;
          ctx.progress(snap.step / steps, `step ${snap.step}/${steps} at batch size ${batchSize}`);
        }
      }
    } finally {
      this.tick++;
    }
  }

  reset(): void {
    Object.assign(this, DEFAULTS);
    this.curves.clear();
    this.grid?.reset();
    this.tick++;
    void this.refreshSpread();
  }

  override render() {
    const s = this.spread;
    const means = s ? meanAndStd(s.means) : null;
    const last = this.curves.latest;
    const label = (v: NormVariant) => ({ none: 'no norm', batch: 'batch norm', layer: 'layer norm' })[v];
    // Memoized, so a re-render hands each plot the same array unless its data changed (no Plotly redraw).
    const spreadTraces = this.spreadMemo.get([s], (): PlotTrace[] =>
      s
        ? [
            {
              type: 'scatter',
              x: s.means,
              y: s.variances,
              name: `${DRAWS} batches of ${s.batchSize}`,
              size: 4,
            },
            {
              type: 'scatter',
              x: [s.populationMean],
              y: [s.populationVariance],
              name: 'population',
              size: 12,
              color: '#d6604d',
            },
          ]
        : [],
    );
    const n = this.curves.steps.length;
    const curves = this.curveMemo.get([this.curves.batchSize, n], () => curveTraces(this.curves));
    const gap = this.gapMemo.get([this.curves.batchSize, n], () => gapTraces(this.curves));
    return html`
      <h4>Which numbers each norm averages over</h4>
      <viva-norm-grid></viva-norm-grid>

      <h4>Batch statistics get noisy as the batch shrinks</h4>
      <viva-error .message=${this.error}></viva-error>
      <viva-slider
        class="batch-size"
        label="Batch size"
        integer
        .min=${2}
        .max=${256}
        .step=${1}
        .value=${this.batchSize}
        @change=${(e: CustomEvent<number>) => ((this.batchSize = e.detail), void this.refreshSpread())}
      ></viva-slider>
      <h5>Batch mean and variance of one feature (a ReLU activation) in each of ${DRAWS} random batches</h5>
      <viva-plot
        class="spread"
        label="Batch mean and variance of one feature over many batches"
        .traces=${spreadTraces}
        .axes=${AXES.spread}
      ></viva-plot>
      <p class="stats spread-stats">
        ${
          s && means
            ? html`std of the batch mean <span class="mean-std">${fmt(means.std, 3)}</span> (σ/√B =
                ${fmt(Math.sqrt(s.populationVariance / s.batchSize), 3)}); every example in a batch is
                normalized with these noisy numbers in training, and with the running averages at inference.`
            : 'computing…'
        }
      </p>

      <h4>Training: no norm, batch norm and layer norm at batch size ${this.batchSize}</h4>
      <div class="shared">
        <viva-slider
          class="steps"
          label="Steps"
          integer
          .min=${20}
          .max=${2000}
          .step=${10}
          .value=${this.steps}
          @change=${(e: CustomEvent<number>) => (this.steps = e.detail)}
        ></viva-slider>
        <viva-slider
          class="lr"
          label="Learning rate (SGD, momentum 0.9)"
          .min=${0.001}
          .max=${1}
          .step=${0.001}
          .value=${this.lr}
          @change=${(e: CustomEvent<number>) => (this.lr = e.detail)}
        ></viva-slider>
        <viva-slider
          class="seed"
          label="Seed"
          integer
          .min=${1}
          .max=${9999}
          .step=${1}
          .value=${this.seed}
          @change=${(e: CustomEvent<number>) => ((this.seed = e.detail), void this.refreshSpread())}
        ></viva-slider>
      </div>
      <div class="plots">
        <h5>Held-out loss (log scale), trained at batch size ${this.curves.batchSize ?? '—'}</h5>
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
      <p class="stats train-stats">
        ${
          last
            ? html`step ${last.step}:
              ${(['none', 'batch', 'layer'] as const).map(
                (v) =>
                  html`${label(v)} accuracy
                    <span class="acc-${v}">${fmt(last.accuracy[v] * 100, 0)}%</span> · `,
              )}
              batch norm loss in eval mode ${fmt(last.loss.batch, 3)} vs train mode
              ${fmt(last.bnTrainModeLoss, 3)}`
            : 'Run trains the three networks at the batch size above.'
        }
      </p>
      <section class="why">
        <h4>Why transformers use layer norm</h4>
        <p>
          Layer norm normalizes each token over its own hidden features, so a token's output never depends on
          the other sequences in the batch or on the batch size: training and inference compute the same
          function, a batch of one works, and so do variable-length, padded sequences and token-by-token
          autoregressive decoding, where batch statistics would mix positions and padding or simply not exist.
          Batch norm needs large batches for stable statistics (the cloud above) and running averages that lag
          the weights early in training (the gap above); transformers are trained with per-device batches of
          long sequences, where those costs are high. Many large models use RMSNorm, layer norm without the
          mean subtraction.
        </p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-normalization': VivaDemoNormalization;
  }
}
