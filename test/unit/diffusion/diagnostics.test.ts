// What the cell plots besides samples: the per-timestep loss and the predicted-noise field.
import { expect, test } from 'vitest';
import { evenTimesteps, lossByTimestep, noiseField } from '../../../kernels/diffusion/diagnostics';
import { noiseSchedule } from '../../../kernels/diffusion/schedule';
import { makeToyData } from '../../../kernels/diffusion/toy-data';
import type { NoisePredictor } from '../../../kernels/diffusion/sampler';

const schedule = noiseSchedule(1000, 'linear');

test('evenTimesteps covers 1..T with both ends', () => {
  expect(evenTimesteps(1000, 5)).toEqual([1, 251, 501, 750, 1000]);
  expect(evenTimesteps(10, 1)).toEqual([10]);
  expect(() => evenTimesteps(10, 11)).toThrow('count must be an integer in 1..10, got 11');
});

test('lossByTimestep: the ε-loss of the zero predictor is E[ε²] = 1 at every t (n = 4000, tol 5%)', async () => {
  const zero: NoisePredictor = (_x, _t, out) => out.fill(0);
  const rows = await lossByTimestep(zero, makeToyData('rings', 2000, 1), schedule, [1, 500, 1000], 3);
  expect(rows.map((r) => r.t)).toEqual([1, 500, 1000]);
  for (const r of rows) expect(Math.abs(r.loss - 1)).toBeLessThan(0.05);
});

test('lossByTimestep: predicting ε̂ = x_t is nearly right at t = T (loss ≈ ᾱ_T·E|x0|² ≈ 0) and wrong at t = 1', async () => {
  const identity: NoisePredictor = (x, _t, out) => out.set(x);
  const [first, last] = await lossByTimestep(identity, makeToyData('moons', 500, 2), schedule, [1, 1000], 4);
  expect(last.loss).toBeLessThan(1e-3);
  expect(first.loss).toBeGreaterThan(0.3);
  await expect(lossByTimestep(identity, makeToyData('moons', 5, 2), schedule, [0], 1)).rejects.toThrow(
    'timesteps[0] must be an integer in 1..1000, got 0',
  );
});

test('noiseField: a size × size grid, rows of constant y, with the predictor evaluated at each point', () => {
  const field = noiseField((x, t, out) => out.set(x.map((v) => v * t)), 3, -1, 1, 3);
  expect(Array.from(field.points.subarray(0, 6))).toEqual([-1, -1, 0, -1, 1, -1]);
  expect(Array.from(field.points.subarray(12, 18))).toEqual([-1, 1, 0, 1, 1, 1]);
  expect(Array.from(field.eps)).toEqual(Array.from(field.points, (v) => 3 * v));
  expect(() => noiseField(() => undefined, 1, 1, 0, 3)).toThrow('need finite lo < hi, got 1, 0');
});
