// <viva-diffusion-train>: trains the noise predictor live. The loss curve grows while it trains; optionally
// the loss at each timestep on held-out data; and the predicted noise as a field of arrows at a chosen t,
// over the data noised to that t. Pause keeps what was learned.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { noiseField, qSample } from '../../../kernels/diffusion/index';
import { isAbortError } from '../../runtime/abort';
import { createRng } from '../../runtime/rng';
import '../../ui/controls/select';
import '../../ui/controls/slider';
import '../../ui/controls/toggle';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { T, type DiffusionSession, type Engine } from './session';
import { Memo } from '../../ui/memo';
import { sectionStyles } from './styles';
import './point-canvas';
import type { CanvasLayer } from './point-canvas';
import { VIEW, fieldLayer, lossTraces, pointsLayer } from './plots';

const GRID = 17;
const FIELD_POINTS = 400;

@customElement('viva-diffusion-train')
export class VivaDiffusionTrain extends LitElement {
  static override styles = sectionStyles;

  @property({ attribute: false }) session!: DiffusionSession;
  @property({ type: Number }) revision = 0;
  @state() fieldT = 100;
  @state() showLossByT = false;
  private readonly lossMemo = new Memo<LineTrace[]>();
  private readonly fieldMemo = new Memo<CanvasLayer[]>();
  private readonly byTMemo = new Memo<LineTrace[]>();
  private readonly fieldNoise = (() => {
    const rng = createRng(31);
    return Float64Array.from({ length: 2 * FIELD_POINTS }, () => rng.normal());
  })();

  /** Trains settings.trainSteps more steps; errors show in the section. */
  private async trainMore(): Promise<void> {
    try {
      await this.session.train(this.session.settings.trainSteps);
    } catch (e) {
      if (!isAbortError(e)) this.requestUpdate(); // the session holds the message; it shows below
    }
  }

  private async toggleLossByT(on: boolean): Promise<void> {
    this.showLossByT = on;
    if (!on) {
      this.session.lossByT = null;
      return;
    }
    await this.session.measureLossByT();
  }

  private fieldPlot(): CanvasLayer[] {
    const s = this.session;
    // While training, redraw the field about once a second, not on every update.
    const clock = s.busy === 'train' ? `training ${Math.floor(performance.now() / 1000)}` : s.steps;
    return this.fieldMemo.get([s.net, clock, this.fieldT, s.data], () => {
      const predict = (x: Float64Array, t: number, out: Float64Array) => void s.net.predict(x, t, out);
      const field = noiseField(predict, this.fieldT, VIEW[0] + 0.5, VIEW[1] - 0.5, GRID);
      const noisy = qSample(s.data.subarray(0, 2 * FIELD_POINTS), this.fieldT, this.fieldNoise, s.schedule);
      return [
        pointsLayer(noisy, `data noised to t = ${this.fieldT}`, '#aaaaaa'),
        fieldLayer(field.points, field.eps, 0.35, '#b2182b'),
      ];
    });
  }

  override render() {
    const s = this.session;
    const { trainSteps, lr, batchSize, engine } = s.settings;
    const training = s.busy === 'train';
    const last = s.losses.slice(-50);
    const recent = last.length ? last.reduce((a, b) => a + b, 0) / last.length : NaN;
    // While training, redraw the curve about once a second (it is binned to ≤ 400 points; a redraw is cheap).
    const lossClock = s.busy === 'train' ? `training ${Math.floor(performance.now() / 1000)}` : s.steps;
    const losses = this.lossMemo.get([s.losses, lossClock], () => lossTraces(s.losses));
    const byT = this.byTMemo.get([s.lossByT], () =>
      s.lossByT
        ? [
            {
              type: 'line' as const,
              x: s.lossByT.map((r) => r.t),
              y: s.lossByT.map((r) => r.loss),
              name: 'ε-loss',
            },
          ]
        : [],
    );
    return html`
      <div class="controls">
        <viva-slider
          class="train-steps"
          label="Training steps"
          integer
          .min=${10}
          .max=${20000}
          .step=${10}
          .value=${trainSteps}
          @change=${(e: CustomEvent<number>) => s.update({ trainSteps: e.detail })}
        ></viva-slider>
        <viva-slider
          class="lr"
          label="Learning rate (peak; cosine decay)"
          .min=${0.0001}
          .max=${0.03}
          .step=${0.0001}
          .value=${lr}
          @change=${(e: CustomEvent<number>) => s.update({ lr: e.detail })}
        ></viva-slider>
        <viva-select
          class="batch"
          label="Batch size"
          .options=${['32', '64', '128', '256', '512']}
          .value=${String(batchSize)}
          @change=${(e: CustomEvent<string>) => s.update({ batchSize: Number(e.detail) })}
        ></viva-select>
        <viva-select
          class="engine"
          label="Engine"
          .options=${[
            { value: 'typed', label: 'typed arrays, in a worker' },
            { value: 'tfjs', label: 'tfjs (page backend)' },
          ]}
          .value=${engine}
          @change=${(e: CustomEvent<string>) => s.update({ engine: e.detail as Engine })}
        ></viva-select>
      </div>
      <div class="row" role="toolbar" aria-label="Training">
        <button
          class="train"
          ?disabled=${s.busy !== null && !training}
          @click=${() => (training ? s.stop() : void this.trainMore())}
        >
          ${training ? 'Pause' : s.steps > 0 ? `Train ${trainSteps} more` : `Train ${trainSteps} steps`}
        </button>
        <button class="rebuild" @click=${() => s.rebuild()}>Reset network</button>
        <span class="stats" aria-live="off">
          ${s.net.parameterCount} parameters · step <span class="step-count">${s.steps}</span> · loss
          <span class="loss">${Number.isFinite(recent) ? recent.toFixed(4) : '—'}</span>
          ${s.msPerStep > 0 ? html` · <span class="ms-per-step">${s.msPerStep.toFixed(2)}</span> ms/step (${engine}${engine === 'typed' && s.inWorker ? ', in a worker' : ''})` : nothing}
        </span>
      </div>
      <div class="error" role="alert">${s.error}</div>
      <div class="controls">
        <viva-toggle
          class="loss-by-t"
          label="Loss at each timestep (held-out data)"
          .checked=${this.showLossByT}
          @change=${(e: CustomEvent<boolean>) => void this.toggleLossByT(e.detail)}
        ></viva-toggle>
        <viva-slider
          class="field-t"
          label="Predicted noise at t"
          integer
          .min=${1}
          .max=${T}
          .step=${1}
          .value=${this.fieldT}
          @change=${(e: CustomEvent<number>) => (this.fieldT = e.detail)}
        ></viva-slider>
      </div>
      <div class="plots">
        <viva-line-chart
          class="loss-curve"
          label="Training loss"
          .traces=${losses}
          .axes=${{ xTitle: 'step', yLog: true, title: 'ε-prediction loss', showLegend: false }}
        ></viva-line-chart>
        <viva-point-canvas
          class="field"
          label="Predicted noise field"
          heading="−ε̂(x, t = ${this.fieldT}): the denoiser's pull"
          .layers=${this.fieldPlot()}
          .view=${VIEW}
        ></viva-point-canvas>
        ${
          this.showLossByT
            ? html`<viva-line-chart
                class="loss-by-t-plot"
                label="Loss at each timestep"
                .traces=${byT}
                .axes=${{ xTitle: 't', yTitle: 'ε-loss', showLegend: false, title: 'where denoising is hard' }}
              ></viva-line-chart>`
            : nothing
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-diffusion-train': VivaDiffusionTrain;
  }
}
