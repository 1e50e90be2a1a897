// The contrastive cell's demo (question 10): an encoder learns, from pairs of augmented views alone, to place
// 2-D points on the unit circle; the classes (which it never sees) come out as arcs, and a linear probe on the
// frozen embedding is measured against a supervised baseline. Temperature and batch as settings, with the
// weight each negative gets in the gradient; alignment against uniformity over training; the objectives
// without negatives (collapse) and SimSiam (no collapse). Both models train in the cell's worker
// (page-compute.ts), so the page never blocks. Thin: settings.ts, session.ts, views.ts.
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { demoStyles } from '../../ui/demo-styles';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import '../../ui/controls/error-box';
import '../../ui/heatmap';
import type { Metrics } from '../../ui/kit/run-card';
import { RunController } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { PlotAxes } from '../../ui/plot-spec';
import { workerCompute } from './page-compute';
import { PairSession } from './pairs-session';
import { pairsView } from './pairs-view';
import { ContrastiveSession } from './session';
import { CONTRASTIVE_SETTINGS, DATA_KEYS, PAIR_KEYS } from './settings';
import {
  BLANK,
  UNIT_CIRCLE,
  accuracyTraces,
  alignUniformTraces,
  embeddingPoints,
  inputPoints,
  lossTraces,
  negativeTraces,
  statsView,
} from './views';

const INPUT_EXTENT: [number, number, number, number] = [-4, 4, -4, 4];
const CIRCLE_EXTENT: [number, number, number, number] = [-1.3, 1.3, -1.3, 1.3];
const LOSS_AXES: PlotAxes = { title: 'Loss', xTitle: 'step' };
const ACC_AXES: PlotAxes = { title: 'Test accuracy', xTitle: 'step', yRange: [0, 1] };
const WI_AXES: PlotAxes = {
  title: 'Uniformity against alignment',
  xTitle: 'alignment',
  yTitle: 'uniformity',
};
const NEG_AXES: PlotAxes = {
  title: 'Gradient weight per negative',
  xTitle: 'cosine to the anchor',
  yTitle: 'weight',
};

@customElement('viva-demo-contrastive')
export class VivaDemoContrastive extends LitElement implements DemoElement {
  static override styles = [
    demoStyles,
    css`
      .plots {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 0.75rem;
      }
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0 1rem;
      }
      figcaption {
        font-size: 0.8rem;
        color: var(--muted);
      }
      table.stats th {
        text-align: left;
        font-weight: normal;
        color: var(--muted);
      }
    `,
  ];

  readonly settingsStore = new SettingsStore(CONTRASTIVE_SETTINGS);
  private readonly runner = new RunController(this);
  /** One worker for both models (made on the first Run); its jobs may run at once. */
  private readonly compute = workerCompute();
  readonly session = new ContrastiveSession(this.settingsStore, { compute: this.compute });
  /** The image–text toy: its own runner, so it trains beside (not instead of) the encoder. */
  private readonly pairRunner = new RunController(this);
  readonly pairs = new PairSession(this.settingsStore, undefined, this.compute);

  constructor() {
    super();
    this.settingsStore.subscribe((change) => {
      // New data or augmentations show their points at once (with an untrained encoder); the other settings
      // take effect on the next Run, so a trained embedding stays to be looked at (τ's plot follows at once).
      if (!this.runner.busy && change.keys.some((k) => DATA_KEYS.includes(k))) this.session.rebuild();
      if (!this.pairRunner.busy && change.keys.some((k) => PAIR_KEYS.includes(k))) this.pairs.rebuild();
      this.requestUpdate();
    });
    // New data or augmentations throw the trained encoder away: a control asks first.
    this.settingsStore.discards = (key) =>
      DATA_KEYS.includes(key) && this.session.latest
        ? `the encoder trained for ${this.session.latest.step} steps`
        : null;
  }

  async run(ctx: RunContext): Promise<void> {
    await this.runner.run((r) => this.session.run(r), ctx);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // the runners stop their runs
    this.compute.dispose();
  }

  reset(): void {
    this.runner.stop();
    this.pairRunner.stop();
    this.session.rebuild();
    this.pairs.rebuild();
    this.requestUpdate();
  }

  metrics(): Metrics {
    const zs = this.pairs.zeroShot.at(-1);
    const pairs: Metrics =
      zs && zs.step > 0 ? { zeroShot: Math.round(zs.accuracy * 1e4) / 1e4, zeroShotStep: zs.step } : {};
    return { ...this.session.metrics(), ...pairs };
  }

  override render() {
    const s = this.session;
    const tau = this.settingsStore.values.temperature;
    const neg = negativeTraces(s, tau);
    const error = this.runner.error;
    return html`
      <div class="controls">
        <viva-settings .store=${this.settingsStore} group="data"></viva-settings>
        <viva-settings .store=${this.settingsStore} group="augment"></viva-settings>
        <viva-settings .store=${this.settingsStore} group="train"></viva-settings>
      </div>
      ${error ? html`<viva-error .message=${error}></viva-error>` : ''}
      <div class="plots">
        <figure>
          <viva-heatmap
            class="input"
            label="input points by class"
            .z=${BLANK}
            zmin="-1"
            zmax="1"
            colormap="rdbu"
            .extent=${INPUT_EXTENT}
            .points=${inputPoints(s)}
          ></viva-heatmap>
          <figcaption>Input: test points, coloured by class (the encoder never sees the colours).</figcaption>
        </figure>
        <figure>
          <viva-heatmap
            class="embedding"
            label="unit-circle embedding by class"
            .z=${UNIT_CIRCLE}
            zmin="-1"
            zmax="1"
            colormap="rdbu"
            .extent=${CIRCLE_EXTENT}
            .points=${embeddingPoints(s)}
          ></viva-heatmap>
          <figcaption>Their embeddings on the unit circle, step ${s.trainer.steps}.</figcaption>
        </figure>
      </div>
      ${statsView(s)}
      ${s.inWorker ? html`<p class="hint where">Trained in a worker: the page stays free while it learns.</p>` : ''}
      <div class="plots">
        <viva-line-chart class="loss-chart" .traces=${lossTraces(s)} .axes=${LOSS_AXES}></viva-line-chart>
        <viva-line-chart
          class="accuracy-chart"
          .traces=${accuracyTraces(s)}
          .axes=${ACC_AXES}
        ></viva-line-chart>
        <viva-line-chart
          class="wang-isola"
          .traces=${alignUniformTraces(s)}
          .axes=${WI_AXES}
        ></viva-line-chart>
        <figure>
          <viva-line-chart class="negatives" .traces=${neg.traces} .axes=${NEG_AXES}></viva-line-chart>
          <figcaption class="hard-share">
            At τ = ${tau}, the hardest tenth of the negatives gets ${(100 * neg.hardShare).toFixed(1)}% of the
            anchor's gradient (10% would be even).
          </figcaption>
        </figure>
      </div>
      <h4>Two modalities: CLIP against SigLIP</h4>
      <viva-settings .store=${this.settingsStore} group="pairs"></viva-settings>
      ${this.pairRunner.error ? html`<viva-error .message=${this.pairRunner.error}></viva-error>` : ''}
      ${pairsView(this.pairs, this.pairRunner.busy, {
        train: () => void this.pairRunner.start((r) => this.pairs.run(r)),
        stop: () => this.pairRunner.stop(),
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-contrastive': VivaDemoContrastive;
  }
}
