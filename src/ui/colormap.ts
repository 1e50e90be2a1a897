// Colour maps for heat maps, as pure functions value → [r, g, b] (0..255). Diverging 'rdbu' (blue below the
// middle, red above, white at the middle, like Plotly's RdBu reversed so that negative is blue) and
// sequential 'viridis'. Pure, so tested in Node.

export type ColormapName = 'rdbu' | 'viridis';
export type Rgb = [number, number, number];

const STOPS: Record<ColormapName, Rgb[]> = {
  rdbu: [
    [33, 102, 172],
    [103, 169, 207],
    [209, 229, 240],
    [247, 247, 247],
    [253, 219, 199],
    [239, 138, 98],
    [178, 24, 43],
  ],
  viridis: [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ],
};

/** The colour of `value` on the map, with values outside [min, max] clamped to the ends. */
export function colorAt(name: ColormapName, value: number, min: number, max: number): Rgb {
  const stops = STOPS[name];
  if (!Number.isFinite(value)) return [128, 128, 128];
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0.5;
  const pos = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** WCAG 2 relative luminance of an sRGB colour (0 black … 1 white). */
export function relativeLuminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours (1 … 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const DARK_TEXT: Rgb = [0, 0, 0];
const LIGHT_TEXT: Rgb = [255, 255, 255];

/** '#000' or '#fff', whichever contrasts more with the background (values printed on a heat map). */
export function readableTextOn(background: Rgb): '#000' | '#fff' {
  return contrastRatio(DARK_TEXT, background) >= contrastRatio(LIGHT_TEXT, background) ? '#000' : '#fff';
}
