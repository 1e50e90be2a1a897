// The tiny CNN and the image maps of question 16 (kernels/interpret-cnn.ts, interpret-images.ts): input and
// parameter gradients against central differences, integrated gradients' completeness on the CNN, a short
// seeded training run far above chance, and the randomisation copies touching only the layers named.
import { describe, expect, it } from 'vitest';
import { integratedGradients } from '../../../kernels/interpret';
import { TinyCnn } from '../../../kernels/interpret-cnn';
import {
  ImageTrainer,
  accuracy,
  MAP_IDS,
  greyShapes,
  saliencyMapSliced,
  saliencyMaps,
  sanityCheck,
} from '../../../kernels/interpret-images';
import { createRng } from '../../../src/runtime/rng';

const shape = { size: 8, c1: 3, c2: 4, classes: 3 };
const image = (seed: number) => {
  const rng = createRng(seed);
  return Float64Array.from({ length: 64 }, () => rng.uniform());
};

describe('TinyCnn', () => {
  it('input and parameter gradients match central differences (1e-6 relative)', () => {
    const m = new TinyCnn(shape, 3);
    const x = image(1);
    const w = [0.3, -1.2, 0.7];
    const score = (mm: TinyCnn, z: Float64Array) =>
      mm.forward(z).logits.reduce((s, v, k) => s + w[k]! * v, 0);
    const g = new Float64Array(m.params.length);
    const { dx } = m.backward(m.forward(x), w, g);
    const h = 1e-6;
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-3, Math.abs(a) + Math.abs(b));
    for (let i = 0; i < 64; i += 5) {
      const up = x.slice();
      const dn = x.slice();
      up[i]! += h;
      dn[i]! -= h;
      expect(rel(dx[i]!, (score(m, up) - score(m, dn)) / (2 * h))).toBeLessThan(1e-6);
    }
    const rng = createRng(5);
    for (let t = 0; t < 40; t++) {
      const k = rng.int(m.params.length);
      const up = new TinyCnn(shape, 0, m.params);
      const dn = new TinyCnn(shape, 0, m.params);
      up.params[k]! += h;
      dn.params[k]! -= h;
      expect(rel(g[k]!, (score(up, x) - score(dn, x)) / (2 * h))).toBeLessThan(1e-6);
    }
  });

  it('integrated gradients of a class logit add up to logit(x) − logit(black) (0.5%)', () => {
    const m = new TinyCnn(shape, 4);
    const x = image(2);
    const grad = (z: number[]) => Array.from(m.inputGradient(Float64Array.from(z), 1));
    const ig = integratedGradients(grad, Array.from(x), new Array<number>(64).fill(0), 400);
    const want = m.forward(x).logits[1]! - m.forward(new Float64Array(64)).logits[1]!;
    expect(Math.abs(ig.reduce((s, v) => s + v, 0) - want)).toBeLessThan(0.005 * Math.abs(want) + 1e-9);
  });

  it('randomized() re-draws only the named layers', () => {
    const m = new TinyCnn(shape, 1);
    const r = m.randomized(['dense'], 9);
    const { w } = m.at.dense;
    expect(r.params.subarray(0, w)).toEqual(m.params.subarray(0, w));
    expect(r.params.subarray(w)).not.toEqual(m.params.subarray(w));
  });
});

describe('the image panel', () => {
  it('trains far above chance in 60 seeded steps; the maps are finite; randomising every layer decorrelates the gradient', async () => {
    const train = greyShapes(256, 1);
    const test = greyShapes(64, 1001);
    const t = new ImageTrainer(train, { seed: 1 });
    for (let s = 0; s < 60; s++) t.step();
    expect(accuracy(t.model, test)).toBeGreaterThan(0.7);
    // The sliced step is the same step.
    const a = new ImageTrainer(train, { seed: 2 });
    const b = new ImageTrainer(train, { seed: 2 });
    let yields = 0;
    const la = a.step();
    const lb = await b.stepSliced(() => Promise.resolve(void yields++));
    expect(lb).toBe(la);
    expect(yields).toBe(8);
    expect(b.model.params).toEqual(a.model.params);
    const o = { igSteps: 8, sgSamples: 4, sgSigma: 0.15, seed: 1 };
    const x = test.images[0]!;
    const maps = saliencyMaps(t.model, x, test.labels[0]!, o);
    for (const m of Object.values(maps)) {
      expect(m).toHaveLength(256);
      expect(m.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
    // The sliced maps are the same maps (IG's sub-paths share the full rule's midpoints).
    let pauses = 0;
    for (const id of MAP_IDS) {
      const sliced = await saliencyMapSliced(
        t.model,
        x,
        test.labels[0]!,
        id,
        o,
        () => Promise.resolve(void pauses++),
        3,
      );
      sliced.forEach((v, i) => expect(v).toBeCloseTo(maps[id][i]!, 10));
    }
    expect(pauses).toBe(3 + 1); // IG: 8 steps in chunks of 3; SmoothGrad: 4 samples, one pause after 3
    const stages = sanityCheck(t.model, x, test.labels[0]!, o, maps);
    expect(stages.map((s) => s.randomized)).toEqual([
      ['dense'],
      ['dense', 'conv2'],
      ['dense', 'conv2', 'conv1'],
    ]);
    expect(stages[2]!.correlation.gradient).toBeLessThan(0.5);
  });
});
