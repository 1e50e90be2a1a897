// Pure helpers for the normalization cell: the editable batch × features grid (seeded random fill, parsing a
// typed entry, which cells a norm averages over together) and the histogram-free summaries of batch noise.
import { createRng } from '../../runtime/rng';

export const GRID_ROWS = 6;
export const GRID_COLS = 5;
export const CELL_LIMIT = 1000;

export type NormMode = 'batch' | 'layer';

/**
 * A seeded grid whose features have visibly different scales and offsets (feature j ~ N(2j − 3, (j + 1)/2)),
 * rounded to one decimal so it reads easily.
 */
export function randomGrid(seed: number, rows = GRID_ROWS, cols = GRID_COLS): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, (_, j) => Math.round((2 * j - 3 + ((j + 1) / 2) * rng.normal()) * 10) / 10),
  );
}

/** A typed grid entry: a finite number within ±CELL_LIMIT, or a message saying what is wrong. */
export function parseCell(text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return { error: `"${text}" is not a number` };
  if (Math.abs(value) > CELL_LIMIT)
    return { error: `entries must be within ±${CELL_LIMIT}; ${value} is not` };
  return { value };
}

/** Whether cell (i, j) is in the same normalization slice as the selected cell: its column for batch norm
 *  (one feature over the batch), its row for layer norm (one example over its features). */
export function inSlice(
  mode: NormMode,
  selected: { row: number; col: number },
  i: number,
  j: number,
): boolean {
  return mode === 'batch' ? j === selected.col : i === selected.row;
}

export const fmt = (x: number, digits = 2): string =>
  Number.isFinite(x) ? (Object.is(Math.round(x * 10 ** digits), -0) ? 0 : x).toFixed(digits) : String(x);

/** Mean and population standard deviation of a list (for the batch-noise summary). */
export function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return { mean, std };
}
