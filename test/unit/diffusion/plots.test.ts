// The cell's plot data, from plain numbers.
import { expect, test } from 'vitest';
import { noiseSchedule } from '../../../kernels/diffusion/schedule';
import { fieldLayer, lossTraces, scheduleTraces } from '../../../src/demos/diffusion/plots';

test('lossTraces: bins of equal size averaged (tol 1e-12), and a smoothed curve of the same length', () => {
  const losses = Array.from({ length: 1000 }, (_, i) => 1 + (i % 2));
  const [raw, smooth] = lossTraces(losses, 100);
  expect(raw.type === 'line' && raw.x.length).toBe(100);
  if (raw.type !== 'line' || smooth.type !== 'line') throw new Error('line traces expected');
  expect(raw.x[0]).toBe(10);
  for (const v of Array.from(raw.y)) expect(Math.abs(v - 1.5)).toBeLessThan(1e-12);
  expect(smooth.y.length).toBe(100);
  expect(Math.abs(smooth.y[99] - 1.5)).toBeLessThan(0.1);
  expect(lossTraces([])).toEqual([]);
});

test('fieldLayer: arrows along −ε̂, the longest exactly maxLength long', () => {
  const layer = fieldLayer(Float64Array.from([0, 0, 1, 1]), Float64Array.from([2, 0, 0, -1]), 0.5, 'red');
  if (layer.kind !== 'arrows') throw new Error('arrows expected');
  expect(Array.from(layer.segments)).toEqual([0, 0, -0.5, 0, 1, 1, 1, 1.25]);
});

test('scheduleTraces: ᾱ and β of both schedules, plus a marker at t', () => {
  const traces = scheduleTraces(noiseSchedule(50, 'linear'), noiseSchedule(50, 'cosine'), 20, 50);
  expect(traces).toHaveLength(5);
  expect(traces[4]).toMatchObject({ x: [20, 20] });
  expect(scheduleTraces(noiseSchedule(50, 'linear'), noiseSchedule(50, 'cosine'), 0, 50)).toHaveLength(4);
});
