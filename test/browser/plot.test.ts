// <viva-plot> in a real browser: Plotly loads lazily, draws, and updates the same chart in place.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/plot';
import type { VivaPlot } from '../../src/ui/plot';

afterEach(() => document.body.replaceChildren());

type PlotlyDiv = HTMLElement & { data: { x: number[]; y: number[]; type: string }[] };

describe('<viva-plot>', () => {
  it('draws a line, then updates it in place many times without re-creating the chart', async () => {
    const plot = document.createElement('viva-plot') as VivaPlot;
    plot.style.width = '400px';
    document.body.append(plot);
    plot.traces = [{ type: 'line', x: [0, 1, 2], y: [3, 2, 1], name: 'loss' }];
    await plot.updateComplete;
    await plot.whenDrawn();
    const chart = plot.querySelector('.chart') as PlotlyDiv;
    expect(chart.classList.contains('js-plotly-plot')).toBe(true);
    expect(chart.data[0]!.y).toEqual([3, 2, 1]);
    const svgBefore = chart.querySelector('.main-svg');
    const drawsBefore = plot.drawCount;

    // 50 updates in a tight loop: coalesced into frames, drawn with Plotly.react into the same element.
    for (let i = 0; i < 50; i++) plot.traces = [{ type: 'line', x: [0, 1, 2], y: [i, i + 1, i + 2] }];
    await plot.updateComplete;
    await plot.whenDrawn();
    expect(chart.data[0]!.y).toEqual([49, 50, 51]);
    expect(plot.querySelector('.chart')).toBe(chart);
    expect(chart.querySelector('.main-svg')).toBe(svgBefore);
    expect(plot.drawCount - drawsBefore).toBeLessThan(10);
  });

  it('draws a heat map and a scatter trace together', async () => {
    const plot = document.createElement('viva-plot') as VivaPlot;
    document.body.append(plot);
    plot.traces = [
      {
        type: 'heatmap',
        z: [
          [0, 1],
          [1, 0],
        ],
      },
      { type: 'scatter', x: [0, 1], y: [1, 0], color: '#f00' },
    ];
    await plot.updateComplete;
    await plot.whenDrawn();
    const chart = plot.querySelector('.chart') as PlotlyDiv;
    expect(chart.data.map((t) => t.type)).toEqual(['heatmap', 'scatter']);
    expect(chart.querySelectorAll('.hm, image').length).toBeGreaterThan(0);
  });
});
