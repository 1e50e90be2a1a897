// <viva-grid-q>: tabular Q-learning on an editable grid world. Each cell is a button coloured by its max-Q
// with the greedy action's arrow; clicking paints the chosen kind (wall, pit, goal, start) or clears it.
// Step takes one ε-greedy step and writes its Bellman update out with the numbers; Play steps at the chosen
// speed; Train runs whole episodes in time slices. Editing the grid keeps what was learned.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { GridWorld, type CellKind } from '../../../kernels/rl/grid-world';
import { TabularQLearner, trainTabular, type TabularStep } from '../../../kernels/rl/q-learning';
import { isAbortError } from '../../runtime/abort';
import { TimeSlicer, yieldFrame } from '../../runtime/loop';
import '../../ui/controls/select';
import '../../ui/controls/slider';
import { actionArrow, bellmanText, cellName, fmt } from './bellman-text';
import { DEFAULT_GRID, GRID_REWARDS, TABULAR_DEFAULTS } from './presets';
import { gridStyles } from './grid-q-styles';
import { buttonStyles } from './styles';

const PAINTS: { value: CellKind; label: string }[] = [
  { value: 'wall', label: 'wall' },
  { value: 'pit', label: 'pit' },
  { value: 'goal', label: 'goal' },
  { value: 'start', label: 'start' },
];

const GLYPH: Partial<Record<CellKind, string>> = { pit: '✕', goal: '★' };

/** Background for a value in [−1, 1]: red below 0, blue above, the surface colour at 0. */
function valueColour(v: number, scale: number): string {
  const t = Math.max(-1, Math.min(1, v / scale));
  const pct = Math.round(Math.abs(t) * 70);
  return `color-mix(in srgb, ${t < 0 ? '#b2182b' : '#2166ac'} ${pct}%, var(--surface, #fff))`;
}

@customElement('viva-grid-q')
export class VivaGridQ extends LitElement {
  static override styles = [buttonStyles, gridStyles];

  @state() alpha: number = TABULAR_DEFAULTS.alpha;
  @state() gamma: number = TABULAR_DEFAULTS.gamma;
  @state() epsilon: number = TABULAR_DEFAULTS.epsilon;
  @state() speed: number = TABULAR_DEFAULTS.speed;
  @state() paint: CellKind = 'wall';
  @state() playing = false;
  @state() private last: TabularStep | null = null;
  @state() private version = 0;
  @state() error = '';
  world = GridWorld.parse(DEFAULT_GRID, GRID_REWARDS);
  learner = this.makeLearner();
  private controller: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  private makeLearner(): TabularQLearner {
    return new TabularQLearner(this.world, {
      alpha: this.alpha,
      gamma: this.gamma,
      epsilon: this.epsilon,
      seed: TABULAR_DEFAULTS.seed,
      maxEpisodeSteps: 200,
    });
  }

  /** Back to the shipped grid, settings and an empty table. */
  reset(): void {
    this.stop();
    this.alpha = TABULAR_DEFAULTS.alpha;
    this.gamma = TABULAR_DEFAULTS.gamma;
    this.epsilon = TABULAR_DEFAULTS.epsilon;
    this.speed = TABULAR_DEFAULTS.speed;
    this.world = GridWorld.parse(DEFAULT_GRID, GRID_REWARDS);
    this.learner = this.makeLearner();
    this.last = null;
    this.error = '';
    this.version++;
  }

  /** Forgets the table (keeps the grid as edited). */
  clearTable(): void {
    this.stop();
    this.learner.resetLearning(TABULAR_DEFAULTS.seed);
    this.last = null;
    this.version++;
  }

  /** Ends the current run; its own cleanup (release) then marks the part idle. */
  stop(): void {
    this.controller?.abort();
  }

  /** Trains whole episodes in time slices; Stop (or the signal) keeps what was learned. */
  async train(episodes: number, signal?: AbortSignal, onEpisode?: (done: number) => void): Promise<void> {
    const { controller, detach } = this.takeOver(signal);
    let lastDraw = 0;
    let done = 0;
    this.playing = true;
    try {
      for await (const _ of trainTabular(this.learner, episodes, { signal: controller.signal })) {
        onEpisode?.(++done);
        if (performance.now() - lastDraw > 100) {
          lastDraw = performance.now();
          this.version++;
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
    }
  }

  /** Steps at `speed` steps per second until stopped. */
  private async play(): Promise<void> {
    const { controller } = this.takeOver();
    this.playing = true;
    let owed = 0;
    let then = performance.now();
    try {
      const slicer = new TimeSlicer({ signal: controller.signal });
      for (;;) {
        await yieldFrame();
        if (controller.signal.aborted) break;
        const now = performance.now();
        owed = Math.min(owed + ((now - then) / 1000) * this.speed, 500);
        then = now;
        while (owed >= 1) {
          owed--;
          this.last = this.learner.step();
          await slicer.tick();
        }
        this.version++;
      }
    } catch (e) {
      if (!isAbortError(e)) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.release(controller);
    }
  }

  /** Stops whatever runs and starts a new run that also ends when `signal` fires. */
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
      this.playing = false;
    }
    this.version++;
  }

  private stepOnce(): void {
    try {
      this.last = this.learner.step();
      this.error = '';
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.version++;
  }

  private setHyper(name: 'alpha' | 'gamma' | 'epsilon', v: number): void {
    this[name] = v;
    this.learner[name] = v;
  }

  private onCell(r: number, c: number): void {
    // The start is never cleared, only moved by painting a new start elsewhere.
    if (this.world.kindAt(r, c) === 'start') return;
    this.world.toggleCell(r, c, this.paint);
    if (!this.world.isActive(this.world.state)) this.world.reset();
    this.version++;
  }

  /** Greedy path from the start, as a summary line. */
  private pathSummary(): { text: string; reaches: boolean; cells: Set<number> } {
    const path = this.learner.greedyPath();
    const end = path[path.length - 1]!;
    const reaches = this.world.kind(end) === 'goal';
    const shortest = this.world.shortestPathLength();
    const text = reaches
      ? `greedy path reaches the goal in ${path.length - 1} moves (shortest: ${shortest})`
      : this.world.kind(end) === 'pit'
        ? 'greedy path falls into a pit'
        : 'greedy path does not reach the goal yet';
    return { text, reaches, cells: new Set(path) };
  }

  private renderGrid(pathCells: Set<number>) {
    const { rows, cols } = this.world;
    const scale = Math.max(GRID_REWARDS.goalReward, -GRID_REWARDS.pitReward);
    const cells = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const s = r * cols + c;
        const kind = this.world.kind(s);
        const active = this.world.isActive(s);
        const maxQ = this.learner.maxQ(s);
        const decided = active && !this.learner.undecided(s);
        const arrow = decided ? actionArrow(this.learner.greedyAction(s)) : '';
        const agent = s === this.world.state && active;
        const label = `${cellName(s, cols)} ${kind}${active ? `, max Q ${fmt(maxQ)}${arrow ? `, greedy ${arrow}` : ''}` : ''}${agent ? ', agent here' : ''}`;
        cells.push(
          html`<button
            class="cell ${kind} ${agent ? 'agent' : ''} ${pathCells.has(s) && active ? 'path' : ''}"
            data-row=${r}
            data-col=${c}
            data-kind=${kind}
            style=${active ? `background:${valueColour(maxQ, scale)}` : ''}
            aria-label=${label}
            title=${label}
            @click=${() => this.onCell(r, c)}
          >
            ${GLYPH[kind] ? html`<span class="glyph">${GLYPH[kind]}</span>` : nothing}
            ${active ? html`<span class="arrow">${arrow}</span><span class="q">${decided ? fmt(maxQ, 2) : ''}</span>` : nothing}
          </button>`,
        );
      }
    }
    return html`<div
      class="grid"
      role="group"
      aria-label="Grid world"
      style="grid-template-columns: repeat(${cols}, 2.4rem)"
    >
      ${cells}
    </div>`;
  }

  override render() {
    void this.version;
    const path = this.pathSummary();
    const last = this.last;
    const text = last ? bellmanText(last.transition, last.update, this.world.cols) : null;
    const episodes = this.learner.returns.length;
    const lastReturn = this.learner.returns[episodes - 1];
    return html`
      <div class="layout">
        <div>
          ${this.renderGrid(path.cells)}
          <div class="legend">
            colour: max Q (red &lt; 0 &lt; blue) · arrow: greedy action · ★ goal · ✕ pit · ◯ agent
          </div>
        </div>
        <div class="side">
          <viva-select
            label="Click paints"
            .options=${PAINTS}
            .value=${this.paint}
            @change=${(e: CustomEvent<string>) => (this.paint = e.detail as CellKind)}
          ></viva-select>
          <div class="controls">
            <viva-slider
              class="alpha"
              label="α (learning rate)"
              .min=${0.01}
              .max=${1}
              .step=${0.01}
              .value=${this.alpha}
              @change=${(e: CustomEvent<number>) => this.setHyper('alpha', e.detail)}
            ></viva-slider>
            <viva-slider
              class="gamma"
              label="γ (discount)"
              .min=${0}
              .max=${0.99}
              .step=${0.01}
              .value=${this.gamma}
              @change=${(e: CustomEvent<number>) => this.setHyper('gamma', e.detail)}
            ></viva-slider>
            <viva-slider
              class="epsilon"
              label="ε (exploration)"
              .min=${0}
              .max=${1}
              .step=${0.01}
              .value=${this.epsilon}
              @change=${(e: CustomEvent<number>) => this.setHyper('epsilon', e.detail)}
            ></viva-slider>
            <viva-slider
              class="speed"
              label="Speed (steps/s)"
              integer
              .min=${1}
              .max=${500}
              .step=${1}
              .value=${this.speed}
              @change=${(e: CustomEvent<number>) => (this.speed = e.detail)}
            ></viva-slider>
          </div>
          <div class="row" role="toolbar" aria-label="Tabular Q-learning">
            <button class="step" ?disabled=${this.playing} @click=${() => this.stepOnce()}>Step</button>
            <button class="play" @click=${() => (this.playing ? this.stop() : void this.play())}>
              ${this.playing ? 'Pause' : 'Play'}
            </button>
            <button
              class="train-grid"
              ?disabled=${this.playing}
              @click=${() => void this.train(100).catch(() => undefined)}
            >
              Train 100 episodes
            </button>
            <button class="clear" @click=${() => this.clearTable()}>Reset table</button>
          </div>
          <div class="bellman" aria-live="off">
            ${
              text
                ? html`<div class="rule">${text.rule}</div>
                    <div class="numbers">${text.numbers}</div>`
                : html`<span class="stats">Step to see one Bellman update with its numbers.</span>`
            }
          </div>
          <div class="stats">
            episodes <span class="episodes">${episodes}</span> · last return
            ${lastReturn === undefined ? '—' : fmt(lastReturn, 2)} ·
            <span class="path-summary" data-reaches=${path.reaches ? 'yes' : 'no'}>${path.text}</span>
          </div>
          <div class="error" role="alert">${this.error}</div>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-grid-q': VivaGridQ;
  }
}
