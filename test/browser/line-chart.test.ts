// <viva-line-chart> in a real browser: lines land on the pixels the axis arithmetic says, gaps stay empty,
// a change is drawn in the same task, and the keyboard readout shows every trace's value.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/line-chart';
import type { VivaLineChart } from '../../src/ui/line-chart';

afterEach(() => document.body.replaceChildren());

interface Frame {
  x: (v: number) => number;
  y: (v: number) => number;
}

async function mount(traces: VivaLineChart['traces'], axes: VivaLineChart['axes']): Promise<VivaLineChart> {
  const chart = document.createElement('viva-line-chart');
  chart.style.width = '400px';
  chart.traces = traces;
  chart.axes = axes;
  document.body.append(chart);
  await chart.whenDrawn();
  return chart;
}

/** Whether the red trace covers CSS pixel (x, y): some device pixel within one pixel of it is pure-ish red
 *  (anti-aliasing blends the edges of a line with the background). */
function red(chart: VivaLineChart, x: number, y: number): boolean {
  const canvas = chart.shadowRoot!.querySelector('canvas')!;
  const scale = canvas.width / canvas.clientWidth;
  const r = Math.ceil(scale);
  const [px, py] = [Math.round(x * scale) - r, Math.round(y * scale) - r];
  const d = canvas.getContext('2d')!.getImageData(px, py, 2 * r + 1, 2 * r + 1).data;
  for (let i = 0; i < d.length; i += 4) if (d[i]! > 220 && d[i + 1]! < 40 && d[i + 2]! < 40) return true;
  return false;
}

const frame = (chart: VivaLineChart) => (chart as unknown as { frame: Frame }).frame;

describe('<viva-line-chart>', () => {
  it('draws each point where the log-axis map puts it, and leaves a gap at a value it cannot draw', async () => {
    const y = [1e-6, 1e-4, NaN, 1e-2, 0, 1];
    const chart = await mount(
      [{ type: 'line', x: [1, 2, 3, 4, 5, 6], y, name: 'norms', color: 'rgb(255,0,0)' }],
      {
        yLog: true,
      },
    );
    const f = frame(chart);
    // Every drawable point has a dot in the trace's colour at the mapped pixel.
    for (const [i, v] of y.entries()) {
      if (!(v > 0)) continue;
      expect(red(chart, f.x(i + 1), f.y(v)), `point ${i + 1}`).toBe(true);
    }
    // Halfway along the segment from 1e-6 to 1e-4 (a straight line in log space) is red …
    expect(red(chart, (f.x(1) + f.x(2)) / 2, f.y(1e-5))).toBe(true);
    // … but nothing joins 1e-4 to 1e-2 across the NaN at x = 3.
    expect(red(chart, f.x(3), f.y(1e-3))).toBe(false);
  });

  it('draws a change in the same task (before the next frame) and compares axes by value', async () => {
    const chart = await mount([{ type: 'line', x: [0, 1], y: [0, 1] }], { xTitle: 'step' });
    const before = chart.drawCount;
    const atNextFrame = new Promise<number>((r) => requestAnimationFrame(() => r(chart.drawCount - before)));
    chart.traces = [{ type: 'line', x: [0, 1], y: [1, 0] }];
    expect(await atNextFrame).toBe(1);
    chart.axes = { xTitle: 'step' }; // a fresh literal with the same content
    await chart.whenDrawn();
    expect(chart.drawCount - before).toBe(1);
  });

  it('reads out every trace at one x with the arrow keys; Escape clears it', async () => {
    const chart = await mount(
      [
        { type: 'line', x: [1, 2, 3], y: [0.5, 0.25, 0.125], name: 'A' },
        { type: 'line', x: [1, 2, 3], y: [2, 4, 8], name: 'B' },
      ],
      { xTitle: 'layer', yLog: true },
    );
    const canvas = chart.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).toContain('A: 3 points from 0.125 to 0.5');
    canvas.focus();
    const key = (k: string) => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowRight');
    key('ArrowRight');
    await chart.updateComplete;
    const readout = () => {
      const box = chart.shadowRoot!.querySelector('.readout');
      return box ? [...box.children].map((line) => line.textContent).join(' · ') : undefined;
    };
    expect(readout()).toBe('layer = 2 · A: 0.25 · B: 4');
    key('End');
    await chart.updateComplete;
    expect(readout()).toBe('layer = 3 · A: 0.125 · B: 8');
    key('Escape');
    await chart.updateComplete;
    expect(readout()).toBeUndefined();
  });

  it('honours fixed ranges and draws nothing outside the plot area', async () => {
    const chart = await mount([{ type: 'line', x: [-20, 30], y: [0, 0], color: 'rgb(255,0,0)' }], {
      xRange: [0, 10],
      yRange: [-1, 1],
      yTitle: 'loss',
    });
    const f = frame(chart);
    expect(f.y(-1)).toBeGreaterThan(f.y(1)); // up is up
    expect(f.x(10) - f.x(0)).toBeGreaterThan(300); // the fixed x range spans the plot, not the data
    expect(red(chart, f.x(5), f.y(0))).toBe(true); // inside: drawn
    // The line runs from x = -20 to 30, but stops at the plot area: the tick-label margin on the left stays
    // clear of it (the clip leaves 4 px for a dot on the edge).
    expect(red(chart, f.x(0) - 12, f.y(0))).toBe(false);
    expect(red(chart, 3, f.y(0))).toBe(false);
  });
});
