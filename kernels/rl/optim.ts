// Training pieces for the Q-network: the Huber loss and its gradient, global gradient-norm clipping, Adam.
// All in place on Float64Arrays, no allocation per step.

function checkSize(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new Error(`${name} must be an integer from ${lo} to ${hi}, got ${v}`);
}

/** Huber loss: ½x² for |x| ≤ δ, δ·(|x| − ½δ) beyond; quadratic near 0, linear for large errors. */
export function huber(x: number, delta: number): number {
  const a = Math.abs(x);
  return a <= delta ? 0.5 * x * x : delta * (a - 0.5 * delta);
}

/** dhuber/dx: x clipped to [−δ, δ]. */
export function huberGrad(x: number, delta: number): number {
  return x > delta ? delta : x < -delta ? -delta : x;
}

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
  lr?: number;
  beta1?: number;
  beta2?: number;
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
    checkSize('size', size, 1, 1e8);
    this.lr = options.lr ?? 1e-3;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    if (!(this.lr > 0 && this.lr <= 1)) throw new Error(`lr must be in (0, 1], got ${this.lr}`);
    if (!(this.beta1 >= 0 && this.beta1 < 1)) throw new Error(`beta1 must be in [0, 1), got ${this.beta1}`);
    if (!(this.beta2 >= 0 && this.beta2 < 1)) throw new Error(`beta2 must be in [0, 1), got ${this.beta2}`);
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** One step: params −= lr · m̂ / (√v̂ + ε). */
  step(params: Float64Array, grads: Float64Array): void {
    if (params.length !== this.m.length || grads.length !== this.m.length)
      throw new Error(`params and grads must have ${this.m.length} entries`);
    this.t++;
    const { beta1: b1, beta2: b2, epsilon: eps, m, v } = this;
    const c1 = 1 / (1 - b1 ** this.t);
    const c2 = 1 / (1 - b2 ** this.t);
    const lr = this.lr;
    for (let k = 0; k < params.length; k++) {
      const gk = grads[k]!;
      const mk = (m[k] = b1 * m[k]! + (1 - b1) * gk);
      const vk = (v[k] = b2 * v[k]! + (1 - b2) * gk * gk);
      params[k]! -= (lr * (mk * c1)) / (Math.sqrt(vk * c2) + eps);
    }
  }
}
