// The shipped grid world of the DQN cell (its settings' defaults are in settings.ts).
import type { GridRewards } from '../../../kernels/rl/grid-world';

/** `.` empty, `#` wall, `P` pit, `G` goal, `S` start. Shortest path: 11 moves, past a pit. */
export const DEFAULT_GRID = ['S...#...', '.##.#.#.', '.#....#.', '...#P.#.', '.P.#...G'];

export const GRID_REWARDS: GridRewards = { stepCost: -0.04, goalReward: 1, pitReward: -1 };
