// Seeded 2-D classification data sets: reproducible, the right sizes and labels, the right shapes, bad input refused.
import { describe, expect, test } from 'vitest';
import { DATASET_KINDS, makeDataset, type DatasetKind } from '../../kernels/datasets2d';

describe.each(DATASET_KINDS)('%s', (kind) => {
  test('the same seed gives identical points; another seed gives different ones', () => {
    const a = makeDataset(kind, { n: 200, noise: 0.1, seed: 3 });
    expect(makeDataset(kind, { n: 200, noise: 0.1, seed: 3 })).toEqual(a);
    expect(makeDataset(kind, { n: 200, noise: 0.1, seed: 4 }).xs).not.toEqual(a.xs);
  });

  test('n points of two finite coordinates, labels ±1 split evenly (±1 for odd n)', () => {
    for (const n of [1, 2, 101, 1000]) {
      const { xs, ys } = makeDataset(kind, { n, noise: 0.2, seed: 1 });
      expect(xs.length).toBe(n);
      expect(ys.length).toBe(n);
      expect(xs.every((p) => p.length === 2 && p.every(Number.isFinite))).toBe(true);
      expect(ys.every((y) => y === 1 || y === -1)).toBe(true);
      const positives = ys.filter((y) => y === 1).length;
      if (kind !== 'xor') expect(Math.abs(2 * positives - n)).toBeLessThanOrEqual(1);
    }
  });

  test('noise 0 keeps points in [-1, 2] × [-1, 1]; noise moves them but keeps the labels', () => {
    const clean = makeDataset(kind, { n: 100, noise: 0, seed: 5 });
    expect(clean.xs.every(([x, y]) => x >= -1 && x <= 2 && Math.abs(y) <= 1)).toBe(true);
    const noisy = makeDataset(kind, { n: 100, noise: 0.5, seed: 5 });
    expect(noisy.ys).toEqual(clean.ys);
    expect(noisy.xs).not.toEqual(clean.xs);
  });
});

describe('the classes have the documented shapes (noise 0, tol 1e-12)', () => {
  test('moons: class −1 on the unit upper half circle, class +1 on the lower one centred at (1, 0.5)', () => {
    const { xs, ys } = makeDataset('moons', { n: 50, noise: 0, seed: 1 });
    xs.forEach(([x, y], i) => {
      const [cx, cy] = ys[i] === -1 ? [0, 0] : [1, 0.5];
      expect(Math.abs(Math.hypot(x - cx, y - cy) - 1)).toBeLessThan(1e-12);
      expect(ys[i] === -1 ? y >= -1e-12 : y <= 0.5 + 1e-12).toBe(true);
    });
  });

  test('circles: class −1 at radius 1, class +1 at radius 0.5', () => {
    const { xs, ys } = makeDataset('circles', { n: 40, noise: 0, seed: 1 });
    xs.forEach(([x, y], i) =>
      expect(Math.abs(Math.hypot(x, y) - (ys[i] === -1 ? 1 : 0.5))).toBeLessThan(1e-12),
    );
  });

  test('xor: the label is +1 exactly where x and y have the same sign', () => {
    const { xs, ys } = makeDataset('xor', { n: 300, noise: 0, seed: 2 });
    xs.forEach(([x, y], i) => expect(ys[i]).toBe(x * y > 0 ? 1 : -1));
    expect(ys.filter((y) => y === 1).length).toBeGreaterThan(100);
  });

  test('spiral: radii from 0.1 to 1, the second arm is the first rotated by π', () => {
    const { xs, ys } = makeDataset('spiral', { n: 100, noise: 0, seed: 3 });
    const radii = xs.map(([x, y]) => Math.hypot(x, y));
    expect(Math.min(...radii)).toBeCloseTo(0.1, 12);
    expect(Math.max(...radii)).toBeCloseTo(1, 12);
    const first = xs.filter((_, i) => ys[i] === 1).map(([x, y]) => `${x.toFixed(9)},${y.toFixed(9)}`);
    const rotated = xs
      .filter((_, i) => ys[i] === -1)
      .map(([x, y]) => `${(-x).toFixed(9)},${(-y).toFixed(9)}`);
    expect(new Set(rotated.map((p) => p.replace(/-0\.000000000/g, '0.000000000')))).toEqual(
      new Set(first.map((p) => p.replace(/-0\.000000000/g, '0.000000000'))),
    );
  });
});

describe('bad arguments throw an error naming the argument and its range', () => {
  test.each([
    [{ n: 0, noise: 0.1, seed: 1 }, 'n must be an integer in 1..10000, got 0'],
    [{ n: 10001, noise: 0.1, seed: 1 }, 'n must be an integer in 1..10000, got 10001'],
    [{ n: 2.5, noise: 0.1, seed: 1 }, 'n must be an integer in 1..10000, got 2.5'],
    [{ n: 10, noise: -0.1, seed: 1 }, 'noise must be in 0..1, got -0.1'],
    [{ n: 10, noise: 1.5, seed: 1 }, 'noise must be in 0..1, got 1.5'],
    [{ n: 10, noise: NaN, seed: 1 }, 'noise must be in 0..1, got NaN'],
    [{ n: 10, noise: 0.1, seed: Infinity }, 'seed must be a finite number, got Infinity'],
  ])('%o', (options, message) => {
    expect(() => makeDataset('moons', options)).toThrow(message);
  });

  test('an unknown kind lists the kinds', () => {
    expect(() => makeDataset('swiss' as DatasetKind, { n: 10, noise: 0, seed: 1 })).toThrow(
      'kind must be one of moons, circles, xor, spiral, got "swiss"',
    );
    expect(() => makeDataset('toString' as DatasetKind, { n: 10, noise: 0, seed: 1 })).toThrow(
      'kind must be one of',
    );
  });
});
