// <viva-run-cards>: the last runs of one cell, newest first — outcome, when, how long, backend, the final
// metrics — each with "Download" (the card as JSON) and "Replay" (fires `replay` with the card: the cell
// loads its settings and runs again).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { cardFileName, cardJson, metricsSummary, type RunCard } from './run-card';

@customElement('viva-run-cards')
export class VivaRunCards extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 0.8rem var(--font);
      color: var(--text);
    }
    details > summary {
      cursor: pointer;
      color: var(--muted);
    }
    ol {
      list-style: none;
      margin: 0.3rem 0 0;
      padding: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.3rem 0.6rem;
      border-top: 1px solid var(--border);
      padding: 0.25rem 0;
    }
    .what {
      flex: 1 1 14rem;
      min-width: 0;
    }
    .metrics {
      color: var(--muted);
      overflow-wrap: anywhere;
    }
    button {
      font: inherit;
      color: inherit;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 6px;
      padding: 0.1rem 0.5rem;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 2px solid var(--focus);
      outline-offset: 1px;
    }
  `;

  @property({ attribute: false }) cards: readonly RunCard[] = [];

  override render() {
    if (!this.cards.length) return nothing;
    return html`<details open>
      <summary>Run cards (${this.cards.length})</summary>
      <ol aria-label="Run cards, newest first">
        ${this.cards.map(
          (c, i) =>
            html`<li data-card=${i}>
              <span class="what">
                <strong>${c.outcome}</strong> · ${new Date(c.startedAt).toLocaleTimeString()} ·
                ${(c.durationMs / 1000).toFixed(2)}
                s${c.backend ? ` · ${c.backend}` : ''}${c.seed !== null ? ` · seed ${c.seed}` : ''}
                <div class="metrics">${metricsSummary(c.metrics)}</div>
              </span>
              <button
                class="download"
                @click=${() => this.download(c)}
                aria-label="Download run card ${i + 1} as JSON"
              >
                Download
              </button>
              <button class="replay" @click=${() => this.replay(c)} aria-label="Replay run card ${i + 1}">
                Replay
              </button>
            </li>`,
        )}
      </ol>
    </details>`;
  }

  private download(card: RunCard): void {
    const url = URL.createObjectURL(new Blob([cardJson(card)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = cardFileName(card);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private replay(card: RunCard): void {
    this.dispatchEvent(new CustomEvent<RunCard>('replay', { detail: card, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-run-cards': VivaRunCards;
  }
}
