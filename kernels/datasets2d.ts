// Seeded 2-D binary classification data sets (two moons, circles, xor, two spirals) for the MLP demos.
// Labels are ±1, as hinge and logistic losses on a single score expect. Points are shuffled, so any prefix
// of them is a fair sample of both classes.
//
// Example: const { xs, ys } = makeDataset('moons', { n: 100, noise: 0.1, seed: 1 });

import { createRng, type Rng } from '../src/runtime/rng';

export const DATASET_KINDS = ['moons', 'circles', 'xor', 'spiral'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export interface DatasetOptions {
  /** Number of points, an integer in 1..10000. */
  n: number;
  /** Standard deviation of the Gaussian noise added to each coordinate, in 0..1. */
  noise: number;
  seed: number;
}

export interface Dataset2d {
  /** Points as [x, y] rows. */
  xs: number[][];
  /** Label of each point: +1 or −1. */
  ys: (1 | -1)[];
}

type Generator = (n: number, rng: Rng) => { points: number[][]; labels: (1 | -1)[] };

/** Builds n seeded points of the given kind; the same options always give the same points. */
export function makeDataset(kind: DatasetKind, options: DatasetOptions): Dataset2d {
  if (!DATASET_KINDS.includes(kind)) {
    throw new Error(`kind must be one of ${DATASET_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  }
  const { n, noise, seed } = options;
  if (!Number.isInteger(n) || n < 1 || n > 10000)
    throw new Error(`n must be an integer in 1..10000, got ${n}`);
  if (!Number.isFinite(noise) || noise < 0 || noise > 1)
    throw new Error(`noise must be in 0..1, got ${noise}`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const rng = createRng(seed);
  const { points, labels } = GENERATORS[kind](n, rng);
  const order = rng.shuffle(points.map((_, i) => i));
  return {
    xs: order.map((i) => [points[i][0] + noise * rng.normal(), points[i][1] + noise * rng.normal()]),
    ys: order.map((i) => labels[i]),
  };
}

/** Evenly spaced values from a to b; b included only when `endpoint`. */
function spaced(count: number, a: number, b: number, endpoint: boolean): number[] {
  const steps = endpoint ? count - 1 : count;
  return Array.from({ length: count }, (_, i) => (steps > 0 ? a + ((b - a) * i) / steps : a));
}

const GENERATORS: Record<DatasetKind, Generator> = {
  // scikit-learn's make_moons: an upper half circle (−1) and a lower one shifted right and down (+1).
  moons(n) {
    const outer = Math.floor(n / 2);
    const inner = n - outer;
    const points = [
      ...spaced(outer, 0, Math.PI, true).map((t) => [Math.cos(t), Math.sin(t)]),
      ...spaced(inner, 0, Math.PI, true).map((t) => [1 - Math.cos(t), 0.5 - Math.sin(t)]),
    ];
    return { points, labels: points.map((_, i) => (i < outer ? -1 : 1)) };
  },
  // scikit-learn's make_circles with factor 0.5: an outer circle (−1) around an inner one (+1).
  circles(n) {
    const outer = Math.floor(n / 2);
    const inner = n - outer;
    const points = [
      ...spaced(outer, 0, 2 * Math.PI, false).map((t) => [Math.cos(t), Math.sin(t)]),
      ...spaced(inner, 0, 2 * Math.PI, false).map((t) => [0.5 * Math.cos(t), 0.5 * Math.sin(t)]),
    ];
    return { points, labels: points.map((_, i) => (i < outer ? -1 : 1)) };
  },
  // Uniform in [−1, 1]², +1 where x and y have the same sign; a small margin keeps the classes apart.
  xor(n, rng) {
    const points = Array.from({ length: n }, () => {
      const away = (v: number) => (v >= 0 ? v + 0.05 : v - 0.05);
      return [away(rng.uniform() * 1.9 - 0.95), away(rng.uniform() * 1.9 - 0.95)];
    });
    return { points, labels: points.map(([x, y]) => (x * y > 0 ? 1 : -1)) };
  },
  // Two interleaved spiral arms (as in the TensorFlow playground), 1.75 turns each, out to radius 1.
  spiral(n) {
    const arm = Math.floor(n / 2);
    const points: number[][] = [];
    const labels: (1 | -1)[] = [];
    for (let i = 0; i < n; i++) {
      const first = i < arm;
      const j = first ? i : i - arm;
      const count = first ? arm : n - arm;
      // Radii from 0.1, not 0, so the two arms do not start on the same point with opposite labels.
      const r = 0.1 + (count > 1 ? (0.9 * j) / (count - 1) : 0);
      const t = 1.75 * r * 2 * Math.PI + (first ? 0 : Math.PI);
      points.push([r * Math.sin(t), r * Math.cos(t)]);
      labels.push(first ? 1 : -1);
    }
    return { points, labels };
  },
};
