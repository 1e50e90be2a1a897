// The DQN cell's session, with no DOM: the grid world's and the CartPole DQN's sessions and the comparison,
// driven by the cell's settings. `apply` takes a settings change (α, γ, ε at once; the grid's layout; a
// switch or the seed makes a fresh agent and, for the seed, a fresh table), `run` is the cell's Run (a fresh
// table trained `gridEpisodes` episodes, then a fresh agent trained `episodes`), `metrics` is its run
// card's line. Everything here follows from the settings (the layout included), so a run card's settings
// replay its metrics bit for bit.
import type { YieldFn } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import { CompareSession } from './compare-session';
import { DqnSession, agentConfig } from './dqn-session';
import { GridSession } from './grid-session';
import { AGENT_KEYS, GRID_LIVE_KEYS, layoutLines, layoutText, type DqnValues } from './settings';

/** The share of the cell's progress bar the grid world takes (it trains in a fraction of the DQN's time). */
const GRID_SHARE = 0.05;

export interface RunHooks {
  signal?: AbortSignal;
  yieldFn?: YieldFn;
  progress?: (fraction: number, label: string) => void;
  /** After each episode (grid or DQN), for a redraw. */
  onEpisode?: () => void;
}

export class DqnCellSession {
  readonly grid: GridSession;
  readonly dqn: DqnSession;
  readonly compare = new CompareSession();

  constructor(values: DqnValues) {
    this.grid = new GridSession(values, values.seed, layoutLines(values.layout));
    this.dqn = new DqnSession(values);
  }

  /**
   * Takes a settings change: α, γ, ε at once; a switch or the seed makes a fresh agent, the seed a fresh table
   * too; a layout of the grid's size edits the grid and keeps its table (as painting does), another size
   * needs a fresh table. Says what it made afresh (the caller stops the runs on the old ones).
   */
  apply(keys: readonly string[], values: DqnValues): { agent: boolean; table: boolean } {
    if (keys.some((k) => GRID_LIVE_KEYS.includes(k))) this.grid.setHyper(values);
    let table = false;
    if (keys.includes('layout') && values.layout !== layoutText(this.grid.lines()))
      table = !this.grid.setLayout(layoutLines(values.layout), values);
    const agent = keys.some((k) => AGENT_KEYS.includes(k));
    if (agent) this.dqn.rebuild(values);
    if (keys.includes('seed')) {
      this.grid.clearTable(values.seed);
      table = true;
    }
    return { agent, table };
  }

  /** What the comparison shares with the agent (it sets `double` itself). */
  compareConfig(values: DqnValues) {
    const { double: _double, ...rest } = agentConfig(values);
    return rest;
  }

  /** The cell's Run: a fresh table trained on the grid as it stands, then a fresh agent on CartPole. */
  async run(values: DqnValues, hooks: RunHooks = {}): Promise<Metrics> {
    const { gridEpisodes, episodes } = values;
    this.grid.setHyper(values);
    this.grid.clearTable(values.seed);
    await this.grid.train(gridEpisodes, {
      signal: hooks.signal,
      onEpisode: (done) => {
        hooks.progress?.((GRID_SHARE * done) / gridEpisodes, `grid world: episode ${done}/${gridEpisodes}`);
        hooks.onEpisode?.();
      },
    });
    this.dqn.rebuild(values);
    await this.dqn.train(episodes, {
      signal: hooks.signal,
      yieldFn: hooks.yieldFn,
      onEpisode: (done) => {
        hooks.progress?.(
          GRID_SHARE + ((1 - GRID_SHARE) * done) / episodes,
          `DQN: episode ${done}/${episodes}`,
        );
        hooks.onEpisode?.();
      },
    });
    return this.metrics();
  }

  /** The grid of `values`, a fresh table and agent, no comparison. */
  reset(values: DqnValues): void {
    this.grid.resetAll(values, values.seed, layoutLines(values.layout));
    this.dqn.rebuild(values);
    this.compare.clear();
  }

  /** The run card's metrics: the DQN's (the card's summary line shows the first few), then the grid's. */
  metrics(): Metrics {
    return { ...this.dqn.metrics(), ...this.grid.metrics() };
  }
}
