// <viva-diffusion-sample>: the reverse process. Sample runs DDPM or DDIM from N(0, I) with the chosen number
// of steps; the frames play as an animation (Play, or scrub with the slider) over the data; beside it, the
// energy distance of the samples to held-out data, with the same distance for fresh data (the floor) and for
// Gaussian noise.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SAMPLER_METHODS, type SamplerMethod } from '../../../kernels/diffusion/index';
import { isAbortError } from '../../runtime/abort';
import '../../ui/controls/select';
import '../../ui/controls/slider';
import { SAMPLE_POINTS, T, type DiffusionSession, type Quality } from './session';
import { Memo } from '../../ui/memo';
import { sectionStyles } from './styles';
import './point-canvas';
import type { CanvasLayer } from './point-canvas';
import { VIEW, pointsLayer } from './plots';

const FRAME_MS = 80;

@customElement('viva-diffusion-sample')
export class VivaDiffusionSample extends LitElement {
  static override styles = [
    sectionStyles,
    css`
      table.quality {
        font: 0.8rem var(--mono);
        color: var(--muted);
        border-collapse: collapse;
        margin: 0.3rem 0;
      }
      .quality caption {
        text-align: left;
        color: var(--text);
        font-family: var(--font);
      }
      .quality th,
      .quality td {
        padding: 0.1rem 0.5rem;
        text-align: right;
        font-weight: normal;
      }
      .quality tbody th {
        text-align: left;
      }
      .quality .row-latest {
        color: var(--text);
      }
    `,
  ];

  @property({ attribute: false }) session!: DiffusionSession;
  @property({ type: Number }) revision = 0;
  /** The frame shown; null follows the newest. */
  @state() frame: number | null = null;
  @state() playing = false;
  private timer = 0;
  private readonly dataMemo = new Memo<CanvasLayer>();
  private readonly frameMemo = new Memo<CanvasLayer[]>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  /** Plays the frames from the first to the last, once. */
  play(): void {
    const frames = this.session.frames;
    if (frames.length < 2) return;
    this.pause();
    this.playing = true;
    this.frame = 0;
    this.timer = window.setInterval(() => {
      const next = (this.frame ?? 0) + 1;
      if (next >= this.session.frames.length) {
        this.pause();
        return;
      }
      this.frame = next;
    }, FRAME_MS);
  }

  pause(): void {
    window.clearInterval(this.timer);
    this.playing = false;
  }

  private async sample(): Promise<void> {
    this.pause();
    this.frame = null;
    try {
      await this.session.sample();
      this.play();
    } catch (e) {
      if (!isAbortError(e)) this.requestUpdate();
    }
  }

  override render() {
    const s = this.session;
    const { method, sampleSteps } = s.settings;
    const sampling = s.busy === 'sample';
    const frames = s.frames;
    const index = Math.min(this.frame ?? frames.length - 1, frames.length - 1);
    const shown = frames[index];
    const held = s.reference?.heldOut;
    const dataTrace = this.dataMemo.get([held, s.data], () =>
      pointsLayer(held ?? s.data.subarray(0, 2 * SAMPLE_POINTS), 'data (held out)', '#aaaaaa'),
    );
    const traces = this.frameMemo.get([dataTrace, shown], () =>
      shown ? [dataTrace, pointsLayer(shown.x, `samples at t = ${shown.t}`, '#b2182b', 3)] : [dataTrace],
    );
    return html`
      <div class="controls">
        <viva-select
          class="method"
          label="Sampler"
          .options=${SAMPLER_METHODS.map((m) => ({ value: m, label: m === 'ddpm' ? 'DDPM (ancestral)' : 'DDIM (deterministic)' }))}
          .value=${method}
          @change=${(e: CustomEvent<string>) => s.update({ method: e.detail as SamplerMethod })}
        ></viva-select>
        <viva-slider
          class="sample-steps"
          label="Sampling steps (of T = ${T})"
          integer
          .min=${1}
          .max=${T}
          .step=${1}
          .value=${sampleSteps}
          @change=${(e: CustomEvent<number>) => s.update({ sampleSteps: e.detail })}
        ></viva-slider>
        <viva-slider
          class="frame"
          label="Frame (scrub)"
          integer
          .min=${0}
          .max=${Math.max(0, frames.length - 1)}
          .step=${1}
          .value=${Math.max(0, index)}
          ?disabled=${frames.length < 2 || sampling}
          @change=${(e: CustomEvent<number>) => (this.pause(), (this.frame = e.detail))}
        ></viva-slider>
      </div>
      <div class="row" role="toolbar" aria-label="Sampling">
        <button
          class="sample"
          ?disabled=${s.busy !== null && !sampling}
          @click=${() => (sampling ? s.stop() : void this.sample())}
        >
          ${sampling ? 'Stop sampling' : `Sample ${SAMPLE_POINTS} points`}
        </button>
        <button
          class="play"
          ?disabled=${frames.length < 2 || sampling}
          @click=${() => (this.playing ? this.pause() : this.play())}
        >
          ${this.playing ? 'Pause' : 'Play'}
        </button>
        <span class="stats"
          >${shown ? html`step ${shown.step}/${shown.steps} · t = <span class="frame-t">${shown.t}</span>` : 'no samples yet'}</span
        >
      </div>
      <div class="error" role="alert">${s.error}</div>
      ${this.renderQuality()}
      <viva-point-canvas
        class="samples"
        label="Samples over the data"
        heading="reverse process: noise → data"
        .layers=${traces}
        .view=${VIEW}
      ></viva-point-canvas>
    `;
  }

  private renderQuality() {
    const s = this.session;
    const ref = s.reference;
    if (!ref) return html`<p class="stats">Sample to measure the energy distance to held-out data.</p>`;
    const cells = (distance: number, cls: string) => html`
      <td class=${cls}>${short(distance)}</td>
      <td>${short(distance / ref.floor, 1)}</td>
      <td>${short((100 * distance) / ref.noise, 1)}</td>
    `;
    const how = (q: Quality) =>
      `${q.method.toUpperCase()}, ${q.steps} steps, after ${q.atStep} training steps`;
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
              <small
                >(mean of 5 draws; one draw ${short(ref.floorRange[0])}–${short(ref.floorRange[1])})</small
              >
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
}

/** A number for the quality line: fixed decimals while small, 3 significant digits once large. */
function short(v: number, decimals = 4): string {
  return Math.abs(v) < 1000 / 10 ** decimals ? v.toFixed(decimals) : v.toPrecision(3);
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-diffusion-sample': VivaDiffusionSample;
  }
}
