// The forward (noising) process of a diffusion model: the variance schedule β_t and the one-shot sample
// x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε. Timesteps run t = 1..T as in the DDPM paper; array index t − 1 holds step t,
// and t = 0 means the clean data (ᾱ_0 = 1).
//
// Example:
//   const s = noiseSchedule(1000, 'linear');   // s.alphaBars[999] ≈ 4.0e-5
//   const xt = qSample(x0, 500, noise, s);     // x0, noise: Float64Array [x0, y0, x1, y1, …]

export const SCHEDULE_KINDS = ['linear', 'cosine'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** Largest number of diffusion steps a schedule may have. */
export const MAX_TIMESTEPS = 10_000;

export interface NoiseSchedule {
  /** β_t, the variance of the noise added at step t (index t − 1). */
  betas: Float64Array;
  /** α_t = 1 − β_t. */
  alphas: Float64Array;
  /** ᾱ_t = α_1·α_2·…·α_t, the fraction of signal variance left at step t. */
  alphaBars: Float64Array;
}

/** The improved-DDPM cosine schedule's offset, so β_1 is not vanishingly small. */
export const COSINE_OFFSET = 0.008;
/** The improved-DDPM clip on β_t, so the last steps stay finite. */
export const COSINE_MAX_BETA = 0.999;

/**
 * β, α and ᾱ for T steps. 'linear' spreads β from 1e-4 to 0.02 evenly over the T steps (DDPM, Ho et al. 2020);
 * 'cosine' is the improved-DDPM schedule (Nichol & Dhariwal 2021): ᾱ(t) = f(t)/f(0) with
 * f(t) = cos²(((t/T + s)/(1 + s))·π/2), s = 0.008, β_t = 1 − ᾱ(t)/ᾱ(t−1) clipped at 0.999.
 */
export function noiseSchedule(T: number, kind: ScheduleKind): NoiseSchedule {
  if (!Number.isInteger(T) || T < 1 || T > MAX_TIMESTEPS)
    throw new Error(`T must be an integer in 1..${MAX_TIMESTEPS}, got ${T}`);
  if (!SCHEDULE_KINDS.includes(kind))
    throw new Error(`kind must be one of ${SCHEDULE_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  const betas = new Float64Array(T);
  if (kind === 'linear') {
    const [lo, hi] = [1e-4, 0.02];
    for (let i = 0; i < T; i++) betas[i] = T === 1 ? lo : lo + ((hi - lo) * i) / (T - 1);
  } else {
    const f = (t: number) => Math.cos(((t / T + COSINE_OFFSET) / (1 + COSINE_OFFSET)) * (Math.PI / 2)) ** 2;
    for (let i = 0; i < T; i++) betas[i] = Math.min(1 - f(i + 1) / f(i), COSINE_MAX_BETA);
  }
  const alphas = new Float64Array(T);
  const alphaBars = new Float64Array(T);
  let product = 1;
  for (let i = 0; i < T; i++) {
    alphas[i] = 1 - betas[i];
    product *= alphas[i];
    alphaBars[i] = product;
  }
  return { betas, alphas, alphaBars };
}

/** ᾱ_t for t = 0..T (ᾱ_0 = 1: no noise yet). */
export function alphaBarAt(schedule: NoiseSchedule, t: number): number {
  checkTimestep(schedule, t, 0);
  return t === 0 ? 1 : schedule.alphaBars[t - 1];
}

/**
 * x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·noise, element by element: the forward process sampled in one shot.
 * x0 and noise are equal-length arrays (any layout, e.g. interleaved 2-D points); t is an integer in 0..T.
 * Writes into `out` when given (it may be x0 or noise itself) and returns it.
 */
export function qSample(
  x0: ArrayLike<number>,
  t: number,
  noise: ArrayLike<number>,
  schedule: NoiseSchedule,
  out: Float64Array = new Float64Array(x0.length),
): Float64Array {
  if (noise.length !== x0.length)
    throw new Error(`noise must have the length of x0 (${x0.length}), got ${noise.length}`);
  if (out.length !== x0.length)
    throw new Error(`out must have the length of x0 (${x0.length}), got ${out.length}`);
  const ab = alphaBarAt(schedule, t);
  const [signal, spread] = [Math.sqrt(ab), Math.sqrt(1 - ab)];
  for (let i = 0; i < x0.length; i++) out[i] = signal * x0[i] + spread * noise[i];
  return out;
}

/** Throws unless t is an integer in lowest..T. */
export function checkTimestep(schedule: NoiseSchedule, t: number, lowest = 1, name = 't'): void {
  const T = schedule.betas.length;
  if (!Number.isInteger(t) || t < lowest || t > T)
    throw new Error(`${name} must be an integer in ${lowest}..${T}, got ${t}`);
}
