// DQN hyperparameters: the defaults (those the cell ships and the benchmark measures) and their validation.
//
// Example: const config = resolveDqnConfig({ seed: 3, double: true });

export type TargetUpdate = { kind: 'hard'; every: number } | { kind: 'soft'; tau: number };

export interface DqnConfig {
  seed: number;
  /** Hidden layer widths of the Q-network. */
  hidden: number[];
  gamma: number;
  /** Adam learning rate. */
  lr: number;
  batchSize: number;
  bufferSize: number;
  /** Environment steps taken (with ε-greedy actions) before the first update. */
  learningStarts: number;
  /** One update every this many environment steps. */
  trainEvery: number;
  /** Hard copy every N environment steps, or Polyak averaging with rate τ after every update. */
  target: TargetUpdate;
  epsilonStart: number;
  epsilonEnd: number;
  /** ε falls linearly from epsilonStart to epsilonEnd over this many environment steps. */
  epsilonDecaySteps: number;
  /** Huber loss threshold δ. */
  huberDelta: number;
  /** Global gradient-norm clip (0 = none). */
  gradClip: number;
  double: boolean;
  dueling: boolean;
  prioritized: boolean;
  /** Prioritized replay: priority exponent α. */
  priorityAlpha: number;
  /** Prioritized replay: β starts here and rises linearly to 1 over betaSteps updates. */
  betaStart: number;
  betaSteps: number;
  priorityEpsilon: number;
  /** CartPole's time limit. */
  maxEpisodeSteps: number;
}

export const DQN_DEFAULTS: Readonly<DqnConfig> = Object.freeze({
  seed: 1,
  hidden: [64, 64],
  gamma: 0.99,
  lr: 5e-4,
  batchSize: 32,
  bufferSize: 50_000,
  learningStarts: 500,
  trainEvery: 1,
  target: { kind: 'soft', tau: 0.01 },
  epsilonStart: 1,
  epsilonEnd: 0.02,
  epsilonDecaySteps: 5_000,
  huberDelta: 1,
  gradClip: 10,
  double: false,
  dueling: false,
  prioritized: false,
  priorityAlpha: 0.6,
  betaStart: 0.4,
  betaSteps: 20_000,
  priorityEpsilon: 1e-3,
  maxEpisodeSteps: 500,
}) as DqnConfig;

function range(name: string, v: number, lo: number, hi: number, integer = false): void {
  if (typeof v !== 'number' || !(v >= lo && v <= hi) || (integer && !Number.isInteger(v)))
    throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} from ${lo} to ${hi}, got ${v}`);
}

/** The defaults overridden by `partial`, checked: each bad value throws an error naming it and its range. */
export function resolveDqnConfig(partial: Partial<DqnConfig> = {}): DqnConfig {
  const c: DqnConfig = { ...DQN_DEFAULTS, hidden: [...DQN_DEFAULTS.hidden], ...partial };
  range('seed', c.seed, -2147483648, 4294967295, true);
  if (!Array.isArray(c.hidden) || c.hidden.length < 1 || c.hidden.length > 3)
    throw new Error(`hidden must list 1 to 3 layer widths, got [${String(c.hidden)}]`);
  c.hidden.forEach((h, i) => range(`hidden[${i}]`, h, 1, 256, true));
  range('gamma', c.gamma, 0, 0.999);
  range('lr', c.lr, 1e-6, 0.1);
  range('batchSize', c.batchSize, 1, 512, true);
  range('bufferSize', c.bufferSize, 100, 1_000_000, true);
  range('learningStarts', c.learningStarts, 0, 100_000, true);
  if (c.learningStarts < c.batchSize && c.learningStarts !== 0)
    throw new Error(`learningStarts (${c.learningStarts}) must be at least batchSize (${c.batchSize}) or 0`);
  range('trainEvery', c.trainEvery, 1, 1000, true);
  if (c.target.kind === 'hard') range('target.every', c.target.every, 1, 1_000_000, true);
  else if (c.target.kind === 'soft') range('target.tau', c.target.tau, 1e-5, 1);
  else
    throw new Error(
      `target.kind must be 'hard' or 'soft', got ${String((c.target as { kind: unknown }).kind)}`,
    );
  range('epsilonStart', c.epsilonStart, 0, 1);
  range('epsilonEnd', c.epsilonEnd, 0, 1);
  range('epsilonDecaySteps', c.epsilonDecaySteps, 1, 10_000_000, true);
  range('huberDelta', c.huberDelta, 1e-3, 1000);
  range('gradClip', c.gradClip, 0, 1e6);
  range('priorityAlpha', c.priorityAlpha, 0, 1);
  range('betaStart', c.betaStart, 0, 1);
  range('betaSteps', c.betaSteps, 1, 10_000_000, true);
  range('priorityEpsilon', c.priorityEpsilon, 1e-8, 1);
  range('maxEpisodeSteps', c.maxEpisodeSteps, 1, 100_000, true);
  return c;
}
