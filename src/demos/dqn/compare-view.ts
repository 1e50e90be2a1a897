// The over-estimation comparison's view: pure functions from the comparison session to its traces (each
// agent's predicted Q against its actual discounted return, 10-episode means, and the ceiling 1/(1 − γ)),
// its summary line and a Lit template with <viva-settings group="compare"> and the Compare button.
import { html, type TemplateResult } from 'lit';
import type { DqnEpisode } from '../../../kernels/rl/dqn-trainer';
import '../../ui/kit/settings-element';
import type { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { fmt } from './bellman-text';
import { GAP_WINDOW, type CompareSession } from './compare-session';
import { movingAverage } from './series';

const SMOOTH = 10;
const AXES = { xTitle: 'episode', yTitle: 'value (10-episode mean)' };

export function compareTraces(s: CompareSession): LineTrace[] {
  if (!s.vanilla.length) return [];
  const x = s.vanilla.map((e) => e.episode);
  const series = (runs: DqnEpisode[], key: 'meanQ' | 'meanDiscountedReturn') =>
    movingAverage(
      runs.map((e) => e[key]),
      SMOOTH,
    );
  return [
    { type: 'line', x, y: series(s.vanilla, 'meanQ'), name: 'DQN: predicted Q', color: '#b2182b' },
    {
      type: 'line',
      x,
      y: series(s.vanilla, 'meanDiscountedReturn'),
      name: 'DQN: actual return',
      color: '#b2182b',
      dash: 'dot',
    },
    { type: 'line', x, y: series(s.double, 'meanQ'), name: 'Double: predicted Q', color: '#2166ac' },
    {
      type: 'line',
      x,
      y: series(s.double, 'meanDiscountedReturn'),
      name: 'Double: actual return',
      color: '#2166ac',
      dash: 'dot',
    },
    {
      type: 'line',
      x: [1, Math.max(2, x.length)],
      y: [s.ceiling, s.ceiling],
      name: 'ceiling 1/(1 − γ)',
      color: '#777',
      dash: 'dash',
    },
  ];
}

export function compareSummary(s: CompareSession): string {
  if (!s.vanilla.length) return '';
  const [vanilla, double] = s.gaps();
  return `episodes ${s.vanilla.length} · mean over-estimation (predicted − actual, last ${GAP_WINDOW} episodes): DQN ${fmt(vanilla, 1)}, Double DQN ${fmt(double, 1)}`;
}

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
