import { describe, expect, it } from 'vitest';
import { colorAt } from '../../../src/ui/colormap';

describe('colour maps', () => {
  it('maps the ends and the middle of the diverging map to blue, white and red', () => {
    expect(colorAt('rdbu', -1, -1, 1)).toEqual([33, 102, 172]);
    expect(colorAt('rdbu', 0, -1, 1)).toEqual([247, 247, 247]);
    expect(colorAt('rdbu', 1, -1, 1)).toEqual([178, 24, 43]);
  });

  it('interpolates linearly between stops and clamps outside the range', () => {
    // viridis has 5 stops; 0.125 is halfway between the first two.
    expect(colorAt('viridis', 0.125, 0, 1)).toEqual([64, 42, 112]);
    expect(colorAt('viridis', -5, 0, 1)).toEqual(colorAt('viridis', 0, 0, 1));
    expect(colorAt('viridis', 5, 0, 1)).toEqual(colorAt('viridis', 1, 0, 1));
  });

  it('draws non-finite values grey and a flat range in the middle colour', () => {
    expect(colorAt('rdbu', NaN, -1, 1)).toEqual([128, 128, 128]);
    expect(colorAt('rdbu', 3, 3, 3)).toEqual([247, 247, 247]);
  });
});
