// The reverse process: start from x_T ~ N(0, I) and denoise step by step with a noise predictor ε̂(x_t, t).
// 'ddpm' is ancestral sampling (Ho et al. 2020); with fewer steps than T it runs on the respaced schedule
// (improved DDPM): from t to the previous kept step s, α′ = ᾱ_t/ᾱ_s and β′ = 1 − α′. 'ddim' is the
// DDIM update (Song et al. 2021), deterministic at η = 0. An async generator that yields frames of x_t for
// the animation, time-sliced and abortable.
//
// Example:
//   for await (const f of sampleDiffusion((x, t, out) => net.predict(x, t, out), schedule,
//     { n: 1000, method: 'ddim', steps: 50, seed: 3 }, signal)) draw(f.x);
import { createRng } from '../../src/runtime/rng';
import { TimeSlicer, type YieldFn } from '../../src/runtime/loop';
import type { NoiseSchedule } from './schedule';

/** ε̂ for the n points of xt (interleaved), all at step t (1..T), written into out. */
export type NoisePredictor = (xt: Float64Array, t: number, out: Float64Array) => void;

export const SAMPLER_METHODS = ['ddpm', 'ddim'] as const;
export type SamplerMethod = (typeof SAMPLER_METHODS)[number];

export interface SampleOptions {
  /** Number of points, 1..20000. */
  n: number;
  method: SamplerMethod;
  /** Number of reverse steps, 1..T; they visit evenly spaced timesteps ending at T. */
  steps: number;
  seed: number;
  /** DDIM only: 0 is deterministic, 1 matches DDPM's posterior noise. In 0..1. */
  eta: number;
  /** DDPM only: σ² = the posterior variance β̃ (default) or β. */
  variance: 'posterior' | 'beta';
  /** Bound on |x̂0| per coordinate before it is used (∞ = none). Guards the first steps of the cosine schedule. */
  clip: number;
  /** Largest number of frames to yield (the first and last always are), 2..1000. */
  maxFrames: number;
  /** Points per call of the predictor, 1..20000: the time slicer may yield between chunks. */
  chunk: number;
  budgetMs: number;
  /** How to yield (default: the next animation frame in a visible page, else a macrotask). */
  yieldFn?: YieldFn;
}

export const DEFAULT_SAMPLING: Omit<SampleOptions, 'seed' | 'n' | 'steps' | 'method'> = {
  eta: 0,
  variance: 'posterior',
  clip: Infinity,
  maxFrames: 100,
  chunk: 250,
  budgetMs: 10,
};

export interface SampleFrame {
  /** Reverse steps done (0 = the starting noise). */
  step: number;
  /** Total reverse steps of this run. */
  steps: number;
  /** The timestep x is at (T at the start, 0 at the end). */
  t: number;
  /** The n points, interleaved; a copy, yours to keep. */
  x: Float64Array;
}

/** The S timesteps a reverse run visits, ascending: τ_i = round(i·T/S), i = 1..S (so τ_S = T). */
export function samplingTimesteps(T: number, steps: number): Int32Array {
  if (!Number.isInteger(steps) || steps < 1 || steps > T)
    throw new Error(`steps must be an integer in 1..${T}, got ${steps}`);
  return Int32Array.from({ length: steps }, (_, i) => Math.round(((i + 1) * T) / steps));
}

/**
 * One reverse step for every point, in place: x (at t) becomes x at s, given ε̂ and fresh noise z.
 * ddpm: x̂0 = (x − √(1−ᾱ_t)·ε̂)/√ᾱ_t; mean = √ᾱ_s·β′/(1−ᾱ_t)·x̂0 + √α′·(1−ᾱ_s)/(1−ᾱ_t)·x (the posterior
 *   mean, which equals (x − β′/√(1−ᾱ_t)·ε̂)/√α′ when x̂0 is not clipped); plus σ·z with σ² = β̃′ or β′.
 * ddim: x_s = √ᾱ_s·x̂0 + √(1−ᾱ_s−σ²)·ε̂ + σ·z, σ = η·√((1−ᾱ_s)/(1−ᾱ_t))·√(1−ᾱ_t/ᾱ_s).
 * At s = 0 (ᾱ_s = 1) no noise is added. Returns false if any coordinate came out NaN or infinite.
 */
export function reverseStep(
  x: Float64Array,
  eps: Float64Array,
  z: Float64Array | null,
  abT: number,
  abS: number,
  o: Pick<SampleOptions, 'method' | 'eta' | 'variance' | 'clip'>,
): boolean {
  const alpha = abT / abS; // α′
  const beta = 1 - alpha; // β′
  const sqrtAbT = Math.sqrt(abT);
  const sqrt1mAbT = Math.sqrt(1 - abT);
  const last = abS === 1;
  let sigma: number;
  let cx0: number;
  let cx: number;
  let ceps: number;
  if (o.method === 'ddpm') {
    const posterior = ((1 - abS) / (1 - abT)) * beta;
    sigma = last ? 0 : Math.sqrt(o.variance === 'posterior' ? posterior : beta);
    cx0 = (Math.sqrt(abS) * beta) / (1 - abT);
    cx = (Math.sqrt(alpha) * (1 - abS)) / (1 - abT);
    ceps = 0;
  } else {
    sigma = last ? 0 : o.eta * Math.sqrt((1 - abS) / (1 - abT)) * Math.sqrt(beta);
    cx0 = Math.sqrt(abS);
    cx = 0;
    ceps = Math.sqrt(Math.max(0, 1 - abS - sigma * sigma));
  }
  const clip = o.clip;
  let check = 0;
  for (let k = 0; k < x.length; k++) {
    let x0 = (x[k] - sqrt1mAbT * eps[k]) / sqrtAbT;
    if (x0 > clip) x0 = clip;
    else if (x0 < -clip) x0 = -clip;
    const next = cx0 * x0 + cx * x[k] + ceps * eps[k] + (sigma > 0 && z ? sigma * z[k] : 0);
    x[k] = next;
    check += next - next; // NaN once any coordinate is NaN or ±∞
  }
  return check === 0;
}

export function validateSampleOptions(o: SampleOptions, T: number): void {
  if (!Number.isInteger(o.n) || o.n < 1 || o.n > 20000)
    throw new Error(`n must be an integer in 1..20000, got ${o.n}`);
  if (!SAMPLER_METHODS.includes(o.method))
    throw new Error(`method must be one of ${SAMPLER_METHODS.join(', ')}, got ${JSON.stringify(o.method)}`);
  if (!Number.isInteger(o.steps) || o.steps < 1 || o.steps > T)
    throw new Error(`steps must be an integer in 1..${T}, got ${o.steps}`);
  if (!Number.isFinite(o.seed)) throw new Error(`seed must be a finite number, got ${o.seed}`);
  if (!(o.eta >= 0 && o.eta <= 1)) throw new Error(`eta must be in 0..1, got ${o.eta}`);
  if (o.variance !== 'posterior' && o.variance !== 'beta')
    throw new Error(`variance must be 'posterior' or 'beta', got ${JSON.stringify(o.variance)}`);
  if (!(o.clip > 0)) throw new Error(`clip must be > 0 (Infinity for none), got ${o.clip}`);
  if (!Number.isInteger(o.maxFrames) || o.maxFrames < 2 || o.maxFrames > 1000)
    throw new Error(`maxFrames must be an integer in 2..1000, got ${o.maxFrames}`);
  if (!Number.isInteger(o.chunk) || o.chunk < 1 || o.chunk > 20000)
    throw new Error(`chunk must be an integer in 1..20000, got ${o.chunk}`);
  if (!(o.budgetMs > 0)) throw new Error(`budgetMs must be > 0, got ${o.budgetMs}`);
}

/**
 * Runs the reverse process for n points from N(0, I) at t = T down to t = 0, yielding frames (copies of x_t):
 * the start, then every ⌈steps/(maxFrames−1)⌉-th step, and the end. Rejects with an AbortError when `signal`
 * fires, and with an Error if the points become NaN or infinite.
 */
export async function* sampleDiffusion(
  predict: NoisePredictor,
  schedule: NoiseSchedule,
  options: Partial<SampleOptions> & Pick<SampleOptions, 'n' | 'method' | 'steps' | 'seed'>,
  signal?: AbortSignal,
): AsyncGenerator<SampleFrame, void, void> {
  const T = schedule.betas.length;
  const o: SampleOptions = { ...DEFAULT_SAMPLING, ...options };
  validateSampleOptions(o, T);
  const rng = createRng(o.seed);
  const taus = samplingTimesteps(T, o.steps);
  const x = new Float64Array(2 * o.n);
  for (let k = 0; k < x.length; k++) x[k] = rng.normal();
  const eps = new Float64Array(x.length);
  const z = new Float64Array(x.length);
  const stride = Math.ceil(o.steps / (o.maxFrames - 1));
  const slicer = new TimeSlicer({ signal, budgetMs: o.budgetMs, yieldFn: o.yieldFn });
  yield { step: 0, steps: o.steps, t: T, x: x.slice() };
  for (let i = o.steps - 1; i >= 0; i--) {
    const t = taus[i];
    const s = i > 0 ? taus[i - 1] : 0;
    const abT = schedule.alphaBars[t - 1];
    const abS = s > 0 ? schedule.alphaBars[s - 1] : 1;
    for (let start = 0; start < o.n; start += o.chunk) {
      const end = 2 * Math.min(o.n, start + o.chunk);
      predict(x.subarray(2 * start, end), t, eps.subarray(2 * start, end));
      await slicer.tick();
    }
    const noisy = s > 0 && (o.method === 'ddpm' || o.eta > 0);
    if (noisy) for (let k = 0; k < z.length; k++) z[k] = rng.normal();
    const finite = reverseStep(x, eps, noisy ? z : null, abT, abS, o);
    const done = o.steps - i;
    if (!finite)
      throw new Error(`sampling diverged at step ${done} (t = ${t}): the points are no longer finite`);
    if (done === o.steps || done % stride === 0) yield { step: done, steps: o.steps, t: s, x: x.slice() };
  }
}
