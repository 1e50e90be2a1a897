// Reading what a plot draws, in end-to-end tests: the traces a <viva-line-chart> was given, or the data
// Plotly holds inside a <viva-plot>.
import type { Locator } from '@playwright/test';

export interface PlotSeries {
  name: string;
  x: number[];
  y: number[];
}

/** Every trace of the plot element `plot` (a <viva-line-chart> or a <viva-plot>). */
export function plotData(plot: Locator): Promise<PlotSeries[]> {
  return plot.evaluate((el) => {
    type Trace = { name?: string; x?: ArrayLike<number>; y?: ArrayLike<number> };
    const traces =
      el.tagName === 'VIVA-LINE-CHART'
        ? (el as unknown as { traces: Trace[] }).traces
        : ((el.querySelector('.chart') as unknown as { data?: Trace[] } | null)?.data ?? []);
    return traces.map((t) => ({ name: t.name ?? '', x: Array.from(t.x ?? []), y: Array.from(t.y ?? []) }));
  });
}
