// Values printed on a heat map (issue 15): the text colour with the better WCAG contrast, checked against
// hand-worked luminances and, over both colour maps, against the best of the two colours.
import { describe, expect, it } from 'vitest';
import {
  colorAt,
  contrastRatio,
  readableTextOn,
  relativeLuminance,
  type ColormapName,
  type Rgb,
} from '../../../src/ui/colormap';

describe('readable text on a heat map', () => {
  it('computes WCAG luminance and contrast (hand-worked values)', () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 12);
    // sRGB 128 → ((128/255 + 0.055) / 1.055)^2.4 = 0.21586
    expect(relativeLuminance([128, 128, 128])).toBeCloseTo(0.21586, 5);
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
    expect(contrastRatio([255, 255, 255], [128, 128, 128])).toBeCloseTo(1.05 / 0.26586, 4);
  });

  it('picks the colour with the higher contrast everywhere on both maps, at least 4.5:1', () => {
    const dark: Rgb = [0, 0, 0];
    const light: Rgb = [255, 255, 255];
    let worst = Infinity;
    for (const map of ['viridis', 'rdbu'] as ColormapName[])
      for (let i = 0; i <= 200; i++) {
        const bg = colorAt(map, i / 200, 0, 1);
        const pick = readableTextOn(bg) === '#000' ? dark : light;
        const best = Math.max(contrastRatio(dark, bg), contrastRatio(light, bg));
        expect(contrastRatio(pick, bg)).toBe(best);
        worst = Math.min(worst, best);
      }
    // The worst case of any two-colour choice sits where both are equal (luminance ≈ 0.18): √(1.05 × 0.05)/0.05 ≈ 4.58:1.
    expect(worst).toBeGreaterThan(4.5);
  });
});
