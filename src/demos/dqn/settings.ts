// The DQN cell's settings table: one store for the whole cell, in four groups — `layout` (the grid world as
// text, which clicking the grid edits), `grid` (tabular Q-learning on it), `dqn` (the CartPole agent and the
// shared seed) and `compare` (vanilla against Double DQN). Defaults are the shipped ones (the kernel defaults
// the benchmark measures). No DOM: tested in Node.
import { GridWorld } from '../../../kernels/rl/grid-world';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';
import { DEFAULT_GRID, GRID_REWARDS } from './presets';

/** A grid's rows joined by '/', as the layout setting writes them. */
export function layoutText(lines: readonly string[]): string {
  return lines.join('/');
}

export function layoutLines(text: string): string[] {
  return text.split('/');
}

/** Why a layout text is not a grid the demo can use, or null when it is. */
export function checkLayout(text: string): string | null {
  let world: GridWorld;
  try {
    world = GridWorld.parse(layoutLines(text), GRID_REWARDS);
  } catch (e) {
    return `Not a grid: ${e instanceof Error ? e.message : String(e)}.`;
  }
  if (!world.isActive(world.startState))
    return 'The grid needs a start (S) or an empty cell (.) to start from.';
  return null;
}

export const TARGET_OPTIONS = [
  { value: 'soft', label: 'soft update, τ = 0.01' },
  { value: 'hard', label: 'hard copy every 500 steps' },
] as const;

export const DQN_TABLE = defineSettings([
  {
    key: 'layout',
    kind: 'text',
    label: 'Grid layout',
    help: 'Rows split by /: . empty, # wall, P pit, G goal, S start (up to 20 × 20). Clicking the grid edits it.',
    default: layoutText(DEFAULT_GRID),
    maxLength: 20 * 21 - 1,
    check: checkLayout,
    apply: 'live',
    group: 'layout',
  },
  {
    key: 'alpha',
    kind: 'number',
    label: 'α (learning rate)',
    min: 0.01,
    max: 1,
    step: 0.01,
    default: 0.5,
    apply: 'live',
    group: 'grid',
  },
  {
    key: 'gamma',
    kind: 'number',
    label: 'γ (discount)',
    min: 0,
    max: 0.99,
    step: 0.01,
    default: 0.95,
    apply: 'live',
    group: 'grid',
  },
  {
    key: 'epsilon',
    kind: 'number',
    label: 'ε (exploration)',
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.2,
    apply: 'live',
    group: 'grid',
  },
  {
    key: 'speed',
    kind: 'integer',
    label: 'Speed',
    unit: 'steps/s',
    min: 1,
    max: 500,
    step: 1,
    default: 20,
    apply: 'live',
    group: 'grid',
  },
  {
    key: 'gridEpisodes',
    kind: 'integer',
    label: 'Grid episodes per Run',
    help: "The cell's Run trains a fresh table this many episodes, then the DQN.",
    min: 1,
    max: 2000,
    step: 1,
    default: 300,
    apply: 'rebuild',
    group: 'grid',
  },
  {
    key: 'double',
    kind: 'toggle',
    label: 'Double DQN',
    default: false,
    apply: 'rebuild',
    group: 'dqn',
  },
  {
    key: 'dueling',
    kind: 'toggle',
    label: 'Dueling head',
    default: false,
    apply: 'rebuild',
    group: 'dqn',
  },
  {
    key: 'per',
    kind: 'toggle',
    label: 'Prioritized replay',
    default: false,
    apply: 'rebuild',
    group: 'dqn',
  },
  {
    key: 'target',
    kind: 'choice',
    label: 'Target network',
    options: TARGET_OPTIONS,
    default: 'soft',
    apply: 'rebuild',
    group: 'dqn',
  },
  { ...seedSetting(1), group: 'dqn' },
  {
    key: 'episodes',
    kind: 'integer',
    label: 'Episodes per Train',
    help: "Train goes on for this many episodes; the cell's Run trains a fresh agent this many.",
    min: 1,
    max: 2000,
    step: 1,
    default: 300,
    apply: 'rebuild',
    group: 'dqn',
  },
  {
    key: 'cmpEpisodes',
    kind: 'integer',
    label: 'Episodes each',
    min: 10,
    max: 1000,
    step: 10,
    default: 300,
    apply: 'rebuild',
    group: 'compare',
  },
]);

export type DqnValues = SettingValues<typeof DQN_TABLE>;
export type TargetKind = (typeof TARGET_OPTIONS)[number]['value'];

/** Settings that need a fresh DQN agent (and, for the seed, a fresh grid table). */
export const AGENT_KEYS: readonly string[] = ['double', 'dueling', 'per', 'target', 'seed'];
/** Settings the grid's learner takes at once, without forgetting its table. */
export const GRID_LIVE_KEYS: readonly string[] = ['alpha', 'gamma', 'epsilon'];
