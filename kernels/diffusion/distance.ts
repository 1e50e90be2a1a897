// How close two 2-D point clouds are: the energy distance (Székely & Rizzo), in its squared form
//   D²(P, Q) = 2·E|X − Y| − E|X − X′| − E|Y − Y′|,
// estimated by the V-statistic (all pairs, the i = j zeros included). D² ≥ 0, and 0 only for equal clouds.
// For two independent samples of one distribution its expectation is (E|X−X′|/n + E|Y−Y′|/m) > 0: a floor
// that any generator's samples are compared against.
//
// Example: energyDistance(generated, heldOut)   // interleaved [x0, y0, x1, y1, …] arrays
import { TimeSlicer } from '../../src/runtime/loop';
import { createRng } from '../../src/runtime/rng';
import { checkPoints } from './denoiser';
import { makeToyData, type ToyDataKind } from './toy-data';

/** Mean Euclidean distance over all pairs (i from a, j from b); sameSet: a = b, computed over i < j and doubled. */
function meanPairDistance(a: ArrayLike<number>, b: ArrayLike<number>, sameSet: boolean): number {
  const n = a.length / 2;
  const m = b.length / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const ax = a[2 * i];
    const ay = a[2 * i + 1];
    for (let j = sameSet ? i + 1 : 0; j < m; j++) {
      const dx = ax - b[2 * j];
      const dy = ay - b[2 * j + 1];
      sum += Math.sqrt(dx * dx + dy * dy);
    }
  }
  return ((sameSet ? 2 : 1) * sum) / (n * m);
}

/** The squared energy distance between two interleaved 2-D point sets (V-statistic; sizes may differ). */
export function energyDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPoints(a, 'a');
  checkPoints(b, 'b');
  const d = 2 * meanPairDistance(a, b, false) - meanPairDistance(a, a, true) - meanPairDistance(b, b, true);
  return Math.max(0, d); // ≥ 0 exactly; rounding can leave −1e-17
}

/** `count` seeds drawn from one generator seeded with `seed`: one per independent sample, far apart. */
export function deriveSeeds(seed: number, count: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => Math.floor(rng.uniform() * 2 ** 32));
}

export interface QualityReference {
  /** Held-out data that generated points are compared with. */
  heldOut: Float64Array;
  /** Mean over `draws` fresh samples of energyDistance(fresh, heldOut): what a perfect generator scores. */
  floor: number;
  /** The smallest and largest of those draws: one sample's distance is that noisy. */
  floorRange: [number, number];
  /** energyDistance(N(0, I) noise, heldOut): what the reverse process scores with no training. */
  noise: number;
}

/**
 * The yardsticks for n generated points of `kind`: n held-out points, the floor (fresh data vs held-out, the
 * mean of `draws` independent draws, since a single one varies several-fold), and N(0, I) noise vs held-out.
 * All seeded from `seed`; yields to the event loop between draws; abortable.
 */
export async function qualityReference(
  kind: ToyDataKind,
  n: number,
  seed: number,
  options: { draws?: number; signal?: AbortSignal } = {},
): Promise<QualityReference> {
  const draws = options.draws ?? 5;
  if (!Number.isInteger(draws) || draws < 1 || draws > 100)
    throw new Error(`draws must be an integer in 1..100, got ${draws}`);
  const [heldSeed, noiseSeed, ...freshSeeds] = deriveSeeds(seed, 2 + draws);
  const heldOut = makeToyData(kind, n, heldSeed);
  const slicer = new TimeSlicer({ signal: options.signal });
  const rng = createRng(noiseSeed);
  const gaussian = Float64Array.from({ length: 2 * n }, () => rng.normal());
  const noise = energyDistance(gaussian, heldOut);
  const floors: number[] = [];
  for (const s of freshSeeds) {
    await slicer.tick();
    floors.push(energyDistance(makeToyData(kind, n, s), heldOut));
  }
  return {
    heldOut,
    floor: floors.reduce((a, b) => a + b, 0) / draws,
    floorRange: [Math.min(...floors), Math.max(...floors)],
    noise,
  };
}
