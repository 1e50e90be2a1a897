// The graph view's geometry, worked by hand: the start view fits the panel or shows the output's end, zoom
// keeps the centre, and pan and zoom keep the graph in the window.
import { describe, expect, it } from 'vitest';
import {
  FIT_FLOOR,
  fitView,
  MAX_SCALE,
  panView,
  viewBox,
  zoomView,
} from '../../../src/demos/backprop/graph-viewport';

const graph = { width: 830, height: 300 };

describe('the graph viewport', () => {
  it('fits an 830 px graph into a 494 px panel whole (scale 494/830)', () => {
    const v = fitView(graph, 494);
    expect(v.scale).toBeCloseTo(494 / 830, 12);
    expect(v.x).toBeCloseTo(0, 9);
    expect(v.width).toBe(494);
    expect(v.height).toBeCloseTo(300 * (494 / 830), 9);
    // The viewBox spans the whole graph: 830 wide.
    const box = viewBox(v).split(' ').map(Number);
    [0, 0, 830, 300].forEach((want, k) => expect(box[k]).toBeCloseTo(want, 9));
  });

  it('at 340 px stops at the floor scale and shows the right end, where the output node is', () => {
    const v = fitView(graph, 340, 150);
    expect(v.scale).toBe(FIT_FLOOR);
    // The window is 340 / 0.5 = 680 graph units wide, so it starts at 830 − 680 = 150.
    expect(v.x).toBe(150);
    expect(v.x + v.width / v.scale).toBe(830);
  });

  it('a small graph is drawn at scale 1, never enlarged', () => {
    expect(fitView({ width: 200, height: 80 }, 600).scale).toBe(1);
  });

  it('zoom keeps the centre and stops at the maximum; pan keeps the graph in the window', () => {
    const v = fitView(graph, 494);
    const z = zoomView(v, 2, graph);
    const centre = (u: typeof v) => [u.x + u.width / u.scale / 2, u.y + u.height / u.scale / 2];
    expect(z.scale).toBeCloseTo(v.scale * 2, 12);
    expect(centre(z)[0]).toBeCloseTo(centre(v)[0]!, 9);
    expect(centre(z)[1]).toBeCloseTo(centre(v)[1]!, 9);
    expect(zoomView(z, 100, graph).scale).toBe(MAX_SCALE);
    // Dragging right by 100 px at scale s moves the window left by 100/s, but never past the graph's left edge.
    const right = panView(z, 100, 0, graph);
    expect(right.x).toBeCloseTo(z.x - 100 / z.scale, 9);
    expect(panView(z, 1e6, 1e6, graph)).toMatchObject({ x: 0, y: 0 });
    const far = panView(z, -1e6, -1e6, graph);
    expect(far.x + far.width / far.scale).toBeCloseTo(830, 9);
    expect(far.y + far.height / far.scale).toBeCloseTo(300, 9);
  });
});
