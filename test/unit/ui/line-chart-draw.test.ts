// drawChart's x tick labels stay inside the canvas: the diffusion schedule chart (t from 1 to 1000 on a
// 243 px canvas) used to centre "1000" on the last pixel column but ten, cutting it. A recording 2-D context
// (each character 6.5 px wide, as 11 px system-ui roughly is) checks where every label is drawn.
import { describe, expect, it } from 'vitest';
import { drawChart } from '../../../src/ui/line-chart-draw';
import type { LineTrace } from '../../../src/ui/plot-spec';

const CHAR = 6.5;

/** A 2-D context that records fillText calls with the alignment in force; everything else is a no-op. */
function recordingContext() {
  const texts: { text: string; x: number; align: string }[] = [];
  const ctx = {
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    measureText: (t: string) => ({ width: t.length * CHAR }),
    fillText(text: string, x: number) {
      texts.push({ text, x, align: this.textAlign });
    },
    beginPath() {},
    moveTo() {},
    lineTo() {},
    stroke() {},
    fill() {},
    arc() {},
    rect() {},
    clip() {},
    save() {},
    restore() {},
    translate() {},
    rotate() {},
    setLineDash() {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts };
}

const steps = Array.from({ length: 1000 }, (_, i) => i + 1);
const trace: LineTrace = { type: 'line', x: steps, y: steps.map((t) => Math.exp(-t / 200)) };
const theme = { text: '#000', muted: '#666', grid: '#ddd' };

describe('drawChart x tick labels', () => {
  for (const width of [243, 300, 494]) {
    it(`fit inside a ${width} px canvas, the last one included`, () => {
      const { ctx, texts } = recordingContext();
      const frame = drawChart(ctx, { width, height: 240 }, [trace], { yLog: true, xTitle: 't' }, theme);
      const centred = texts.filter((t) => t.align === 'center' && t.text !== 't');
      expect(centred.map((t) => t.text)).toContain('1000');
      for (const t of centred) {
        const half = (t.text.length * CHAR) / 2;
        expect(t.x - half).toBeGreaterThanOrEqual(0);
        expect(t.x + half).toBeLessThanOrEqual(width);
      }
      // The frame reports the same boxes (the e2e test reads them from the element).
      expect(frame.xLabels.map((l) => l.text)).toEqual(centred.map((t) => t.text));
      expect(Math.max(...frame.xLabels.map((l) => l.right))).toBeLessThanOrEqual(width);
      // The tick at t = 1000 still sits on the plot's right edge.
      expect(Math.abs(frame.x(1000) - frame.right)).toBeLessThan(1);
    });
  }
});
