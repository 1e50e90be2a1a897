// Sampling, as a view: the sampler settings; Sample and Play with a frame slider to scrub the reverse
// process over the held-out data; and the energy distance of the samples to held-out data beside the same
// distance for the untrained network, for fresh data (the floor) and for Gaussian noise.
import { html, nothing, type TemplateResult } from 'lit';
import '../../ui/controls/slider';
import '../../ui/kit/settings-element';
import { Memo } from '../../ui/memo';
import { VIEW, pointsLayer } from './plots';
import './point-canvas';
import type { CanvasLayer } from './point-canvas';
import type { Quality } from './quality';
import { SAMPLE_POINTS, type DiffusionSession } from './session';

/** The sampling section's plot data, kept while its inputs are the same. */
export class SamplePlots {
  private readonly dataMemo = new Memo<CanvasLayer>();
  private readonly frameMemo = new Memo<CanvasLayer[]>();

  layers(s: DiffusionSession, shown: { x: Float64Array; t: number } | undefined): CanvasLayer[] {
    const held = s.reference?.heldOut;
    const data = this.dataMemo.get([held, s.data], () =>
      pointsLayer(held ?? s.data.subarray(0, 2 * SAMPLE_POINTS), 'data (held out)', '#aaaaaa'),
    );
    return this.frameMemo.get([data, shown], () =>
      shown ? [data, pointsLayer(shown.x, `samples at t = ${shown.t}`, '#b2182b', 3)] : [data],
    );
  }
}

export interface SampleState {
  /** A job of any kind is running. */
  busy: boolean;
  sampling: boolean;
  playing: boolean;
  /** The frame shown; null follows the newest. */
  frame: number | null;
  error: string;
}

export interface SampleActions {
  sample(): void;
  stop(): void;
  play(): void;
  pause(): void;
  scrub(frame: number): void;
}

export function sampleView(
  s: DiffusionSession,
  plots: SamplePlots,
  state: SampleState,
  actions: SampleActions,
): TemplateResult {
  const { sampling, playing } = state;
  const frames = s.frames;
  const index = Math.min(state.frame ?? frames.length - 1, frames.length - 1);
  const shown = frames[index];
  return html`<section class="sample">
    <div class="controls">
      <viva-settings .store=${s.store} group="sample"></viva-settings>
      <viva-slider
        class="frame"
        label="Frame (scrub)"
        integer
        .min=${0}
        .max=${Math.max(0, frames.length - 1)}
        .step=${1}
        .value=${Math.max(0, index)}
        ?disabled=${frames.length < 2 || sampling}
        @change=${(e: CustomEvent<number>) => actions.scrub(e.detail)}
      ></viva-slider>
    </div>
    <div class="row" role="toolbar" aria-label="Sampling">
      <button
        class="sample"
        ?disabled=${state.busy && !sampling}
        @click=${() => (sampling ? actions.stop() : actions.sample())}
      >
        ${sampling ? 'Stop sampling' : `Sample ${SAMPLE_POINTS} points`}
      </button>
      <button
        class="play"
        ?disabled=${frames.length < 2 || sampling}
        @click=${() => (playing ? actions.pause() : actions.play())}
      >
        ${playing ? 'Pause' : 'Play'}
      </button>
      <span class="stats"
        >${shown ? html`step ${shown.step}/${shown.steps} · t = <span class="frame-t">${shown.t}</span>` : 'no samples yet'}</span
      >
    </div>
    <div class="error" role="alert">${state.error}</div>
    ${qualityTable(s)}
    <viva-point-canvas
      class="samples"
      label="Samples over the data"
      heading="reverse process: noise → data"
      .layers=${plots.layers(s, shown)}
      .view=${VIEW}
    ></viva-point-canvas>
  </section>`;
}

function qualityTable(s: DiffusionSession): TemplateResult {
  const ref = s.reference;
  if (!ref) return html`<p class="stats">Sample to measure the energy distance to held-out data.</p>`;
  const cells = (distance: number, cls: string) => html`
    <td class=${cls}>${short(distance)}</td>
    <td>${short(distance / ref.floor, 1)}</td>
    <td>${short((100 * distance) / ref.noise, 1)}</td>
  `;
  const how = (q: Quality) => `${q.method.toUpperCase()}, ${q.steps} steps, after ${q.atStep} training steps`;
  return html`
    <table class="quality">
      <caption>
        Energy distance to ${SAMPLE_POINTS} held-out points (lower is closer)
      </caption>
      <thead>
        <tr>
          <th></th>
          <th>distance</th>
          <th>× floor</th>
          <th>% of noise</th>
        </tr>
      </thead>
      <tbody>
        <tr class="row-latest">
          <th>samples <small>${s.latest ? `(${how(s.latest)})` : ''}</small></th>
          ${s.latest ? cells(s.latest.distance, 'quality-latest') : html`<td class="quality-latest" colspan="3">—</td>`}
        </tr>
        ${
          s.untrained
            ? html`<tr class="row-untrained">
                <th>untrained network <small>(${how(s.untrained)})</small></th>
                ${cells(s.untrained.distance, 'quality-untrained')}
              </tr>`
            : nothing
        }
        <tr>
          <th>
            fresh data: the floor
            <small>(mean of 5 draws; one draw ${short(ref.floorRange[0])}–${short(ref.floorRange[1])})</small>
          </th>
          ${cells(ref.floor, 'quality-floor')}
        </tr>
        <tr>
          <th>N(0, I) noise</th>
          ${cells(ref.noise, 'quality-noise')}
        </tr>
      </tbody>
    </table>
  `;
}

/** A number for the quality table: fixed decimals while small, 3 significant digits once large. */
export function short(v: number, decimals = 4): string {
  return Math.abs(v) < 1000 / 10 ** decimals ? v.toFixed(decimals) : v.toPrecision(3);
}
