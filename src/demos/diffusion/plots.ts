// What the diffusion cell draws, built from plain numbers (no Lit, no canvas), so it is unit-tested: line
// traces for the curves (<viva-line-chart>), canvas layers (point-canvas.ts) for the point clouds and the arrow field.
import type { NoiseSchedule } from '../../../kernels/diffusion/index';
import type { LineTrace } from '../../ui/plot-spec';
import type { CanvasLayer } from './point-canvas';

/** Where the 2-D views look: the toy data sit within ±2.3, N(0, I) mostly within ±3.5. */
export const VIEW: [number, number] = [-3.5, 3.5];

export function pointsLayer(points: Float64Array, name: string, color: string, size = 2.5): CanvasLayer {
  return { kind: 'points', points, name, color, size };
}

/** ᾱ_t and β_t of both schedules on one log axis, with a vertical line at the chosen t. */
export function scheduleTraces(
  linear: NoiseSchedule,
  cosine: NoiseSchedule,
  t: number,
  T: number,
): LineTrace[] {
  const steps = Array.from({ length: T }, (_, i) => i + 1);
  const floor = (a: Float64Array) => Array.from(a, (v) => Math.max(v, 1e-10));
  const traces: LineTrace[] = [
    { type: 'line', x: steps, y: floor(linear.alphaBars), name: 'ᾱ linear', color: '#2166ac' },
    { type: 'line', x: steps, y: floor(cosine.alphaBars), name: 'ᾱ cosine', color: '#b2182b' },
    { type: 'line', x: steps, y: floor(linear.betas), name: 'β linear', color: '#2166ac', dash: 'dot' },
    { type: 'line', x: steps, y: floor(cosine.betas), name: 'β cosine', color: '#b2182b', dash: 'dot' },
  ];
  if (t > 0)
    traces.push({ type: 'line', x: [t, t], y: [1e-10, 1], name: `t = ${t}`, color: '#888', dash: 'dash' });
  return traces;
}

/**
 * The loss per step, averaged into at most `maxPoints` bins (a long run stays cheap to draw), plus a
 * smoothed curve (exponential moving average, 2% of the run's length).
 */
export function lossTraces(losses: readonly number[], maxPoints = 400): LineTrace[] {
  if (losses.length === 0) return [];
  const bin = Math.max(1, Math.ceil(losses.length / maxPoints));
  const x: number[] = [];
  const y: number[] = [];
  for (let start = 0; start < losses.length; start += bin) {
    const end = Math.min(losses.length, start + bin);
    let s = 0;
    for (let i = start; i < end; i++) s += losses[i];
    x.push(end);
    y.push(s / (end - start));
  }
  const alpha = 1 / Math.max(5, losses.length * 0.02);
  const smooth: number[] = [];
  let ema = losses[0];
  for (let i = 0; i < losses.length; i++) {
    ema += alpha * (losses[i] - ema);
    if ((i + 1) % bin === 0 || i === losses.length - 1) smooth.push(ema);
  }
  return [
    { type: 'line', x, y, name: bin > 1 ? `loss (mean of ${bin} steps)` : 'loss', color: '#9bb8d8' },
    { type: 'line', x: x.slice(0, smooth.length), y: smooth, name: 'smoothed', color: '#2166ac' },
  ];
}

/**
 * The predicted noise as arrows: from each grid point p to p − scale·ε̂(p) (−ε̂ points along the score,
 * toward the data), scaled so the longest arrow is `maxLength` long.
 */
export function fieldLayer(
  points: Float64Array,
  eps: Float64Array,
  maxLength: number,
  color: string,
): CanvasLayer {
  let longest = 0;
  for (let i = 0; i < eps.length; i += 2) longest = Math.max(longest, Math.hypot(eps[i], eps[i + 1]));
  const scale = longest > 0 ? maxLength / longest : 0;
  const segments = new Float64Array(2 * points.length);
  for (let i = 0; i < points.length; i += 2) {
    segments[2 * i] = points[i];
    segments[2 * i + 1] = points[i + 1];
    segments[2 * i + 2] = points[i] - scale * eps[i];
    segments[2 * i + 3] = points[i + 1] - scale * eps[i + 1];
  }
  return { kind: 'arrows', segments, color, name: '−ε̂ (toward the data)' };
}
