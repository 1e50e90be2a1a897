// The DQN cell's demo (question 14), a thin element. Part one: tabular Q-learning on a grid world you can
// edit, each update written out. Part two: a DQN learning CartPole live, with Double DQN, a dueling head and
// prioritized replay, and a side-by-side run showing vanilla DQN's over-estimation. Run trains a fresh table,
// then a fresh agent; Stop ends either promptly and keeps what was learned; Reset starts both again.
// Everything computes on typed arrays on the CPU (no tfjs): for a 4-64-64-2 network per-op dispatch would
// cost more than the arithmetic (DESIGN.md "Runtime"). State and logic live in the session (session.ts),
// drawing in the views (grid-view.ts, dqn-view.ts, compare-view.ts); every long run goes through one
// RunController, so starting one stops the one in progress.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CellKind } from '../../../kernels/rl/grid-world';
import { RunController, type RunHandle, type StartOptions } from '../../ui/kit/run-controller';
import type { Metrics } from '../../ui/kit/run-card';
import { SettingsStore } from '../../ui/kit/settings-store';
import type { LineTrace } from '../../ui/plot-spec';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { Memo } from '../../ui/memo';
import { compareView } from './compare-view';
import { dqnView } from './dqn-view';
import { compareTraces, returnCurves } from './traces';
import { gridStyles } from './grid-styles';
import { GRID_TRAIN_EPISODES, gridView } from './grid-view';
import { panelStyles } from './panel-styles';
import { DqnCellSession } from './session';
import { AGENT_KEYS, DQN_TABLE, layoutText } from './settings';
import { buttonStyles } from './styles';

type Task = 'run' | 'grid-train' | 'grid-play' | 'dqn-train' | 'watch' | 'compare';
type Part = 'grid' | 'dqn' | 'compare';
const PART: Record<Task, Part> = {
  run: 'dqn',
  'grid-train': 'grid',
  'grid-play': 'grid',
  'dqn-train': 'dqn',
  watch: 'dqn',
  compare: 'compare',
};
const GRID_TASKS: readonly (Task | null)[] = ['run', 'grid-train', 'grid-play'];
const AGENT_TASKS: readonly (Task | null)[] = ['run', 'dqn-train', 'watch'];

@customElement('viva-demo-dqn')
export class VivaDemoDqn extends LitElement implements DemoElement {
  static override styles = [
    buttonStyles,
    gridStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      h4 {
        margin: 1rem 0 0.4rem;
        font-size: 0.95rem;
      }
    `,
  ];

  readonly settingsStore = new SettingsStore(DQN_TABLE);
  readonly session = new DqnCellSession(this.settingsStore.values);
  private readonly runner = new RunController(this);
  /** What the run in progress is (null when none). */
  @state() private task: Task | null = null;
  @state() private paint: CellKind = 'wall';
  @state() private errors: Partial<Record<Part, string>> = {};
  private readonly curves = new Memo<LineTrace[]>();
  private readonly comparison = new Memo<LineTrace[]>();

  constructor() {
    super();
    this.settingsStore.subscribe(({ keys, values }) => {
      // A fresh agent or table ends the runs that use the old one (they hold it, and stop at their next
      // slice without touching the new one).
      const fresh = this.session.apply(keys, values);
      if ((fresh.agent && AGENT_TASKS.includes(this.task)) || (fresh.table && GRID_TASKS.includes(this.task)))
        this.runner.stop();
      if (fresh.agent) this.errors = { ...this.errors, dqn: '' };
      this.requestUpdate();
    });
    // A switch or the seed makes a fresh agent: a control asks before throwing a trained one away.
    this.settingsStore.discards = (key) => {
      const n = this.session.dqn.agent.history.length;
      return AGENT_KEYS.includes(key) && n > 0 ? `the agent trained for ${n} episodes` : null;
    };
  }

  run(ctx: RunContext): Promise<Metrics | undefined> {
    const values = this.settingsStore.values;
    return this.startTask(
      'run',
      (r) =>
        this.session.run(values, {
          signal: r.signal,
          progress: (f, label) => r.progress(f, label),
          onEpisode: () => r.draw(),
        }),
      ctx,
    );
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  reset(): void {
    this.runner.stop();
    this.session.reset(this.settingsStore.values);
    this.paint = 'wall';
    this.errors = {};
    this.requestUpdate();
  }

  /** Runs `work` through the one controller as `task`; a failure of the demo's own buttons shows in its part. */
  private async startTask<T>(
    task: Task,
    work: (r: RunHandle) => Promise<T>,
    cell?: StartOptions,
  ): Promise<T | undefined> {
    this.task = task;
    this.errors = { ...this.errors, [PART[task]]: '' };
    try {
      if (cell) return await this.runner.run(work, cell);
      const r = await this.runner.start(work);
      if (r.outcome === 'failed') this.errors = { ...this.errors, [PART[task]]: r.error.message };
      return r.outcome === 'done' ? r.value : undefined;
    } finally {
      if (!this.runner.busy) this.task = null;
    }
  }

  private stopIf(tasks: readonly (Task | null)[]): void {
    if (tasks.includes(this.task)) this.runner.stop();
  }

  private stepOnce(): void {
    try {
      this.session.grid.step();
      this.errors = { ...this.errors, grid: '' };
    } catch (e) {
      this.errors = { ...this.errors, grid: e instanceof Error ? e.message : String(e) };
    }
    this.requestUpdate();
  }

  private togglePlay(): void {
    if (this.task === 'grid-play' || this.task === 'grid-train') return this.runner.stop();
    void this.startTask('grid-play', (r) =>
      this.session.grid.play({
        signal: r.signal,
        speed: () => this.settingsStore.values.speed,
        onTick: () => r.draw(),
      }),
    );
  }

  private trainGrid(): void {
    void this.startTask('grid-train', (r) =>
      this.session.grid.train(GRID_TRAIN_EPISODES, { signal: r.signal, onEpisode: () => r.draw() }),
    );
  }

  private clearTable(): void {
    this.stopIf(GRID_TASKS);
    this.session.grid.clearTable();
    this.requestUpdate();
  }

  /** Paints a cell, then writes the grid into the layout setting (so the link and run cards carry it). */
  private onCell(r: number, c: number): void {
    if (!this.session.grid.paint(r, c, this.paint)) return;
    this.settingsStore.set('layout', layoutText(this.session.grid.lines()));
    this.requestUpdate();
  }

  private toggleTrain(): void {
    if (this.task === 'dqn-train' || this.task === 'run') return this.runner.stop();
    const episodes = this.settingsStore.values.episodes;
    void this.startTask('dqn-train', (r) =>
      this.session.dqn.train(episodes, { signal: r.signal, onEpisode: () => r.draw() }),
    );
  }

  private toggleWatch(): void {
    if (this.task === 'watch') return this.runner.stop();
    void this.startTask('watch', (r) =>
      this.session.dqn.watchGreedy(3, { signal: r.signal, onStep: () => r.draw() }),
    );
  }

  private resetAgent(): void {
    this.stopIf(AGENT_TASKS);
    this.session.dqn.rebuild(this.settingsStore.values);
    this.errors = { ...this.errors, dqn: '' };
    this.requestUpdate();
  }

  private useBest(): void {
    this.stopIf(AGENT_TASKS);
    this.session.dqn.useBest();
    this.requestUpdate();
  }

  private toggleCompare(): void {
    if (this.task === 'compare') return this.runner.stop();
    const values = this.settingsStore.values;
    const compare = this.session.compare;
    void this.startTask('compare', (r) =>
      compare.run(this.session.compareConfig(values), values.cmpEpisodes, {
        signal: r.signal,
        onPoint: () => r.draw(),
      }),
    );
  }

  override render() {
    const s = this.session;
    const t = this.task;
    const history = s.dqn.agent.history;
    const compare = s.compare;
    return html`
      <section class="grid-q">
        <h4>Tabular Q-learning on a grid world (click cells to edit it)</h4>
        ${gridView({
          session: s.grid,
          store: this.settingsStore,
          paint: this.paint,
          playing: t === 'grid-play' || t === 'grid-train',
          busy: GRID_TASKS.includes(t),
          error: this.errors.grid ?? '',
          onCell: (r, c) => this.onCell(r, c),
          onPaint: (kind) => (this.paint = kind),
          onStep: () => this.stepOnce(),
          onPlay: () => this.togglePlay(),
          onTrain: () => this.trainGrid(),
          onClear: () => this.clearTable(),
        })}
      </section>
      <section class="dqn-panel">
        <h4>DQN learning CartPole</h4>
        ${dqnView({
          session: s.dqn,
          store: this.settingsStore,
          curves: this.curves.get([s.dqn.agent, history.length, s.dqn.keeper.checks.length], () =>
            returnCurves(history, s.dqn.keeper.checks),
          ),
          training: t === 'dqn-train' || t === 'run',
          watching: t === 'watch',
          busy: AGENT_TASKS.includes(t),
          error: this.errors.dqn ?? '',
          onTrain: () => this.toggleTrain(),
          onWatch: () => this.toggleWatch(),
          onResetAgent: () => this.resetAgent(),
          onUseBest: () => this.useBest(),
        })}
      </section>
      <section class="dqn-compare">
        ${compareView({
          session: compare,
          store: this.settingsStore,
          traces: this.comparison.get([compare.vanilla, compare.vanilla.length], () =>
            compareTraces(compare),
          ),
          running: t === 'compare',
          error: this.errors.compare ?? '',
          onCompare: () => this.toggleCompare(),
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-dqn': VivaDemoDqn;
  }
}
