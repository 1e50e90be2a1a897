// GridWorld: a small deterministic grid with walls, pits, goals, a start and a cost per step, editable cell by
// cell. States are cell indices r·cols + c; actions 0 up, 1 right, 2 down, 3 left. Moving into a wall or off
// the grid leaves the agent where it is (and still costs a step); entering a goal or a pit ends the episode
// with that cell's reward.
//
// Example:
//   const world = GridWorld.parse(['S..G', '.#.P', '....']);
//   let s = world.reset();
//   const { state, reward, done } = world.step(1);
export type CellKind = 'empty' | 'wall' | 'pit' | 'goal' | 'start';
export const CELL_KINDS: readonly CellKind[] = ['empty', 'wall', 'pit', 'goal', 'start'];

export const ACTIONS = ['up', 'right', 'down', 'left'] as const;
export type GridAction = 0 | 1 | 2 | 3;
const DR = [-1, 0, 1, 0];
const DC = [0, 1, 0, -1];

export interface GridRewards {
  /** Reward of every step that does not end in a goal or pit (usually negative); −10..0. */
  stepCost: number;
  /** Reward for entering a goal; 0..100. */
  goalReward: number;
  /** Reward for entering a pit; −100..0. */
  pitReward: number;
}

export const DEFAULT_REWARDS: GridRewards = { stepCost: -0.04, goalReward: 1, pitReward: -1 };

export interface GridStep {
  state: number;
  reward: number;
  done: boolean;
}

const SYMBOL: Record<string, CellKind> = { '.': 'empty', '#': 'wall', P: 'pit', G: 'goal', S: 'start' };

export class GridWorld {
  readonly rows: number;
  readonly cols: number;
  readonly rewards: GridRewards;
  private readonly cells: CellKind[];
  private current = 0;

  constructor(
    rows: number,
    cols: number,
    cells?: readonly CellKind[],
    rewards: GridRewards = DEFAULT_REWARDS,
  ) {
    if (!Number.isInteger(rows) || rows < 1 || rows > 20)
      throw new Error(`rows must be an integer from 1 to 20, got ${rows}`);
    if (!Number.isInteger(cols) || cols < 1 || cols > 20)
      throw new Error(`cols must be an integer from 1 to 20, got ${cols}`);
    if (cells && cells.length !== rows * cols)
      throw new Error(`cells must have rows·cols = ${rows * cols} entries, got ${cells.length}`);
    checkRewards(rewards);
    this.rows = rows;
    this.cols = cols;
    this.rewards = { ...rewards };
    this.cells = cells ? [...cells] : new Array<CellKind>(rows * cols).fill('empty');
    for (const k of this.cells)
      if (!CELL_KINDS.includes(k)) throw new Error(`unknown cell kind "${k}"; use ${CELL_KINDS.join(', ')}`);
    if (this.cells.filter((k) => k === 'start').length > 1)
      throw new Error('a grid has at most one start cell');
    this.current = this.startState;
  }

  /** A grid from text rows: `.` empty, `#` wall, `P` pit, `G` goal, `S` start. */
  static parse(lines: readonly string[], rewards: GridRewards = DEFAULT_REWARDS): GridWorld {
    const cols = lines[0]?.length ?? 0;
    const cells: CellKind[] = [];
    lines.forEach((line, r) => {
      if (line.length !== cols) throw new Error(`grid row ${r} has ${line.length} cells, expected ${cols}`);
      for (const ch of line) {
        const kind = SYMBOL[ch];
        if (!kind) throw new Error(`unknown grid symbol "${ch}" in row ${r}; use . # P G S`);
        cells.push(kind);
      }
    });
    return new GridWorld(lines.length, cols, cells, rewards);
  }

  get size(): number {
    return this.rows * this.cols;
  }

  /** The start cell's state (the first empty cell if there is no start). */
  get startState(): number {
    const s = this.cells.indexOf('start');
    if (s >= 0) return s;
    const e = this.cells.indexOf('empty');
    return e >= 0 ? e : 0;
  }

  /** The agent's current cell. */
  get state(): number {
    return this.current;
  }

  kind(state: number): CellKind {
    this.checkState(state);
    return this.cells[state]!;
  }

  kindAt(r: number, c: number): CellKind {
    return this.kind(this.index(r, c));
  }

  index(r: number, c: number): number {
    if (!Number.isInteger(r) || r < 0 || r >= this.rows)
      throw new Error(`row must be 0..${this.rows - 1}, got ${r}`);
    if (!Number.isInteger(c) || c < 0 || c >= this.cols)
      throw new Error(`column must be 0..${this.cols - 1}, got ${c}`);
    return r * this.cols + c;
  }

  /** Whether an episode ends on arriving in this cell (goal or pit). */
  isTerminal(state: number): boolean {
    const k = this.kind(state);
    return k === 'goal' || k === 'pit';
  }

  /** Cells where the agent can stand and act (not walls, not terminal). */
  isActive(state: number): boolean {
    const k = this.kind(state);
    return k === 'empty' || k === 'start';
  }

  /**
   * Sets one cell. Setting a start moves the start (the old start becomes empty). Returns the grid for chaining.
   * The agent goes back to the start if its own cell stopped being one it can stand in.
   */
  setCell(r: number, c: number, kind: CellKind): this {
    const i = this.index(r, c);
    if (!CELL_KINDS.includes(kind))
      throw new Error(`unknown cell kind "${kind}"; use ${CELL_KINDS.join(', ')}`);
    if (kind === 'start') {
      const old = this.cells.indexOf('start');
      if (old >= 0) this.cells[old] = 'empty';
    }
    this.cells[i] = kind;
    if (!this.isActive(this.current)) this.current = this.startState;
    return this;
  }

  /** Click behaviour: a cell already of `kind` becomes empty, any other becomes `kind`. */
  toggleCell(r: number, c: number, kind: CellKind): CellKind {
    const next = this.kindAt(r, c) === kind ? 'empty' : kind;
    this.setCell(r, c, next);
    return next;
  }

  /** The cells as text rows (the inverse of parse). */
  toLines(): string[] {
    const sym: Record<CellKind, string> = { empty: '.', wall: '#', pit: 'P', goal: 'G', start: 'S' };
    return Array.from({ length: this.rows }, (_, r) =>
      this.cells
        .slice(r * this.cols, (r + 1) * this.cols)
        .map((k) => sym[k])
        .join(''),
    );
  }

  clone(): GridWorld {
    const g = new GridWorld(this.rows, this.cols, this.cells, this.rewards);
    g.current = this.current;
    return g;
  }

  /** The deterministic transition from `state` under `action` (pure: does not move the agent). */
  transition(state: number, action: GridAction): GridStep {
    this.checkState(state);
    if (!(action === 0 || action === 1 || action === 2 || action === 3))
      throw new Error(`action must be 0 (up), 1 (right), 2 (down) or 3 (left), got ${action}`);
    if (!this.isActive(state))
      throw new Error(`state ${state} is a ${this.cells[state]} cell, where no action is taken`);
    const r = Math.floor(state / this.cols) + DR[action]!;
    const c = (state % this.cols) + DC[action]!;
    let next = state;
    if (r >= 0 && r < this.rows && c >= 0 && c < this.cols && this.cells[r * this.cols + c] !== 'wall')
      next = r * this.cols + c;
    const k = this.cells[next]!;
    if (k === 'goal') return { state: next, reward: this.rewards.goalReward, done: true };
    if (k === 'pit') return { state: next, reward: this.rewards.pitReward, done: true };
    return { state: next, reward: this.rewards.stepCost, done: false };
  }

  /** Puts the agent on the start cell. */
  reset(): number {
    this.current = this.startState;
    return this.current;
  }

  /** Moves the agent; after a goal or pit it stays there until reset(). */
  step(action: GridAction): GridStep {
    if (this.isTerminal(this.current)) throw new Error('the episode is over: call reset() before step()');
    const out = this.transition(this.current, action);
    this.current = out.state;
    return out;
  }

  /** Fewest steps from the start to any goal (breadth-first search), or Infinity when none is reachable. */
  shortestPathLength(from = this.startState): number {
    const dist = new Array<number>(this.size).fill(Infinity);
    dist[from] = 0;
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      if (this.cells[s] === 'goal') return dist[s]!;
      if (!this.isActive(s)) continue;
      for (let a = 0; a < 4; a++) {
        const next = this.transition(s, a as GridAction).state;
        if (dist[next] === Infinity) {
          dist[next] = dist[s]! + 1;
          queue.push(next);
        }
      }
    }
    return Infinity;
  }

  private checkState(state: number): void {
    if (!Number.isInteger(state) || state < 0 || state >= this.size)
      throw new Error(`state must be an integer cell index 0..${this.size - 1}, got ${state}`);
  }
}

function checkRewards(r: GridRewards): void {
  if (!(r.stepCost >= -10 && r.stepCost <= 0))
    throw new Error(`stepCost must be in −10..0, got ${r.stepCost}`);
  if (!(r.goalReward >= 0 && r.goalReward <= 100))
    throw new Error(`goalReward must be in 0..100, got ${r.goalReward}`);
  if (!(r.pitReward >= -100 && r.pitReward <= 0))
    throw new Error(`pitReward must be in −100..0, got ${r.pitReward}`);
}
