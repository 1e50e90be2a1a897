// Plot text alternatives (issue 15): the summary and the table a plot offers, against hand-worked cases.
import { describe, expect, it } from 'vitest';
import {
  describeGrid,
  describeTraces,
  gridTable,
  thinnedIndices,
  tracesTable,
} from '../../../src/ui/plot-text';

describe('describeTraces', () => {
  it('says the count, the x span, the value range and the last value of each line', () => {
    const s = describeTraces(
      [
        { type: 'line', x: [0, 10, 20], y: [2.5, 0.75, 1], name: 'loss' },
        { type: 'line', x: [0, 10], y: [NaN, 3], name: 'val' },
      ],
      { xTitle: 'step' },
    );
    expect(s).toBe(
      'loss: 3 points, step from 0 to 20, values from 0.75 to 2.5, last 1. val: 2 points, step from 0 to 10, values all 3, last 3.',
    );
  });

  it('names scatter axes, says when nothing is finite, and when there is no data', () => {
    expect(describeTraces([{ type: 'scatter', x: [1], y: [Infinity], name: 'pts' }], { yTitle: 'z' })).toBe(
      'pts: 1 point, x all 1, no finite z.',
    );
    expect(describeTraces([])).toBe('No data yet.');
  });
});

describe('describeGrid', () => {
  it('gives the size, the range and where the largest value is (labels when given)', () => {
    expect(
      describeGrid([
        [0.1, 0.9],
        [0.5, 0.2],
        [0.3, 0.4],
      ]),
    ).toBe('3 × 2 values, values from 0.1 to 0.9; largest 0.9 at row 1, column 2.');
    expect(
      describeGrid(
        [
          [0.2, 0.8],
          [0.7, 0.3],
        ],
        ['the', 'cat'],
        ['the', 'cat'],
      ),
    ).toBe('2 × 2 values, values from 0.2 to 0.8; largest 0.8 at row the, column cat.');
    expect(describeGrid([])).toBe('No data yet.');
  });
});

describe('tables', () => {
  it('puts line traces side by side on the union of their x, blank where a trace has no point', () => {
    const t = tracesTable(
      [
        { type: 'line', x: [1, 2, 3], y: [10, 20, 30], name: 'A' },
        { type: 'line', x: [2, 4], y: [5, 6], name: 'B' },
      ],
      { title: 'curves', xTitle: 'step' },
    );
    expect(t.caption).toBe('curves');
    expect(t.headers).toEqual(['step', 'A', 'B']);
    expect(t.rows).toEqual([
      ['1', '10', ''],
      ['2', '20', '5'],
      ['3', '30', ''],
      ['4', '', '6'],
    ]);
  });

  it('lists scatter points one per row and draws a heat map as its matrix', () => {
    const s = tracesTable([
      { type: 'scatter', x: [1, 2], y: [3, 4], name: 'p' },
      { type: 'scatter', x: [5], y: [6] },
    ]);
    expect(s.headers).toEqual(['series', 'x', 'y']);
    expect(s.rows).toEqual([
      ['p', '1', '3'],
      ['p', '2', '4'],
      ['series 2', '5', '6'],
    ]);
    const h = tracesTable([
      {
        type: 'heatmap',
        z: [
          [1, 2],
          [3, 4],
        ],
        x: [0, 0.5],
        y: [10, 20],
      },
    ]);
    expect(h.headers).toEqual(['', '0', '0.5']);
    expect(h.rows).toEqual([
      ['10', '1', '2'],
      ['20', '3', '4'],
    ]);
  });

  it('thins a long table to evenly spaced rows, first and last kept, and says so', () => {
    expect(thinnedIndices(5, 3)).toEqual([0, 2, 4]);
    expect(thinnedIndices(11, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(thinnedIndices(3, 200)).toEqual([0, 1, 2]);
    const z = Array.from({ length: 1000 }, (_, r) => [r]);
    const t = gridTable(z, 'map', [], [], 200);
    expect(t.rows.length).toBe(200);
    expect(t.rows[0]).toEqual(['1', '0']);
    expect(t.rows[199]).toEqual(['1000', '999']);
    expect(t.caption).toBe('map (200 of 1000 rows, evenly spaced)');
  });
});
