// What the cell draws besides samples: the ε-loss at each timestep on held-out data (where along the
// process the denoiser struggles), and the predicted noise on a grid of points (the learned field).
//
// Example:
//   const rows = await lossByTimestep(predict, heldOut, schedule, [1, 50, 100], 7, signal);
//   const field = noiseField(predict, 100, -2.5, 2.5, 20);
import { createRng } from '../../src/runtime/rng';
import { TimeSlicer } from '../../src/runtime/loop';
import { checkPoints } from './denoiser';
import type { NoisePredictor } from './sampler';
import { checkTimestep, type NoiseSchedule } from './schedule';
import { epsilonLoss } from './trainer';

/** `count` timesteps spread evenly over 1..T (both ends included when count > 1). */
export function evenTimesteps(T: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1 || count > T)
    throw new Error(`count must be an integer in 1..${T}, got ${count}`);
  if (count === 1) return [T];
  return Array.from({ length: count }, (_, i) => 1 + Math.round(((T - 1) * i) / (count - 1)));
}

/**
 * The simple loss at each of `timesteps` over all of x0 (interleaved points), each with fresh noise from
 * `seed`: [{ t, loss }]. Time-sliced: yields to the event loop between timesteps; abortable.
 */
export async function lossByTimestep(
  predict: NoisePredictor,
  x0: Float64Array,
  schedule: NoiseSchedule,
  timesteps: readonly number[],
  seed: number,
  signal?: AbortSignal,
): Promise<{ t: number; loss: number }[]> {
  checkPoints(x0, 'x0');
  timesteps.forEach((t, i) => checkTimestep(schedule, t, 1, `timesteps[${i}]`));
  const rng = createRng(seed);
  const noise = new Float64Array(x0.length);
  const slicer = new TimeSlicer({ signal });
  const rows: { t: number; loss: number }[] = [];
  for (const t of timesteps) {
    for (let k = 0; k < noise.length; k++) noise[k] = rng.normal();
    rows.push({ t, loss: epsilonLoss(predict, x0, t, noise, schedule) });
    await slicer.tick();
  }
  return rows;
}

export interface NoiseField {
  /** The grid points, interleaved, row by row (y outer, x inner). */
  points: Float64Array;
  /** ε̂ at each point, interleaved. */
  eps: Float64Array;
}

/** ε̂(·, t) on a size × size grid over [lo, hi]². */
export function noiseField(
  predict: NoisePredictor,
  t: number,
  lo: number,
  hi: number,
  size: number,
): NoiseField {
  if (!Number.isInteger(size) || size < 2 || size > 200)
    throw new Error(`size must be an integer in 2..200, got ${size}`);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi))
    throw new Error(`need finite lo < hi, got ${lo}, ${hi}`);
  const points = new Float64Array(2 * size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      points[2 * (r * size + c)] = lo + ((hi - lo) * c) / (size - 1);
      points[2 * (r * size + c) + 1] = lo + ((hi - lo) * r) / (size - 1);
    }
  }
  const eps = new Float64Array(points.length);
  predict(points, t, eps);
  return { points, eps };
}
