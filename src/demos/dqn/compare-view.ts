// The over-estimation comparison's view: a Lit template with <viva-settings group="compare">, the Compare
// button, the summary line and the chart of each agent's predicted Q against its actual return (traces.ts).
import { html, type TemplateResult } from 'lit';
import '../../ui/kit/settings-element';
import type { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import type { CompareSession } from './compare-session';
import { compareSummary } from './traces';

const AXES = { xTitle: 'episode', yTitle: 'value (10-episode mean)' };

export interface CompareViewInput {
  session: CompareSession;
  store: SettingsStore;
  traces: LineTrace[];
  running: boolean;
  error: string;
  onCompare(): void;
}

export function compareView(v: CompareViewInput): TemplateResult {
  return html`
    <h5>Over-estimation: vanilla DQN against Double DQN</h5>
    <viva-settings class="compare-settings" .store=${v.store} group="compare"></viva-settings>
    <div class="row">
      <button class="compare" @click=${v.onCompare}>
        ${v.running ? 'Stop comparison' : 'Compare DQN and Double DQN'}
      </button>
    </div>
    <div class="stats compare-summary" aria-live="off">${compareSummary(v.session)}</div>
    <div class="error" role="alert">${v.error}</div>
    ${
      v.traces.length
        ? html`<viva-line-chart
            class="overestimation"
            label="Predicted Q against actual discounted return"
            .traces=${v.traces}
            .axes=${AXES}
          ></viva-line-chart>`
        : html`<div class="stats">
            Trains two agents from the same seed, one episode each in turn; the plot appears here.
          </div>`
    }
  `;
}
