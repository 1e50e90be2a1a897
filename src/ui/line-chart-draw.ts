// Drawing a line chart on a 2-D canvas: the frame (margins sized to the tick labels, data → pixel maps),
// grid and tick labels, axis titles, traces with gaps and dots, and a cursor line. Used by <viva-line-chart>;
// the axis arithmetic is in chart-scale.ts.
import {
  axisMap,
  drawableExtent,
  formatTick,
  linearTicks,
  logTicks,
  niceDomain,
  niceStep,
  type Domain,
} from './chart-scale';
import type { LineTrace, PlotAxes } from './plot-spec';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
}

/** The plot area in CSS pixels and the maps from data to it. */
export interface ChartFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: (v: number) => number;
  y: (v: number) => number;
  /** The x tick labels as drawn: text and horizontal extent in CSS pixels (tests check none is cut). */
  xLabels: { text: string; left: number; right: number }[];
}

const DASHES: Record<NonNullable<LineTrace['dash']>, number[]> = { solid: [], dash: [7, 4], dot: [2, 3] };
/** Traces with at most this many points get a dot at each point. */
const MARKER_POINTS = 64;
export const CHART_FONT = '11px system-ui, sans-serif';

/** The domain of one axis: a fixed range if given; x spans the data exactly; y widens to nice ticks. */
export function chartDomain(traces: readonly LineTrace[], axes: PlotAxes, axis: 'x' | 'y'): Domain {
  const log = Boolean(axis === 'x' ? axes.xLog : axes.yLog);
  const range = axis === 'x' ? axes.xRange : axes.yRange;
  if (range) return range;
  const values = traces.flatMap((t) => Array.from(t[axis]));
  const extent = drawableExtent(values, log);
  if (axis === 'x' && !log && extent && extent[1] > extent[0]) return extent;
  return niceDomain(extent, log);
}

/** Draws grid, ticks, titles and traces over a `width` × `height` canvas area; returns the plot frame. */
export function drawChart(
  ctx: CanvasRenderingContext2D,
  size: { width: number; height: number },
  traces: readonly LineTrace[],
  axes: PlotAxes,
  theme: ChartTheme,
): ChartFrame {
  const { width, height } = size;
  const { xLog = false, yLog = false } = axes;
  const [xd, yd] = [chartDomain(traces, axes, 'x'), chartDomain(traces, axes, 'y')];
  ctx.font = CHART_FONT;
  const yTicks = yLog ? logTicks(yd) : linearTicks(yd);
  const yStep = yLog ? 0 : niceStep(yd[1] - yd[0]);
  const yLabels = yTicks.map((t) => formatTick(t, yLog, yStep));
  const labelWidth = Math.max(0, ...yLabels.map((l) => ctx.measureText(l).width));
  const left = Math.ceil(labelWidth) + (axes.yTitle ? 26 : 10);
  const [top, bottom] = [8, height - (axes.xTitle ? 38 : 22)];
  // The last x tick label is centred on its tick: the right margin grows until it fits in the canvas.
  let right = width - 10;
  let xs = xAxisTicks(ctx, xd, xLog, left, right);
  const excess = Math.max(0, ...xs.map((t) => t.px + t.width / 2 + 1 - width));
  if (excess > 0) {
    right -= Math.ceil(excess);
    xs = xAxisTicks(ctx, xd, xLog, left, right);
  }
  const frame: ChartFrame = {
    left,
    right,
    top,
    bottom,
    x: axisMap(xd, [left, right], xLog),
    y: axisMap(yd, [bottom, top], yLog),
    xLabels: xs.map((t) => ({ text: t.text, left: t.px - t.width / 2, right: t.px + t.width / 2 })),
  };
  const { y } = frame;

  // Grid and tick labels.
  ctx.strokeStyle = theme.grid;
  ctx.fillStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  yTicks.forEach((t, i) => {
    const py = Math.round(y(t)) + 0.5;
    line(ctx, left, py, right, py);
    ctx.fillText(yLabels[i]!, left - 4, py);
  });
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xs) {
    line(ctx, t.px, top, t.px, bottom);
    ctx.fillText(t.text, t.px, bottom + 4);
  }
  ctx.fillStyle = theme.text;
  if (axes.xTitle) ctx.fillText(axes.xTitle, (left + right) / 2, height - 16);
  if (axes.yTitle) {
    ctx.save();
    ctx.translate(10, (top + bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(axes.yTitle, 0, -6);
    ctx.restore();
  }

  // Traces, clipped to the plot area (with room for a dot on its edge).
  ctx.save();
  ctx.beginPath();
  ctx.rect(left - 4, top - 4, right - left + 8, bottom - top + 8);
  ctx.clip();
  for (const t of traces) drawTrace(ctx, t, frame, xLog, yLog);
  ctx.restore();
  return frame;
}

/** The x ticks for a plot area from `left` to `right`: pixel position, label and its width. */
function xAxisTicks(
  ctx: CanvasRenderingContext2D,
  xd: Domain,
  xLog: boolean,
  left: number,
  right: number,
): { px: number; text: string; width: number }[] {
  const target = Math.max(2, Math.floor((right - left) / 70));
  const ticks = xLog ? logTicks(xd) : linearTicks(xd, target);
  const step = xLog ? 0 : niceStep(xd[1] - xd[0], target);
  const x = axisMap(xd, [left, right], xLog);
  return ticks.map((t) => {
    const text = formatTick(t, xLog, step);
    return { px: Math.round(x(t)) + 0.5, text, width: ctx.measureText(text).width };
  });
}

/** A dashed vertical line at data x (the readout's position). */
export function drawCursor(ctx: CanvasRenderingContext2D, frame: ChartFrame, x: number, color: string): void {
  const px = Math.round(frame.x(x)) + 0.5;
  ctx.strokeStyle = color;
  ctx.setLineDash([3, 3]);
  line(ctx, px, frame.top, px, frame.bottom);
  ctx.setLineDash([]);
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/** One trace: a polyline broken wherever a point cannot be drawn, and a dot per point when short. */
function drawTrace(
  ctx: CanvasRenderingContext2D,
  t: LineTrace,
  { x, y }: ChartFrame,
  xLog: boolean,
  yLog: boolean,
): void {
  const ok = (vx: number, vy: number) =>
    Number.isFinite(vx) && Number.isFinite(vy) && (!xLog || vx > 0) && (!yLog || vy > 0);
  const n = Math.min(t.x.length, t.y.length);
  ctx.strokeStyle = ctx.fillStyle = t.color ?? '#36c';
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.setLineDash(DASHES[t.dash ?? 'solid']);
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < n; i++) {
    const [vx, vy] = [t.x[i]!, t.y[i]!];
    if (!ok(vx, vy)) {
      pen = false;
      continue;
    }
    if (pen) ctx.lineTo(x(vx), y(vy));
    else ctx.moveTo(x(vx), y(vy));
    pen = true;
  }
  ctx.stroke();
  ctx.setLineDash([]);
  if (n > MARKER_POINTS) return;
  for (let i = 0; i < n; i++) {
    if (!ok(t.x[i]!, t.y[i]!)) continue;
    ctx.beginPath();
    ctx.arc(x(t.x[i]!), y(t.y[i]!), 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
}
