// The grid world's session, with no DOM: an editable GridWorld and a tabular Q-learner on it. Step takes one
// ε-greedy step (its Bellman update is kept for the caption), Train runs whole episodes in time slices,
// painting edits the grid and keeps what was learned. The element draws it (grid-view.ts); tested in Node.
import { GridWorld, type CellKind } from '../../../kernels/rl/grid-world';
import { TabularQLearner, trainTabular, type TabularStep } from '../../../kernels/rl/q-learning';
import { paced, type PacedOptions } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import { DEFAULT_GRID, GRID_REWARDS } from './presets';

/** An episode that runs this long is cut off and restarts. */
export const GRID_MAX_EPISODE_STEPS = 200;
/** Play redraws at most this often per second; faster speeds take several steps per tick. */
export const PLAY_TICKS_PER_SECOND = 50;

export interface GridHyper {
  alpha: number;
  gamma: number;
  epsilon: number;
}

export interface GreedyPath {
  text: string;
  reaches: boolean;
  /** Moves from the start to the goal, or null when the greedy path does not reach it. */
  moves: number | null;
  cells: Set<number>;
}

export class GridSession {
  world: GridWorld;
  learner: TabularQLearner;
  /** The last step taken (its transition and Bellman update), or null. */
  last: TabularStep | null = null;

  constructor(
    hyper: GridHyper,
    private seed: number,
    layout: readonly string[] = DEFAULT_GRID,
  ) {
    this.world = GridWorld.parse(layout, GRID_REWARDS);
    this.learner = this.makeLearner(hyper);
  }

  private makeLearner(hyper: GridHyper): TabularQLearner {
    return new TabularQLearner(this.world, {
      ...hyper,
      seed: this.seed,
      maxEpisodeSteps: GRID_MAX_EPISODE_STEPS,
    });
  }

  /** α, γ and ε apply at once; the table is kept. */
  setHyper(hyper: GridHyper): void {
    this.learner.alpha = hyper.alpha;
    this.learner.gamma = hyper.gamma;
    this.learner.epsilon = hyper.epsilon;
  }

  /** Forgets the table (the grid stays as edited); the next draws follow `seed`. */
  clearTable(seed = this.seed): void {
    this.seed = seed;
    this.learner.resetLearning(seed);
    this.last = null;
  }

  /** A new grid (the shipped one by default) and an empty table. */
  resetAll(hyper: GridHyper, seed: number, layout: readonly string[] = DEFAULT_GRID): void {
    this.seed = seed;
    this.world = GridWorld.parse(layout, GRID_REWARDS);
    this.learner = this.makeLearner(hyper);
    this.last = null;
  }

  /** The grid's rows as text (`.` empty, `#` wall, `P` pit, `G` goal, `S` start). */
  lines(): string[] {
    return this.world.toLines();
  }

  /**
   * Makes the grid these rows. A grid of the same size is edited cell by cell, keeping what was learned (as
   * painting does); another size needs a new table. Returns whether the table was kept.
   */
  setLayout(lines: readonly string[], hyper: GridHyper): boolean {
    const next = GridWorld.parse(lines, GRID_REWARDS);
    if (next.rows === this.world.rows && next.cols === this.world.cols) {
      for (let r = 0; r < next.rows; r++)
        for (let c = 0; c < next.cols; c++) this.world.setCell(r, c, next.kindAt(r, c));
      if (this.world.toLines().join() === next.toLines().join()) return true;
    }
    this.resetAll(hyper, this.seed, lines);
    return false;
  }

  /** One ε-greedy step with its update. */
  step(): TabularStep {
    this.last = this.learner.step();
    return this.last;
  }

  /**
   * Paints a cell (painting the same kind again clears it); the start is never cleared, only moved by painting
   * a start elsewhere. Returns whether the grid changed.
   */
  paint(r: number, c: number, kind: CellKind): boolean {
    if (this.world.kindAt(r, c) === 'start') return false;
    this.world.toggleCell(r, c, kind);
    if (!this.world.isActive(this.world.state)) this.world.reset();
    return true;
  }

  /**
   * Why no episode can end at a goal on this grid (checked by breadth-first search from the start), or ''
   * when a goal is reachable. Training and play refuse such a grid: every episode would run to the step limit.
   */
  unreachable(): string {
    if (this.world.shortestPathLength() < Infinity) return '';
    if (!this.world.toLines().some((line) => line.includes('G')))
      return 'The grid has no goal: paint one (★) before training.';
    return 'No goal can be reached from the start: walls and pits close every path. Clear a wall or move the goal or the start before training.';
  }

  /** Trains whole episodes in time slices; an abort (AbortError) keeps what was learned. */
  async train(
    episodes: number,
    options: { signal?: AbortSignal; onEpisode?: (done: number) => void } = {},
  ): Promise<void> {
    const why = this.unreachable();
    if (why) throw new Error(why);
    let done = 0;
    for await (const _ of trainTabular(this.learner, episodes, { signal: options.signal }))
      options.onEpisode?.(++done);
  }

  /**
   * Steps at `speed()` steps per second (read before every tick, so a speed change applies at once) until the
   * signal fires (then rejects with an AbortError). Up to PLAY_TICKS_PER_SECOND ticks a second, each taking
   * the steps owed; `onTick` after each.
   */
  async play(
    options: Omit<PacedOptions, 'rate'> & { speed: () => number; onTick?: () => void },
    ticks = Infinity,
  ): Promise<void> {
    const why = this.unreachable();
    if (why) throw new Error(why);
    let owed = 0;
    const rate = () => Math.min(options.speed(), PLAY_TICKS_PER_SECOND);
    await paced(
      () => {
        owed += options.speed() / rate();
        for (; owed >= 1 - 1e-9; owed--) this.step();
        options.onTick?.();
      },
      { signal: options.signal, sleepFn: options.sleepFn, rate },
      ticks,
    );
  }

  /** The greedy path from the start, as a summary line. */
  greedyPath(): GreedyPath {
    const path = this.learner.greedyPath();
    const end = path[path.length - 1]!;
    const reaches = this.world.kind(end) === 'goal';
    const shortest = this.world.shortestPathLength();
    const text = reaches
      ? `greedy path reaches the goal in ${path.length - 1} moves (shortest: ${shortest})`
      : this.world.kind(end) === 'pit'
        ? 'greedy path falls into a pit'
        : 'greedy path does not reach the goal yet';
    return { text, reaches, moves: reaches ? path.length - 1 : null, cells: new Set(path) };
  }

  /** The grid's part of a run card. */
  metrics(): Metrics {
    const returns = this.learner.returns;
    const path = this.greedyPath();
    return {
      gridEpisodes: returns.length,
      gridLastReturn: returns.length ? returns[returns.length - 1]! : NaN,
      gridReachesGoal: path.reaches,
      gridPathMoves: path.moves ?? -1,
    };
  }
}
