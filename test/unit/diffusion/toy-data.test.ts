// The 2-D toy distributions: seeded, interleaved, and each with the documented shape.
import { describe, expect, test } from 'vitest';
import {
  GAUSSIANS8,
  RINGS,
  SWISS_ROLL,
  TOY_DATA_KINDS,
  makeToyData,
} from '../../../kernels/diffusion/toy-data';

describe.each(TOY_DATA_KINDS)('%s', (kind) => {
  test('the same seed gives the same points, another seed others; 2n finite coordinates within ±2.5', () => {
    const a = makeToyData(kind, 500, 4);
    expect(a).toEqual(makeToyData(kind, 500, 4));
    expect(a).not.toEqual(makeToyData(kind, 500, 5));
    expect(a.length).toBe(1000);
    expect(a.every((v) => Number.isFinite(v) && Math.abs(v) < 2.5)).toBe(true);
  });
});

const points = (kind: (typeof TOY_DATA_KINDS)[number], n: number) => {
  const d = makeToyData(kind, n, 11);
  return Array.from({ length: n }, (_, i) => [d[2 * i], d[2 * i + 1]] as const);
};

test('swiss roll: each point lies within noise of the spiral r = θ/7 (angle unwrapped from the radius)', () => {
  // The spiral's radius grows 2π/7 ≈ 0.9 per turn, so a point's radius pins down which turn it is on.
  const residuals = points('swissroll', 2000).map(([x, y]) => {
    const r = Math.hypot(x, y);
    const base = Math.atan2(y, x);
    let best = Infinity;
    for (let k = -1; k <= 3; k++) {
      const theta = base + 2 * Math.PI * k;
      if (theta < SWISS_ROLL.thetaMin - 0.5 || theta > SWISS_ROLL.thetaMax + 0.5) continue;
      best = Math.min(best, Math.abs(r - theta * SWISS_ROLL.scale));
    }
    return best;
  });
  // Radial residual of 2-D N(0, 0.05²) noise: mean ≈ 0.05·√(2/π) ≈ 0.04 (the tangential part barely moves r).
  const mean = residuals.reduce((a, b) => a + b) / residuals.length;
  expect(mean).toBeGreaterThan(0.025);
  expect(mean).toBeLessThan(0.06);
});

test('8 Gaussians: each point within 5σ of one of the 8 centres; every centre gets 12.5% ± 3% of the points', () => {
  const counts = new Array(8).fill(0);
  for (const [x, y] of points('gaussians8', 4000)) {
    const k = ((Math.round(Math.atan2(y, x) / (Math.PI / 4)) % 8) + 8) % 8;
    const [cx, cy] = [
      GAUSSIANS8.radius * Math.cos((k * Math.PI) / 4),
      GAUSSIANS8.radius * Math.sin((k * Math.PI) / 4),
    ];
    expect(Math.hypot(x - cx, y - cy)).toBeLessThan(5 * GAUSSIANS8.sigma * Math.SQRT2);
    counts[k]++;
  }
  for (const c of counts) expect(Math.abs(c / 4000 - 0.125)).toBeLessThan(0.03);
});

test('rings: radii near 0.5, 1 or 1.5, with shares ∝ radius (1/6, 1/3, 1/2 ± 0.03)', () => {
  const shares = [0, 0, 0];
  for (const [x, y] of points('rings', 3000)) {
    const r = Math.hypot(x, y);
    const k = RINGS.radii.findIndex((R) => Math.abs(r - R) < 5 * RINGS.noise);
    expect(k).toBeGreaterThanOrEqual(0);
    shares[k] += 1 / 3000;
  }
  [1 / 6, 1 / 3, 1 / 2].forEach((want, k) => expect(Math.abs(shares[k] - want)).toBeLessThan(0.03));
});

test('moons: half the points on each unit arc (centred at (−0.5, −0.25) and (0.5, 0.25)), within noise', () => {
  let upper = 0;
  for (const [x, y] of points('moons', 2000)) {
    const dUpper = Math.abs(Math.hypot(x + 0.5, y + 0.25) - 1);
    const dLower = Math.abs(Math.hypot(x - 0.5, y - 0.25) - 1);
    expect(Math.min(dUpper, dLower)).toBeLessThan(0.25);
    if (dUpper < dLower && y > -0.25) upper++;
  }
  expect(Math.abs(upper / 2000 - 0.5)).toBeLessThan(0.04);
});

test('bad input names the argument', () => {
  expect(() => makeToyData('spiral' as 'moons', 10, 1)).toThrow(
    'kind must be one of swissroll, moons, gaussians8, rings, got "spiral"',
  );
  expect(() => makeToyData('moons', 0, 1)).toThrow('n must be an integer in 1..100000, got 0');
  expect(() => makeToyData('moons', 10, NaN)).toThrow('seed must be a finite number, got NaN');
});
