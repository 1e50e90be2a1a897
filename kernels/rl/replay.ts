// Experience replay. ReplayBuffer: a ring buffer of transitions sampled uniformly. PrioritizedReplay
// (Schaul et al. 2016, proportional variant): transition i is drawn with probability P(i) = pᵢ^α / Σₖ pₖ^α,
// pᵢ = |δᵢ| + ε, via a sum tree (O(log N) sampling and updates), and carries the importance-sampling weight
// wᵢ = (N·P(i))^−β / maxⱼ wⱼ, where the max runs over the whole buffer (a min tree holds the smallest pᵢ^α).
// Everything lives in preallocated typed arrays: no allocation per step.
//
// Example:
//   const buffer = new PrioritizedReplay(10_000, 4, { alpha: 0.6 });
//   buffer.add(s, a, r, s2, done);
//   const batch = new ReplaySample(32);
//   buffer.sample(32, rng, batch, 0.4); // batch.indices, batch.weights
//   buffer.updatePriorities(batch.indices, tdErrors, 32);
import type { Rng } from '../../src/runtime/rng';

/** A sampled minibatch: row indices into the buffer and the importance-sampling weight of each. */
export class ReplaySample {
  readonly indices: Int32Array;
  readonly weights: Float64Array;
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`batch capacity must be a positive integer, got ${capacity}`);
    this.indices = new Int32Array(capacity);
    this.weights = new Float64Array(capacity).fill(1);
  }
}

export class ReplayBuffer {
  readonly states: Float64Array;
  readonly nextStates: Float64Array;
  readonly actions: Int32Array;
  readonly rewards: Float64Array;
  /** 1 when the next state is terminal (no bootstrapping from it). */
  readonly dones: Uint8Array;
  private next = 0;
  private count = 0;

  constructor(
    readonly capacity: number,
    readonly stateSize: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000_000)
      throw new Error(`capacity must be an integer from 1 to 10000000, got ${capacity}`);
    if (!Number.isInteger(stateSize) || stateSize < 1 || stateSize > 10_000)
      throw new Error(`stateSize must be an integer from 1 to 10000, got ${stateSize}`);
    this.states = new Float64Array(capacity * stateSize);
    this.nextStates = new Float64Array(capacity * stateSize);
    this.actions = new Int32Array(capacity);
    this.rewards = new Float64Array(capacity);
    this.dones = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Stores a transition, overwriting the oldest once full; returns its row. */
  add(
    state: ArrayLike<number>,
    action: number,
    reward: number,
    nextState: ArrayLike<number>,
    done: boolean,
  ): number {
    if (state.length !== this.stateSize || nextState.length !== this.stateSize)
      throw new Error(
        `state and nextState must have ${this.stateSize} entries, got ${state.length} and ${nextState.length}`,
      );
    if (!Number.isInteger(action) || action < 0)
      throw new Error(`action must be a non-negative integer, got ${action}`);
    if (!Number.isFinite(reward)) throw new Error(`reward must be finite, got ${reward}`);
    const i = this.next;
    const d = this.stateSize;
    for (let k = 0; k < d; k++) {
      this.states[i * d + k] = state[k]!;
      this.nextStates[i * d + k] = nextState[k]!;
    }
    this.actions[i] = action;
    this.rewards[i] = reward;
    this.dones[i] = done ? 1 : 0;
    this.next = (i + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    this.onAdd(i);
    return i;
  }

  /** Uniform sampling with replacement; all weights 1. `beta` is ignored (kept for a common signature). */
  sample(batchSize: number, rng: Rng, out: ReplaySample, _beta = 1): void {
    this.checkSample(batchSize, out);
    for (let b = 0; b < batchSize; b++) {
      out.indices[b] = rng.int(this.count);
      out.weights[b] = 1;
    }
  }

  /** Uniform replay has no priorities; kept so trainers can call it on either kind. */
  updatePriorities(_indices: Int32Array, _tdErrors: Float64Array, _count: number): void {}

  protected onAdd(_index: number): void {}

  protected checkSample(batchSize: number, out: ReplaySample): void {
    if (this.count === 0) throw new Error('cannot sample from an empty replay buffer');
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > out.capacity)
      throw new Error(`batchSize must be an integer from 1 to ${out.capacity}, got ${batchSize}`);
  }
}

/** A complete binary tree over `capacity` leaves whose inner nodes hold the sum (or min) of their children. */
export class SegmentTree {
  readonly leaves: number;
  private readonly tree: Float64Array;

  constructor(
    capacity: number,
    private readonly kind: 'sum' | 'min',
  ) {
    let n = 1;
    while (n < capacity) n *= 2;
    this.leaves = n;
    this.tree = new Float64Array(2 * n).fill(kind === 'sum' ? 0 : Infinity);
  }

  get root(): number {
    return this.tree[1]!;
  }

  get(i: number): number {
    return this.tree[this.leaves + i]!;
  }

  set(i: number, value: number): void {
    let node = this.leaves + i;
    this.tree[node] = value;
    const sum = this.kind === 'sum';
    for (node >>= 1; node >= 1; node >>= 1) {
      const l = this.tree[2 * node]!;
      const r = this.tree[2 * node + 1]!;
      this.tree[node] = sum ? l + r : Math.min(l, r);
    }
  }

  /** (Sum tree) the leaf i where the prefix sum first exceeds `mass`, for mass in [0, root). */
  find(mass: number): number {
    let node = 1;
    while (node < this.leaves) {
      const left = this.tree[2 * node]!;
      if (mass < left) node = 2 * node;
      else {
        mass -= left;
        node = 2 * node + 1;
      }
    }
    return node - this.leaves;
  }
}

export interface PrioritizedOptions {
  /** Priority exponent α in [0, 1]: 0 is uniform, 1 fully proportional. Default 0.6. */
  alpha?: number;
  /** ε > 0 added to |δ| so every transition keeps a chance. Default 1e-3. */
  epsilon?: number;
}

export class PrioritizedReplay extends ReplayBuffer {
  readonly alpha: number;
  readonly epsilon: number;
  private readonly sums: SegmentTree;
  private readonly mins: SegmentTree;
  /** The largest priority pᵢ (before the exponent) seen so far: new transitions get it, so each is replayed soon. */
  private maxPriority = 1;

  constructor(capacity: number, stateSize: number, options: PrioritizedOptions = {}) {
    super(capacity, stateSize);
    this.alpha = options.alpha ?? 0.6;
    this.epsilon = options.epsilon ?? 1e-3;
    if (!(this.alpha >= 0 && this.alpha <= 1)) throw new Error(`alpha must be in [0, 1], got ${this.alpha}`);
    if (!(this.epsilon > 0 && this.epsilon <= 1))
      throw new Error(`epsilon must be in (0, 1], got ${this.epsilon}`);
    this.sums = new SegmentTree(capacity, 'sum');
    this.mins = new SegmentTree(capacity, 'min');
  }

  /** P(i) = pᵢ^α / Σₖ pₖ^α. */
  probability(i: number): number {
    return this.sums.get(i) / this.sums.root;
  }

  /** pᵢ^α, the unnormalised sampling mass of row i. */
  scaledPriority(i: number): number {
    return this.sums.get(i);
  }

  /** Sets pᵢ directly (tests, and updatePriorities). */
  setPriority(i: number, p: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.size)
      throw new Error(`index must be 0..${this.size - 1}, got ${i}`);
    if (!(p > 0) || !Number.isFinite(p))
      throw new Error(`priority must be a positive finite number, got ${p}`);
    const scaled = p ** this.alpha;
    this.sums.set(i, scaled);
    this.mins.set(i, scaled);
    if (p > this.maxPriority) this.maxPriority = p;
  }

  /**
   * Stratified proportional sampling: the total mass is cut into batchSize equal segments and one transition
   * drawn from each. Weights are (N·P(i))^−β divided by the largest possible weight in the buffer.
   */
  override sample(batchSize: number, rng: Rng, out: ReplaySample, beta = 1): void {
    this.checkSample(batchSize, out);
    if (!(beta >= 0 && beta <= 1)) throw new Error(`beta must be in [0, 1], got ${beta}`);
    const total = this.sums.root;
    const n = this.size;
    const segment = total / batchSize;
    const maxWeight = (n * (this.mins.root / total)) ** -beta;
    for (let b = 0; b < batchSize; b++) {
      let i = this.sums.find(Math.min((b + rng.uniform()) * segment, total * (1 - 1e-12)));
      if (i >= n) i = n - 1; // guards float round-off at the right edge
      out.indices[b] = i;
      out.weights[b] = (n * (this.sums.get(i) / total)) ** -beta / maxWeight;
    }
  }

  /** pᵢ = |δᵢ| + ε for the first `count` sampled rows. */
  override updatePriorities(indices: Int32Array, tdErrors: Float64Array, count: number): void {
    for (let b = 0; b < count; b++) {
      const d = tdErrors[b]!;
      if (!Number.isFinite(d)) throw new Error(`TD error must be finite, got ${d}`);
      this.setPriority(indices[b]!, Math.abs(d) + this.epsilon);
    }
  }

  protected override onAdd(index: number): void {
    const scaled = this.maxPriority ** this.alpha;
    this.sums.set(index, scaled);
    this.mins.set(index, scaled);
  }
}
