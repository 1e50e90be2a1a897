// Text alternatives for plots (issue 15): a one-paragraph summary of what a plot shows, for its accessible
// name, and its data as a table on demand (<viva-data-table>). Pure functions over the same traces and
// matrices the plots draw, so they are tested in Node.
//
// Example: describeTraces([{ type: 'line', x: [0, 1], y: [2, 1], name: 'loss' }], { xTitle: 'step' })
//   → 'loss: 2 points, step from 0 to 1, values from 1 to 2, last 1.'
import { formatValue } from './chart-scale';
import type { LineTrace, Numbers, PlotAxes, PlotTrace } from './plot-spec';

/** A table ready to draw: a caption, column headers and rows of text. */
export interface DataTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

/** More rows than this are thinned to this many, evenly spaced, first and last kept (the caption says so). */
export const TABLE_ROW_LIMIT = 200;

function finiteRange(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

function rangeText(what: string, r: [number, number] | null): string {
  if (!r) return `no finite ${what}`;
  return r[0] === r[1]
    ? `${what} all ${formatValue(r[0])}`
    : `${what} from ${formatValue(r[0])} to ${formatValue(r[1])}`;
}

/** Indices 0…n-1, or `limit` of them evenly spaced (first and last included) when n is larger. */
export function thinnedIndices(n: number, limit = TABLE_ROW_LIMIT): number[] {
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  if (limit < 2) return [0];
  const out: number[] = [];
  for (let k = 0; k < limit; k++) out.push(Math.round((k * (n - 1)) / (limit - 1)));
  return out;
}

function thinnedCaption(title: string, shown: number, total: number): string {
  return shown < total ? `${title} (${shown} of ${total} rows, evenly spaced)` : title;
}

/** A summary of a matrix: its size, its value range and where its largest value is. */
export function describeGrid(
  z: readonly Numbers[],
  rowLabels: readonly string[] = [],
  colLabels: readonly string[] = [],
): string {
  const rows = z.length;
  const cols = rows ? z[0]!.length : 0;
  if (!rows || !cols) return 'No data yet.';
  let best = -Infinity;
  let at: [number, number] = [0, 0];
  const all: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const v = z[r]![c]!;
      all.push(v);
      if (Number.isFinite(v) && v > best) {
        best = v;
        at = [r, c];
      }
    }
  const range = finiteRange(all);
  const where = range
    ? `; largest ${formatValue(best)} at row ${rowLabels[at[0]] ?? at[0] + 1}, column ${colLabels[at[1]] ?? at[1] + 1}`
    : '';
  return `${rows} × ${cols} values, ${rangeText('values', range)}${where}.`;
}

/** A matrix as a table: one row per matrix row, labelled. */
export function gridTable(
  z: readonly Numbers[],
  title: string,
  rowLabels: readonly string[] = [],
  colLabels: readonly string[] = [],
  limit = TABLE_ROW_LIMIT,
): DataTable {
  const cols = z.length ? z[0]!.length : 0;
  const idx = thinnedIndices(z.length, limit);
  return {
    caption: thinnedCaption(title, idx.length, z.length),
    headers: ['', ...Array.from({ length: cols }, (_, c) => colLabels[c] ?? String(c + 1))],
    rows: idx.map((r) => [rowLabels[r] ?? String(r + 1), ...Array.from(z[r]!, (v) => formatValue(v))]),
  };
}

/** One sentence per trace: how many points, the x span, the value range and the last value of a line. */
export function describeTraces(traces: readonly PlotTrace[], axes: PlotAxes = {}): string {
  if (!traces.length) return 'No data yet.';
  const x = axes.xTitle ?? 'x';
  return traces
    .map((t, i) => {
      const name = t.name ?? `series ${i + 1}`;
      if (t.type === 'heatmap') return `${name}: ${describeGrid(t.z)}`;
      const n = t.y.length;
      if (!n) return `${name}: no points yet.`;
      const last = t.type === 'line' ? `, last ${formatValue(t.y[n - 1]!)}` : '';
      const ys = rangeText(t.type === 'line' ? 'values' : (axes.yTitle ?? 'y'), finiteRange(Array.from(t.y)));
      return `${name}: ${n} point${n === 1 ? '' : 's'}, ${rangeText(x, finiteRange(Array.from(t.x)))}, ${ys}${last}.`;
    })
    .join(' ');
}

/**
 * The traces as a table. Line traces share one row per x (a column per trace, blank where a trace has no
 * point); scatter points get a row each (series, x, y); a heat map is drawn as its matrix.
 */
export function tracesTable(
  traces: readonly PlotTrace[],
  axes: PlotAxes = {},
  limit = TABLE_ROW_LIMIT,
): DataTable {
  const title = axes.title ?? 'Plot data';
  const heat = traces.find((t) => t.type === 'heatmap');
  if (heat && heat.type === 'heatmap') {
    const labels = (a: Numbers | undefined) => (a ? Array.from(a, (v) => formatValue(v)) : []);
    return gridTable(heat.z, title, labels(heat.y), labels(heat.x), limit);
  }
  const xTitle = axes.xTitle ?? 'x';
  const names = traces.map((t, i) => t.name ?? `series ${i + 1}`);
  const lines = traces.filter((t): t is LineTrace => t.type === 'line');
  if (lines.length === traces.length) {
    const xs = [...new Set(lines.flatMap((t) => Array.from(t.x)))].sort((a, b) => a - b);
    const lookup = lines.map((t) => {
      const m = new Map<number, number>();
      for (let i = t.x.length - 1; i >= 0; i--) m.set(t.x[i]!, t.y[i]!);
      return m;
    });
    const idx = thinnedIndices(xs.length, limit);
    return {
      caption: thinnedCaption(title, idx.length, xs.length),
      headers: [xTitle, ...names],
      rows: idx.map((k) => {
        const xv = xs[k]!;
        return [formatValue(xv), ...lookup.map((m) => (m.has(xv) ? formatValue(m.get(xv)!) : ''))];
      }),
    };
  }
  const points: [string, number, number][] = [];
  traces.forEach((t, i) => {
    if (t.type !== 'heatmap') for (let k = 0; k < t.y.length; k++) points.push([names[i]!, t.x[k]!, t.y[k]!]);
  });
  const idx = thinnedIndices(points.length, limit);
  return {
    caption: thinnedCaption(title, idx.length, points.length),
    headers: ['series', xTitle, axes.yTitle ?? 'y'],
    rows: idx.map((k) => {
      const [n, xv, yv] = points[k]!;
      return [n, formatValue(xv), formatValue(yv)];
    }),
  };
}
