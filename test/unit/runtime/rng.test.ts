import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/runtime/rng';

const draw = (seed: number, n: number) => {
  const r = createRng(seed);
  return Array.from({ length: n }, () => r.uniform());
};

describe('seeded RNG', () => {
  it('gives the same numbers for the same seed and different ones for another seed', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });

  it('resumes from its state', () => {
    const a = createRng(7);
    a.uniform();
    a.uniform();
    const b = createRng(a.state);
    expect([a.uniform(), a.uniform()]).toEqual([b.uniform(), b.uniform()]);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12 (n = 200k, 4 standard errors)', () => {
    const xs = draw(1, 200_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / xs.length));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.001);
  });

  it('draws standard normals: mean 0, variance 1, and 95.45% within two standard deviations', () => {
    const r = createRng(2);
    const n = 200_000;
    const xs = Array.from({ length: n }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    const within2 = xs.filter((x) => Math.abs(x) < 2).length / n;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(0.015);
    expect(Math.abs(within2 - 0.9545)).toBeLessThan(0.003);
  });

  it('draws integers uniformly and shuffles into a permutation', () => {
    const r = createRng(3);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = r.shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(() => r.int(0)).toThrow('n must be a positive integer');
    expect(() => createRng(NaN)).toThrow('seed must be a finite number');
  });
});
