// Where the query plane writes each key's label: beside its point, without two labels overlapping. Repeated
// tokens ("the … the") give keys at the same spot, and close keys put their labels on top of each other.
// Greedy: each label takes the first free spot from a ring of candidates around its point (right-above
// first, as before), then further rings; a label that finds no free spot keeps the last candidate tried.
// Pure geometry in screen units (no DOM), unit-tested in test/unit/attention-label-placement.test.ts.

export interface LabelBox {
  /** The text's anchor (start, baseline), as an SVG <text> takes it. */
  x: number;
  y: number;
  /** The box the text covers. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelOptions {
  /** Width of one character (monospace font). */
  charWidth: number;
  /** Height of a line of text (its box runs from baseline − height to the baseline). */
  height: number;
  /** Distance from the point to the label. */
  gap: number;
  /** The area labels must stay in: [min, max] on both axes. */
  bounds: [number, number];
}

/** The boxes of two labels overlap (touching edges do not count). */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function boxAt(x: number, y: number, w: number, h: number): LabelBox {
  return { x, y, left: x, top: y - h, right: x + w, bottom: y };
}

/** The candidate anchors around (px, py) for a label `w` wide, ring by ring outward. */
function candidates(px: number, py: number, w: number, o: LabelOptions, rings: number): [number, number][] {
  const out: [number, number][] = [];
  const { gap: g, height: h } = o;
  for (let r = 0; r < rings; r++) {
    const d = r * h; // each ring one line further out
    out.push(
      [px + g, py - g - d], // right, above
      [px + g, py + g + h + d], // right, below
      [px - g - w, py - g - d], // left, above
      [px - g - w, py + g + h + d], // left, below
      [px + g + d, py + h / 2], // right, level
      [px - g - w - d, py + h / 2], // left, level
    );
  }
  return out;
}

/**
 * One label box per point, in the points' order: each at the first candidate spot that stays in bounds and
 * overlaps no label placed before it.
 */
export function placeLabels(
  points: readonly { x: number; y: number; label: string }[],
  o: LabelOptions,
): LabelBox[] {
  const placed: LabelBox[] = [];
  const [lo, hi] = o.bounds;
  const rings = Math.max(2, points.length + 1);
  for (const p of points) {
    const w = Math.max(1, p.label.length) * o.charWidth;
    const spots = candidates(p.x, p.y, w, o, rings).map(([x, y]) => boxAt(x, y, w, o.height));
    const inBounds = (b: LabelBox) => b.left >= lo && b.right <= hi && b.top >= lo && b.bottom <= hi;
    const free = (b: LabelBox) => !placed.some((q) => boxesOverlap(b, q));
    const box = spots.find((b) => inBounds(b) && free(b)) ?? spots.find(free) ?? spots[0]!;
    placed.push(box);
  }
  return placed;
}
