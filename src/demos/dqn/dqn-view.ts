// The CartPole DQN's view: a pure function from the DQN session (and what the element says is running) to a
// Lit template — the switches (<viva-settings group="dqn">), Train / Watch / Use best weights / Reset agent,
// the stats line, what is watched (training mean, greedy check, best), a note when the greedy return
// collapses, the live cart-pole and the return-per-episode chart (its curves: traces.ts).
import { html, type TemplateResult } from 'lit';
import { DQN_DEFAULTS } from '../../../kernels/rl/dqn-config';
import { SOLVED_RETURN } from '../../../kernels/rl/dqn-trainer';
import '../../ui/kit/settings-element';
import type { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { fmt } from './bellman-text';
import './cartpole-view';
import { GREEDY_EPISODES, GREEDY_EVERY, type DqnSession } from './dqn-session';

const c = DQN_DEFAULTS;
export const NETWORK_NOTE =
  `Network 4-${c.hidden.join('-')}-2 (ReLU), Adam ${c.lr}, batch ${c.batchSize}, replay ${c.bufferSize}, ` +
  `Huber loss, γ ${c.gamma}, ε ${c.epsilonStart} → ${c.epsilonEnd} over ${c.epsilonDecaySteps} steps.`;
// Constant objects (the charts compare axes by value, but constants say so plainly).
const RETURN_AXES = { xTitle: 'episode', yTitle: 'return per episode' };

export interface DqnViewInput {
  session: DqnSession;
  store: SettingsStore;
  curves: LineTrace[];
  training: boolean;
  watching: boolean;
  /** Training or watching (the steps/s figure shows). */
  busy: boolean;
  error: string;
  onTrain(): void;
  onWatch(): void;
  onResetAgent(): void;
  onUseBest(): void;
}

export function dqnView(v: DqnViewInput): TemplateResult {
  const s = v.session;
  const h = s.agent.history;
  const last = h[h.length - 1];
  const k = s.keeper;
  const { best, latest } = k;
  const solvedAt = k.solvedAt;
  return html`
    <viva-settings class="dqn-settings" .store=${v.store} group="dqn"></viva-settings>
    <div class="note">Changing a setting starts a fresh agent. ${NETWORK_NOTE}</div>
    <div class="row" role="toolbar" aria-label="DQN training">
      <button class="train" ?disabled=${v.watching} @click=${v.onTrain}>
        ${v.training ? 'Stop' : 'Train'}
      </button>
      <button class="watch" ?disabled=${v.training || h.length === 0} @click=${v.onWatch}>
        ${v.watching ? 'Stop watching' : 'Watch the greedy policy'}
      </button>
      <button
        class="use-best"
        ?disabled=${v.busy || !best}
        title="Put back the network of the best greedy check; training goes on from it"
        @click=${v.onUseBest}
      >
        Use best weights${best ? html` (episode ${best.episode})` : ''}
      </button>
      <button class="reset-agent" @click=${v.onResetAgent}>Reset agent</button>
    </div>
    <div class="stats" aria-live="off">
      episode <span class="episode">${h.length}</span> · steps ${s.agent.totalSteps} · ε
      ${fmt(s.agent.epsilon, 2)} · loss ${last && Number.isFinite(last.loss) ? fmt(last.loss, 4) : '—'} · mean
      Q ${last ? fmt(last.meanQ, 1) : '—'}
      ${v.busy || s.stepsPerSecond ? html` · ${s.stepsPerSecond.toFixed(0)} steps/s (typed-array MLP, CPU)` : ''}
      ${s.watchReturns.length ? html` · greedy returns <span class="watch-returns">${s.watchReturns.join(', ')}</span>` : ''}
    </div>
    <div class="watched" aria-live="off">
      training mean (last 100, ε-greedy)
      <span class="moving-average">${last ? fmt(last.movingAverage, 1) : '—'}</span> · greedy check
      <span class="greedy-mean">${latest ? fmt(latest.mean, 1) : '—'}</span>${
        latest ? ` (episode ${latest.episode})` : ''
      }
      · best <span class="best-greedy">${best ? fmt(best.mean, 1) : '—'}</span>${
        best ? ` (episode ${best.episode})` : ''
      }
      ${
        solvedAt
          ? html` · <span class="solved">solved: greedy mean ≥ ${SOLVED_RETURN} at episode ${solvedAt}</span>`
          : ''
      }
    </div>
    <div class="note">
      Solved means the greedy check, not the training mean: every ${GREEDY_EVERY} episodes the greedy policy
      (ε = 0) plays ${GREEDY_EPISODES} episodes on one seeded CartPole; the best check's weights are kept.
    </div>
    ${
      k.collapsed && best && latest
        ? html`<p class="collapse" role="status">
            The greedy return collapsed: ${fmt(best.mean, 1)} at episode ${best.episode},
            ${fmt(latest.mean, 1)} now. This is catastrophic forgetting in DQN: once the pole stays up, the
            replay buffer fills with balanced states and the network, chasing its own moving targets,
            overwrites what it knew about recovering from a tilt. “Use best weights” puts back the network of
            episode ${best.episode}.
          </p>`
        : ''
    }
    <div class="error" role="alert">${v.error}</div>
    <div class="live">
      <viva-cartpole-view .source=${s.source} .caption=${s.caption}></viva-cartpole-view>
      <viva-line-chart
        class="returns"
        label="Return per episode"
        .traces=${v.curves}
        .axes=${RETURN_AXES}
      ></viva-line-chart>
    </div>
  `;
}
