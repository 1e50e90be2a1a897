// kernels/vit.ts and kernels/vit-shapes.ts: patchify on hand-worked images and against its index formula, the
// 1-D and 2-D sinusoidal embeddings against their closed forms (1e-12), the cosine-similarity map against a
// float64 reference, attention rollout on hand-worked cases and against a direct matrix product, the seeded
// shapes set, and every bad-input message.
import { describe, expect, it } from 'vitest';
import {
  attentionRollout,
  cosineSimilarityMap,
  patchify,
  sinusoidalPositionEmbedding1d,
  sinusoidalPositionEmbedding2d,
} from '../../../kernels/vit';
import { generateShapes, shapeImage, SHAPE_CLASSES } from '../../../kernels/vit-shapes';
import { createRng } from '../../../src/runtime/rng';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('patchify', () => {
  it('cuts a 4×4 grey image into four 2×2 patches, row-major (hand-worked, exact)', () => {
    expect(patchify({ data: range(16), height: 4, width: 4, channels: 1 }, 2)).toEqual([
      [0, 1, 4, 5],
      [2, 3, 6, 7],
      [8, 9, 12, 13],
      [10, 11, 14, 15],
    ]);
  });

  it('keeps channels last inside a patch (2×4×2 image, p = 2; hand-worked, exact)', () => {
    // pixel (y, x) has channels [10·(y·4 + x), 10·(y·4 + x) + 1]
    const data = range(8).flatMap((i) => [10 * i, 10 * i + 1]);
    expect(patchify({ data, height: 2, width: 4, channels: 2 }, 2)).toEqual([
      [0, 1, 10, 11, 40, 41, 50, 51],
      [20, 21, 30, 31, 60, 61, 70, 71],
    ]);
  });

  it('matches the index formula on a random 12×8×3 image with p = 4 (exact), and p = 1 is every pixel', () => {
    const rng = createRng(3);
    const [H, W, C, p] = [12, 8, 3, 4];
    const data = Float64Array.from({ length: H * W * C }, () => rng.normal());
    const patches = patchify({ data, height: H, width: W, channels: C }, p);
    expect(patches.length).toBe((H / p) * (W / p));
    for (let gy = 0; gy < H / p; gy++)
      for (let gx = 0; gx < W / p; gx++)
        for (let py = 0; py < p; py++)
          for (let px = 0; px < p; px++)
            for (let c = 0; c < C; c++)
              expect(patches[gy * (W / p) + gx]![(py * p + px) * C + c]).toBe(
                data[((gy * p + py) * W + gx * p + px) * C + c],
              );
    const pixels = patchify({ data, height: H, width: W, channels: C }, 1);
    expect(pixels.flat()).toEqual(Array.from(data));
  });

  it('throws with the sizes on bad input', () => {
    const img = { data: range(20), height: 5, width: 4, channels: 1 };
    expect(() => patchify(img, 2)).toThrow('patchSize 2 must divide the image size 5×4');
    expect(() => patchify(img, 0)).toThrow('patchSize must be an integer ≥ 1, got 0');
    expect(() => patchify({ ...img, data: range(19) }, 1)).toThrow(
      'data has 19 values; a 5×4×1 image needs 20',
    );
    expect(() => patchify({ ...img, height: 0 }, 1)).toThrow(
      'height must be an integer from 1 to 65536, got 0',
    );
  });
});

describe('sinusoidal position embeddings', () => {
  it('1-D: sin/cos of pos / 10000^(2i/d) (1e-12) and a dot product that depends only on the distance', () => {
    const pe = sinusoidalPositionEmbedding1d(40, 8);
    expect(pe[0]).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(pe[9]![0]).toBeCloseTo(Math.sin(9), 12);
    expect(pe[9]![5]).toBeCloseTo(Math.cos(9 / Math.pow(10000, 4 / 8)), 12);
    const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
    // PE(a)·PE(b) = Σ_i cos((a − b)·ω_i)
    for (const [a, b] of [
      [3, 10],
      [20, 27],
      [31, 38],
    ] as const) {
      const closed = range(4).reduce((s, i) => s + Math.cos((a - b) / Math.pow(10000, (2 * i) / 8)), 0);
      expect(dot(pe[a]!, pe[b]!)).toBeCloseTo(closed, 12);
    }
  });

  it('2-D: row-index embedding then column-index embedding, in row-major grid order (1e-12)', () => {
    const pe = sinusoidalPositionEmbedding2d(3, 5, 16);
    expect(pe.length).toBe(15);
    const gy = 2;
    const gx = 4;
    const row = pe[gy * 5 + gx]!;
    for (let i = 0; i < 4; i++) {
      const w = 1 / Math.pow(10000, (2 * i) / 8);
      expect(row[2 * i]).toBeCloseTo(Math.sin(gy * w), 12);
      expect(row[2 * i + 1]).toBeCloseTo(Math.cos(gy * w), 12);
      expect(row[8 + 2 * i]).toBeCloseTo(Math.sin(gx * w), 12);
      expect(row[8 + 2 * i + 1]).toBeCloseTo(Math.cos(gx * w), 12);
    }
    // Same row, different column: the first half is identical.
    expect(pe[5]!.slice(0, 8)).toEqual(pe[9]!.slice(0, 8));
  });

  it('throws on bad sizes', () => {
    expect(() => sinusoidalPositionEmbedding1d(0, 8)).toThrow(
      'length must be an integer from 1 to 4096, got 0',
    );
    expect(() => sinusoidalPositionEmbedding1d(4, 7)).toThrow(
      'dim must be an even integer from 2 to 4096, got 7',
    );
    expect(() => sinusoidalPositionEmbedding2d(2, 2, 6)).toThrow(
      'dim must be a multiple of 4 from 4 to 4096, got 6',
    );
    expect(() => sinusoidalPositionEmbedding2d(2, 0, 8)).toThrow(
      'gridWidth must be an integer from 1 to 4096, got 0',
    );
  });
});

describe('cosineSimilarityMap', () => {
  it('hand-worked: orthogonal 0, 45° 1/√2, itself 1, a zero row 0', () => {
    const s = cosineSimilarityMap([
      [1, 0],
      [0, 2],
      [3, 3],
      [0, 0],
    ]);
    expect(s[0]![1]).toBe(0);
    expect(s[0]![2]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(s[1]![2]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(s[3]![0]).toBe(0);
    expect(s.map((r, i) => r[i])).toEqual([1, 1, 1, 1]);
  });

  it('matches a float64 reference on random rows (1e-12) and is symmetric', () => {
    const rng = createRng(8);
    const rows = range(6).map(() => range(5).map(() => rng.normal()));
    const s = cosineSimilarityMap(rows);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++) {
        let [dot, na, nb] = [0, 0, 0];
        for (let k = 0; k < 5; k++) {
          dot += rows[i]![k]! * rows[j]![k]!;
          na += rows[i]![k]! ** 2;
          nb += rows[j]![k]! ** 2;
        }
        expect(s[i]![j]).toBeCloseTo(dot / Math.sqrt(na * nb), 12);
        expect(s[i]![j]).toBe(s[j]![i]);
      }
  });

  it('throws on empty or ragged rows', () => {
    expect(() => cosineSimilarityMap([])).toThrow('rows must not be empty');
    expect(() => cosineSimilarityMap([[1, 2], [3]])).toThrow('row 1 has 1 values; row 0 has 2');
  });
});

describe('attentionRollout', () => {
  it('hand-worked: one layer, one head, A = [[0, 1], [1, 0]] → 0.5·A + 0.5·I', () => {
    expect(
      attentionRollout([
        [
          [
            [0, 1],
            [1, 0],
          ],
        ],
      ]),
    ).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });

  it('averages heads and multiplies layers in order (against a direct float64 product, 1e-12)', () => {
    const rng = createRng(12);
    const T = 4;
    const stochastic = () =>
      range(T).map(() => {
        const r = range(T).map(() => rng.uniform() + 0.01);
        const s = r.reduce((a, b) => a + b, 0);
        return r.map((v) => v / s);
      });
    const layers = range(3).map(() => range(2).map(stochastic));
    const hat = layers.map((heads) =>
      range(T).map((i) =>
        range(T).map((j) => 0.5 * ((heads[0]![i]![j]! + heads[1]![i]![j]!) / 2) + (i === j ? 0.5 : 0)),
      ),
    );
    const mul = (a: number[][], b: number[][]) =>
      a.map((r) => range(T).map((j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
    const expected = mul(hat[2]!, mul(hat[1]!, hat[0]!));
    const got = attentionRollout(layers);
    for (let i = 0; i < T; i++) {
      expect(got[i]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (let j = 0; j < T; j++) expect(got[i]![j]).toBeCloseTo(expected[i]![j]!, 12);
    }
  });

  it('throws on empty or mismatched layers', () => {
    expect(() => attentionRollout([])).toThrow('layers must not be empty');
    expect(() => attentionRollout([[[[1]]], []])).toThrow('layer 1 has no heads');
    expect(() =>
      attentionRollout([
        [[[1]]],
        [
          [
            [0.5, 0.5],
            [0.5, 0.5],
          ],
        ],
      ]),
    ).toThrow('layer 1: every head must be 1×1');
  });
});

describe('generateShapes', () => {
  it('is seeded, in [0, 1], uses every class, and paints the shape in one bright colour', () => {
    const a = generateShapes({ count: 200, size: 16, seed: 5 });
    const b = generateShapes({ count: 200, size: 16, seed: 5 });
    const c = generateShapes({ count: 200, size: 16, seed: 6 });
    expect(a.images).toEqual(b.images);
    expect(a.labels).toEqual(b.labels);
    expect(a.images).not.toEqual(c.images);
    expect(a.images.reduce((m, v) => Math.min(m, v), 1)).toBeGreaterThanOrEqual(0);
    expect(a.images.reduce((m, v) => Math.max(m, v), 0)).toBeLessThanOrEqual(1);
    for (let k = 0; k < SHAPE_CLASSES.length; k++)
      expect(a.labels.filter((l) => l === k).length).toBeGreaterThan(25);
    // Each image has a maximum channel of 1 somewhere (the shape) and background below the noise level.
    const img = shapeImage(a, 0);
    expect(img.data.length).toBe(16 * 16 * 3);
    const bright = range(256).filter(
      (p) => Math.max(img.data[p * 3]!, img.data[p * 3 + 1]!, img.data[p * 3 + 2]!) === 1,
    );
    expect(bright.length).toBeGreaterThan(4);
    const dim = range(256).filter(
      (p) => Math.max(img.data[p * 3]!, img.data[p * 3 + 1]!, img.data[p * 3 + 2]!) <= 0.1,
    );
    expect(dim.length + bright.length).toBe(256);
  });

  it('throws on bad options', () => {
    expect(() => generateShapes({ count: 0, size: 16, seed: 1 })).toThrow(
      'count must be an integer from 1 to 100000, got 0',
    );
    expect(() => generateShapes({ count: 1, size: 7, seed: 1 })).toThrow(
      'size must be an integer from 8 to 64, got 7',
    );
    expect(() => generateShapes({ count: 1, size: 16, seed: 1, noise: 0.9 })).toThrow(
      'noise must be from 0 to 0.5, got 0.9',
    );
    expect(() => shapeImage(generateShapes({ count: 2, size: 8, seed: 1 }), 2)).toThrow(
      'index must be an integer from 0 to 1, got 2',
    );
  });
});
