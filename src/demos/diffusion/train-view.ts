// Training, as a view: the training settings; Train / Pause and Reset network with the step count, the
// recent loss and the speed; the loss curve; the predicted noise as a field of arrows at a chosen t over the
// data noised to that t; and, when asked for, the loss at each timestep on held-out data.
import { html, nothing, type TemplateResult } from 'lit';
import { noiseField, qSample } from '../../../kernels/diffusion/index';
import { createRng } from '../../runtime/rng';
import '../../ui/kit/settings-element';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { Memo } from '../../ui/memo';
import { VIEW, fieldLayer, lossTraces, pointsLayer } from './plots';
import './point-canvas';
import type { CanvasLayer } from './point-canvas';
import type { DiffusionSession } from './session';

const GRID = 17;
const FIELD_POINTS = 400;

/** The training section's plot data, kept while its inputs are the same. */
export class TrainPlots {
  private readonly lossMemo = new Memo<LineTrace[]>();
  private readonly fieldMemo = new Memo<CanvasLayer[]>();
  private readonly byTMemo = new Memo<LineTrace[]>();
  private readonly fieldNoise = (() => {
    const rng = createRng(31);
    return Float64Array.from({ length: 2 * FIELD_POINTS }, () => rng.normal());
  })();

  /** Recomputed when the steps change (a report: new losses and weights), at most every report. */
  losses(s: DiffusionSession): LineTrace[] {
    return this.lossMemo.get([s.losses, s.steps], () => lossTraces(s.losses));
  }

  field(s: DiffusionSession, t: number): CanvasLayer[] {
    return this.fieldMemo.get([s.net, s.steps, t, s.data], () => {
      const predict = (x: Float64Array, at: number, out: Float64Array) => void s.net.predict(x, at, out);
      const field = noiseField(predict, t, VIEW[0] + 0.5, VIEW[1] - 0.5, GRID);
      const noisy = qSample(s.data.subarray(0, 2 * FIELD_POINTS), t, this.fieldNoise, s.schedule);
      return [
        pointsLayer(noisy, `data noised to t = ${t}`, '#aaaaaa'),
        fieldLayer(field.points, field.eps, 0.35, '#b2182b'),
      ];
    });
  }

  byT(s: DiffusionSession): LineTrace[] {
    const rows = s.lossByT;
    return this.byTMemo.get([rows], () =>
      rows
        ? [{ type: 'line' as const, x: rows.map((r) => r.t), y: rows.map((r) => r.loss), name: 'ε-loss' }]
        : [],
    );
  }
}

export interface TrainState {
  /** A job of any kind is running. */
  busy: boolean;
  training: boolean;
  error: string;
}

export interface TrainActions {
  train(): void;
  pause(): void;
  resetNetwork(): void;
}

export function trainView(
  s: DiffusionSession,
  plots: TrainPlots,
  state: TrainState,
  actions: TrainActions,
): TemplateResult {
  const { steps, engine, fieldT, byT } = s.settings;
  const { training } = state;
  const recent = s.recentLoss;
  const where = engine === 'typed' && s.inWorker ? ', in a worker' : '';
  return html`<section class="train">
    <viva-settings class="controls" .store=${s.store} group="train"></viva-settings>
    <div class="row" role="toolbar" aria-label="Training">
      <button
        class="train"
        ?disabled=${state.busy && !training}
        @click=${() => (training ? actions.pause() : actions.train())}
      >
        ${training ? 'Pause' : s.steps > 0 ? `Train ${steps} more` : `Train ${steps} steps`}
      </button>
      <button class="rebuild" @click=${() => actions.resetNetwork()}>Reset network</button>
      <span class="stats" aria-live="off">
        ${s.net.parameterCount} parameters · step <span class="step-count">${s.steps}</span> · loss
        <span class="loss">${Number.isFinite(recent) ? recent.toFixed(4) : '—'}</span>
        ${s.msPerStep > 0 ? html` · <span class="ms-per-step">${s.msPerStep.toFixed(2)}</span> ms/step (${engine}${where})` : nothing}
      </span>
    </div>
    <div class="error" role="alert">${state.error}</div>
    <viva-settings class="controls" .store=${s.store} group="train-views"></viva-settings>
    <div class="plots">
      <viva-line-chart
        class="loss-curve"
        label="Training loss"
        .traces=${plots.losses(s)}
        .axes=${{ xTitle: 'step', yLog: true, title: 'ε-prediction loss', showLegend: false }}
      ></viva-line-chart>
      <viva-point-canvas
        class="field"
        label="Predicted noise field"
        heading="−ε̂(x, t = ${fieldT}): the denoiser's pull"
        .layers=${plots.field(s, fieldT)}
        .view=${VIEW}
      ></viva-point-canvas>
      ${
        byT
          ? html`<viva-line-chart
              class="loss-by-t-plot"
              label="Loss at each timestep"
              .traces=${plots.byT(s)}
              .axes=${{ xTitle: 't', yTitle: 'ε-loss', showLegend: false, title: 'where denoising is hard' }}
            ></viva-line-chart>`
          : nothing
      }
    </div>
  </section>`;
}
