// The transformer cell's demo (question 5): a tiny decoder-only transformer learns a digit task live in
// the browser. Loss and accuracy curves, every layer's and head's attention on the test input, the
// positional-encoding heat map, the parameter count, and a box to type a test input. Training runs on the
// page's tfjs backend in time slices; Stop keeps what was learned, Reset starts again.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { TransformerConfig } from '../../../kernels/transformer/model';
import { VOCAB_SIZE, parseDigits } from '../../../kernels/transformer/task';
import type {
  Prediction,
  TransformerSnapshot,
  TransformerTrainer,
} from '../../../kernels/transformer/trainer';
import { isAbortError } from '../../runtime/abort';
import type { BackendName } from '../../runtime/backend-choice';
import { computeRuntime, type ComputeRuntime } from '../../runtime/compute';
import '../../ui/line-chart';
import '../../ui/plot';
import type { Metrics } from '../../ui/kit/run-card';
import '../../ui/kit/settings-element';
import { SettingsStore, type SettingsChange } from '../../ui/kit/settings-store';
import type { DemoElement, RunContext } from '../contract';
import { onBackend, pickEngine, type EnginePick } from './engine';
import './transformer-controls';
import { defaultTestInput, transformerSettings, type TransformerSettings } from './transformer-controls';
import { attentionMaps } from './transformer-maps';
import { TARGET_ACCURACY, TRANSFORMER_SETTINGS, type TransformerSettingValues } from './settings';
import { transformerStyles } from './transformer-styles';
import {
  curveTraces,
  emptyCurves,
  positionalTraces,
  parameterBreakdown,
  taskDescription,
  type Curves,
} from './transformer-view';

const DEFAULT_TEST = defaultTestInput(5);
const TARGET = TARGET_ACCURACY;
const LOSS_AXES = { xTitle: 'step', yLog: true, title: 'loss (answer digits)', showLegend: false };
const ACCURACY_AXES = {
  xTitle: 'step',
  yRange: [0, 1] as [number, number],
  title: 'accuracy on 256 held-out questions',
};
const PE_AXES = { xTitle: 'dimension', yTitle: 'position', showLegend: false };
const EVAL_EVERY = 20;
const BATCH = 32;

@customElement('viva-demo-transformer')
export class VivaDemoTransformer extends LitElement implements DemoElement {
  static override styles = transformerStyles;

  readonly settingsStore = new SettingsStore(TRANSFORMER_SETTINGS);
  private cachedSettings: [TransformerSettingValues, TransformerSettings] | null = null;
  @state() testText = DEFAULT_TEST;
  @state() enginePick: EnginePick | null = null;
  @state() testError = '';
  @state() prediction: Prediction | null = null;
  @state() curves: Curves = emptyCurves();
  @state() training = false;
  // Per-step numbers are plain fields, shown when the plots redraw (every ~150 ms and at evaluations), so
  // the template does not re-render after every step.
  step = 0;
  loss = NaN;
  sequenceAccuracy = NaN;
  tokenAccuracy = NaN;
  msPerStep = NaN;
  /** Training time of this model so far, over all its runs (ms). */
  trainedMs = 0;
  @state() backend = '';
  @state() error = '';
  @state() message = '';
  private trainer: TransformerTrainer | null = null;
  private controller: AbortController | null = null;
  private runDone: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.settingsStore.subscribe((c) => this.changed(c));
  }

  /** The current settings, as the training code reads them (from the settings store). */
  get settings(): TransformerSettings {
    const values = this.settingsStore.values;
    if (this.cachedSettings?.[0] !== values) this.cachedSettings = [values, transformerSettings(values)];
    return this.cachedSettings[1];
  }

  /** The last run's final numbers, for its run card. */
  metrics(): Metrics {
    return {
      step: this.step,
      loss: this.loss,
      sequenceAccuracy: this.sequenceAccuracy,
      tokenAccuracy: this.tokenAccuracy,
      msPerStep: this.msPerStep,
      trainedMs: this.trainedMs,
      backend: this.backend,
    };
  }

  get config(): TransformerConfig {
    const s = this.settings;
    return {
      vocabSize: VOCAB_SIZE,
      maxLength: 2 * s.length,
      dModel: s.dModel,
      heads: s.heads,
      layers: s.layers,
      ffMultiplier: 2,
      seed: s.seed,
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.discardModel();
  }

  async run(ctx: RunContext): Promise<void> {
    await this.train(ctx.compute, ctx.signal, (done, label) =>
      ctx.progress(done / this.settings.maxSteps, label),
    );
  }

  reset(): void {
    this.testText = DEFAULT_TEST;
    this.testError = '';
    this.discardModel();
  }

  /** Stops training, drops the model (disposed once its run has ended) and clears the curves. */
  private discardModel(): void {
    this.controller?.abort();
    const old = this.trainer;
    this.trainer = null;
    if (old) void this.runDone.then(() => old.dispose());
    Object.assign(this, {
      curves: emptyCurves(),
      step: 0,
      loss: NaN,
      sequenceAccuracy: NaN,
      tokenAccuracy: NaN,
      msPerStep: NaN,
      trainedMs: 0,
      prediction: null,
      enginePick: null,
      error: '',
      message: '',
    });
  }

  /**
   * tfjs and the engine to use; the model is built on that engine the first time. `fn` runs with tfjs
   * switched to the engine (and switched back to the page's backend afterwards).
   */
  private async withTrainer<T>(
    compute: ComputeRuntime,
    fn: (t: TransformerTrainer) => Promise<T>,
  ): Promise<T> {
    const tf = await compute.ensure();
    const page = compute.state.backend ?? (tf.getBackend() as BackendName);
    const pick =
      this.trainer && this.enginePick
        ? this.enginePick
        : pickEngine(this.settings.engine, page, compute.state.renderer);
    return onBackend(tf, pick.backend, page, async () => {
      if (!this.trainer) {
        this.enginePick = pick;
        this.backend = pick.backend;
        const { TransformerTrainer } = await import('../../../kernels/transformer/trainer');
        const s = this.settings;
        this.trainer = new TransformerTrainer({
          task: s.task,
          length: s.length,
          dModel: s.dModel,
          heads: s.heads,
          layers: s.layers,
          ffMultiplier: 2,
          learningRate: s.learningRate,
          batchSize: BATCH,
          seed: s.seed,
        });
        const digits = parseDigits(this.testText, s.length);
        if ('digits' in digits) this.trainer.setProbe(digits.digits);
      }
      return fn(this.trainer);
    });
  }

  /** Trains until the target accuracy (if on) or maxSteps more steps; Stop (signal or Pause) keeps the model. */
  async train(
    compute: ComputeRuntime = computeRuntime(),
    signal?: AbortSignal,
    onProgress?: (done: number, label: string) => void,
  ): Promise<void> {
    this.controller?.abort();
    await this.runDone;
    const controller = new AbortController();
    this.controller = controller;
    const relay = () => controller.abort();
    signal?.addEventListener('abort', relay, { once: true });
    let finish = () => {};
    this.runDone = new Promise<void>((r) => (finish = r));
    this.training = true;
    this.error = '';
    this.message = '';
    try {
      await this.withTrainer(compute, async (trainer) => {
        const startStep = trainer.stepCount;
        const started = performance.now();
        const before = this.trainedMs;
        let lastDraw = 0;
        for await (const s of trainer.train({
          steps: this.settings.maxSteps,
          signal: controller.signal,
          evalEvery: EVAL_EVERY,
          stopAtAccuracy: this.settings.stopAtTarget ? TARGET : undefined,
        })) {
          const now = performance.now();
          this.msPerStep = (now - started) / (s.step - startStep);
          this.absorb(s, before + s.elapsedMs, now - lastDraw > 150 || s.evaluation !== null);
          if (s.evaluation) lastDraw = now;
          onProgress?.(s.step - startStep, `step ${s.step}`);
          if (s.evaluation && this.settings.stopAtTarget && s.evaluation.sequenceAccuracy >= TARGET)
            this.message =
              `Reached ${(TARGET * 100).toFixed(0)}% sequence accuracy at step ${s.step} ` +
              `in ${((now - started) / 1000).toFixed(1)} s.`;
        }
      });
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
      finish();
    }
  }

  pause(): void {
    this.controller?.abort();
  }

  private absorb(s: TransformerSnapshot, trainedMs: number, redraw: boolean): void {
    const c = this.curves;
    c.steps.push(s.step);
    c.losses.push(s.loss);
    if (s.evaluation) {
      c.evalSteps.push(s.step);
      c.evalMs.push(trainedMs);
      c.sequenceAccuracy.push(s.evaluation.sequenceAccuracy);
      c.tokenAccuracy.push(s.evaluation.tokenAccuracy);
      this.sequenceAccuracy = s.evaluation.sequenceAccuracy;
      this.tokenAccuracy = s.evaluation.tokenAccuracy;
    }
    if (s.probe) this.prediction = s.probe;
    this.step = s.step;
    this.loss = s.loss;
    this.trainedMs = trainedMs;
    // A new object so the plots see a change (and the template shows the fields above); only every ~150 ms
    // and at evaluations.
    if (redraw) this.curves = { ...c };
  }

  private async setTest(text: string): Promise<void> {
    this.testText = text;
    const parsed = parseDigits(text, this.settings.length);
    if ('error' in parsed) {
      this.testError = parsed.error;
      return;
    }
    this.testError = '';
    try {
      this.prediction = await this.withTrainer(computeRuntime(), (trainer) => {
        trainer.setProbe(parsed.digits);
        return trainer.predict(parsed.digits);
      });
    } catch (e) {
      this.testError = e instanceof Error ? e.message : String(e);
    }
  }

  /** A new setting. Anything that shapes the model ('rebuild') drops the old model (and its curves). */
  private changed(c: SettingsChange<typeof TRANSFORMER_SETTINGS>): void {
    this.requestUpdate();
    if (!c.rebuild) return;
    this.discardModel();
    if (c.keys.includes('digits')) this.testText = defaultTestInput(this.settings.length);
    const parsed = parseDigits(this.testText, this.settings.length);
    this.testError = 'error' in parsed ? parsed.error : '';
  }

  override render() {
    const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '—');
    return html`
      <viva-settings class="controls" .store=${this.settingsStore}></viva-settings>
      <div class="row" role="toolbar" aria-label="Training">
        <button
          class="train"
          @click=${() => (this.training ? this.pause() : void this.train().catch(() => undefined))}
        >
          ${this.training ? 'Pause' : this.step > 0 ? 'Continue' : 'Train'}
        </button>
        <button class="rebuild" @click=${() => this.discardModel()}>New model</button>
        <span class="stats train-stats" aria-live="off">
          step <span class="step">${this.step}</span> · loss
          <span class="loss">${Number.isFinite(this.loss) ? this.loss.toFixed(4) : '—'}</span> · sequence
          accuracy <span class="accuracy">${pct(this.sequenceAccuracy)}</span> · digits
          <span class="token-accuracy">${pct(this.tokenAccuracy)}</span>
          ${Number.isFinite(this.msPerStep) ? html` · ${this.msPerStep.toFixed(0)} ms/step on ${this.backend}` : ''}
        </span>
      </div>
      <div class="params">
        ${parameterBreakdown(this.config)} · task:
        ${taskDescription(this.settings.task, this.settings.length)}
      </div>
      ${this.enginePick ? html`<div class="params engine">training on ${this.enginePick.backend} (${this.enginePick.reason})</div>` : ''}
      <div class="error run-error" role="alert">${this.error}</div>
      <div class="run-message" role="status">${this.message}</div>
      <div class="plots">
        <viva-line-chart
          class="loss-curve"
          label="Training loss"
          .traces=${curveTraces(this.curves).loss}
          .axes=${LOSS_AXES}
        ></viva-line-chart>
        <viva-line-chart
          class="accuracy-curve"
          label="Sequence and digit accuracy"
          .traces=${curveTraces(this.curves).accuracy}
          .axes=${ACCURACY_AXES}
        ></viva-line-chart>
      </div>
      ${this.renderTest()} ${attentionMaps(this.prediction)}
      <h4>Sinusoidal positional encoding</h4>
      <viva-plot
        class="positional"
        label="Positional encoding heat map"
        .height=${220}
        .traces=${positionalTraces(2 * this.settings.length, this.settings.dModel)}
        .axes=${PE_AXES}
      ></viva-plot>
    `;
  }

  private renderTest() {
    const p = this.prediction;
    return html`<h4>Try it</h4>
      <div class="row">
        <label for="test-input">Test input (${this.settings.length} digits)</label>
        <input
          id="test-input"
          class="text test-input"
          .value=${this.testText}
          aria-invalid=${this.testError ? 'true' : 'false'}
          aria-describedby="test-error"
          @change=${(e: Event) => void this.setTest((e.target as HTMLInputElement).value)}
        />
        ${
          p
            ? html`<span class="answer"
                >model:
                <span class="model-output ${p.correct ? 'right' : 'wrong'}">${p.output.join('')}</span> ·
                expected ${p.expected.join('')} ${p.correct ? '✓' : '✗'}</span
              >`
            : html`<span class="stats">Train (or press Enter in the box) to see the model's answer.</span>`
        }
      </div>
      <div class="error" id="test-error" role="status">${this.testError}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-transformer': VivaDemoTransformer;
  }
}
