// The query plane's key labels: no two overlap when tokens repeat (same point) or sit close, and each stays
// inside the drawing. Checked box against box with an independent overlap test written here.
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelBox } from '../../src/demos/attention/label-placement';

const OPTIONS = { charWidth: 6, height: 10, gap: 6, bounds: [0, 260] as [number, number] };

/** Strict overlap of two boxes, written independently of the module's own check. */
function intersects(a: LabelBox, b: LabelBox): boolean {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0;
}

function expectDisjointInside(boxes: LabelBox[]): void {
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i]!;
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(260);
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.bottom).toBeLessThanOrEqual(260);
    for (let j = 0; j < i; j++) expect(intersects(b, boxes[j]!), `labels ${j} and ${i}`).toBe(false);
  }
}

describe('placeLabels', () => {
  it('puts a lone label right-above its point, as the plane always did (hand-worked)', () => {
    const [b] = placeLabels([{ x: 100, y: 100, label: 'cat' }], OPTIONS);
    expect(b).toEqual({ x: 106, y: 94, left: 106, top: 84, right: 124, bottom: 94 });
  });

  it('separates the labels of a token repeated three times at one point', () => {
    const same = ['the', 'the', 'the'].map((label) => ({ x: 120, y: 120, label }));
    const boxes = placeLabels(same, OPTIONS);
    expectDisjointInside(boxes);
    // Every label stays next to its point (within a few lines of text).
    for (const b of boxes) expect(Math.hypot(b.x - 120, b.y - 120)).toBeLessThan(60);
  });

  it('separates close keys, keeps labels inside at the edges, and handles twelve tokens on one spot', () => {
    const close = ['a', 'dog', 'chased', 'the', 'cat'].map((label, i) => ({ x: 130 + i, y: 130 - i, label }));
    expectDisjointInside(placeLabels(close, OPTIONS));
    const corner = ['left', 'edge'].map((label) => ({ x: 255, y: 3, label }));
    expectDisjointInside(placeLabels(corner, OPTIONS));
    const crowd = Array.from({ length: 12 }, (_, i) => ({ x: 130, y: 130, label: `tok${i}` }));
    expectDisjointInside(placeLabels(crowd, OPTIONS));
  });
});
