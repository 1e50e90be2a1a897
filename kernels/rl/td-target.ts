// The DQN regression target y for one transition (s, a, r, s', done):
//   terminal:   y = r
//   vanilla:    y = r + γ · maxₐ' Q_target(s', a')
//   Double DQN: y = r + γ · Q_target(s', argmaxₐ' Q_online(s', a'))   (the online net picks, the target net rates)
// The target is a constant for the gradient (no backprop through it).
//
// Example: tdTarget({ reward: 1, done: false, gamma: 0.99, nextQOnline: [1, 3], nextQTarget: [2, 0.5], double: true }) // 1.495

export interface TdTargetInput {
  reward: number;
  done: boolean;
  gamma: number;
  /** The online network's Q(s', ·); used only by Double DQN. */
  nextQOnline: ArrayLike<number>;
  /** The target network's Q(s', ·). */
  nextQTarget: ArrayLike<number>;
  double: boolean;
}

export function tdTarget(input: TdTargetInput): number {
  const { reward, done, gamma, nextQOnline, nextQTarget, double } = input;
  if (!Number.isFinite(reward)) throw new Error(`reward must be finite, got ${reward}`);
  if (!(gamma >= 0 && gamma <= 1)) throw new Error(`gamma must be in [0, 1], got ${gamma}`);
  const n = nextQTarget.length;
  if (n < 1) throw new Error('nextQTarget must hold at least one action value');
  if (double && nextQOnline.length !== n)
    throw new Error(`nextQOnline must have as many actions as nextQTarget (${n}), got ${nextQOnline.length}`);
  return tdTargetAt(reward, done, gamma, nextQOnline, nextQTarget, 0, n, double);
}

/**
 * The same target read from rows of batched Q arrays at `offset` (no validation, no allocation): the
 * trainer's inner loop. Ties in the argmax go to the lowest action.
 */
export function tdTargetAt(
  reward: number,
  done: boolean,
  gamma: number,
  nextQOnline: ArrayLike<number>,
  nextQTarget: ArrayLike<number>,
  offset: number,
  nActions: number,
  double: boolean,
): number {
  if (done) return reward;
  let bootstrap: number;
  if (double) {
    let best = 0;
    for (let a = 1; a < nActions; a++) if (nextQOnline[offset + a]! > nextQOnline[offset + best]!) best = a;
    bootstrap = nextQTarget[offset + best]!;
  } else {
    bootstrap = nextQTarget[offset]!;
    for (let a = 1; a < nActions; a++)
      if (nextQTarget[offset + a]! > bootstrap) bootstrap = nextQTarget[offset + a]!;
  }
  return reward + gamma * bootstrap;
}
