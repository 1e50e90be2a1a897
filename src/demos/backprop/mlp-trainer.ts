// <viva-mlp-trainer>: an MLP built on the same autograd core (its tape fast path) learns a 2-D data set; the
// decision boundary (a heat map of the network's score) and the loss curve update live while it trains.
// Training runs in ~10 ms slices so the page stays responsive; Pause keeps what was learned.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MLP, type Activation, type LossKind } from '../../autograd';
import { DATASET_KINDS, makeDataset, type Dataset2d, type DatasetKind } from '../../../kernels/datasets2d';
import { isAbortError } from '../../runtime/abort';
import { TimeSlicer } from '../../runtime/loop';
import '../../ui/controls/select';
import { demoStyles } from '../../ui/demo-styles';
import '../../ui/controls/slider';
import '../../ui/heatmap';
import type { HeatmapPoint } from '../../ui/heatmap';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { parameterCount, parseLayerSizes } from './layer-sizes';

const GRID = 48;
const DATASET_OPTIONS = [...DATASET_KINDS];
const POINTS = 100;
const GRID_LO = -2;
const GRID_HI = 2.5;
const EXTENT: [number, number, number, number] = [GRID_LO, GRID_HI, GRID_LO, GRID_HI];
const DRAW_BOUNDARY_EVERY_MS = 100;
const DRAW_CURVES_EVERY_MS = 250; // a canvas redraw of a few thousand points takes about a millisecond

@customElement('viva-mlp-trainer')
export class VivaMlpTrainer extends LitElement {
  static override styles = [
    demoStyles,
    css`
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0 1rem;
        align-items: end;
      }
      input.sizes {
        width: 8rem;
      }
      .plots {
        display: grid;
        align-items: start;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
      @media (max-width: 700px) {
        .plots {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @state() dataKind: DatasetKind = 'moons';
  @state() noise = 0.1;
  @state() seed = 1;
  @state() sizesText = '16, 16';
  @state() activation: Activation = 'tanh';
  @state() loss: LossKind = 'hinge';
  @state() lr = 0.3;
  @state() sizesError = '';
  @state() error = '';
  @state() training = false;
  stepCount = 0;
  lastLoss = NaN;
  lastAccuracy = NaN;
  stepsPerSecond = 0;
  // Step counters change every step but are drawn only with the plots (a re-render per step would cost
  // more than the step itself), so they are plain fields and the draw methods request the update.
  @state() private boundary: number[][] = [];
  @state() private points: HeatmapPoint[] = [];
  @state() private curves: LineTrace[] = [];
  private data: Dataset2d = makeDataset('moons', { n: POINTS, noise: 0.1, seed: 1 });
  private mlp: MLP = new MLP(2, [16, 16, 1], { activation: 'tanh', seed: 1 });
  private sizes = [16, 16];
  private losses: number[] = [];
  private accuracies: number[] = [];
  private controller: AbortController | null = null;
  private readonly grid = makeGrid(GRID);
  private readonly scores = new Float64Array(GRID * GRID);

  override connectedCallback(): void {
    super.connectedCallback();
    this.rebuild();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  /** New data and a freshly initialised network from the current controls. */
  rebuild(): void {
    this.pause();
    this.data = makeDataset(this.dataKind, { n: POINTS, noise: this.noise, seed: this.seed });
    this.mlp = new MLP(2, [...this.sizes, 1], { activation: this.activation, seed: this.seed });
    this.losses = [];
    this.accuracies = [];
    this.stepCount = 0;
    this.lastLoss = NaN;
    this.lastAccuracy = NaN;
    this.error = '';
    this.draw();
  }

  /** Trains for `steps` SGD steps (or until paused / aborted), in time slices. Stop keeps what was learned. */
  async train(steps: number, signal?: AbortSignal, onProgress?: (done: number) => void): Promise<void> {
    this.pause();
    const controller = new AbortController();
    this.controller = controller;
    const relay = () => controller.abort();
    signal?.addEventListener('abort', relay, { once: true });
    this.training = true;
    const slicer = new TimeSlicer({ signal: controller.signal, budgetMs: 10 });
    const started = performance.now();
    let lastBoundary = 0;
    let lastCurves = 0;
    try {
      for (let k = 0; k < steps; k++) {
        this.oneStep();
        onProgress?.(k + 1);
        const now = performance.now();
        this.stepsPerSecond = ((k + 1) * 1000) / Math.max(1, now - started);
        if (now - lastBoundary > DRAW_BOUNDARY_EVERY_MS) {
          lastBoundary = now;
          this.drawBoundary();
        }
        if (now - lastCurves > DRAW_CURVES_EVERY_MS) {
          lastCurves = now;
          this.drawCurves();
        }
        await slicer.tick();
      }
    } catch (e) {
      if (!isAbortError(e)) {
        this.error = e instanceof Error ? e.message : String(e);
        throw e;
      }
      if (signal?.aborted) throw e;
    } finally {
      signal?.removeEventListener('abort', relay);
      if (this.controller === controller) this.controller = null;
      this.training = false;
      this.draw();
    }
  }

  pause(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private oneStep(): void {
    const { loss, accuracy } = this.mlp.step(this.data.xs, this.data.ys, {
      lr: this.lr,
      loss: this.loss,
      l2: 1e-4,
    });
    this.stepCount++;
    this.lastLoss = loss;
    this.lastAccuracy = accuracy;
    this.losses.push(loss);
    this.accuracies.push(accuracy);
  }

  private draw(): void {
    this.drawBoundary();
    this.drawCurves();
  }

  /** The network's score on the grid, squashed by tanh to [−1, 1], and the data on top. */
  private drawBoundary(): void {
    this.mlp.predictPoints(this.grid.points, this.scores);
    const z: number[][] = [];
    for (let r = 0; r < GRID; r++) {
      z.push(Array.from(this.scores.subarray(r * GRID, (r + 1) * GRID), (s) => Math.tanh(s)));
    }
    this.boundary = z;
    this.points = this.data.xs.map((p, i) => ({
      x: p[0]!,
      y: p[1]!,
      color: this.data.ys[i] === 1 ? '#b2182b' : '#2166ac',
    }));
  }

  private drawCurves(): void {
    const steps = this.losses.map((_, i) => i + 1);
    this.curves = [
      { type: 'line', x: steps, y: this.losses, name: 'loss' },
      { type: 'line', x: steps, y: this.accuracies, name: 'accuracy', dash: 'dot' },
    ];
  }

  private setSizes(text: string): void {
    this.sizesText = text;
    const parsed = parseLayerSizes(text);
    if ('error' in parsed) {
      this.sizesError = parsed.error;
      return;
    }
    this.sizesError = '';
    this.sizes = parsed.sizes;
    this.rebuild();
  }

  override render() {
    const params = parameterCount([2, ...this.sizes, 1]);
    return html`
      <div class="controls">
        <viva-select
          label="Data set"
          .options=${DATASET_OPTIONS}
          .value=${this.dataKind}
          @change=${(e: CustomEvent<string>) => ((this.dataKind = e.detail as DatasetKind), this.rebuild())}
        ></viva-select>
        <viva-slider
          label="Noise"
          .min=${0}
          .max=${0.5}
          .step=${0.01}
          .value=${this.noise}
          @change=${(e: CustomEvent<number>) => ((this.noise = e.detail), this.rebuild())}
        ></viva-slider>
        <viva-slider
          label="Seed"
          integer
          .min=${1}
          .max=${9999}
          .step=${1}
          .value=${this.seed}
          @change=${(e: CustomEvent<number>) => ((this.seed = e.detail), this.rebuild())}
        ></viva-slider>
        <div>
          <label for="sizes">Hidden layers (sizes)</label>
          <input
            id="sizes"
            class="text sizes"
            .value=${this.sizesText}
            aria-invalid=${this.sizesError ? 'true' : 'false'}
            aria-describedby="sizes-error"
            @change=${(e: Event) => this.setSizes((e.target as HTMLInputElement).value)}
          />
          <div class="error" id="sizes-error" role="status">${this.sizesError}</div>
        </div>
        <viva-select
          label="Activation"
          .options=${['tanh', 'relu']}
          .value=${this.activation}
          @change=${(e: CustomEvent<string>) => ((this.activation = e.detail as Activation), this.rebuild())}
        ></viva-select>
        <viva-select
          label="Loss"
          .options=${['hinge', 'logistic']}
          .value=${this.loss}
          @change=${(e: CustomEvent<string>) => (this.loss = e.detail as LossKind)}
        ></viva-select>
        <viva-slider
          label="Learning rate"
          .min=${0.001}
          .max=${1}
          .step=${0.001}
          .value=${this.lr}
          @change=${(e: CustomEvent<number>) => (this.lr = e.detail)}
        ></viva-slider>
      </div>
      <div class="row" role="toolbar" aria-label="Training">
        <button
          class="train"
          @click=${() => (this.training ? this.pause() : void this.train(100_000).catch(() => undefined))}
        >
          ${this.training ? 'Pause' : 'Play'}
        </button>
        <button class="one" ?disabled=${this.training} @click=${() => (this.oneStepSafely(), this.draw())}>
          Step
        </button>
        <button class="rebuild" @click=${() => this.rebuild()}>Reset network</button>
        <span class="stats" aria-live="off">
          MLP(2, [${[...this.sizes, 1].join(', ')}]) · ${params} parameters · step ${this.stepCount} · loss
          <span class="loss">${Number.isFinite(this.lastLoss) ? this.lastLoss.toFixed(4) : '—'}</span> ·
          accuracy
          <span class="accuracy"
            >${Number.isFinite(this.lastAccuracy) ? (this.lastAccuracy * 100).toFixed(0) + '%' : '—'}</span
          >
          ${this.training ? html` · ${this.stepsPerSecond.toFixed(0)} steps/s` : ''}
        </span>
      </div>
      <div class="error" role="alert">${this.error}</div>
      <div class="plots">
        <figure class="boundary-figure">
          <figcaption>decision boundary: tanh(score), red +1, blue −1</figcaption>
          <!-- tanh(score) lies in ±1; a ±1.6 scale keeps the colours light enough for the points to show. -->
          <viva-heatmap
            class="boundary"
            label="Decision boundary"
            .z=${this.boundary}
            .zmin=${-1.6}
            .zmax=${1.6}
            colormap="rdbu"
            flipY
            .extent=${EXTENT}
            .points=${this.points}
          ></viva-heatmap>
        </figure>
        <viva-line-chart
          class="loss-curve"
          label="Loss and accuracy"
          .traces=${this.curves}
          .axes=${{ xTitle: 'step', title: 'loss and accuracy' }}
        ></viva-line-chart>
      </div>
    `;
  }

  private oneStepSafely(): void {
    try {
      this.oneStep();
      this.error = '';
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }
}

/** A square grid of points covering the data's range, row-major, for the decision boundary. */
function makeGrid(n: number): { points: Float64Array; axis: number[] } {
  const lo = GRID_LO;
  const hi = GRID_HI;
  const axis = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const points = new Float64Array(n * n * 2);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      points[(r * n + c) * 2] = axis[c]!;
      points[(r * n + c) * 2 + 1] = axis[r]!;
    }
  }
  return { points, axis };
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-mlp-trainer': VivaMlpTrainer;
  }
}
