// The contrastive losses of kernels/contrastive.ts against hand-worked cases, closed forms and a float64
// reference written here (naive sums of exponentials, no shared code with the kernel), and the bad-input errors.
import { describe, expect, it } from 'vitest';
import { alignment, clipLoss, infoNCE, ntXent, sigmoidLoss, uniformity } from '../../../kernels/contrastive';
import { createRng } from '../../../src/runtime/rng';

const TOL = 1e-12;

function randomRows(n: number, d: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
}

/** The reference: unit rows, cosine matrix, naive −log softmax. */
const unit = (r: number[]) => {
  const n = Math.sqrt(r.reduce((s, v) => s + v * v, 0));
  return r.map((v) => v / n);
};
const cos = (a: number[], b: number[]) => unit(a).reduce((s, v, k) => s + v * unit(b)[k]!, 0);
const nll = (pos: number, all: number[]) =>
  -Math.log(Math.exp(pos) / all.reduce((s, v) => s + Math.exp(v), 0));

function refInfoNCE(q: number[][], k: number[][], t: number): number {
  return (
    q.reduce(
      (acc, qi, i) =>
        acc +
        nll(
          cos(qi, k[i]!) / t,
          k.map((kj) => cos(qi, kj) / t),
        ),
      0,
    ) / q.length
  );
}
function refNtXent(z1: number[][], z2: number[][], t: number): number {
  const z = [...z1, ...z2];
  const n = z1.length;
  let s = 0;
  for (let i = 0; i < 2 * n; i++) {
    const others = z.filter((_, j) => j !== i).map((zj) => cos(z[i]!, zj) / t);
    s += nll(cos(z[i]!, z[(i + n) % (2 * n)]!) / t, others);
  }
  return s / (2 * n);
}
function refClip(a: number[][], b: number[][], t: number): number {
  const n = a.length;
  let rows = 0;
  let cols = 0;
  for (let i = 0; i < n; i++) {
    rows += nll(
      cos(a[i]!, b[i]!) / t,
      b.map((bj) => cos(a[i]!, bj) / t),
    );
    cols += nll(
      cos(a[i]!, b[i]!) / t,
      a.map((aj) => cos(aj, b[i]!) / t),
    );
  }
  return (rows / n + cols / n) / 2;
}
function refSigmoid(a: number[][], b: number[][], t: number, bias: number): number {
  let s = 0;
  a.forEach((ai, i) =>
    b.forEach((bj, j) => {
      const y = i === j ? 1 : -1;
      s -= Math.log(1 / (1 + Math.exp(-y * (cos(ai, bj) / t + bias))));
    }),
  );
  return s / a.length;
}

const I2 = [
  [1, 0],
  [0, 1],
];

describe('hand-worked cases', () => {
  it('infoNCE on orthonormal pairs at τ = 1 is log(1 + 1/e); on identical rows it is log N', () => {
    expect(infoNCE(I2, I2, 1)).toBeCloseTo(Math.log(1 + Math.exp(-1)), 14);
    const same = [
      [2, 1],
      [2, 1],
      [4, 2],
    ];
    expect(infoNCE(same, same, 0.3)).toBeCloseTo(Math.log(3), 13);
  });
  it('ntXent with one pair has no negatives: 0; on orthonormal pairs at τ = 1 it is log(e + 2) − 1', () => {
    expect(ntXent([[1, 2]], [[3, 6]], 0.5)).toBeCloseTo(0, 14);
    expect(ntXent(I2, I2, 1)).toBeCloseTo(Math.log(Math.E + 2) - 1, 14);
  });
  it('clipLoss on orthonormal pairs: rows and columns both log(1 + 1/e)', () => {
    expect(
      clipLoss(
        I2,
        [
          [5, 0],
          [0, 0.5],
        ],
        1,
      ),
    ).toBeCloseTo(Math.log(1 + Math.exp(-1)), 14);
  });
  it('sigmoidLoss on orthonormal pairs at τ = 1, b = 0: softplus(−1) + log 2; the bias shifts every logit', () => {
    expect(sigmoidLoss(I2, I2, 1, 0)).toBeCloseTo(Math.log1p(Math.exp(-1)) + Math.log(2), 14);
    // b = −1: diagonal logits 0, off-diagonal −1 → (2·log 2 + 2·softplus(−1)) / 2.
    expect(sigmoidLoss(I2, I2, 1, -1)).toBeCloseTo(Math.log(2) + Math.log1p(Math.exp(-1)), 14);
  });
  it('alignment of perpendicular pairs is 2 at any scale; uniformity of antipodes −8, of 3 points at 120° −6', () => {
    expect(alignment([[3, 0]], [[0, 5]])).toBeCloseTo(2, 14);
    expect(alignment(I2, I2)).toBe(0);
    expect(
      uniformity([
        [1, 0],
        [-2, 0],
      ]),
    ).toBeCloseTo(-8, 14);
    const tri = [0, 1, 2].map((k) => [Math.cos((2 * Math.PI * k) / 3), Math.sin((2 * Math.PI * k) / 3)]);
    expect(uniformity(tri)).toBeCloseTo(-6, 13);
    expect(uniformity(tri, 1)).toBeCloseTo(-3, 13);
  });
});

describe('against the float64 reference on random batches', () => {
  for (const [n, d, seed, t] of [
    [4, 2, 1, 0.5],
    [16, 3, 2, 0.1],
    [32, 8, 3, 1],
  ] as const) {
    it(`N = ${n}, d = ${d}, τ = ${t} (tolerance ${TOL} relative)`, () => {
      const a = randomRows(n, d, seed);
      const b = randomRows(n, d, seed + 100);
      const close = (x: number, y: number) =>
        expect(Math.abs(x - y)).toBeLessThan(TOL * Math.max(1, Math.abs(y)));
      close(infoNCE(a, b, t), refInfoNCE(a, b, t));
      close(ntXent(a, b, t), refNtXent(a, b, t));
      close(clipLoss(a, b, t), refClip(a, b, t));
      close(sigmoidLoss(a, b, t, -2), refSigmoid(a, b, t, -2));
      const al =
        a.reduce((s, r, i) => s + unit(r).reduce((q, v, k) => q + (v - unit(b[i]!)[k]!) ** 2, 0), 0) / n;
      close(alignment(a, b), al);
      let sum = 0;
      let pairs = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++, pairs++)
          sum += Math.exp(-2 * unit(a[i]!).reduce((q, v, k) => q + (v - unit(a[j]!)[k]!) ** 2, 0));
      close(uniformity(a), Math.log(sum / pairs));
    });
  }
  it('stays finite at τ = 0.001 where the naive exponentials overflow', () => {
    const a = randomRows(8, 2, 9);
    expect(Number.isFinite(infoNCE(a, a, 0.001))).toBe(true);
    expect(infoNCE(a, a, 0.001)).toBeGreaterThanOrEqual(0);
  });
});

describe('bad input', () => {
  it('names the mismatch, the empty batch and the temperature', () => {
    expect(() => infoNCE(I2, [[1, 0]], 1)).toThrow('queries has 2 rows but keys has 1');
    expect(() =>
      ntXent(
        I2,
        [
          [1, 0, 0],
          [0, 1, 0],
        ],
        1,
      ),
    ).toThrow('z1 rows have 2 entries but z2 rows have 3');
    expect(() => clipLoss([], [], 1)).toThrow('a is an empty batch');
    expect(() => clipLoss([[1, 0], [1]], I2, 1)).toThrow('a[1] has 1 entries, but a[0] has 2');
    expect(() => sigmoidLoss(I2, I2, 0, 0)).toThrow('temperature must be a finite number > 0, got 0');
    expect(() => infoNCE(I2, I2, -1)).toThrow('temperature must be a finite number > 0, got -1');
    expect(() => sigmoidLoss(I2, I2, 1, NaN)).toThrow('bias must be a finite number');
    expect(() => uniformity([[1, 0]])).toThrow('uniformity needs at least 2 rows');
    expect(() => alignment([], [])).toThrow('z1 is an empty batch');
  });
});
