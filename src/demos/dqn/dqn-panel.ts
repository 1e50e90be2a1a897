// <viva-dqn-panel>: a DQN learning CartPole live. The cart-pole is drawn while the agent trains (from the
// training environment's state, never slowing it); the return per episode and its 100-episode mean are
// plotted; switches choose Double DQN, the dueling head, prioritized replay and the target update. Stop keeps
// what was learned (Train goes on from there); Reset (or changing a setting) starts a fresh agent. After
// training, "Watch the greedy policy" plays episodes in real time with ε = 0.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CartPole } from '../../../kernels/rl/cartpole';
import { DQN_DEFAULTS, type DqnConfig } from '../../../kernels/rl/dqn-config';
import { DqnAgent, SOLVED_RETURN, trainDqn } from '../../../kernels/rl/dqn-trainer';
import { isAbortError } from '../../runtime/abort';
import { yieldFrame } from '../../runtime/loop';
import '../../ui/controls/select';
import '../../ui/controls/slider';
import '../../ui/controls/toggle';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { fmt } from './bellman-text';
import './cartpole-view';
import type { StateSource } from './cartpole-view';
import './dqn-compare';
import { buttonStyles } from './styles';
import { yieldTask } from './yield-task';

/** The cell's shipped agent settings (the kernel defaults, which the benchmark measures). */
export const PANEL_DEFAULTS = {
  double: false,
  dueling: false,
  prioritized: false,
  target: 'soft' as 'soft' | 'hard',
  seed: 1,
  episodes: 300,
};

const DRAW_EVERY_MS = 500;
const c = DQN_DEFAULTS;
const NETWORK_NOTE =
  `Network 4-${c.hidden.join('-')}-2 (ReLU), Adam ${c.lr}, batch ${c.batchSize}, replay ${c.bufferSize}, ` +
  `Huber loss, γ ${c.gamma}, ε ${c.epsilonStart} → ${c.epsilonEnd} over ${c.epsilonDecaySteps} steps.`;
// Constant objects (the charts compare axes by value, but constants say so plainly).
const RETURN_AXES = { xTitle: 'episode', yTitle: 'return per episode' };

@customElement('viva-dqn-panel')
export class VivaDqnPanel extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .settings {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.3rem 1rem;
        align-items: end;
      }
      .live {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.5rem;
        align-items: start;
      }
      @media (max-width: 760px) {
        .live {
          grid-template-columns: 1fr;
        }
      }
      .stats {
        font: 0.8rem var(--mono);
        color: var(--muted);
      }
      .note {
        font-size: 0.78rem;
        color: var(--muted);
      }
    `,
  ];

  @state() double = PANEL_DEFAULTS.double;
  @state() dueling = PANEL_DEFAULTS.dueling;
  @state() prioritized = PANEL_DEFAULTS.prioritized;
  @state() target = PANEL_DEFAULTS.target;
  @state() seed = PANEL_DEFAULTS.seed;
  @state() episodes = PANEL_DEFAULTS.episodes;
  @state() mode: 'idle' | 'training' | 'watching' = 'idle';
  @state() error = '';
  @state() private stepsPerSecond = 0;
  @state() private curves: LineTrace[] = [];
  @state() private caption = '';
  @state() private watchReturns: number[] = [];
  agent: DqnAgent = new DqnAgent(this.config());
  /** The comparison's shared settings; a new object only when a setting changes. */
  @state() private compareConfig: Partial<DqnConfig> = this.sharedConfig();
  private controller: AbortController | null = null;
  @state() private source: StateSource = () => null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  /** The agent's configuration from the switches. */
  config(): Partial<DqnConfig> {
    return {
      seed: this.seed,
      double: this.double,
      dueling: this.dueling,
      prioritized: this.prioritized,
      target: this.target === 'soft' ? { kind: 'soft', tau: 0.01 } : { kind: 'hard', every: 500 },
    };
  }

  /** What the vanilla/Double comparison shares with this panel (it sets `double` itself). */
  private sharedConfig(): Partial<DqnConfig> {
    const { double: _double, ...rest } = this.config();
    return rest;
  }

  /** A fresh agent from the current settings. */
  rebuild(): void {
    this.stop();
    this.agent = new DqnAgent(this.config());
    this.compareConfig = this.sharedConfig();
    this.source = () => null;
    this.watchReturns = [];
    this.stepsPerSecond = 0;
    this.error = '';
    this.caption = '';
    this.redraw();
  }

  /** Back to the shipped settings and a fresh agent. */
  reset(): void {
    Object.assign(this, {
      double: PANEL_DEFAULTS.double,
      dueling: PANEL_DEFAULTS.dueling,
      prioritized: PANEL_DEFAULTS.prioritized,
      target: PANEL_DEFAULTS.target,
      seed: PANEL_DEFAULTS.seed,
      episodes: PANEL_DEFAULTS.episodes,
    });
    this.rebuild();
    this.renderRoot?.querySelector('viva-dqn-compare')?.reset();
  }

  /** Ends the current run; its own cleanup (release) then marks the part idle. */
  stop(): void {
    this.controller?.abort();
  }

  /** Trains `episodes` more episodes in time slices. Stop (or `signal`) keeps what was learned. */
  async train(episodes: number, signal?: AbortSignal, onEpisode?: (done: number) => void): Promise<void> {
    const { controller, detach } = this.takeOver(signal);
    this.mode = 'training';
    const agent = this.agent;
    this.source = () => agent.env.state;
    const startSteps = agent.totalSteps;
    const started = performance.now();
    let lastDraw = 0;
    let done = 0;
    try {
      for await (const e of trainDqn(agent, { episodes, signal: controller.signal, yieldFn: yieldTask })) {
        onEpisode?.(++done);
        const now = performance.now();
        this.stepsPerSecond = ((agent.totalSteps - startSteps) * 1000) / Math.max(1, now - started);
        this.caption = `training · episode ${e.episode} · return ${e.return} · ε ${fmt(e.epsilon, 2)}`;
        if (now - lastDraw > DRAW_EVERY_MS) {
          lastDraw = now;
          this.redraw();
        }
      }
    } catch (e) {
      if (!isAbortError(e)) {
        this.error = e instanceof Error ? e.message : String(e);
        throw e;
      }
      if (signal?.aborted) throw e;
    } finally {
      detach();
      this.release(controller);
      this.caption = agent.history.length ? `stopped after episode ${agent.history.length}` : '';
      this.redraw();
    }
  }

  /** Plays greedy (ε = 0) episodes at `speed`× real time (50 steps/s) until `count` are done or Stop. */
  async watchGreedy(count = 3, speed = 2): Promise<void> {
    const { controller } = this.takeOver();
    this.mode = 'watching';
    const env = new CartPole({
      seed: 1000 + this.agent.history.length,
      maxSteps: this.agent.config.maxEpisodeSteps,
    });
    this.source = () => env.state;
    this.watchReturns = [];
    const stepsPerMs = (50 * speed) / 1000;
    try {
      for (let e = 0; e < count; e++) {
        let s = env.reset();
        let total = 0;
        let owed = 0;
        let then = performance.now();
        while (!env.done) {
          await yieldFrame();
          if (controller.signal.aborted) return;
          const now = performance.now();
          owed += (now - then) * stepsPerMs;
          then = now;
          for (; owed >= 1 && !env.done; owed--) {
            const out = env.step(this.agent.greedyAction(s));
            s = out.state;
            total += out.reward;
          }
          this.caption = `greedy policy · episode ${e + 1}/${count} · step ${env.stepCount}`;
        }
        this.watchReturns = [...this.watchReturns, total];
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.release(controller);
    }
  }

  private takeOver(signal?: AbortSignal): { controller: AbortController; detach: () => void } {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    const relay = () => controller.abort();
    if (signal?.aborted) controller.abort();
    signal?.addEventListener('abort', relay, { once: true });
    return { controller, detach: () => signal?.removeEventListener('abort', relay) };
  }

  private release(controller: AbortController): void {
    if (this.controller === controller) {
      this.controller = null;
      this.mode = 'idle';
    }
  }

  private redraw(): void {
    const h = this.agent.history;
    const x = h.map((e) => e.episode);
    this.curves = h.length
      ? [
          { type: 'line', x, y: h.map((e) => e.return), name: 'return', color: '#9aa7b8' },
          { type: 'line', x, y: h.map((e) => e.movingAverage), name: '100-episode mean', color: '#2166ac' },
          {
            type: 'line',
            x: [1, Math.max(2, x.length)],
            y: [SOLVED_RETURN, SOLVED_RETURN],
            name: 'solved (195)',
            dash: 'dash',
            color: '#1a7f37',
          },
        ]
      : [];
  }

  private setting<K extends 'double' | 'dueling' | 'prioritized' | 'target' | 'seed'>(
    key: K,
    value: this[K],
  ): void {
    this[key] = value;
    this.rebuild();
  }

  override render() {
    const h = this.agent.history;
    const last = h[h.length - 1];
    const busy = this.mode !== 'idle';
    const solvedAt = last?.solvedAt ?? null;
    return html`
      <div class="settings">
        <viva-toggle
          class="double"
          label="Double DQN"
          .checked=${this.double}
          @change=${(e: CustomEvent<boolean>) => this.setting('double', e.detail)}
        ></viva-toggle>
        <viva-toggle
          class="dueling"
          label="Dueling head"
          .checked=${this.dueling}
          @change=${(e: CustomEvent<boolean>) => this.setting('dueling', e.detail)}
        ></viva-toggle>
        <viva-toggle
          class="prioritized"
          label="Prioritized replay"
          .checked=${this.prioritized}
          @change=${(e: CustomEvent<boolean>) => this.setting('prioritized', e.detail)}
        ></viva-toggle>
        <viva-select
          class="target"
          label="Target network"
          .options=${[
            { value: 'soft', label: 'soft update, τ = 0.01' },
            { value: 'hard', label: 'hard copy every 500 steps' },
          ]}
          .value=${this.target}
          @change=${(e: CustomEvent<string>) => this.setting('target', e.detail as 'soft' | 'hard')}
        ></viva-select>
        <viva-slider
          class="seed"
          label="Seed"
          integer
          .min=${1}
          .max=${9999}
          .step=${1}
          .value=${this.seed}
          @change=${(e: CustomEvent<number>) => this.setting('seed', e.detail)}
        ></viva-slider>
        <viva-slider
          class="episodes"
          label="Episodes per Train"
          integer
          .min=${1}
          .max=${2000}
          .step=${1}
          .value=${this.episodes}
          @change=${(e: CustomEvent<number>) => (this.episodes = e.detail)}
        ></viva-slider>
      </div>
      <div class="note">Changing a setting starts a fresh agent. ${NETWORK_NOTE}</div>
      <div class="row" role="toolbar" aria-label="DQN training">
        <button
          class="train"
          ?disabled=${this.mode === 'watching'}
          @click=${() => (this.mode === 'training' ? this.stop() : void this.train(this.episodes).catch(() => undefined))}
        >
          ${this.mode === 'training' ? 'Stop' : 'Train'}
        </button>
        <button
          class="watch"
          ?disabled=${this.mode === 'training' || h.length === 0}
          @click=${() => (this.mode === 'watching' ? this.stop() : void this.watchGreedy())}
        >
          ${this.mode === 'watching' ? 'Stop watching' : 'Watch the greedy policy'}
        </button>
        <button class="reset-agent" @click=${() => this.rebuild()}>Reset agent</button>
      </div>
      <div class="stats" aria-live="off">
        episode <span class="episode">${h.length}</span> · steps ${this.agent.totalSteps} · ε
        ${fmt(this.agent.epsilon, 2)} · loss ${last && Number.isFinite(last.loss) ? fmt(last.loss, 4) : '—'} ·
        mean Q ${last ? fmt(last.meanQ, 1) : '—'} · 100-episode mean
        <span class="moving-average">${last ? fmt(last.movingAverage, 1) : '—'}</span>
        ${solvedAt ? html` · <span class="solved">solved at episode ${solvedAt}</span>` : ''}
        ${busy || this.stepsPerSecond ? html` · ${this.stepsPerSecond.toFixed(0)} steps/s (typed-array MLP, CPU)` : ''}
        ${this.watchReturns.length ? html` · greedy returns <span class="watch-returns">${this.watchReturns.join(', ')}</span>` : ''}
      </div>
      <div class="error" role="alert">${this.error}</div>
      <div class="live">
        <viva-cartpole-view .source=${this.source} .caption=${this.caption}></viva-cartpole-view>
        <viva-line-chart
          class="returns"
          label="Return per episode"
          .traces=${this.curves}
          .axes=${RETURN_AXES}
        ></viva-line-chart>
      </div>
      <viva-dqn-compare .config=${this.compareConfig}></viva-dqn-compare>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-dqn-panel': VivaDqnPanel;
  }
}
