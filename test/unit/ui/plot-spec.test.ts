import { describe, expect, it } from 'vitest';
import { plotlyLayout, toPlotlyTraces } from '../../../src/ui/plot-spec';

const theme = { text: '#111', muted: '#555', grid: '#ddd', background: '#fff', accent: '#00f' };

describe('plot spec → Plotly', () => {
  it('turns line, scatter and heat-map traces into Plotly traces, typed arrays included', () => {
    const [line, scatter, heat] = toPlotlyTraces([
      { type: 'line', x: new Float32Array([0, 1]), y: [2, 3], name: 'loss' },
      { type: 'scatter', x: [1], y: [2], color: [0.5] },
      { type: 'heatmap', z: [new Float64Array([1, 2]), [3, 4]], zmin: 0, zmax: 4 },
    ]);
    expect(line).toMatchObject({ type: 'scatter', mode: 'lines', x: [0, 1], y: [2, 3], name: 'loss' });
    expect(scatter).toMatchObject({ mode: 'markers', marker: { color: [0.5], size: 6 } });
    expect(heat).toMatchObject({
      type: 'heatmap',
      z: [
        [1, 2],
        [3, 4],
      ],
      zmin: 0,
      zmax: 4,
      colorscale: 'RdBu',
    });
  });

  it('uses the theme colours and log axes (ranges given in data units)', () => {
    const layout = plotlyLayout({ yLog: true, yRange: [1e-6, 1], xTitle: 'layer' }, theme) as {
      yaxis: { type: string; range: number[]; gridcolor: string };
      xaxis: { title: { text: string } };
      paper_bgcolor: string;
    };
    expect(layout.yaxis.type).toBe('log');
    expect(layout.yaxis.range).toEqual([-6, 0]);
    expect(layout.yaxis.gridcolor).toBe('#ddd');
    expect(layout.xaxis.title.text).toBe('layer');
    expect(layout.paper_bgcolor).toBe('#fff');
  });
});
