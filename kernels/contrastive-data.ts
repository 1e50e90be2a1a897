// The contrastive cell's data (question 10): 2-D points of several classes (Gaussian blobs on a circle, or
// concentric rings), and the augmentations that make two "views" of one point — jitter, rotation about the
// origin, scaling and crop-like masking (one coordinate zeroed) — each with its own strength. Seeded; plain
// Float64Arrays (n × 2, row-major) and Int32Array labels.
//
// Example:
//   const { x, y } = makeClassPoints('blobs', 512, 4, 1);
//   augment(x, 512, { jitter: 0.3, rotation: 20, scale: 0.2, mask: 0 }, createRng(2), view);
import { createRng, type Rng } from '../src/runtime/rng';
import { checkInt, checkRange } from './nn/validate';

export const CLASS_SETS = ['blobs', 'rings'] as const;
export type ClassSet = (typeof CLASS_SETS)[number];

export interface LabelledPoints {
  /** n × 2, row-major. */
  x: Float64Array;
  /** Class of each point, 0 … classes − 1. */
  y: Int32Array;
}

/**
 * n points in `classes` classes, the class of point i being i mod classes. 'blobs': Gaussians (σ = 0.45)
 * centred on a circle of radius 2; 'rings': concentric rings of radius 1, 2, … (radial σ = 0.12).
 */
export function makeClassPoints(kind: ClassSet, n: number, classes: number, seed: number): LabelledPoints {
  checkInt('n', n, 1, 1 << 20);
  checkInt('classes', classes, 2, 12);
  const rng = createRng(seed);
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    y[i] = c;
    if (kind === 'blobs') {
      const a = (2 * Math.PI * c) / classes;
      x[2 * i] = 2 * Math.cos(a) + 0.45 * rng.normal();
      x[2 * i + 1] = 2 * Math.sin(a) + 0.45 * rng.normal();
    } else {
      const r = ((c + 1) * 3) / classes + 0.12 * rng.normal();
      const a = 2 * Math.PI * rng.uniform();
      x[2 * i] = r * Math.cos(a);
      x[2 * i + 1] = r * Math.sin(a);
    }
  }
  return { x, y };
}

export interface Augmentations {
  /** σ of the Gaussian jitter added to each coordinate, in [0, 2]. */
  jitter: number;
  /** Largest rotation about the origin, degrees, in [0, 180]; the angle is uniform in ±rotation. */
  rotation: number;
  /** Largest relative scaling, in [0, 0.9]; the factor is uniform in 1 ± scale. */
  scale: number;
  /** Probability, in [0, 1], that one coordinate (chosen at random) is zeroed: a crop-like mask. */
  mask: number;
}

export function checkAugmentations(a: Augmentations): void {
  checkRange('jitter', a.jitter, 0, 2);
  checkRange('rotation', a.rotation, 0, 180);
  checkRange('scale', a.scale, 0, 0.9);
  checkRange('mask', a.mask, 0, 1);
}

/** One augmented view of rows `index` of x (n × 2) into out (index.length × 2). */
export function augment(
  x: Float64Array,
  index: ArrayLike<number>,
  aug: Augmentations,
  rng: Rng,
  out: Float64Array,
): void {
  const rad = (aug.rotation * Math.PI) / 180;
  for (let r = 0; r < index.length; r++) {
    const i = index[r]!;
    const a = (2 * rng.uniform() - 1) * rad;
    const s = 1 + (2 * rng.uniform() - 1) * aug.scale;
    const [c, sn] = [Math.cos(a), Math.sin(a)];
    const px = x[2 * i]!;
    const py = x[2 * i + 1]!;
    let u = s * (c * px - sn * py) + aug.jitter * rng.normal();
    let v = s * (sn * px + c * py) + aug.jitter * rng.normal();
    if (rng.uniform() < aug.mask) {
      if (rng.uniform() < 0.5) u = 0;
      else v = 0;
    }
    out[2 * r] = u;
    out[2 * r + 1] = v;
  }
}
