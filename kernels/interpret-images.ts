// Question 16's image panel, without DOM: grey versions of the ViT cell's generated shapes
// (kernels/vit-shapes.ts), a seeded trainer for the tiny CNN (kernels/interpret-cnn.ts), every saliency map
// of one image (|gradient|, SmoothGrad, |integrated gradients|, |gradient × input|, Grad-CAM upsampled), and
// the cascading weight-randomisation sanity check (Adebayo et al. 2018): re-draw the layers from the top,
// one more each stage, and give each map's Spearman rank correlation with the trained model's map.
import { Adam } from './nn';
import { integratedGradients, smoothGrad, spearman } from './interpret';
import { CNN_LAYERS, TinyCnn, type CnnLayer } from './interpret-cnn';
import { gradCam, upsampleNearest } from './interpret-maps';
import { generateShapes } from './vit-shapes';
import { createRng } from '../src/runtime/rng';

export const IMAGE_SIZE = 16;
export const MAP_IDS = ['gradient', 'smoothGrad', 'ig', 'gradInput', 'gradCam'] as const;
export type MapId = (typeof MAP_IDS)[number];
export type SaliencyMaps = Record<MapId, number[]>;

export interface GreyShapes {
  images: Float64Array[];
  labels: number[];
}

/** The shapes set as grey images (the mean of the three channels), size × size, row-major. */
export function greyShapes(count: number, seed: number, size = IMAGE_SIZE): GreyShapes {
  const set = generateShapes({ count, size, seed });
  const n = size * size;
  const images = Array.from({ length: count }, (_, k) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const o = (k * n + i) * 3;
      out[i] = (set.images[o]! + set.images[o + 1]! + set.images[o + 2]!) / 3;
    }
    return out;
  });
  return { images, labels: Array.from(set.labels) };
}

/** Adam on softmax cross-entropy over batches taken in order (the set is already shuffled by its seed). */
export class ImageTrainer {
  readonly model: TinyCnn;
  steps = 0;
  private readonly adam: Adam;
  private readonly grads: Float64Array;
  private next = 0;

  constructor(
    readonly data: GreyShapes,
    options: { seed: number; lr?: number; batch?: number; c1?: number; c2?: number },
  ) {
    const shape = { size: IMAGE_SIZE, c1: options.c1 ?? 8, c2: options.c2 ?? 16, classes: 4 };
    this.model = new TinyCnn(shape, options.seed);
    this.adam = new Adam(this.model.params.length, { lr: options.lr ?? 0.01 });
    this.grads = new Float64Array(this.model.params.length);
    this.batch = options.batch ?? 32;
  }
  private readonly batch: number;

  step(): number {
    this.grads.fill(0);
    let loss = 0;
    for (let b = 0; b < this.batch; b++) loss += this.accumulate();
    return this.apply(loss);
  }

  /** The same step, calling `between()` (a yield) after every `every` images so no task runs long. */
  async stepSliced(between: () => Promise<void>, every = 4): Promise<number> {
    this.grads.fill(0);
    let loss = 0;
    for (let b = 0; b < this.batch; b++) {
      loss += this.accumulate();
      if ((b + 1) % every === 0) await between();
    }
    return this.apply(loss);
  }

  private accumulate(): number {
    const i = this.next++ % this.data.images.length;
    return this.model.lossAndGrad(this.data.images[i]!, this.data.labels[i]!, this.grads, 1 / this.batch);
  }

  private apply(loss: number): number {
    if (!Number.isFinite(loss)) throw new Error(`the loss became ${loss} at step ${this.steps}`);
    this.adam.step(this.model.params, this.grads);
    this.steps++;
    return loss / this.batch;
  }
}

export function accuracy(model: TinyCnn, data: GreyShapes): number {
  return (
    data.images.reduce((s, x, k) => s + (model.predict(x) === data.labels[k] ? 1 : 0), 0) / data.images.length
  );
}

export interface MapOptions {
  igSteps: number;
  sgSamples: number;
  /** SmoothGrad noise σ in pixel units (the images are in [0, 1]). */
  sgSigma: number;
  seed: number;
}

/** One map of image x for class `cls`, as size·size magnitudes (Grad-CAM ≥ 0, upsampled). */
export function saliencyMap(
  model: TinyCnn,
  x: Float64Array,
  cls: number,
  id: MapId,
  o: MapOptions,
): number[] {
  const S = model.shape.size;
  const grad = (z: number[]) => Array.from(model.inputGradient(Float64Array.from(z), cls));
  const xs = Array.from(x);
  const abs = (a: number[]) => a.map((v) => Math.abs(v));
  switch (id) {
    case 'gradient':
      return abs(grad(xs));
    case 'smoothGrad':
      return abs(smoothGrad(grad, xs, { sigma: o.sgSigma, samples: o.sgSamples, seed: o.seed }));
    case 'ig':
      return abs(integratedGradients(grad, xs, new Array<number>(xs.length).fill(0), o.igSteps));
    case 'gradInput':
      return abs(grad(xs).map((v, i) => v * xs[i]!));
    case 'gradCam': {
      const onehot = new Float64Array(model.shape.classes);
      onehot[cls] = 1;
      const cache = model.forward(x);
      const { dA2 } = model.backward(cache, onehot);
      return upsampleNearest(gradCam(cache.a2, dA2, S / 2, S / 2, model.shape.c2), S).flat();
    }
  }
}

/**
 * saliencyMap with a pause (a yield) after every `chunk` gradient passes, so no task runs long. Integrated
 * gradients is split into sub-paths whose midpoints are the full rule's (the same sum); SmoothGrad draws the
 * same noise in the same order as the kernel's. Equal to saliencyMap up to rounding.
 */
export async function saliencyMapSliced(
  model: TinyCnn,
  x: Float64Array,
  cls: number,
  id: MapId,
  o: MapOptions,
  pause: () => Promise<void>,
  chunk = 4,
): Promise<number[]> {
  const xs = Array.from(x);
  const grad = (z: number[]) => Array.from(model.inputGradient(Float64Array.from(z), cls));
  if (id === 'ig') {
    const sum = new Array<number>(xs.length).fill(0);
    for (let k0 = 0; k0 < o.igSteps; k0 += chunk) {
      const k1 = Math.min(o.igSteps, k0 + chunk);
      const from = xs.map((v) => (v * k0) / o.igSteps);
      const to = xs.map((v) => (v * k1) / o.igSteps);
      integratedGradients(grad, to, from, k1 - k0).forEach((v, i) => (sum[i]! += v));
      await pause();
    }
    return sum.map((v) => Math.abs(v));
  }
  if (id === 'smoothGrad') {
    if (!Number.isInteger(o.sgSamples) || o.sgSamples < 1)
      throw new Error(`sgSamples must be a positive integer, got ${o.sgSamples}`);
    const rng = createRng(o.seed);
    const sum = new Array<number>(xs.length).fill(0);
    for (let s = 0; s < o.sgSamples; s++) {
      grad(xs.map((v) => v + o.sgSigma * rng.normal())).forEach((g, i) => (sum[i]! += g));
      if ((s + 1) % chunk === 0) await pause();
    }
    return sum.map((v) => Math.abs(v / o.sgSamples));
  }
  return saliencyMap(model, x, cls, id, o);
}

/** Every map of image x for class `cls`. */
export function saliencyMaps(model: TinyCnn, x: Float64Array, cls: number, o: MapOptions): SaliencyMaps {
  return Object.fromEntries(MAP_IDS.map((id) => [id, saliencyMap(model, x, cls, id, o)])) as SaliencyMaps;
}

export interface SanityStage {
  /** The layers re-drawn at random at this stage (from the top). */
  randomized: CnnLayer[];
  /** Spearman of each map with the trained model's map (NaN when a map is constant, e.g. an all-zero Grad-CAM). */
  correlation: Record<MapId, number>;
  maps: SaliencyMaps;
}

/** The cascading randomisation: stage k re-draws the top k + 1 layers (dense, then conv2, then conv1). */
export function sanityCheck(
  model: TinyCnn,
  x: Float64Array,
  cls: number,
  o: MapOptions,
  original: SaliencyMaps = saliencyMaps(model, x, cls, o),
): SanityStage[] {
  return CNN_LAYERS.map((_, k) => {
    const randomized = CNN_LAYERS.slice(0, k + 1) as CnnLayer[];
    const maps = saliencyMaps(model.randomized(randomized, o.seed), x, cls, o);
    const correlation = Object.fromEntries(
      MAP_IDS.map((id) => [id, spearman(maps[id], original[id])]),
    ) as Record<MapId, number>;
    return { randomized, correlation, maps };
  });
}
