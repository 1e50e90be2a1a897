// The transformer cell's demo (question 5): a tiny decoder-only transformer learns a digit task live in
// the browser. Loss and accuracy curves, every layer's and head's attention on the test input, the
// positional-encoding heat map, the parameter count, and a box to type a test input. The model trains in a
// worker (trainer.worker.ts) on its own tfjs backend, so the page stays responsive; each step's snapshot
// comes back as plain data. Stop keeps what was learned, Reset starts again.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { TransformerConfig } from '../../../kernels/transformer/model';
import { parseDigits } from '../../../kernels/transformer/task';
import type { Prediction, TransformerSnapshot } from '../../../kernels/transformer/trainer';
import { computeRuntime, type ComputeRuntime } from '../../runtime/compute';
import type { Metrics } from '../../ui/kit/run-card';
import { RunController, type RunHandle, type StartOptions } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore, type SettingsChange } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import '../../ui/plot';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { backendRequest, pickEngine, workerReason, type EnginePick } from './engine';
import { RemoteTrainer } from './remote-trainer';
import { TARGET_ACCURACY, TRANSFORMER_SETTINGS, type TransformerSettingValues } from './settings';
import { defaultTestInput, transformerSettings, type TransformerSettings } from './transformer-controls';
import { attentionMaps, keptTestError, testBox } from './transformer-maps';
import { transformerStyles } from './transformer-styles';
import { leakedTensors, type ModelSpec, type TrainProgress } from './trainer-jobs';
import { absorbSnapshots, emptyTraining, modelConfig, modelOptions } from './training-state';
import {
  ACCURACY_AXES,
  LOSS_AXES,
  PE_AXES,
  curveTraces,
  emptyCurves,
  positionalTraces,
  parameterBreakdown,
  taskDescription,
  trainStats,
  type Curves,
} from './transformer-view';

const DEFAULT_TEST = defaultTestInput(5);
const TARGET = TARGET_ACCURACY;
const EVAL_EVERY = 20;

@customElement('viva-demo-transformer')
export class VivaDemoTransformer extends LitElement implements DemoElement {
  static override styles = transformerStyles;

  readonly settingsStore = new SettingsStore(TRANSFORMER_SETTINGS);
  private cachedSettings: [TransformerSettingValues, TransformerSettings] | null = null;
  /** Every training run (Run, Train/Continue) goes through it: Pause stops it, a new run replaces it. */
  private readonly runner = new RunController(this);
  @state() testText = DEFAULT_TEST;
  @state() enginePick: EnginePick | null = null;
  @state() testError = '';
  @state() prediction: Prediction | null = null;
  @state() curves: Curves = emptyCurves();
  // Per-step numbers are plain fields, shown when the plots redraw (once per message from the worker: every
  // ~200 ms and at evaluations), so the template does not re-render after every step.
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
  /** The worker, and which model in it is this cell's. */
  private readonly remote = new RemoteTrainer();
  /** The backend picked for the current model on the page (the worker reports what it got). */
  private pick: EnginePick | null = null;
  private runDone: Promise<unknown> = Promise.resolve();

  constructor() {
    super();
    this.settingsStore.subscribe((c) => this.changed(c));
    this.settingsStore.discards = () => (this.step > 0 ? `the model trained for ${this.step} steps` : null);
  }

  /** The current settings, as the training code reads them (from the settings store). */
  get settings(): TransformerSettings {
    const values = this.settingsStore.values;
    if (this.cachedSettings?.[0] !== values) this.cachedSettings = [values, transformerSettings(values)];
    return this.cachedSettings[1];
  }

  /** The last run's final numbers, for its run card. */
  metrics(): Metrics {
    const { step, loss, sequenceAccuracy, tokenAccuracy, msPerStep, trainedMs, backend } = this;
    return { step, loss, sequenceAccuracy, tokenAccuracy, msPerStep, trainedMs, backend };
  }

  get config(): TransformerConfig {
    return modelConfig(this.settings);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.discardModel();
    this.remote.terminate();
  }

  async run(ctx: RunContext): Promise<void> {
    await this.train(ctx.compute, ctx);
  }

  reset(): void {
    this.testText = DEFAULT_TEST;
    this.testError = '';
    this.discardModel();
  }

  /** Stops training, drops the model (the worker disposes it once its run has ended), clears the curves. */
  private discardModel(): void {
    this.runner.stop();
    this.remote.forget();
    this.pick = null;
    Object.assign(this, { ...emptyTraining(), enginePick: null, error: '', message: '' });
  }

  /**
   * The current model's spec; a new model's engine is picked from the page's backend (forced, or chosen
   * for another demo; tfjs is not loaded on the page for this one) and built by the worker's first job.
   */
  private modelSpec(compute: ComputeRuntime): ModelSpec {
    return this.remote.model(() => {
      const s = this.settings;
      const { backend, renderer, forced, status } = compute.state;
      const pick = pickEngine(s.engine, status === 'ready' ? backend : null, renderer, forced);
      this.pick = pick;
      this.enginePick = pick.backend ? pick : null;
      this.backend = pick.backend ?? '';
      const digits = parseDigits(this.testText, s.length);
      const probe = 'digits' in digits ? digits.digits : null;
      return { options: modelOptions(s), backend: backendRequest(s.engine, pick), probe };
    });
  }

  /**
   * Trains until the target accuracy (if on) or maxSteps more steps; Stop (the cell's) or Pause keeps the
   * model. Rejects with an AbortError when stopped and with the error when the worker failed.
   */
  async train(compute: ComputeRuntime = computeRuntime(), options: StartOptions = {}): Promise<void> {
    this.runner.stop();
    await this.runDone; // the worker's previous run of this model has handed back its last snapshot
    const run = this.runner.run((r) => this.trainRun(compute, r), options);
    this.runDone = run.catch(() => undefined);
    this.error = '';
    this.message = '';
    try {
      await run;
    } catch (e) {
      if (this.runner.phase === 'failed') this.error = this.runner.error;
      throw e;
    }
  }

  private async trainRun(compute: ComputeRuntime, r: RunHandle): Promise<void> {
    const spec = this.modelSpec(compute);
    let startStep = this.step; // the worker's count, in its first message
    const started = performance.now();
    const before = this.trainedMs;
    const maxSteps = this.settings.maxSteps;
    const onSnapshots = (batch: TransformerSnapshot[]) => {
      absorbSnapshots(this, batch, before, startStep);
      const s = batch[batch.length - 1]!;
      r.progress((s.step - startStep) / maxSteps, `step ${s.step}`);
      if (s.evaluation && this.settings.stopAtTarget && s.evaluation.sequenceAccuracy >= TARGET)
        this.message =
          `Reached ${(TARGET * 100).toFixed(0)}% sequence accuracy at step ${s.step} ` +
          `in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
    };
    const args = {
      model: spec,
      steps: maxSteps,
      evalEvery: EVAL_EVERY,
      stopAtAccuracy: this.settings.stopAtTarget ? TARGET : undefined,
    };
    await this.remote.host.run('train', args, {
      signal: r.signal,
      onProgress: (p) => {
        if (!this.remote.isCurrent(spec)) return;
        if (p.type === 'model') startStep = p.step;
        this.receive(p, onSnapshots);
      },
    });
  }

  pause(): void {
    this.runner.stop();
  }

  /** One message of the current model's run in the worker. */
  private receive(p: TrainProgress, onSnapshots: (batch: TransformerSnapshot[]) => void): void {
    if (p.type === 'snapshots') onSnapshots(p.snapshots);
    else if (p.type === 'model') {
      const actual = p.backend.backend;
      this.backend = actual;
      if (this.pick) this.enginePick = { backend: actual, reason: workerReason(this.pick, actual) };
      // A fresh worker (the last one failed) rebuilt the model from its seed: the curves start again.
      if (p.step < this.step) Object.assign(this, emptyTraining());
    } else if (leakedTensors(p.tensors) !== 0) {
      const { expected, now } = p.tensors;
      this.error = `Tensor leak in the training worker: ${now} tensors after the run, ${expected} expected.`;
    }
  }

  private async setTest(text: string): Promise<void> {
    this.testText = text;
    const parsed = parseDigits(text, this.settings.length);
    if ('error' in parsed) {
      this.testError = parsed.error;
      this.prediction = null; // the answer and the maps were for another input
      return;
    }
    this.testError = '';
    try {
      const spec = this.modelSpec(computeRuntime());
      const prediction = await this.remote.host.run('predict', { model: spec, digits: parsed.digits });
      if (this.remote.isCurrent(spec)) this.prediction = prediction;
    } catch (e) {
      this.testError = e instanceof Error ? e.message : String(e);
    }
  }

  /** A new setting: anything that shapes the model drops the old model (and its curves). */
  private changed(c: SettingsChange<typeof TRANSFORMER_SETTINGS>): void {
    this.requestUpdate();
    if (!c.rebuild) return;
    this.discardModel();
    if (c.keys.includes('digits')) this.testText = defaultTestInput(this.settings.length);
    const parsed = parseDigits(this.testText, this.settings.length);
    this.testError = 'error' in parsed ? parsed.error : '';
  }

  override render() {
    return html`
      <viva-settings class="controls" .store=${this.settingsStore}></viva-settings>
      <div class="row" role="toolbar" aria-label="Training">
        <button
          class="train"
          @click=${() => (this.runner.busy ? this.pause() : void this.train().catch(() => undefined))}
        >
          ${this.runner.busy ? 'Pause' : this.step > 0 ? 'Continue' : 'Train'}
        </button>
        <button class="rebuild" @click=${() => this.discardModel()}>New model</button>
        ${trainStats(this)}
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
      ${testBox({
        length: this.settings.length,
        text: this.testText,
        error: this.testError,
        prediction: this.prediction,
        onChange: (text) => void this.setTest(text),
        onInput: (text) => {
          this.testText = text;
          this.testError = keptTestError(text, this.settings.length, this.testError);
        },
      })}
      ${attentionMaps(this.prediction)}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-transformer': VivaDemoTransformer;
  }
}
