// <viva-heatmap> draws each cell in its colour-map colour, flips rows when asked, and redraws fast.
import { afterEach, describe, expect, it } from 'vitest';
import { colorAt } from '../../src/ui/colormap';
import '../../src/ui/heatmap';
import type { VivaHeatmap } from '../../src/ui/heatmap';

afterEach(() => document.body.replaceChildren());

async function mount(z: number[][], flipY = false): Promise<VivaHeatmap> {
  const map = document.createElement('viva-heatmap') as VivaHeatmap;
  map.style.width = '200px';
  map.z = z;
  map.zmin = -1;
  map.zmax = 1;
  map.colormap = 'rdbu';
  map.flipY = flipY;
  document.body.append(map);
  await map.updateComplete;
  return map;
}

function pixel(map: VivaHeatmap, fx: number, fy: number): number[] {
  const canvas = map.shadowRoot!.querySelector('canvas')!;
  const ctx = canvas.getContext('2d')!;
  return [
    ...ctx.getImageData(Math.floor(fx * canvas.width), Math.floor(fy * canvas.height), 1, 1).data,
  ].slice(0, 3);
}

describe('<viva-heatmap>', () => {
  it('paints each cell with its colour (row 0 at the top)', async () => {
    const map = await mount([
      [-1, 1],
      [0, 1],
    ]);
    expect(pixel(map, 0.25, 0.25)).toEqual(colorAt('rdbu', -1, -1, 1));
    expect(pixel(map, 0.75, 0.25)).toEqual(colorAt('rdbu', 1, -1, 1));
    expect(pixel(map, 0.25, 0.75)).toEqual(colorAt('rdbu', 0, -1, 1));
  });

  it('puts row 0 at the bottom with flipY', async () => {
    const map = await mount(
      [
        [-1, -1],
        [1, 1],
      ],
      true,
    );
    expect(pixel(map, 0.5, 0.9)).toEqual(colorAt('rdbu', -1, -1, 1));
    expect(pixel(map, 0.5, 0.1)).toEqual(colorAt('rdbu', 1, -1, 1));
  });

  it('redraws a 48×48 map once per update', async () => {
    const z = Array.from({ length: 48 }, (_, r) => Array.from({ length: 48 }, (_, c) => Math.sin(r + c)));
    const map = await mount(z);
    const before = map.drawCount;
    for (let i = 0; i < 20; i++) {
      map.z = z.map((row) => row.map((v) => v * (i / 20)));
      await map.updateComplete;
    }
    expect(map.drawCount - before).toBe(20);
  });
});
