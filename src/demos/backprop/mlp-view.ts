// The MLP trainer's views: its settings, the training toolbar with the live stats, and the decision
// boundary (a heat map of the network's score with the data on top) beside the loss and accuracy curves.
// Pure functions of the session and the settings store, returning Lit templates.
import { html } from 'lit';
import '../../ui/heatmap';
import type { HeatmapPoint } from '../../ui/heatmap';
import '../../ui/kit/settings-element';
import type { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { GRID_HI, GRID_LO, MAX_CURVE_POINTS, type MlpSession } from './mlp-session';
import type { BACKPROP_SETTINGS } from './settings';

const EXTENT: [number, number, number, number] = [GRID_LO, GRID_HI, GRID_LO, GRID_HI];
const AXES = { xTitle: 'step', title: 'loss and accuracy' };

export interface TrainerActions {
  /** Play, or Pause while training. */
  train(): void;
  step(): void;
  rebuild(): void;
}

export function dataPoints(s: MlpSession): HeatmapPoint[] {
  return s.data.xs.map((p, i) => ({
    x: p[0]!,
    y: p[1]!,
    color: s.data.ys[i] === 1 ? '#b2182b' : '#2166ac',
  }));
}

export function curveTraces(s: MlpSession): LineTrace[] {
  const c = s.curves(MAX_CURVE_POINTS);
  return [
    { type: 'line', x: c.steps, y: c.loss, name: 'loss' },
    { type: 'line', x: c.steps, y: c.accuracy, name: 'accuracy', dash: 'dot' },
  ];
}

export function trainerView(
  s: MlpSession,
  store: SettingsStore<typeof BACKPROP_SETTINGS>,
  plots: { boundary: number[][]; points: HeatmapPoint[]; curves: LineTrace[] },
  training: boolean,
  error: string,
  on: TrainerActions,
) {
  return html`
    <viva-settings class="mlp-settings" .store=${store} group="mlp"></viva-settings>
    <div class="row" role="toolbar" aria-label="Training">
      <button class="train" @click=${on.train}>${training ? 'Pause' : 'Play'}</button>
      <button class="one" ?disabled=${training} @click=${on.step}>Step</button>
      <button class="rebuild" @click=${on.rebuild}>Reset network</button>
      <span class="stats" aria-live="off">
        MLP(2, [${[...s.sizes, 1].join(', ')}]) · ${s.parameters} parameters · step ${s.stepCount} · loss
        <span class="loss">${Number.isFinite(s.lastLoss) ? s.lastLoss.toFixed(4) : '—'}</span> · accuracy
        <span class="accuracy"
          >${Number.isFinite(s.lastAccuracy) ? (s.lastAccuracy * 100).toFixed(0) + '%' : '—'}</span
        >
        ${training ? html` · ${s.stepsPerSecond.toFixed(0)} steps/s` : ''}
      </span>
    </div>
    <div class="error" role="alert">${error}</div>
    <div class="plots">
      <figure class="boundary-figure">
        <figcaption>decision boundary: tanh(score), red +1, blue −1</figcaption>
        <!-- tanh(score) lies in ±1; a ±1.6 scale keeps the colours light enough for the points to show. -->
        <viva-heatmap
          class="boundary"
          label="Decision boundary"
          .z=${plots.boundary}
          .zmin=${-1.6}
          .zmax=${1.6}
          colormap="rdbu"
          flipY
          .extent=${EXTENT}
          .points=${plots.points}
        ></viva-heatmap>
      </figure>
      <viva-line-chart
        class="loss-curve"
        label="Loss and accuracy"
        .traces=${plots.curves}
        .axes=${AXES}
      ></viva-line-chart>
    </div>
  `;
}
