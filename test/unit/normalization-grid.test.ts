// The normalization cell's pure pieces: the seeded grid, parsing typed entries, which cells share a
// normalization slice, summaries, and the training curves' traces.
import { describe, expect, it } from 'vitest';
import {
  CELL_LIMIT,
  GRID_COLS,
  GRID_ROWS,
  fmt,
  inSlice,
  meanAndStd,
  parseCell,
  randomGrid,
} from '../../src/demos/normalization/grid-model';
import { TrainingCurves, curveTraces, gapTraces } from '../../src/demos/normalization/training-curves';
import type { HeldOutScores } from '../../kernels/normalization-train';

describe('the grid', () => {
  it('is seeded, 6 × 5, one decimal, with feature j centred near 2j − 3', () => {
    const g = randomGrid(1);
    expect(randomGrid(1)).toEqual(g);
    expect(randomGrid(2)).not.toEqual(g);
    expect(g).toHaveLength(GRID_ROWS);
    expect(g.every((r) => r.length === GRID_COLS)).toBe(true);
    expect(g.flat().every((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9)).toBe(true);
    const big = randomGrid(3, 2000, 5);
    for (let j = 0; j < 5; j++) {
      const { mean, std } = meanAndStd(big.map((r) => r[j]!));
      expect(Math.abs(mean - (2 * j - 3))).toBeLessThan(0.15);
      expect(Math.abs(std / ((j + 1) / 2) - 1)).toBeLessThan(0.1);
    }
  });

  it('parses typed entries and explains a bad one', () => {
    expect(parseCell(' -2.5 ')).toEqual({ value: -2.5 });
    expect(parseCell('1e2')).toEqual({ value: 100 });
    expect(parseCell('abc')).toEqual({ error: '"abc" is not a number' });
    expect(parseCell('')).toEqual({ error: '"" is not a number' });
    expect(parseCell(String(CELL_LIMIT + 1))).toEqual({ error: 'entries must be within ±1000; 1001 is not' });
  });

  it('batch norm shares a column (one feature over the batch), layer norm a row (one example)', () => {
    const selected = { row: 2, col: 3 };
    expect(inSlice('batch', selected, 0, 3)).toBe(true);
    expect(inSlice('batch', selected, 2, 0)).toBe(false);
    expect(inSlice('layer', selected, 2, 0)).toBe(true);
    expect(inSlice('layer', selected, 0, 3)).toBe(false);
  });

  it('summarizes and formats', () => {
    expect(meanAndStd([1, 3])).toEqual({ mean: 2, std: 1 });
    expect(meanAndStd([]).mean).toBeNaN();
    expect(fmt(-0.001)).toBe('0.00');
    expect(fmt(1.234, 1)).toBe('1.2');
  });
});

describe('training curves', () => {
  const scores = (k: number): HeldOutScores => ({
    loss: { none: 0.7 - k / 100, batch: 0.6 - k / 50, layer: 0.65 - k / 80 },
    accuracy: { none: 0.5, batch: 0.6, layer: 0.55 },
    bnTrainModeLoss: 0.62 - k / 50,
    bnModeGap: 0.5 / (k + 1),
  });

  it('keep only held-out snapshots and draw four loss lines and the gap', () => {
    const c = new TrainingCurves();
    c.start(16);
    c.add({ step: 1, trainLoss: { none: 1, batch: 1, layer: 1 }, heldOut: null });
    c.add({ step: 5, trainLoss: { none: 1, batch: 1, layer: 1 }, heldOut: scores(1) });
    c.add({ step: 10, trainLoss: { none: 1, batch: 1, layer: 1 }, heldOut: scores(2) });
    expect(c.steps).toEqual([5, 10]);
    expect(c.batchSize).toBe(16);
    expect(c.latest?.step).toBe(10);
    const lines = curveTraces(c);
    expect(lines.map((t) => t.name)).toEqual([
      'no norm',
      'batch norm (eval mode)',
      'batch norm (train mode)',
      'layer norm',
    ]);
    expect(lines[1]).toMatchObject({ x: [5, 10], y: [0.6 - 1 / 50, 0.6 - 2 / 50] });
    expect(lines[2]).toMatchObject({ y: [0.62 - 1 / 50, 0.62 - 2 / 50], dash: 'dot' });
    expect(gapTraces(c)[0]).toMatchObject({ x: [5, 10], y: [0.25, 0.5 / 3] });
    c.clear();
    expect(c.latest).toBeNull();
  });
});
