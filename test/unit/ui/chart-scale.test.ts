// Axis arithmetic of the canvas line chart, against hand-worked cases.
import { describe, expect, it } from 'vitest';
import {
  axisMap,
  drawableExtent,
  formatTick,
  formatValue,
  linearTicks,
  logTicks,
  niceDomain,
  niceStep,
} from '../../../src/ui/chart-scale';

describe('chart scales', () => {
  it('finds the drawable extent: finite values, and only positive ones on a log axis', () => {
    expect(drawableExtent([3, NaN, -2, Infinity, 0.5], false)).toEqual([-2, 3]);
    expect(drawableExtent([3, NaN, -2, 0, 0.5], true)).toEqual([0.5, 3]);
    expect(drawableExtent([0, -1, NaN], true)).toBeNull();
    expect(drawableExtent([], false)).toBeNull();
  });

  it('picks 1, 2 or 5 × 10^k steps', () => {
    expect(niceStep(10, 5)).toBe(2); // raw 2
    expect(niceStep(7, 5)).toBe(2); // raw 1.4 → 2
    expect(niceStep(0.9, 5)).toBe(0.2); // raw 0.18 → 0.2
    expect(niceStep(300, 5)).toBe(100); // raw 60 → 100
    expect(niceStep(23, 5)).toBe(5); // raw 4.6 → 5
  });

  it('widens a linear domain to whole steps and a single value to ±10% (±1 at zero)', () => {
    expect(niceDomain([0.3, 9.1], false)).toEqual([0, 10]);
    expect(niceDomain([-1.3, 2.2], false)).toEqual([-2, 3]); // span 3.5 → raw 0.7 → step 1
    expect(niceDomain([5, 5], false)).toEqual([4.5, 5.5]);
    expect(niceDomain([0, 0], false)).toEqual([-1, 1]);
    expect(niceDomain(null, false)).toEqual([0, 1]);
  });

  it('widens a log domain to whole decades, at least one', () => {
    expect(niceDomain([3e-7, 0.4], true)).toEqual([1e-7, 1]);
    const [lo, hi] = niceDomain([2, 3], true);
    expect([lo, hi]).toEqual([1, 10]);
    expect(niceDomain([1e-3, 1e-3], true)).toEqual([1e-3, 1e-2]);
    expect(niceDomain(null, true)).toEqual([1, 10]);
  });

  it('places linear ticks on the step grid inside the domain, without float dust', () => {
    expect(linearTicks([0, 10])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(linearTicks([-1.5, 2.5])).toEqual([-1, 0, 1, 2]); // span 4 → raw 0.8 → step 1
    expect(linearTicks([0.1, 0.7], 3)).toEqual([0.2, 0.4, 0.6]);
    expect(linearTicks([3, 3])).toEqual([3]);
  });

  it('places log ticks on decades, thinned to fewer than maxTicks', () => {
    expect(logTicks([1e-3, 10])).toEqual([1e-3, 1e-2, 1e-1, 1, 10]);
    // 30 decades: every 5th decade (30 / 5 = 6 < 7).
    const wide = logTicks([1e-25, 1e5]);
    expect(wide.map((t) => Math.round(Math.log10(t)))).toEqual([-25, -20, -15, -10, -5, 0, 5]);
    // The domain's ends need not be decades.
    expect(logTicks([0.5, 300]).map((t) => Math.round(Math.log10(t)))).toEqual([0, 1, 2]);
  });

  it('labels ticks: decades plainly from 0.01 to 1000, as powers of ten beyond; linear by the step', () => {
    expect([1e-2, 0.1, 1, 10, 1000].map((v) => formatTick(v, true))).toEqual([
      '0.01',
      '0.1',
      '1',
      '10',
      '1000',
    ]);
    expect(formatTick(1e-12, true)).toBe('10⁻¹²');
    expect(formatTick(1e4, true)).toBe('10⁴');
    expect(formatTick(0.5, false, 0.5)).toBe('0.5');
    expect(formatTick(2, false, 0.5)).toBe('2.0');
    expect(formatTick(150, false, 50)).toBe('150');
    expect(formatTick(0, false, 1)).toBe('0');
    expect(formatTick(2e6, false, 1e6)).toBe('2.0e+6');
  });

  it('formats readout values to three significant figures', () => {
    expect(formatValue(0.123456)).toBe('0.123');
    expect(formatValue(1234.5)).toBe('1230');
    expect(formatValue(3.2e-9)).toBe('3.20e-9');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(0)).toBe('0');
  });

  it('maps data to pixels linearly, or linearly in log10 on a log axis', () => {
    const x = axisMap([0, 10], [40, 440], false);
    expect(x(0)).toBe(40);
    expect(x(2.5)).toBe(140);
    expect(x(10)).toBe(440);
    const y = axisMap([1e-6, 1], [200, 0], true); // pixels grow downwards
    expect(y(1e-6)).toBeCloseTo(200, 9);
    expect(y(1e-3)).toBeCloseTo(100, 9);
    expect(y(1)).toBeCloseTo(0, 9);
    expect(axisMap([3, 3], [0, 100], false)(3)).toBe(0); // an empty span does not divide by zero
  });
});
