// <viva-diffusion-forward>: the forward process. A t slider moves the data cloud from clean (t = 0) to pure
// noise (t = T) with one fixed draw of noise, so the cloud morphs rather than jitters; √ᾱ_t and √(1−ᾱ_t) are
// shown; the ᾱ and β schedules, linear and cosine, are plotted with the chosen t marked.
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  SCHEDULE_KINDS,
  TOY_DATA_KINDS,
  alphaBarAt,
  noiseSchedule,
  qSample,
  type ScheduleKind,
  type ToyDataKind,
} from '../../../kernels/diffusion/index';
import { createRng } from '../../runtime/rng';
import '../../ui/controls/select';
import '../../ui/controls/slider';
import '../../ui/line-chart';
import { T, type DiffusionSession } from './session';
import { Memo } from '../../ui/memo';
import { sectionStyles } from './styles';
import './point-canvas';
import type { CanvasLayer } from './point-canvas';
import { VIEW, pointsLayer, scheduleTraces } from './plots';

const SHOWN = 1000;
const DATA_LABELS: Record<ToyDataKind, string> = {
  swissroll: 'swiss roll',
  moons: 'two moons',
  gaussians8: '8 Gaussians',
  rings: 'rings',
};

@customElement('viva-diffusion-forward')
export class VivaDiffusionForward extends LitElement {
  static override styles = sectionStyles;

  @property({ attribute: false }) session!: DiffusionSession;
  @property({ type: Number }) revision = 0;
  @state() t = 250;
  private readonly schedules = {
    linear: noiseSchedule(T, 'linear'),
    cosine: noiseSchedule(T, 'cosine'),
  };
  private readonly noise = (() => {
    const rng = createRng(12);
    return Float64Array.from({ length: 2 * SHOWN }, () => rng.normal());
  })();
  private readonly cloud = new Memo<CanvasLayer[]>();
  private readonly curves = new Memo<ReturnType<typeof scheduleTraces>>();

  override render() {
    const s = this.session;
    const { kind, schedule, seed } = s.settings;
    const sch = this.schedules[schedule];
    const ab = alphaBarAt(sch, this.t);
    const beta = this.t > 0 ? sch.betas[this.t - 1] : 0;
    const clean = s.data.subarray(0, 2 * SHOWN);
    const cloud = this.cloud.get([clean, this.t, schedule], () => [
      pointsLayer(qSample(clean, this.t, this.noise, sch), `x_t at t = ${this.t}`, '#2166ac'),
    ]);
    const curves = this.curves.get([this.t], () =>
      scheduleTraces(this.schedules.linear, this.schedules.cosine, this.t, T),
    );
    return html`
      <div class="controls">
        <viva-select
          class="data-kind"
          label="Data set"
          .options=${TOY_DATA_KINDS.map((k) => ({ value: k, label: DATA_LABELS[k] }))}
          .value=${kind}
          @change=${(e: CustomEvent<string>) => s.update({ kind: e.detail as ToyDataKind })}
        ></viva-select>
        <viva-select
          class="schedule"
          label="Noise schedule"
          .options=${SCHEDULE_KINDS.map((k) => ({ value: k, label: k === 'linear' ? 'linear (DDPM)' : 'cosine (improved DDPM)' }))}
          .value=${schedule}
          @change=${(e: CustomEvent<string>) => s.update({ schedule: e.detail as ScheduleKind })}
        ></viva-select>
        <viva-slider
          class="seed"
          label="Seed"
          integer
          .min=${1}
          .max=${9999}
          .step=${1}
          .value=${seed}
          @change=${(e: CustomEvent<number>) => s.update({ seed: e.detail })}
        ></viva-slider>
        <viva-slider
          class="t"
          label="Timestep t (0 = data, ${T} = noise)"
          integer
          .min=${0}
          .max=${T}
          .step=${1}
          .value=${this.t}
          @change=${(e: CustomEvent<number>) => (this.t = e.detail)}
        ></viva-slider>
      </div>
      <div class="stats" aria-live="off">
        t = ${this.t} · β_t = <span class="beta">${beta.toExponential(2)}</span> · √ᾱ_t (signal) =
        <span class="signal">${Math.sqrt(ab).toFixed(4)}</span> · √(1−ᾱ_t) (noise) =
        <span class="spread">${Math.sqrt(1 - ab).toFixed(4)}</span>
      </div>
      <div class="plots">
        <viva-point-canvas
          class="forward-cloud"
          label="The data cloud at step t"
          heading="x_t = √ᾱ_t·x₀ + √(1−ᾱ_t)·ε"
          .layers=${cloud}
          .view=${VIEW}
        ></viva-point-canvas>
        <viva-line-chart
          class="schedules"
          label="The ᾱ and β schedules, linear and cosine"
          .traces=${curves}
          .axes=${{ yLog: true, xTitle: 't', yRange: [1e-9, 1.2], yTitle: 'ᾱ_t (solid), β_t (dotted)' }}
        ></viva-line-chart>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-diffusion-forward': VivaDiffusionForward;
  }
}
