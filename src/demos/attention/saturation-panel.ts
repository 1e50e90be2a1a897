// <viva-attention-saturation>: why √d_k. For d_k from 2 to 512 on random unit-variance queries and keys:
// the softmax's entropy and its largest weight, scaled versus unscaled, and the Jacobian's size (what the
// gradient flows through). The rows come from softmaxSaturation (kernels/attention-saturation.ts).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SaturationRow } from '../../../kernels/attention-saturation';
import '../../ui/plot';
import type { PlotTrace } from '../../ui/plot-spec';

@customElement('viva-attention-saturation')
export class VivaAttentionSaturation extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .plots {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 0.5rem;
    }
    .note {
      font-size: 0.82rem;
      color: var(--muted);
    }
    .table-wrap {
      max-width: 100%;
      overflow-x: auto;
    }
    table {
      font: 0.75rem var(--mono, monospace);
      border-collapse: collapse;
      margin-top: 0.3rem;
    }
    td,
    th {
      padding: 0.05rem 0.5rem;
      text-align: right;
    }
    th {
      color: var(--muted);
      font-weight: 400;
    }
  `;

  @property({ attribute: false }) rows: SaturationRow[] = [];
  @property({ type: Number }) keys = 16;

  override render() {
    if (this.rows.length === 0)
      return html`<p class="note">
        Press Run (or Compute) to measure, for d_k = 2 … 512, how peaked the softmax gets with and without the
        √d_k.
      </p>`;
    const x = this.rows.map((r) => r.dK);
    const uniform = Math.log(this.keys);
    const entropy: PlotTrace[] = [
      { type: 'line', x, y: this.rows.map((r) => r.scaled.entropy), name: 'scaled (÷√d_k)' },
      { type: 'line', x, y: this.rows.map((r) => r.unscaled.entropy), name: 'unscaled', dash: 'dash' },
      { type: 'line', x, y: x.map(() => uniform), name: `uniform (log ${this.keys})`, dash: 'dot' },
    ];
    const peak: PlotTrace[] = [
      { type: 'line', x, y: this.rows.map((r) => r.scaled.maxWeight), name: 'max weight, scaled' },
      {
        type: 'line',
        x,
        y: this.rows.map((r) => r.unscaled.maxWeight),
        name: 'max weight, unscaled',
        dash: 'dash',
      },
      { type: 'line', x, y: this.rows.map((r) => r.scaled.jacobianNorm), name: '‖J‖, scaled' },
      {
        type: 'line',
        x,
        y: this.rows.map((r) => r.unscaled.jacobianNorm),
        name: '‖J‖, unscaled',
        dash: 'dash',
      },
    ];
    return html`
      <div class="plots">
        <viva-plot
          class="saturation-entropy"
          label="Softmax entropy against d_k"
          .traces=${entropy}
          .axes=${{ xTitle: 'd_k', yTitle: 'entropy (nats)', xLog: true, title: 'entropy of the weights' }}
        ></viva-plot>
        <viva-plot
          class="saturation-peak"
          label="Largest weight and softmax Jacobian norm against d_k"
          .traces=${peak}
          .axes=${{ xTitle: 'd_k', xLog: true, yRange: [0, 1], title: 'largest weight and ‖∂softmax/∂logits‖' }}
        ></viva-plot>
      </div>
      <div class="table-wrap" tabindex="0" role="region" aria-label="Saturation by d_k (scrolls sideways)">
        <table class="saturation-table" aria-label="Saturation by d_k">
          <tr>
            <th>d_k</th>
            <th>logit std scaled</th>
            <th>unscaled</th>
            <th>max weight scaled</th>
            <th>unscaled</th>
          </tr>
          ${this.rows.map(
            (r) =>
              html`<tr>
                <td>${r.dK}</td>
                <td>${r.scaled.logitStd.toFixed(2)}</td>
                <td>${r.unscaled.logitStd.toFixed(2)}</td>
                <td>${r.scaled.maxWeight.toFixed(3)}</td>
                <td>${r.unscaled.maxWeight.toFixed(3)}</td>
              </tr>`,
          )}
        </table>
      </div>
      <p class="note">
        ${this.keys} keys, averaged over random queries. Unscaled logits have standard deviation √d_k, so the
        softmax goes one-hot and its Jacobian (the path of the gradient) shrinks toward zero; dividing by √d_k
        keeps the logits at unit variance for every d_k.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-attention-saturation': VivaAttentionSaturation;
  }
}
