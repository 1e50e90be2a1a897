// <viva-progress>: a progress bar for long work; value 0..1, or null for "working, length unknown".
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('viva-progress')
export class VivaProgress extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 0.78rem var(--mono);
      color: var(--muted);
    }
    .bar {
      height: 6px;
      border-radius: 3px;
      background: var(--surface-2);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--accent);
      transition: width 0.1s linear;
    }
    .indeterminate .fill {
      width: 30% !important;
      animation: slide 1.2s infinite ease-in-out;
    }
    /* Reduced motion: a still, half-filled bar instead of the sliding one. */
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
      .indeterminate .fill {
        animation: none;
        width: 50% !important;
        opacity: 0.6;
      }
    }
    @keyframes slide {
      from {
        transform: translateX(-100%);
      }
      to {
        transform: translateX(340%);
      }
    }
  `;

  @property({ type: Number }) value: number | null = null;
  @property() label = '';

  override render() {
    const known = this.value !== null && Number.isFinite(this.value);
    const pct = known ? Math.round(Math.min(1, Math.max(0, this.value!)) * 100) : 0;
    return html`
      <div
        class="bar ${known ? '' : 'indeterminate'}"
        role="progressbar"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${known ? pct : ''}
        aria-label=${this.label || 'progress'}
      >
        <div class="fill" style="width:${pct}%"></div>
      </div>
      ${this.label ? html`<div>${this.label}${known ? ` — ${pct}%` : ''}</div>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-progress': VivaProgress;
  }
}
