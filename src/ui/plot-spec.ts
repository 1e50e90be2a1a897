// The plot vocabulary demos use (line, scatter, heat map), turned into Plotly traces and a theme-aware
// layout. Pure functions, no Plotly import, so they are tested without a browser.

export type Numbers = ArrayLike<number>;

export type PlotTrace =
  | { type: 'line'; x: Numbers; y: Numbers; name?: string; color?: string; dash?: 'solid' | 'dash' | 'dot' }
  | { type: 'scatter'; x: Numbers; y: Numbers; name?: string; color?: string | Numbers; size?: number }
  | {
      type: 'heatmap';
      z: Numbers[];
      x?: Numbers;
      y?: Numbers;
      name?: string;
      zmin?: number;
      zmax?: number;
      colorscale?: string;
      showScale?: boolean;
    };

/** A line trace (what <viva-line-chart> draws). */
export type LineTrace = Extract<PlotTrace, { type: 'line' }>;

export interface PlotAxes {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  xLog?: boolean;
  yLog?: boolean;
  xRange?: [number, number];
  yRange?: [number, number];
  /** Same scale on both axes (for 2-D data). */
  equalAxes?: boolean;
  showLegend?: boolean;
}

export interface PlotTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  accent: string;
}

const arr = (a: Numbers): number[] => Array.from(a);

export function toPlotlyTraces(traces: readonly PlotTrace[]): Record<string, unknown>[] {
  return traces.map((t) => {
    switch (t.type) {
      case 'line':
        return {
          type: 'scatter',
          mode: 'lines',
          x: arr(t.x),
          y: arr(t.y),
          name: t.name,
          line: { color: t.color, dash: t.dash ?? 'solid', width: 2 },
        };
      case 'scatter':
        return {
          type: 'scatter',
          mode: 'markers',
          x: arr(t.x),
          y: arr(t.y),
          name: t.name,
          marker: {
            color: typeof t.color === 'string' || t.color === undefined ? t.color : arr(t.color),
            size: t.size ?? 6,
          },
        };
      case 'heatmap':
        return {
          type: 'heatmap',
          z: t.z.map(arr),
          x: t.x ? arr(t.x) : undefined,
          y: t.y ? arr(t.y) : undefined,
          name: t.name,
          zmin: t.zmin,
          zmax: t.zmax,
          colorscale: t.colorscale ?? 'RdBu',
          showscale: t.showScale ?? true,
        };
    }
  });
}

export function plotlyLayout(axes: PlotAxes, theme: PlotTheme): Record<string, unknown> {
  const axis = (
    title: string | undefined,
    log: boolean | undefined,
    range: [number, number] | undefined,
  ) => ({
    title: title ? { text: title } : undefined,
    type: log ? 'log' : 'linear',
    range: range && log ? range.map((v) => Math.log10(v)) : range,
    gridcolor: theme.grid,
    zerolinecolor: theme.grid,
    color: theme.muted,
    automargin: true,
  });
  const y = axis(axes.yTitle, axes.yLog, axes.yRange);
  return {
    title: axes.title ? { text: axes.title, font: { size: 13 } } : undefined,
    xaxis: axis(axes.xTitle, axes.xLog, axes.xRange),
    yaxis: axes.equalAxes ? { ...y, scaleanchor: 'x', scaleratio: 1 } : y,
    paper_bgcolor: theme.background,
    plot_bgcolor: theme.background,
    font: { color: theme.text, size: 11 },
    margin: { l: 48, r: 12, t: axes.title ? 32 : 12, b: 40 },
    showlegend: axes.showLegend ?? true,
    legend: {
      orientation: 'h',
      x: 0,
      xanchor: 'left',
      yref: 'container',
      y: 0,
      yanchor: 'bottom',
      bgcolor: 'rgba(0,0,0,0)',
    },
    // Keeps zoom and legend clicks while the data updates.
    uirevision: 'keep',
    autosize: true,
  };
}
