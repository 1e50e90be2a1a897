// The DQN's Q-network: a small ReLU MLP on Float64Arrays built from kernels/nn's dense layers, with an
// optional dueling head (trained with kernels/nn's Adam and Huber loss by dqn-trainer.ts). Everything is
// preallocated for up to `maxBatch` rows, so a training step allocates nothing (DESIGN.md "Runtime": for
// nets this small a fused typed-array path is several times faster than tfjs per-op dispatch).
//
// Architecture: input → [Dense → ReLU] × hidden.length → head. The plain head is Dense(h → actions). The
// dueling head (Wang et al. 2016) shares the trunk and has two Dense heads, V: h → 1 and A: h → actions,
// combined as Q = V + A − mean(A) (subtracting the mean makes V and A identifiable).
//
// Example:
//   const net = new QNetwork({ inputSize: 4, hidden: [64, 64], actions: 2, dueling: true, seed: 1 });
//   const q = net.forward(states, 32);      // 32×2 Q values (a view, valid until the next forward)
//   net.backward(dLossDq, 32);              // net.grads = ∂loss/∂params
//   adam.step(net.params, net.grads);
import { createRng } from '../../src/runtime/rng';
import {
  RELU,
  backwardScratch,
  checkInt,
  denseBackward,
  denseForward,
  denseLayout,
  type BackwardScratch,
  type Dense,
} from '../nn/index';

export interface QNetworkOptions {
  inputSize: number;
  /** Hidden layer widths, 1..4 layers of 1..512 units. */
  hidden: readonly number[];
  actions: number;
  dueling?: boolean;
  seed: number;
  /** Largest batch forward/backward will see (1..4096, default 64). */
  maxBatch?: number;
}

export class QNetwork {
  readonly inputSize: number;
  readonly hidden: readonly number[];
  readonly actions: number;
  readonly dueling: boolean;
  readonly maxBatch: number;
  readonly params: Float64Array;
  /** ∂loss/∂params after backward() (overwritten, not accumulated). */
  readonly grads: Float64Array;
  private readonly trunk: Dense[];
  /** Q (plain) or A (dueling). */
  private readonly head: Dense;
  private readonly valueHead: Dense | null;
  /** acts[0]: the input; acts[l + 1]: trunk layer l's ReLU output. Rows of the last forward's batch. */
  private readonly acts: Float64Array[];
  /** Gradients with respect to acts[l + 1]. */
  private readonly dActs: Float64Array[];
  /** derivs[l]: ReLU′ at trunk layer l's pre-activations (1 where the unit was active, else 0). */
  private readonly derivs: Float64Array[];
  private readonly q: Float64Array;
  private readonly value: Float64Array;
  private readonly advantage: Float64Array;
  private readonly dAdvantage: Float64Array;
  private readonly dValue: Float64Array;
  private readonly scratch: BackwardScratch;
  private batch = 0;

  constructor(options: QNetworkOptions) {
    const { inputSize, hidden, actions, seed } = options;
    const maxBatch = options.maxBatch ?? 64;
    checkInt('inputSize', inputSize, 1, 1024);
    checkInt('actions', actions, 1, 64);
    checkInt('maxBatch', maxBatch, 1, 4096);
    if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > 4)
      throw new Error(`hidden must list 1 to 4 layer widths, got [${String(hidden)}]`);
    hidden.forEach((h, l) => checkInt(`hidden[${l}]`, h, 1, 512));
    this.inputSize = inputSize;
    this.hidden = [...hidden];
    this.actions = actions;
    this.dueling = options.dueling ?? false;
    this.maxBatch = maxBatch;

    const widths = [inputSize, ...hidden];
    const trunk = denseLayout(widths);
    const last = hidden[hidden.length - 1]!;
    const head = denseLayout([last, actions], trunk.size);
    const valueHead = this.dueling ? denseLayout([last, 1], head.size) : null;
    this.trunk = trunk.layers;
    this.head = head.layers[0]!;
    this.valueHead = valueHead && valueHead.layers[0]!;
    const size = (valueHead ?? head).size;
    this.params = new Float64Array(size);
    this.grads = new Float64Array(size);

    // PyTorch's default Linear initialisation: weights and biases uniform in ±1/√fan_in.
    const rng = createRng(seed);
    for (const d of this.layersList()) {
      const bound = 1 / Math.sqrt(d.nin);
      for (let k = d.w; k < d.b + d.nout; k++) this.params[k] = (rng.uniform() * 2 - 1) * bound;
    }

    this.acts = widths.map((w) => new Float64Array(maxBatch * w));
    this.dActs = hidden.map((h) => new Float64Array(maxBatch * h));
    this.derivs = hidden.map((h) => new Float64Array(maxBatch * h));
    this.q = new Float64Array(maxBatch * actions);
    this.advantage = new Float64Array(maxBatch * actions);
    this.dAdvantage = new Float64Array(maxBatch * actions);
    this.value = new Float64Array(maxBatch);
    this.dValue = new Float64Array(maxBatch);
    this.scratch = backwardScratch(this.layersList(), maxBatch);
  }

  /** Number of trainable parameters. */
  get size(): number {
    return this.params.length;
  }

  /** Layer offsets, for tests that recompute the forward pass independently. */
  layout(): { trunk: Dense[]; head: Dense; valueHead: Dense | null } {
    return {
      trunk: this.trunk.map((d) => ({ ...d })),
      head: { ...this.head },
      valueHead: this.valueHead && { ...this.valueHead },
    };
  }

  /**
   * Q values for `batch` input rows (row-major, batch × inputSize). Returns a view of batch × actions values
   * that the next forward overwrites. Side effect: keeps the activations for backward().
   */
  forward(x: ArrayLike<number>, batch: number): Float64Array {
    checkInt('batch', batch, 1, this.maxBatch);
    if (x.length < batch * this.inputSize)
      throw new Error(`x must hold batch × inputSize = ${batch * this.inputSize} numbers, got ${x.length}`);
    this.batch = batch;
    const p = this.params;
    const input = this.acts[0]!;
    for (let k = 0; k < batch * this.inputSize; k++) input[k] = x[k]!;
    for (let l = 0; l < this.trunk.length; l++)
      denseForward(p, this.trunk[l]!, this.acts[l]!, this.acts[l + 1]!, batch, RELU, this.derivs[l]!);
    const h = this.acts[this.trunk.length]!;
    const nA = this.actions;
    const out = this.dueling ? this.advantage : this.q;
    denseForward(p, this.head, h, out, batch);
    if (this.valueHead) {
      denseForward(p, this.valueHead, h, this.value, batch);
      for (let r = 0; r < batch; r++) {
        let mean = 0;
        for (let a = 0; a < nA; a++) mean += out[r * nA + a]!;
        mean /= nA;
        const v = this.value[r]!;
        for (let a = 0; a < nA; a++) this.q[r * nA + a] = v + out[r * nA + a]! - mean;
      }
    }
    return this.q.subarray(0, batch * nA);
  }

  /** The dueling head's V and A from the last forward (undefined for a plain head). */
  lastHeads(): { value: Float64Array; advantage: Float64Array } | undefined {
    if (!this.dueling) return undefined;
    return {
      value: this.value.slice(0, this.batch),
      advantage: this.advantage.slice(0, this.batch * this.actions),
    };
  }

  /**
   * Backpropagates ∂loss/∂Q (batch × actions, for the last forward's rows) into `grads` (overwritten).
   * Dueling: ∂V = Σₐ ∂Qₐ and ∂Aₐ = ∂Qₐ − meanₐ'(∂Qₐ').
   */
  backward(dQ: ArrayLike<number>, batch: number): void {
    if (batch !== this.batch)
      throw new Error(`backward batch (${batch}) must match the last forward's (${this.batch})`);
    if (dQ.length < batch * this.actions)
      throw new Error(`dQ must hold ${batch * this.actions} numbers, got ${dQ.length}`);
    const p = this.params;
    const g = this.grads;
    g.fill(0);
    const nA = this.actions;
    const depth = this.trunk.length;
    const h = this.acts[depth]!;
    const dh = this.dActs[depth - 1]!;
    dh.fill(0, 0, batch * this.hidden[depth - 1]!);
    let dHead: ArrayLike<number> = dQ;
    if (this.valueHead) {
      const dA = this.dAdvantage;
      for (let r = 0; r < batch; r++) {
        let sum = 0;
        for (let a = 0; a < nA; a++) sum += dQ[r * nA + a]!;
        this.dValue[r] = sum;
        const mean = sum / nA;
        for (let a = 0; a < nA; a++) dA[r * nA + a] = dQ[r * nA + a]! - mean;
      }
      dHead = dA;
      denseBackward(p, g, this.valueHead, h, this.dValue, dh, batch, null, this.scratch);
    }
    denseBackward(p, g, this.head, h, dHead, dh, batch, null, this.scratch);
    for (let l = depth - 1; l >= 0; l--) {
      const dsrc = l > 0 ? this.dActs[l - 1]! : null;
      if (dsrc) dsrc.fill(0, 0, batch * this.trunk[l]!.nin);
      // ReLU′ masks the gradient: it passes only where the unit was active.
      denseBackward(
        p,
        g,
        this.trunk[l]!,
        this.acts[l]!,
        this.dActs[l]!,
        dsrc,
        batch,
        this.derivs[l]!,
        this.scratch,
      );
    }
  }

  /** Copies another network's weights (the hard target-network sync). */
  copyFrom(other: QNetwork): void {
    this.checkSameShape(other);
    this.params.set(other.params);
  }

  /** θ ← (1 − τ)·θ + τ·θ_other (Polyak averaging, the soft target update). */
  softUpdateFrom(other: QNetwork, tau: number): void {
    this.checkSameShape(other);
    if (!(tau > 0 && tau <= 1)) throw new Error(`tau must be in (0, 1], got ${tau}`);
    const p = this.params;
    const o = other.params;
    for (let k = 0; k < p.length; k++) p[k] = p[k]! + tau * (o[k]! - p[k]!);
  }

  private layersList(): Dense[] {
    return this.valueHead ? [...this.trunk, this.head, this.valueHead] : [...this.trunk, this.head];
  }

  private checkSameShape(other: QNetwork): void {
    if (other.params.length !== this.params.length || other.dueling !== this.dueling)
      throw new Error('the two networks must have the same architecture');
  }
}
