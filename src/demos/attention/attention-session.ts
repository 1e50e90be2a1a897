// The attention cell's session, without DOM: the current Q, K, V (built from the settings, then changed by
// drags and edits), the attention of every head, which query and head are selected, the query plane's range,
// and Run's measurement (the tfjs kernel against the float64 path, then the √d_k saturation curves) with its
// metrics. The element draws it; tests drive it in Node.
//
// Example:
//   const s = new AttentionSession(defaults(ATTENTION_SETTINGS));
//   s.moveQuery(0.5, -1);            // the selected query's first two components
//   s.results[s.selectedHead].weights[s.selectedQuery]
import type { AttentionResult } from '../../../kernels/attention-shapes';
import type { SaturationRow } from '../../../kernels/attention-saturation';
import { throwIfAborted } from '../../runtime/abort';
import { yieldFrame } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import { attendAll, buildInputs, withEntry, type AttentionInputs } from './attention-state';
import { crossCheck, type CrossCheck } from './cross-check';
import { headCount, type AttentionValues } from './settings';

export const SATURATION_DIMS = [2, 4, 8, 16, 32, 64, 128, 256, 512];
export const SATURATION_KEYS = 16;
export const SATURATION_QUERIES = 256;

export type Matrix = 'q' | 'k' | 'v';

export interface MeasureOptions {
  /** The tfjs backend in use (named in the check's text). */
  backend: string;
  signal: AbortSignal;
  progress?: (fraction: number, label: string) => void;
  /** The key dimensions of the saturation curves (tests pass fewer). */
  dims?: readonly number[];
}

export class AttentionSession {
  inputs!: AttentionInputs;
  results: AttentionResult[] = [];
  selectedQuery = 1;
  selectedHead = 0;
  /** Half-width of the query plane. */
  planeRange = 3;
  /** Why the last settings could not be used (the previous inputs stay); '' when they were. */
  inputError = '';
  /** Why the attention could not be computed; '' when it was. */
  error = '';
  check: CrossCheck | null = null;
  saturation: SaturationRow[] = [];

  constructor(private values: AttentionValues) {
    this.rebuild(values);
  }

  get settings(): AttentionValues {
    return this.values;
  }

  /** New settings: the sentence, heads or seed rebuild Q, K, V (dropping edits); the rest recompute. */
  apply(values: AttentionValues, rebuild: boolean): void {
    if (rebuild) this.rebuild(values);
    else {
      this.values = values;
      this.recompute();
    }
  }

  /** Recomputes X, Q, K, V from the sentence, heads and seed (dropping edits), then the attention. */
  rebuild(values: AttentionValues): void {
    this.values = values;
    const built = buildInputs(values.sentence, headCount(values), values.seed);
    if ('error' in built) {
      this.inputError = built.error;
      if (this.inputs) this.recompute();
      return;
    }
    this.inputError = '';
    this.inputs = built;
    this.selectedQuery = Math.min(this.selectedQuery, built.tokens.length - 1);
    this.selectedHead = Math.min(this.selectedHead, built.heads - 1);
    this.recompute();
    this.fitPlane();
  }

  /** Back to the first state for these settings: query 2, head 1, no measurement. */
  reset(values: AttentionValues): void {
    this.selectedQuery = 1;
    this.selectedHead = 0;
    this.check = null;
    this.saturation = [];
    this.error = '';
    this.rebuild(values);
  }

  private recompute(): void {
    try {
      this.results = attendAll(this.inputs, this.values);
      this.error = '';
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** The plane's half-width: the largest first-two-component magnitude of this head's keys and queries. */
  fitPlane(): void {
    const h = this.selectedHead;
    const all = [...this.inputs.k[h]!, ...this.inputs.q[h]!].flatMap((r) => [r[0]!, r[1] ?? 0]);
    this.planeRange = Math.max(2, Math.ceil(Math.max(...all.map(Math.abs)) * 1.3 * 2) / 2);
  }

  /** Moves the selected query of the selected head: its first component to x, its second (if any) to y. */
  moveQuery(x: number, y: number): void {
    const h = this.selectedHead;
    let q = withEntry(this.inputs.q, h, this.selectedQuery, 0, x);
    if (q[h]![0]!.length > 1) q = withEntry(q, h, this.selectedQuery, 1, y);
    this.inputs = { ...this.inputs, q };
    this.recompute();
  }

  /** One entry of Q, K or V (of the selected head) typed in. */
  edit(which: Matrix, row: number, col: number, value: number): void {
    this.inputs = {
      ...this.inputs,
      [which]: withEntry(this.inputs[which], this.selectedHead, row, col, value),
    };
    this.recompute();
    this.fitPlane();
  }

  selectQuery(i: number): void {
    this.selectedQuery = Math.max(0, Math.min(this.inputs.tokens.length - 1, i));
    this.fitPlane();
  }

  selectHead(h: number): void {
    this.selectedHead = Math.max(0, Math.min(this.inputs.heads - 1, h));
    this.fitPlane();
  }

  /**
   * Run: the tfjs kernel on the current Q, K, V against the float64 path, then the saturation curves, one
   * d_k at a time (each row kept as it comes). Needs tfjs started with a backend.
   */
  async measure(options: MeasureOptions): Promise<void> {
    const { signal, progress = () => undefined } = options;
    const kernels = await import('../../../kernels/attention');
    const { softmaxSaturationAsync } = await import('../../../kernels/attention-saturation');
    throwIfAborted(signal);
    progress(0.1, 'checking the tfjs kernel');
    this.check = await crossCheck(kernels, this.inputs, this.values, options.backend, signal);
    const dims = options.dims ?? SATURATION_DIMS;
    const rows: SaturationRow[] = [];
    this.saturation = [];
    for (const [i, d] of dims.entries()) {
      progress(0.2 + (0.8 * i) / dims.length, `saturation: d_k = ${d}`);
      rows.push(
        ...(await softmaxSaturationAsync({
          dims: [d],
          keys: SATURATION_KEYS,
          queries: SATURATION_QUERIES,
          seed: this.values.seed,
        })),
      );
      this.saturation = rows.slice();
      await yieldFrame();
      throwIfAborted(signal);
    }
    progress(1, 'done');
  }

  /** The last measurement's numbers, for the run card (what was not measured is left out). */
  metrics(): Metrics {
    const m: Metrics = {};
    if (this.check) m['maxDifference'] = this.check.maxDifference;
    const last = this.saturation.at(-1);
    if (last)
      Object.assign(m, {
        maxWeightUnscaled: last.unscaled.maxWeight,
        maxWeightScaled: last.scaled.maxWeight,
        largestDk: last.dK,
        logitStdUnscaled: last.unscaled.logitStd,
        logitStdScaled: last.scaled.logitStd,
      });
    if (this.check)
      Object.assign(m, { backend: this.check.backend, tfjsMs: this.check.tfjsMs, jsMs: this.check.jsMs });
    return Object.assign(m, { tokens: this.inputs.tokens.length, heads: this.inputs.heads });
  }
}
