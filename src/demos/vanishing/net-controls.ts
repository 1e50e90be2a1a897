// <viva-net-controls>: the controls of one configuration (A or B) of the vanishing-gradient cell — a preset
// menu, depth, width, activation, init, residual and norm. Fires `net-change` with detail = the new NetChoice
// on every change (the cell recomputes its gradient plot at once).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ACTIVATION_NAMES } from '../../../kernels/activations';
import { INIT_NAMES, LIMITS, NORM_NAMES } from '../../../kernels/vanishing-net';
import '../../ui/controls/select';
import '../../ui/controls/slider';
import '../../ui/controls/toggle';
import { NET_PRESETS, matchingPreset, presetNet, type NetChoice } from './presets';

const INIT_LABELS: Record<(typeof INIT_NAMES)[number], string> = {
  naive: 'naive N(0,1)',
  xavier: 'Xavier',
  he: 'He',
};

@customElement('viva-net-controls')
export class VivaNetControls extends LitElement {
  static override styles = css`
    :host {
      display: block;
      border: 1px solid var(--border);
      border-radius: 8px;
      padding: 0.3rem 0.6rem 0.4rem;
    }
    h5 {
      margin: 0.2rem 0;
      font-size: 0.9rem;
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
    .swatch {
      width: 0.8rem;
      height: 0.8rem;
      border-radius: 2px;
      display: inline-block;
    }
    .pair {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 0 0.6rem;
      align-items: end;
    }
  `;

  @property() label = 'A';
  @property() color = '#888';
  @property({ attribute: false }) net!: NetChoice;

  private emit(patch: Partial<NetChoice>): void {
    this.net = { ...this.net, ...patch };
    this.dispatchEvent(
      new CustomEvent<NetChoice>('net-change', { detail: this.net, bubbles: true, composed: true }),
    );
  }

  override render() {
    const n = this.net;
    return html`
      <h5><span class="swatch" style="background:${this.color}"></span>Configuration ${this.label}</h5>
      <viva-select
        class="preset"
        label="Preset"
        .options=${[
          ...NET_PRESETS.map((p) => ({ value: p.id, label: p.label })),
          { value: 'custom', label: 'custom' },
        ]}
        .value=${matchingPreset(n)}
        @change=${(e: CustomEvent<string>) => e.detail !== 'custom' && this.emit(presetNet(e.detail))}
      ></viva-select>
      <viva-slider
        class="depth"
        label="Depth (weight layers)"
        integer
        .min=${LIMITS.depth[0]}
        .max=${LIMITS.depth[1]}
        .step=${1}
        .value=${n.depth}
        @change=${(e: CustomEvent<number>) => this.emit({ depth: e.detail })}
      ></viva-slider>
      <viva-slider
        class="width"
        label="Width"
        integer
        .min=${LIMITS.width[0]}
        .max=${LIMITS.width[1]}
        .step=${1}
        .value=${n.width}
        @change=${(e: CustomEvent<number>) => this.emit({ width: e.detail })}
      ></viva-slider>
      <div class="pair">
        <viva-select
          class="activation"
          label="Activation"
          .options=${[...ACTIVATION_NAMES]}
          .value=${n.activation}
          @change=${(e: CustomEvent<string>) => this.emit({ activation: e.detail as NetChoice['activation'] })}
        ></viva-select>
        <viva-select
          class="init"
          label="Init"
          .options=${INIT_NAMES.map((v) => ({ value: v, label: INIT_LABELS[v] }))}
          .value=${n.init}
          @change=${(e: CustomEvent<string>) => this.emit({ init: e.detail as NetChoice['init'] })}
        ></viva-select>
        <viva-select
          class="norm"
          label="Normalization"
          .options=${[...NORM_NAMES]}
          .value=${n.norm}
          @change=${(e: CustomEvent<string>) => this.emit({ norm: e.detail as NetChoice['norm'] })}
        ></viva-select>
        <viva-toggle
          class="residual"
          label="Residual"
          .checked=${n.residual}
          @change=${(e: CustomEvent<boolean>) => this.emit({ residual: e.detail })}
        ></viva-toggle>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-net-controls': VivaNetControls;
  }
}
