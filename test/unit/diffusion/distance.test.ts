// The energy distance against independent references: hand-worked pairs and, in one dimension, Cramér's
// identity D² = 2∫(F − G)² dx between the two empirical CDFs.
import { describe, expect, test } from 'vitest';
import { deriveSeeds, energyDistance, qualityReference } from '../../../kernels/diffusion/distance';
import { makeToyData } from '../../../kernels/diffusion/toy-data';
import { createRng } from '../../../src/runtime/rng';

/** 2∫(F − G)² dx for two 1-D samples, exactly, from the merged sorted points (piecewise-constant CDFs). */
function cramer(a: number[], b: number[]): number {
  const events = [...a.map((v) => [v, 1 / a.length, 0]), ...b.map((v) => [v, 0, 1 / b.length])].sort(
    (p, q) => p[0] - q[0],
  );
  let [F, G, integral] = [0, 0, 0];
  for (let i = 0; i < events.length; i++) {
    F += events[i][1];
    G += events[i][2];
    if (i + 1 < events.length) integral += (F - G) ** 2 * (events[i + 1][0] - events[i][0]);
  }
  return 2 * integral;
}

const onXAxis = (xs: number[]) => Float64Array.from(xs.flatMap((x) => [x, 0]));

describe('energyDistance', () => {
  test('two single points: 2·|a − b| (tol 1e-15)', () => {
    expect(energyDistance([0, 0], [3, 4])).toBeCloseTo(10, 15);
  });

  test('a set against itself is 0; the distance is symmetric', () => {
    const a = makeToyData('moons', 200, 1);
    const b = makeToyData('rings', 150, 2);
    expect(energyDistance(a, a)).toBeLessThan(1e-12);
    expect(energyDistance(a, b)).toBeCloseTo(energyDistance(b, a), 12);
  });

  test('1-D samples on the x axis match Cramér: 2∫(F_a − F_b)² dx (rel tol 1e-10)', () => {
    const rng = createRng(5);
    for (const [n, m, shift] of [
      [40, 40, 0],
      [50, 30, 0.7],
      [7, 13, -2],
    ]) {
      const a = Array.from({ length: n }, () => rng.normal());
      const b = Array.from({ length: m }, () => shift + 1.5 * rng.normal());
      const want = cramer(a, b);
      expect(Math.abs(energyDistance(onXAxis(a), onXAxis(b)) / want - 1)).toBeLessThan(1e-10);
    }
  });

  test('rotating both sets together changes nothing (tol 1e-12)', () => {
    const a = makeToyData('gaussians8', 100, 1);
    const b = makeToyData('swissroll', 100, 2);
    const rotate = (p: Float64Array) =>
      Float64Array.from(p, (_, k) =>
        k % 2 === 0 ? 0.6 * p[k] - 0.8 * p[k + 1] : 0.8 * p[k - 1] + 0.6 * p[k],
      );
    expect(energyDistance(rotate(a), rotate(b))).toBeCloseTo(energyDistance(a, b), 12);
  });

  test('bad input names the argument', () => {
    expect(() => energyDistance([1, 2, 3], [1, 2])).toThrow(
      'a must hold interleaved 2-D points (a non-empty, even length), got length 3',
    );
    expect(() => energyDistance([1, 2], [NaN, 2])).toThrow('b[0] must be finite, got NaN');
  });
});

describe('qualityReference', () => {
  test('fresh and held-out data are independent samples: the floor averages E|X − X′|·2/n (±30%, 3 SE)', async () => {
    // For two independent n-point samples of one distribution E[D²_V] = (1/n + 1/n)·E|X − X′|. One draw
    // varies several-fold (coefficient of variation ~0.6), so average 40 seeds: standard error ~10%.
    const n = 300;
    const big = makeToyData('swissroll', 20000, 99);
    let pairMean = 0;
    for (let i = 0; i < 10000; i++)
      pairMean += Math.hypot(big[4 * i] - big[4 * i + 2], big[4 * i + 1] - big[4 * i + 3]);
    pairMean /= 10000;
    let sum = 0;
    for (let seed = 0; seed < 40; seed++)
      sum += (await qualityReference('swissroll', n, seed, { draws: 1 })).floor;
    const ratio = sum / 40 / ((2 / n) * pairMean);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
    const ref = await qualityReference('swissroll', n, 3, { draws: 6 });
    expect(ref.floorRange[0]).toBeLessThanOrEqual(ref.floor);
    expect(ref.floorRange[1]).toBeGreaterThanOrEqual(ref.floor);
    expect(ref.floorRange[1]).toBeGreaterThan(ref.floorRange[0]);
  });

  test('fresh data sits far closer to the held-out data than N(0, I) noise does; seeded', async () => {
    for (const kind of ['swissroll', 'rings'] as const) {
      const ref = await qualityReference(kind, 500, 3);
      expect(ref.floor).toBeGreaterThan(0);
      expect(ref.floor).toBeLessThan(ref.noise / 4);
      expect(await qualityReference(kind, 500, 3)).toEqual(ref);
    }
  });

  test('deriveSeeds gives distinct seeds, the same for the same seed', () => {
    const seeds = deriveSeeds(7, 10);
    expect(new Set(seeds).size).toBe(10);
    expect(deriveSeeds(7, 10)).toEqual(seeds);
  });

  test('draws out of range throws; an aborted signal stops it', async () => {
    await expect(qualityReference('moons', 10, 1, { draws: 0 })).rejects.toThrow(
      'draws must be an integer in 1..100, got 0',
    );
    const controller = new AbortController();
    controller.abort();
    await expect(qualityReference('moons', 10, 1, { signal: controller.signal })).rejects.toThrow(/stopped/);
  });
});
