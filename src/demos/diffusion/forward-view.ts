// The forward process, as a view: the data set, schedule, seed and t controls; √ᾱ_t and √(1−ᾱ_t) at the
// chosen t; the data cloud noised to t with one fixed draw of noise (so the cloud morphs rather than
// jitters as t moves), with the clean data overlaid; and the ᾱ and β schedules, linear and cosine, with t marked.
import { html, type TemplateResult } from 'lit';
import { alphaBarAt, noiseSchedule, qSample, type ScheduleKind } from '../../../kernels/diffusion/index';
import { createRng } from '../../runtime/rng';
import '../../ui/kit/settings-element';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { Memo } from '../../ui/memo';
import { VIEW, pointsLayer, scheduleTraces } from './plots';
import './point-canvas';
import type { CanvasLayer } from './point-canvas';
import { T, type DiffusionSession } from './session';

const SHOWN = 1000;

/** The forward section's plot data, kept while its inputs are the same. */
export class ForwardPlots {
  readonly schedules: Record<ScheduleKind, ReturnType<typeof noiseSchedule>> = {
    linear: noiseSchedule(T, 'linear'),
    cosine: noiseSchedule(T, 'cosine'),
  };
  private readonly noise = (() => {
    const rng = createRng(12);
    return Float64Array.from({ length: 2 * SHOWN }, () => rng.normal());
  })();
  private readonly cloudMemo = new Memo<CanvasLayer[]>();
  private readonly curvesMemo = new Memo<LineTrace[]>();

  cloud(data: Float64Array, t: number, kind: ScheduleKind): CanvasLayer[] {
    const clean = data.subarray(0, 2 * SHOWN);
    // The clean data are drawn over the noised cloud, faint and small, so the structure the noise hides
    // is visible at every t (from t = 0, where the two coincide, to t = T, where x_t is pure noise).
    return this.cloudMemo.get([data, t, kind], () => [
      pointsLayer(qSample(clean, t, this.noise, this.schedules[kind]), `x_t at t = ${t}`, '#2166ac'),
      pointsLayer(clean, 'x₀ (the clean data)', 'rgba(230, 120, 20, 0.75)', 1.5),
    ]);
  }

  curves(t: number): LineTrace[] {
    return this.curvesMemo.get([t], () => scheduleTraces(this.schedules.linear, this.schedules.cosine, t, T));
  }
}

export function forwardView(session: DiffusionSession, plots: ForwardPlots): TemplateResult {
  const { schedule, t } = session.settings;
  const sch = plots.schedules[schedule];
  const ab = alphaBarAt(sch, t);
  const beta = t > 0 ? sch.betas[t - 1] : 0;
  return html`<section class="forward">
    <viva-settings class="controls" .store=${session.store} group="forward"></viva-settings>
    <div class="stats" aria-live="off">
      t = ${t} · β_t = <span class="beta">${beta.toExponential(2)}</span> · √ᾱ_t (signal) =
      <span class="signal">${Math.sqrt(ab).toFixed(4)}</span> · √(1−ᾱ_t) (noise) =
      <span class="spread">${Math.sqrt(1 - ab).toFixed(4)}</span>
    </div>
    <div class="plots">
      <viva-point-canvas
        class="forward-cloud"
        label="The data cloud at step t"
        heading="x_t = √ᾱ_t·x₀ + √(1−ᾱ_t)·ε"
        .layers=${plots.cloud(session.data, t, schedule)}
        .view=${VIEW}
      ></viva-point-canvas>
      <viva-line-chart
        class="schedules"
        label="The ᾱ and β schedules, linear and cosine"
        .traces=${plots.curves(t)}
        .axes=${{ yLog: true, xTitle: 't', yRange: [1e-9, 1.2], yTitle: 'ᾱ_t (solid), β_t (dotted)' }}
      ></viva-line-chart>
    </div>
  </section>`;
}
