// The training form (kernels/contrastive-grad.ts) against the plain form (its loss) and central finite
// differences of the plain form (its gradient with respect to the raw rows), for every loss.
import { describe, expect, it } from 'vitest';
import { alignment, clipLoss, infoNCE, ntXent, sigmoidLoss } from '../../../kernels/contrastive';
import {
  CONTRASTIVE_LOSSES,
  contrastiveLossGrad,
  negCosineGrad,
  type ContrastiveLoss,
} from '../../../kernels/contrastive-grad';
import { createRng } from '../../../src/runtime/rng';

const PLAIN: Record<ContrastiveLoss, (a: number[][], b: number[][], t: number) => number> = {
  infonce: infoNCE,
  ntxent: ntXent,
  clip: clipLoss,
  siglip: (a, b, t) => sigmoidLoss(a, b, t, -1.5),
  align: alignment,
};

const rows = (x: Float64Array, n: number, d: number) =>
  Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, (i + 1) * d)));

function random(n: number, d: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n * d }, () => rng.normal());
}

describe('contrastiveLossGrad', () => {
  for (const kind of CONTRASTIVE_LOSSES) {
    it(`${kind}: loss equals the plain form (1e-12), gradient equals finite differences (1e-6)`, () => {
      const [n, d, t] = [6, 3, 0.4];
      const a = random(n, d, 11);
      const b = random(n, d, 12);
      const f = (x: Float64Array, y: Float64Array) => PLAIN[kind](rows(x, n, d), rows(y, n, d), t);
      const { loss, gradA, gradB } = contrastiveLossGrad(kind, a, b, n, d, { temperature: t, bias: -1.5 });
      expect(Math.abs(loss - f(a, b))).toBeLessThan(1e-12);
      const h = 1e-6;
      for (const [x, g, isA] of [
        [a, gradA, true],
        [b, gradB, false],
      ] as const)
        for (let k = 0; k < n * d; k++) {
          const xp = Float64Array.from(x);
          const xm = Float64Array.from(x);
          xp[k]! += h;
          xm[k]! -= h;
          const fd = isA ? (f(xp, b) - f(xm, b)) / (2 * h) : (f(a, xp) - f(a, xm)) / (2 * h);
          expect(Math.abs(g[k]! - fd)).toBeLessThan(1e-6);
        }
    });
  }
  it('is orthogonal to each row (scaling a row leaves every loss unchanged)', () => {
    const [n, d] = [5, 2];
    const a = random(n, d, 3);
    const b = random(n, d, 4);
    const { gradA } = contrastiveLossGrad('ntxent', a, b, n, d, { temperature: 0.2 });
    for (let i = 0; i < n; i++)
      expect(Math.abs(a[2 * i]! * gradA[2 * i]! + a[2 * i + 1]! * gradA[2 * i + 1]!)).toBeLessThan(1e-12);
  });
  it('throws on a wrong length and a bad temperature', () => {
    const a = random(4, 2, 1);
    expect(() => contrastiveLossGrad('infonce', a, random(3, 2, 1), 4, 2)).toThrow(
      'b has 6 entries, expected n·d = 4·2 = 8',
    );
    expect(() => contrastiveLossGrad('clip', a, a, 4, 2, { temperature: 0 })).toThrow('temperature must be');
    expect(() => contrastiveLossGrad('siglip', a, a, 4, 2, { bias: Infinity })).toThrow('bias must be');
  });
});

describe('negCosineGrad (SimSiam, stop-gradient on z)', () => {
  it('loss is −mean cos; ∂/∂p matches finite differences (1e-7); identical directions give −1', () => {
    const [n, d] = [4, 3];
    const p = random(n, d, 5);
    const z = random(n, d, 6);
    const f = (x: Float64Array) => {
      let s = 0;
      rows(x, n, d).forEach((r, i) => {
        const zi = rows(z, n, d)[i]!;
        s -= r.reduce((q, v, k) => q + v * zi[k]!, 0) / Math.hypot(...r) / Math.hypot(...zi);
      });
      return s / n;
    };
    const { loss, gradP } = negCosineGrad(p, z, n, d);
    expect(Math.abs(loss - f(p))).toBeLessThan(1e-12);
    for (let k = 0; k < n * d; k++) {
      const xp = Float64Array.from(p);
      const xm = Float64Array.from(p);
      xp[k]! += 1e-6;
      xm[k]! -= 1e-6;
      expect(Math.abs(gradP[k]! - (f(xp) - f(xm)) / 2e-6)).toBeLessThan(1e-7);
    }
    expect(
      negCosineGrad(
        z,
        z.map((v) => 3 * v),
        n,
        d,
      ).loss,
    ).toBeCloseTo(-1, 14);
  });
});
