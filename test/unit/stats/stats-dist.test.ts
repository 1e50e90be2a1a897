// The distributions under kernels/stats.ts against published tables, against scipy.stats 1.17 figures
// (quoted with the call that produced them) and against an independent series for the noncentral t
// (Lenth 1989, AS 243: a Poisson mixture of incomplete betas, written out here in float64).
import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  incompleteBeta,
  noncentralTCdf,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from '../../../kernels/stats-dist';

/** AS 243 (Lenth 1989): P(T' ≤ t), a series in incomplete betas, independent of the kernel's integral. */
function lenthNoncentralT(t: number, df: number, ncp: number): number {
  const negative = t < 0;
  const tt = negative ? -t : t;
  const del = negative ? -ncp : ncp;
  const x = (tt * tt) / (tt * tt + df);
  let tnc = 0;
  if (x > 0) {
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    let q = Math.sqrt(2 / Math.PI) * p * del;
    let s = 0.5 - p;
    let a = 0.5;
    const b = 0.5 * df;
    const rxb = Math.pow(1 - x, b);
    // ln B(1/2, df/2) from exact half-integer gamma values (not the kernel's Lanczos logGamma)
    const albeta = lnBeta(a, b);
    let xodd = incompleteBeta(x, a, b);
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
    let xeven = 1 - rxb;
    let geven = b * x * rxb;
    tnc = p * xodd + q * xeven;
    for (let en = 1; en < 2000; en++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * en);
      q *= lambda / (2 * en + 1);
      s -= p;
      tnc += p * xodd + q * xeven;
      if (2 * s * (xodd - godd) < 1e-13) break;
    }
  }
  tnc += normalCdf(-del);
  return negative ? 1 - tnc : tnc;
}

/** ln B(a, b) by summing ln k over the integer/half-integer recurrences (a = 1/2, b = df/2 with integer df). */
function lnBeta(a: number, b: number): number {
  const lnGamma = (z: number): number => {
    // Γ(z) for z a positive multiple of 1/2: Γ(1/2) = √π, Γ(1) = 1, Γ(z + 1) = z Γ(z).
    let base = Number.isInteger(z) ? 1 : 0.5;
    let acc = base === 1 ? 0 : 0.5 * Math.log(Math.PI);
    while (base < z - 1e-9) {
      acc += Math.log(base);
      base += 1;
    }
    return acc;
  };
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

describe('Student t', () => {
  it('matches the published two-sided 95% critical values', () => {
    // Any t table: t(0.975; 1) = 12.706, t(0.975; 4) = 2.776, t(0.975; 10) = 2.228, t(0.975; 30) = 2.042.
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.77645, 4);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.22814, 4);
    expect(tQuantile(0.025, 30)).toBeCloseTo(-2.04227, 4);
    expect(tCdf(tQuantile(0.9, 7.5), 7.5)).toBeCloseTo(0.9, 10);
  });
  it('tends to the normal for many degrees of freedom, and the normal quantile is right', () => {
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 4);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });
  it('throws on a probability outside (0, 1) or bad degrees of freedom', () => {
    expect(() => tQuantile(1, 3)).toThrow(/probability/);
    expect(() => tQuantile(0.5, 0)).toThrow(/degrees of freedom/);
  });
});

describe('noncentral t', () => {
  it('agrees with the AS 243 series written in this test', () => {
    for (const [t, df, ncp] of [
      [2, 10, 1],
      [-1, 3, 2],
      [0.5, 2, 0.3],
      [3, 25, 2.5],
      [4, 40, 3.5],
      [2.3, 8, 2.96],
    ] as const) {
      expect(Math.abs(noncentralTCdf(t, df, ncp) - lenthNoncentralT(t, df, ncp))).toBeLessThan(1e-6);
    }
  });
  it('matches scipy.stats.nct.cdf', () => {
    // scipy 1.17: nct.cdf(2,10,1) = 0.8076115625, nct.cdf(0.5,2,0.3) = 0.5549755395,
    // nct.cdf(-2,6,-1) = 0.2124781617, nct.cdf(12.7,1,5) = 0.6946991809
    expect(noncentralTCdf(2, 10, 1)).toBeCloseTo(0.8076115625, 6);
    expect(noncentralTCdf(0.5, 2, 0.3)).toBeCloseTo(0.5549755395, 6);
    expect(noncentralTCdf(-2, 6, -1)).toBeCloseTo(0.2124781617, 6);
    expect(noncentralTCdf(12.7, 1, 5)).toBeCloseTo(0.6946991809, 6);
  });
  it('is the central t when the noncentrality is zero', () => {
    expect(noncentralTCdf(1.7, 5, 0)).toBeCloseTo(tCdf(1.7, 5), 7);
  });
});

describe('binomial tail', () => {
  it('sums a hand-worked case', () => {
    // P(X ≤ 1), X ~ Bin(8, 1/2) = (1 + 8) / 256
    expect(binomialCdf(1, 8, 0.5)).toBeCloseTo(9 / 256, 12);
    expect(binomialCdf(8, 8, 0.5)).toBe(1);
    expect(binomialCdf(-1, 8, 0.5)).toBe(0);
  });
});
