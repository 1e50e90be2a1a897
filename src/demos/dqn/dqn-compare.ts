// <viva-dqn-compare>: over-estimation, shown. Vanilla DQN and Double DQN train side by side from the same seed;
// the plot sets each one's mean predicted maxₐQ over an episode's states against the discounted return those
// states actually went on to get. Where the predicted line sits above the actual one, the max operator is
// over-estimating; Double DQN's gap should be smaller.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DQN_DEFAULTS, type DqnConfig } from '../../../kernels/rl/dqn-config';
import type { DqnEpisode } from '../../../kernels/rl/dqn-trainer';
import { compareVanillaDouble, overestimation } from '../../../kernels/rl/overestimation';
import { isAbortError } from '../../runtime/abort';
import '../../ui/controls/slider';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { fmt } from './bellman-text';
import { movingAverage, tailMean } from './series';
import { buttonStyles } from './styles';

const SMOOTH = 10;
const AXES = { xTitle: 'episode', yTitle: 'value (10-episode mean)' };
const DEFAULT_EPISODES = 300;

@customElement('viva-dqn-compare')
export class VivaDqnCompare extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        margin-top: 0.6rem;
      }
      h5 {
        margin: 0.2rem 0;
        font-size: 0.9rem;
      }
      .stats {
        font: 0.8rem var(--mono);
        color: var(--muted);
      }
      viva-slider {
        max-width: 16rem;
      }
    `,
  ];

  /** Settings shared with the main panel (dueling, replay, target, seed); `double` is set here. */
  @property({ attribute: false }) config: Partial<DqnConfig> = {};
  @state() episodes = DEFAULT_EPISODES;
  @state() running = false;
  @state() error = '';
  @state() private traces: LineTrace[] = [];
  @state() private summary = '';
  private vanilla: DqnEpisode[] = [];
  private double: DqnEpisode[] = [];
  private controller: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  /** Ends the current run; its own cleanup (release) then marks the part idle. */
  stop(): void {
    this.controller?.abort();
  }

  reset(): void {
    this.stop();
    this.episodes = DEFAULT_EPISODES;
    this.vanilla = [];
    this.double = [];
    this.traces = [];
    this.summary = '';
    this.error = '';
  }

  async compare(): Promise<void> {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    this.running = true;
    this.vanilla = [];
    this.double = [];
    this.error = '';
    let lastDraw = 0;
    try {
      for await (const p of compareVanillaDouble(this.config, {
        episodes: this.episodes,
        signal: controller.signal,
      })) {
        this.vanilla.push(p.vanilla);
        this.double.push(p.double);
        if (performance.now() - lastDraw > 300) {
          lastDraw = performance.now();
          this.redraw();
        }
      }
    } catch (e) {
      if (!isAbortError(e)) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.running = false;
      }
      this.redraw();
    }
  }

  private ceiling(): number {
    return 1 / (1 - (this.config.gamma ?? DQN_DEFAULTS.gamma));
  }

  private redraw(): void {
    const x = this.vanilla.map((e) => e.episode);
    const series = (runs: DqnEpisode[], key: 'meanQ' | 'meanDiscountedReturn') =>
      movingAverage(
        runs.map((e) => e[key]),
        SMOOTH,
      );
    this.traces = [
      { type: 'line', x, y: series(this.vanilla, 'meanQ'), name: 'DQN: predicted Q', color: '#b2182b' },
      {
        type: 'line',
        x,
        y: series(this.vanilla, 'meanDiscountedReturn'),
        name: 'DQN: actual return',
        color: '#b2182b',
        dash: 'dot',
      },
      { type: 'line', x, y: series(this.double, 'meanQ'), name: 'Double: predicted Q', color: '#2166ac' },
      {
        type: 'line',
        x,
        y: series(this.double, 'meanDiscountedReturn'),
        name: 'Double: actual return',
        color: '#2166ac',
        dash: 'dot',
      },
      // No state is worth more than Σγᵗ·1 = 1/(1 − γ): a prediction above this line over-estimates for sure.
      {
        type: 'line',
        x: [1, Math.max(2, x.length)],
        y: [this.ceiling(), this.ceiling()],
        name: 'ceiling 1/(1 − γ)',
        color: '#777',
        dash: 'dash',
      },
    ];
    const gap = (runs: DqnEpisode[]) => tailMean(runs.map(overestimation), 50);
    this.summary = this.vanilla.length
      ? `episodes ${this.vanilla.length} · mean over-estimation (predicted − actual, last 50 episodes): DQN ${fmt(gap(this.vanilla), 1)}, Double DQN ${fmt(gap(this.double), 1)}`
      : '';
  }

  override render() {
    return html`
      <h5>Over-estimation: vanilla DQN against Double DQN</h5>
      <viva-slider
        class="compare-episodes"
        label="Episodes each"
        integer
        .min=${10}
        .max=${1000}
        .step=${10}
        .value=${this.episodes}
        @change=${(e: CustomEvent<number>) => (this.episodes = e.detail)}
      ></viva-slider>
      <div class="row">
        <button class="compare" @click=${() => (this.running ? this.stop() : void this.compare())}>
          ${this.running ? 'Stop comparison' : 'Compare DQN and Double DQN'}
        </button>
      </div>
      <div class="stats compare-summary" aria-live="off">${this.summary}</div>
      <div class="error" role="alert">${this.error}</div>
      ${
        this.traces.length
          ? html`<viva-line-chart
              class="overestimation"
              label="Predicted Q against actual discounted return"
              .traces=${this.traces}
              .axes=${AXES}
            ></viva-line-chart>`
          : html`<div class="stats">
              Trains two agents from the same seed, one episode each in turn; the plot appears here.
            </div>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-dqn-compare': VivaDqnCompare;
  }
}
