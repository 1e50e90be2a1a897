// The MLP trainer's state, with no DOM: a seeded 2-D data set and an MLP on the autograd core (its tape fast
// path), full-batch SGD steps, the loss and accuracy history, the network's score on a grid (the decision
// boundary) and the final metrics. train() runs in ~10 ms time slices and stops on its signal, keeping what
// was learned. The same settings and seed give the same metrics, bit for bit.
//
// Example: const s = new MlpSession(mlpSettings(store.values)); await s.train(500); s.metrics().accuracy
import { makeDataset, type Dataset2d } from '../../../kernels/datasets2d';
import { MLP, type StepResult } from '../../autograd';
import { TimeSlicer, type YieldFn } from '../../runtime/loop';
import { parameterCount, parseLayerSizes } from './layer-sizes';
import type { MlpSettings } from './settings';

export const POINTS = 100;
export const GRID = 48;
export const GRID_LO = -2;
export const GRID_HI = 2.5;
/** The weight decay of every step. */
export const L2 = 1e-4;
/**
 * Rows of the decision boundary train() computes after each step, from a snapshot of the network: a whole
 * grid at once costs some twenty steps, too long for one main-thread task, so it is spread over GRID steps.
 */
export const BOUNDARY_ROWS_PER_STEP = 1;

/** At most this many points per curve are drawn (every k-th step, and the last), however long the training. */
export const MAX_CURVE_POINTS = 2000;

/** The settings that need a new data set or network when they change. */
const REBUILD_KEYS = ['data', 'noise', 'seed', 'sizes', 'act'] as const;

export interface TrainOptions {
  signal?: AbortSignal;
  /** Called after every step with the steps done in this call. */
  onStep?: (done: number) => void;
  yieldFn?: YieldFn;
}

export class MlpSession {
  data!: Dataset2d;
  mlp!: MLP;
  sizes: number[] = [];
  stepCount = 0;
  lastLoss = NaN;
  lastAccuracy = NaN;
  readonly losses: number[] = [];
  readonly accuracies: number[] = [];
  /** Steps per second of the last train() call. */
  stepsPerSecond = 0;
  /** Bumped by every step and rebuild: views cached on it are redrawn when it changes. */
  version = 0;
  private settings!: MlpSettings;
  private readonly grid = makeGrid(GRID);
  private readonly scores = new Float64Array(GRID * GRID);
  private boundaryCache: { version: number; z: number[][] } | null = null;
  /** A copy of the network that the boundary being drawn during training is computed from. */
  private snapshot!: MLP;
  private pending: { version: number; row: number; z: number[][] } | null = null;
  /** The last boundary completed during training. */
  private drawn: { version: number; z: number[][] } | null = null;

  constructor(settings: MlpSettings) {
    this.rebuild(settings);
  }

  /** New data and a freshly initialised network from these settings (the history is cleared). */
  rebuild(settings: MlpSettings = this.settings): void {
    const parsed = parseLayerSizes(settings.sizes);
    if ('error' in parsed) throw new Error(parsed.error);
    this.settings = { ...settings };
    this.sizes = parsed.sizes;
    this.data = makeDataset(settings.data, { n: POINTS, noise: settings.noise, seed: settings.seed });
    this.mlp = new MLP(2, [...this.sizes, 1], { activation: settings.act, seed: settings.seed });
    this.snapshot = new MLP(2, [...this.sizes, 1], { activation: settings.act, seed: settings.seed });
    this.pending = null;
    this.drawn = null;
    this.losses.length = 0;
    this.accuracies.length = 0;
    this.stepCount = 0;
    this.lastLoss = NaN;
    this.lastAccuracy = NaN;
    this.stepsPerSecond = 0;
    this.version++;
  }

  /**
   * Takes new settings: rebuilds when the data set or network changes (returns true), else applies the live
   * ones (loss, learning rate, steps per Run) to the next step.
   */
  configure(settings: MlpSettings): boolean {
    const rebuild = this.needsRebuild(settings);
    if (rebuild) this.rebuild(settings);
    else this.settings = { ...settings };
    return rebuild;
  }

  /** Whether these settings need a new data set or network. */
  needsRebuild(settings: MlpSettings): boolean {
    return REBUILD_KEYS.some((k) => settings[k] !== this.settings[k]);
  }

  get config(): Readonly<MlpSettings> {
    return this.settings;
  }

  /** One full-batch SGD step; returns the loss and accuracy before the update. */
  step(): StepResult {
    const r = this.mlp.step(this.data.xs, this.data.ys, {
      lr: this.settings.lr,
      loss: this.settings.loss,
      l2: L2,
    });
    this.stepCount++;
    this.lastLoss = r.loss;
    this.lastAccuracy = r.accuracy;
    this.losses.push(r.loss);
    this.accuracies.push(r.accuracy);
    this.version++;
    return r;
  }

  /** `steps` steps in time slices; rejects with an AbortError when the signal fires (steps done stay done). */
  async train(steps: number, options: TrainOptions = {}): Promise<void> {
    const slicer = new TimeSlicer({ signal: options.signal, yieldFn: options.yieldFn });
    const started = performance.now();
    for (let k = 0; k < steps; k++) {
      this.step();
      this.stepsPerSecond = ((k + 1) * 1000) / Math.max(1, performance.now() - started);
      this.advanceBoundary(BOUNDARY_ROWS_PER_STEP);
      options.onStep?.(k + 1);
      await slicer.tick();
    }
  }

  get parameters(): number {
    return parameterCount([2, ...this.sizes, 1]);
  }

  /** The network's score on the grid, squashed by tanh to [−1, 1], row by row (cached per version). */
  boundary(): number[][] {
    if (this.boundaryCache?.version === this.version) return this.boundaryCache.z;
    this.mlp.predictPoints(this.grid, this.scores);
    const z: number[][] = [];
    for (let r = 0; r < GRID; r++) z.push(this.row(r));
    this.boundaryCache = { version: this.version, z };
    return z;
  }

  /**
   * What to draw while training: the last boundary train() completed (a few steps old), or the exact one
   * when none was completed since the network changed.
   */
  latestBoundary(): number[][] {
    if (this.boundaryCache?.version === this.version || !this.drawn) return this.boundary();
    return this.drawn.z;
  }

  /**
   * Computes `rows` more rows of the boundary of the network as it was when this boundary began; returns
   * true when the boundary is complete (then latestBoundary() shows it).
   */
  advanceBoundary(rows: number): boolean {
    if (!this.pending) {
      this.snapshot.setParameters(this.mlp.getParameters());
      this.pending = { version: this.version, row: 0, z: [] };
    }
    const p = this.pending;
    const end = Math.min(GRID, p.row + rows);
    this.snapshot.predictPoints(
      this.grid.subarray(p.row * GRID * 2, end * GRID * 2),
      this.scores.subarray(p.row * GRID, end * GRID),
    );
    for (let r = p.row; r < end; r++) p.z.push(this.row(r));
    p.row = end;
    if (end < GRID) return false;
    this.drawn = { version: p.version, z: p.z };
    this.pending = null;
    return true;
  }

  private row(r: number): number[] {
    return Array.from(this.scores.subarray(r * GRID, (r + 1) * GRID), (s) => Math.tanh(s));
  }

  /** The loss and accuracy curves, thinned to at most about `max` points (every k-th step and the last). */
  curves(max: number): { steps: number[]; loss: number[]; accuracy: number[] } {
    const n = this.losses.length;
    const stride = Math.max(1, Math.ceil(n / max));
    const steps: number[] = [];
    for (let i = 0; i < n; i += stride) steps.push(i + 1);
    if (n > 0 && steps[steps.length - 1] !== n) steps.push(n);
    return {
      steps,
      loss: steps.map((k) => this.losses[k - 1]!),
      accuracy: steps.map((k) => this.accuracies[k - 1]!),
    };
  }

  /** The final metrics of the training so far, for the run card. */
  metrics(): { steps: number; loss: number; accuracy: number; parameters: number } {
    return {
      steps: this.stepCount,
      loss: this.lastLoss,
      accuracy: this.lastAccuracy,
      parameters: this.parameters,
    };
  }
}

/** A square grid of points covering the data's range, row-major ([x, y] pairs), for the decision boundary. */
export function makeGrid(n: number): Float64Array {
  const axis = Array.from({ length: n }, (_, i) => GRID_LO + ((GRID_HI - GRID_LO) * i) / (n - 1));
  const points = new Float64Array(n * n * 2);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      points[(r * n + c) * 2] = axis[c]!;
      points[(r * n + c) * 2 + 1] = axis[r]!;
    }
  }
  return points;
}
