// The shipped grid world and default settings of the DQN cell.
import type { GridRewards } from '../../../kernels/rl/grid-world';

/** `.` empty, `#` wall, `P` pit, `G` goal, `S` start. Shortest path: 11 moves, past a pit. */
export const DEFAULT_GRID = ['S...#...', '.##.#.#.', '.#....#.', '...#P.#.', '.P.#...G'];

export const GRID_REWARDS: GridRewards = { stepCost: -0.04, goalReward: 1, pitReward: -1 };

export const TABULAR_DEFAULTS = { alpha: 0.5, gamma: 0.95, epsilon: 0.2, speed: 20, seed: 1 } as const;

/** Episodes the cell's Run trains the grid world for, then the DQN. */
export const RUN_TABULAR_EPISODES = 300;
export const RUN_DQN_EPISODES = 300;
