// <viva-toggle>: an on/off switch (a button with role=switch, so Space and Enter work). Fires `change` with
// detail = checked.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './shared-styles';

@customElement('viva-toggle')
export class VivaToggle extends LitElement {
  static override styles = [
    controlStyles,
    css`
      button {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        background: none;
        border: 0;
        padding: 0;
        font: inherit;
        color: inherit;
        cursor: pointer;
      }
      .track {
        width: 2.2rem;
        height: 1.2rem;
        border-radius: 999px;
        background: var(--border);
        position: relative;
        transition: background 0.15s;
      }
      .track::after {
        content: '';
        position: absolute;
        top: 0.15rem;
        left: 0.15rem;
        width: 0.9rem;
        height: 0.9rem;
        border-radius: 50%;
        background: var(--surface);
        transition: transform 0.15s;
      }
      button[aria-checked='true'] .track {
        background: var(--accent);
      }
      button[aria-checked='true'] .track::after {
        transform: translateX(1rem);
      }
    `,
  ];

  @property() label = '';
  @property({ type: Boolean }) checked = false;
  @property({ type: Boolean }) disabled = false;

  override render() {
    return html`<button
      role="switch"
      aria-checked=${this.checked ? 'true' : 'false'}
      ?disabled=${this.disabled}
      @click=${this.toggle}
    >
      <span class="track"></span><span>${this.label}</span>
    </button>`;
  }

  private toggle(): void {
    this.checked = !this.checked;
    this.dispatchEvent(new CustomEvent('change', { detail: this.checked, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-toggle': VivaToggle;
  }
}
