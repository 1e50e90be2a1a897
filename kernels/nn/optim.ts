// Optimisation on flat Float64Arrays, in place and allocation-free per step: Adam with bias correction and
// global-norm gradient clipping. The one Adam of the typed-array nets (the DQN and the diffusion denoiser).
//
// Example:
//   const adam = new Adam(net.params.length, { lr: 1e-3 });
//   clipGlobalNorm(net.grads, 10);
//   adam.step(net.params, net.grads);        // or adam.step(params, grads, lrThisStep) for a schedule
import { checkInt, checkRange } from './validate';

/** Scales g in place so its Euclidean norm is at most maxNorm; returns the norm before scaling. */
export function clipGlobalNorm(g: Float64Array, maxNorm: number): number {
  let sq = 0;
  for (let k = 0; k < g.length; k++) sq += g[k]! * g[k]!;
  const norm = Math.sqrt(sq);
  if (norm > maxNorm) {
    const s = maxNorm / norm;
    for (let k = 0; k < g.length; k++) g[k]! *= s;
  }
  return norm;
}

export interface AdamOptions {
  /** Default learning rate, in (0, 1] (default 1e-3); step() may pass another per step. */
  lr?: number;
  /** Decay of the first moment, in [0, 1) (default 0.9). */
  beta1?: number;
  /** Decay of the second moment, in [0, 1) (default 0.999). */
  beta2?: number;
  /** Added to √v̂ (default 1e-8, PyTorch's; tf.train.adam uses 1e-7). */
  epsilon?: number;
}

/** Adam (Kingma & Ba 2015) with bias correction, updating parameters in place. */
export class Adam {
  lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  constructor(size: number, options: AdamOptions = {}) {
    checkInt('size', size, 1, 1e8);
    this.lr = options.lr ?? 1e-3;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    checkRange('lr', this.lr, 0, 1, '(]');
    checkRange('beta1', this.beta1, 0, 1, '[)');
    checkRange('beta2', this.beta2, 0, 1, '[)');
    checkRange('epsilon', this.epsilon, 0, 1, '(]');
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.t;
  }

  /** One step: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², params −= lr · m̂ / (√v̂ + ε), hats = bias-corrected. */
  step(params: Float64Array, grads: Float64Array, lr = this.lr): void {
    if (params.length !== this.m.length || grads.length !== this.m.length)
      throw new Error(`params and grads must have ${this.m.length} entries`);
    this.t++;
    const { beta1: b1, beta2: b2, epsilon: eps, m, v } = this;
    const c1 = 1 / (1 - b1 ** this.t);
    const c2 = 1 / (1 - b2 ** this.t);
    for (let k = 0; k < params.length; k++) {
      const gk = grads[k]!;
      const mk = (m[k] = b1 * m[k]! + (1 - b1) * gk);
      const vk = (v[k] = b2 * v[k]! + (1 - b2) * gk * gk);
      params[k]! -= (lr * (mk * c1)) / (Math.sqrt(vk * c2) + eps);
    }
  }
}
