// A seeded, procedurally generated image set for the Vision Transformer cell: one shape per image (disk,
// square, triangle or cross) at a random size, colour and position over a dim, noisy background. The label
// is the shape; colour, size and position vary so the model must learn the shape itself. With task 'where' the
// same images are labelled by the quadrant the shape's centre lies in, so position matters. No download.
//
// Example: const set = generateShapes({ count: 512, size: 16, seed: 1 });
//   set.images[(n·16·16 + y·16 + x)·3 + c] in [0, 1], set.labels[n] in 0..3 (SHAPE_CLASSES[label]).
import { createRng } from '../src/runtime/rng';

export const SHAPE_CLASSES = ['disk', 'square', 'triangle', 'cross'] as const;
/** The 'where' labelling: the quadrant of the image the shape's centre lies in. */
export const WHERE_CLASSES = ['top left', 'top right', 'bottom left', 'bottom right'] as const;
/** What the label is: the shape (translation-invariant), or where its centre lies (depends on position). */
export type ShapeTask = 'shape' | 'where';

export interface ShapeSet {
  /** [count, size, size, 3], row-major, channel-last, values in [0, 1]. */
  images: Float32Array;
  labels: Int32Array;
  count: number;
  size: number;
}

export interface ShapeOptions {
  count: number;
  /** Image height and width in pixels (8 to 64). */
  size: number;
  seed: number;
  /** Background noise amplitude, 0 to 0.5 (default 0.1). */
  noise?: number;
  /** The labelling (default 'shape'); the images are the same either way. */
  task?: ShapeTask;
}

/** Whether pixel (x, y) (its centre) lies inside the shape centred at (cx, cy) with half-size r. */
function inside(shape: number, x: number, y: number, cx: number, cy: number, r: number): boolean {
  const dx = x + 0.5 - cx;
  const dy = y + 0.5 - cy;
  switch (shape) {
    case 0:
      return dx * dx + dy * dy <= r * r;
    case 1:
      return Math.abs(dx) <= r * 0.85 && Math.abs(dy) <= r * 0.85;
    case 2: {
      // Apex up: the half-width grows linearly from 0 at the top to r at the base.
      const t = (dy + r) / (2 * r);
      return t >= 0 && t <= 1 && Math.abs(dx) <= t * r;
    }
    default: {
      const arm = Math.max(0.75, r * 0.3);
      return (Math.abs(dx) <= arm && Math.abs(dy) <= r) || (Math.abs(dy) <= arm && Math.abs(dx) <= r);
    }
  }
}

export function generateShapes(options: ShapeOptions): ShapeSet {
  const { count, size, seed } = options;
  const noise = options.noise ?? 0.1;
  const task = options.task ?? 'shape';
  if (!Number.isInteger(count) || count < 1 || count > 100000)
    throw new Error(`count must be an integer from 1 to 100000, got ${count}`);
  if (!Number.isInteger(size) || size < 8 || size > 64)
    throw new Error(`size must be an integer from 8 to 64, got ${size}`);
  if (!Number.isFinite(noise) || noise < 0 || noise > 0.5)
    throw new Error(`noise must be from 0 to 0.5, got ${noise}`);
  if (task !== 'shape' && task !== 'where') throw new Error(`task must be 'shape' or 'where', got ${task}`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const rng = createRng(seed);
  const images = new Float32Array(count * size * size * 3);
  const labels = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const shape = rng.int(SHAPE_CLASSES.length);
    const r = size * (0.18 + 0.14 * rng.uniform());
    const cx = r + rng.uniform() * (size - 2 * r);
    const cy = r + rng.uniform() * (size - 2 * r);
    labels[n] = task === 'where' ? (cy < size / 2 ? 0 : 2) + (cx < size / 2 ? 0 : 1) : shape;
    // A bright colour: one channel high, the others anywhere.
    const colour = [0.3 + 0.7 * rng.uniform(), 0.3 + 0.7 * rng.uniform(), 0.3 + 0.7 * rng.uniform()];
    colour[rng.int(3)] = 1;
    const base = n * size * size * 3;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const on = inside(shape, x, y, cx, cy, r);
        for (let c = 0; c < 3; c++) {
          const bg = noise * rng.uniform();
          images[base + (y * size + x) * 3 + c] = on ? colour[c]! : bg;
        }
      }
    }
  }
  return { images, labels, count, size };
}

/** One image of a set as the { data, height, width, channels } form patchify takes (a view, not a copy). */
export function shapeImage(set: ShapeSet, index: number) {
  if (!Number.isInteger(index) || index < 0 || index >= set.count)
    throw new Error(`index must be an integer from 0 to ${set.count - 1}, got ${index}`);
  const n = set.size * set.size * 3;
  return {
    data: set.images.subarray(index * n, (index + 1) * n),
    height: set.size,
    width: set.size,
    channels: 3,
  };
}
