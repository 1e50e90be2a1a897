// The editable grid's session, with no DOM: the batch × features activations, the selected cell, batch norm's
// running statistics (fed batch by batch) and the latest normalized result from the kernels (batch norm in
// train or eval mode, or layer norm). Typed entries are validated here; the element draws and routes input.
// Tested in Node on the CPU backend.
import {
  batchNorm,
  layerNorm,
  type NormResult,
  type RunningStatistics,
} from '../../../kernels/normalization';
import { GRID_COLS, parseCell, randomGrid, type NormMode } from './grid-model';

export type BnMode = 'train' | 'eval';

export const freshRunning = (cols = GRID_COLS): RunningStatistics => ({
  mean: new Array<number>(cols).fill(0),
  variance: new Array<number>(cols).fill(1),
});

export class NormGridSession {
  x: number[][] = randomGrid(1);
  selected = { row: 0, col: 0 };
  running: RunningStatistics = freshRunning();
  /** Batches fed into the running statistics since they were last reset. */
  fed = 0;
  result: NormResult | null = null;
  /** Why the last edit or computation was refused ('' when none was). */
  message = '';
  private gridSeed = 1;
  /** Feeds run one after another, each from the running statistics the previous one left. */
  private feeding: Promise<void> = Promise.resolve();

  /** Back to the shipped grid, selection and running statistics. */
  reset(): void {
    this.gridSeed = 1;
    this.x = randomGrid(1);
    this.selected = { row: 0, col: 0 };
    this.running = freshRunning();
    this.fed = 0;
    this.result = null;
    this.message = '';
  }

  /** Normalizes the grid as it is now; the caller stores the result (a newer call may have replaced it). */
  normalize(mode: NormMode, bnMode: BnMode): Promise<NormResult> {
    return mode === 'layer' ? layerNorm(this.x) : batchNorm(this.x, { mode: bnMode, running: this.running });
  }

  /** A typed entry at (i, j): taken if it is a number within range, else kept with a message. True if taken. */
  edit(i: number, j: number, text: string): boolean {
    const parsed = parseCell(text);
    if ('error' in parsed) {
      this.message = `Row ${i + 1}, feature ${j + 1}: ${parsed.error}; kept ${this.x[i]![j]}.`;
      return false;
    }
    this.message = '';
    this.x = this.x.map((r, a) => (a === i ? r.map((v, b) => (b === j ? parsed.value : v)) : r));
    return true;
  }

  /** A fresh seeded grid (the next seed each time). */
  randomize(): void {
    this.x = randomGrid(++this.gridSeed);
    this.message = '';
  }

  /**
   * One training-mode step of the running averages with this batch (momentum 0.1). Calls made before the
   * previous one finished wait for it, so quick clicks each count.
   */
  feed(): Promise<void> {
    const next = this.feeding.then(async () => {
      const { running } = await batchNorm(this.x, { running: this.running });
      this.running = running;
      this.fed++;
    });
    this.feeding = next.catch(() => undefined);
    return next;
  }

  clearRunning(): void {
    this.running = freshRunning();
    this.fed = 0;
  }
}
