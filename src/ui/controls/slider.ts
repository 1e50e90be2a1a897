// <viva-slider>: a range slider linked to a number input. Typing out of range clamps and says so beside the
// control; typing a non-number keeps the old value and says so. Fires `change` with detail = the value
// (also on every slider move, since demos update live).
//
// Example: <viva-slider label="Depth" min="1" max="64" step="1" .value=${20} @change=${…}></viva-slider>
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { readBounded } from './bounded-number';
import { controlStyles } from './shared-styles';

let nextId = 0;

@customElement('viva-slider')
export class VivaSlider extends LitElement {
  static override styles = controlStyles;

  @property() label = '';
  @property({ type: Number }) min = 0;
  @property({ type: Number }) max = 1;
  @property({ type: Number }) step = 0.01;
  @property({ type: Number }) value = 0;
  @property({ type: Boolean }) integer = false;
  @property({ type: Boolean }) disabled = false;
  @state() private message: string | null = null;
  private readonly uid = `viva-slider-${nextId++}`;
  /** The box's text as last read (by Enter or change): the change event that follows Enter is not read twice. */
  private readText: string | null = null;

  override render() {
    const msgId = `${this.uid}-msg`;
    return html`
      <label for=${this.uid}>${this.label}</label>
      <div class="row">
        <input
          type="range"
          aria-label=${this.label}
          .min=${String(this.min)}
          .max=${String(this.max)}
          .step=${String(this.step)}
          .value=${String(this.value)}
          ?disabled=${this.disabled}
          @input=${this.onRange}
        />
        <input
          id=${this.uid}
          class="number"
          type="text"
          inputmode="decimal"
          .value=${String(this.value)}
          ?disabled=${this.disabled}
          aria-invalid=${this.message ? 'true' : 'false'}
          aria-describedby=${msgId}
          @change=${this.onNumber}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.onNumber(e)}
        />
      </div>
      <div class="message" id=${msgId} role="status" aria-live="polite">${this.message ?? ''}</div>
    `;
  }

  private onRange(e: Event): void {
    this.message = null;
    this.readText = null;
    this.commit(Number((e.target as HTMLInputElement).value));
  }

  private onNumber(e: Event): void {
    const input = e.target as HTMLInputElement;
    // Enter reads the box at once; the browser's change event then brings the (clamped) text back: reading it
    // again would take it as typed and clear the message that explains the clamp.
    if (e.type === 'change' && input.value === this.readText && input.value === String(this.value)) return;
    const { value, message } = readBounded(input.value, {
      min: this.min,
      max: this.max,
      step: this.step,
      integer: this.integer,
    });
    this.message = message;
    if (value !== null) input.value = String(value);
    this.readText = input.value;
    if (value !== null) this.commit(value);
  }

  private commit(value: number): void {
    if (value === this.value) return;
    this.value = value;
    this.dispatchEvent(new CustomEvent('change', { detail: value, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-slider': VivaSlider;
  }
}
