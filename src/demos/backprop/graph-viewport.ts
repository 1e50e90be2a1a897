// The graph view's window onto the laid-out graph: a scale and the graph point at the window's top-left.
// fitView starts each graph scaled to the panel's width (never below FIT_FLOOR, so labels stay legible) and,
// when even that is too wide, shows the right end, where the output node and the backward pass start.
// zoomView keeps the window's centre; panView moves by screen pixels; both keep the graph in the window.
// Pure geometry, no DOM.
//
// Example: let v = fitView({ width: 830, height: 300 }, 494, outputY); v = zoomView(v, 1.25, graph);

export interface Viewport {
  scale: number;
  /** Graph coordinates at the window's top-left. */
  x: number;
  y: number;
  /** The window's size in screen pixels. */
  width: number;
  height: number;
}

export interface GraphSize {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 2.5;
/** fitView does not shrink below this; a wider graph is shown from its right end. */
export const FIT_FLOOR = 0.5;
/** The window is never taller than this (px); a taller graph pans vertically. */
export const MAX_VIEW_HEIGHT = 480;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Keeps the graph in the window: it may not leave an edge of the window while it is larger than it. */
function contain(v: Viewport, graph: GraphSize): Viewport {
  const w = v.width / v.scale;
  const h = v.height / v.scale;
  const x = clamp(v.x, Math.min(0, graph.width - w), Math.max(0, graph.width - w));
  const y = clamp(v.y, Math.min(0, graph.height - h), Math.max(0, graph.height - h));
  return { ...v, x, y };
}

/** The start view of `graph` in a panel `panelWidth` wide, with the output node's centre at `outputY`. */
export function fitView(graph: GraphSize, panelWidth: number, outputY = graph.height / 2): Viewport {
  const width = Math.max(1, panelWidth);
  const scale = clamp(width / graph.width, FIT_FLOOR, 1);
  const height = Math.min(graph.height * scale, MAX_VIEW_HEIGHT);
  const x = Math.max(0, graph.width - width / scale);
  const y = outputY - height / scale / 2;
  return contain({ scale, x, y, width, height }, graph);
}

/** The view zoomed by `factor` about the window's centre, within MIN_SCALE..MAX_SCALE. */
export function zoomView(v: Viewport, factor: number, graph: GraphSize): Viewport {
  const scale = clamp(v.scale * factor, MIN_SCALE, MAX_SCALE);
  const cx = v.x + v.width / v.scale / 2;
  const cy = v.y + v.height / v.scale / 2;
  return contain({ ...v, scale, x: cx - v.width / scale / 2, y: cy - v.height / scale / 2 }, graph);
}

/** The view after dragging the graph by (dx, dy) screen pixels (the graph follows the pointer). */
export function panView(v: Viewport, dx: number, dy: number, graph: GraphSize): Viewport {
  return contain({ ...v, x: v.x - dx / v.scale, y: v.y - dy / v.scale }, graph);
}

/** The same view in a window `width` pixels wide (the panel was resized). */
export function resizeView(v: Viewport, width: number, graph: GraphSize): Viewport {
  return contain({ ...v, width: Math.max(1, width) }, graph);
}

/** The SVG viewBox that shows the view. */
export function viewBox(v: Viewport): string {
  return `${v.x} ${v.y} ${v.width / v.scale} ${v.height / v.scale}`;
}
