// <viva-select>: a labelled select. Fires `change` with detail = the chosen value.
//
// Example: <viva-select label="Activation" .options=${['relu', 'tanh']} value="relu"></viva-select>
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './shared-styles';

export type SelectOption = string | { value: string; label: string };

let nextId = 0;

@customElement('viva-select')
export class VivaSelect extends LitElement {
  static override styles = controlStyles;

  @property() label = '';
  @property({ attribute: false }) options: SelectOption[] = [];
  @property() value = '';
  @property({ type: Boolean }) disabled = false;
  private readonly uid = `viva-select-${nextId++}`;

  override render() {
    return html`
      <label for=${this.uid}>${this.label}</label>
      <select id=${this.uid} ?disabled=${this.disabled} @change=${this.onChange}>
        ${this.options.map((o) => {
          const { value, label } = typeof o === 'string' ? { value: o, label: o } : o;
          return html`<option .value=${value} ?selected=${value === this.value}>${label}</option>`;
        })}
      </select>
    `;
  }

  private onChange(e: Event): void {
    this.value = (e.target as HTMLSelectElement).value;
    this.dispatchEvent(new CustomEvent('change', { detail: this.value, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-select': VivaSelect;
  }
}
