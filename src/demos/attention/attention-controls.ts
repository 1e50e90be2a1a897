// <viva-attention-controls>: the attention cell's settings (sentence, heads, temperature, projection seed,
// the √d_k scale and the causal mask). Fires `settings-change` with the changed fields; the sentence's
// error message (from the tokenizer) is shown beside its box.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../ui/controls/select';
import '../../ui/controls/slider';
import '../../ui/controls/toggle';
import { demoStyles } from '../../ui/demo-styles';
import { D_MODEL, HEAD_CHOICES } from './attention-state';

export interface AttentionCellSettings {
  sentence: string;
  heads: number;
  seed: number;
  scale: boolean;
  causal: boolean;
  temperature: number;
}

const HEAD_OPTIONS = HEAD_CHOICES.map((n) => ({ value: String(n), label: `${n} (d_k = ${D_MODEL / n})` }));

@customElement('viva-attention-controls')
export class VivaAttentionControls extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0 1rem;
        align-items: end;
      }
      div.sentence {
        grid-column: 1 / -1;
      }
      input.sentence {
        width: 100%;
        box-sizing: border-box;
      }
      .toggles {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        padding-bottom: 0.6rem;
      }
      .error {
        min-height: 1em;
      }
    `,
  ];

  @property({ attribute: false }) settings!: AttentionCellSettings;
  @property() sentenceError = '';

  private emit(patch: Partial<AttentionCellSettings>): void {
    this.dispatchEvent(new CustomEvent('settings-change', { detail: patch, bubbles: true, composed: true }));
  }

  override render() {
    const s = this.settings;
    const dK = D_MODEL / s.heads;
    return html`
      <div class="sentence">
        <label for="sentence">Sentence (up to 12 tokens)</label>
        <input
          id="sentence"
          class="text sentence"
          .value=${s.sentence}
          aria-invalid=${this.sentenceError ? 'true' : 'false'}
          aria-describedby="sentence-error"
          @change=${(e: Event) => this.emit({ sentence: (e.target as HTMLInputElement).value })}
        />
        <div class="error" id="sentence-error" role="status">${this.sentenceError}</div>
      </div>
      <viva-select
        label="Heads (d_model = ${D_MODEL})"
        .options=${HEAD_OPTIONS}
        .value=${String(s.heads)}
        @change=${(e: CustomEvent<string>) => this.emit({ heads: Number(e.detail) })}
      ></viva-select>
      <viva-slider
        label="Temperature"
        .min=${0.05}
        .max=${5}
        .step=${0.05}
        .value=${s.temperature}
        @change=${(e: CustomEvent<number>) => this.emit({ temperature: e.detail })}
      ></viva-slider>
      <viva-slider
        label="Seed (projections)"
        integer
        .min=${1}
        .max=${9999}
        .step=${1}
        .value=${s.seed}
        @change=${(e: CustomEvent<number>) => this.emit({ seed: e.detail })}
      ></viva-slider>
      <div class="toggles">
        <viva-toggle
          class="scale"
          label="÷ √d_k (= ${Math.sqrt(dK).toFixed(2)})"
          ?checked=${s.scale}
          @change=${(e: CustomEvent<boolean>) => this.emit({ scale: e.detail })}
        ></viva-toggle>
        <viva-toggle
          class="causal"
          label="Causal mask"
          ?checked=${s.causal}
          @change=${(e: CustomEvent<boolean>) => this.emit({ causal: e.detail })}
        ></viva-toggle>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-attention-controls': VivaAttentionControls;
  }
}
