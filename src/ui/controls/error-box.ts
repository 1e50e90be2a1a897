// <viva-error>: a visible error message (role=alert). Empty message → nothing shown.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('viva-error')
export class VivaError extends LitElement {
  static override styles = css`
    .box {
      border: 1px solid var(--error);
      color: var(--error);
      border-radius: 6px;
      padding: 0.4rem 0.7rem;
      font-size: 0.88rem;
      margin: 0.5rem 0;
      white-space: pre-wrap;
    }
  `;

  @property() message = '';

  override render() {
    return this.message ? html`<div class="box" role="alert">${this.message}</div>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-error': VivaError;
  }
}
