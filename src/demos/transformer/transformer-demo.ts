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
import { isAbortError } from '../../runtime/abort';
import { computeRuntime, type ComputeRuntime } from '../../runtime/compute';
import '../../ui/line-chart';
import '../../ui/plot';
import type { DemoElement, RunContext } from '../contract';
import { backendRequest, pickEngine, workerReason, type EnginePick } from './engine';
import { RemoteTrainer } from './remote-trainer';
import './transformer-controls';
import { DEFAULT_SETTINGS, type TransformerSettings } from './transformer-controls';
import { attentionMaps, testBox } from './transformer-maps';
import { transformerStyles } from './transformer-styles';
import { leakedTensors, type ModelSpec, type TrainProgress } from './trainer-jobs';
import { absorbSnapshots, emptyTraining, modelConfig, modelOptions } from './training-state';
import {
  curveTraces,
  emptyCurves,
  positionalTraces,
  parameterBreakdown,
  taskDescription,
  type Curves,
} from './transformer-view';

const DEFAULT_TEST = '31415';
const TARGET = 0.99;
const LOSS_AXES = { xTitle: 'step', yLog: true, title: 'loss (answer digits)', showLegend: false };
const ACCURACY_AXES = {
  xTitle: 'step',
  yRange: [0, 1] as [number, number],
  title: 'accuracy on 256 held-out questions',
};
const PE_AXES = { xTitle: 'dimension', yTitle: 'position', showLegend: false };
const EVAL_EVERY = 20;

@customElement('viva-demo-transformer')
export class VivaDemoTransformer extends LitElement implements DemoElement {
  static override styles = transformerStyles;

  @state() settings: TransformerSettings = DEFAULT_SETTINGS;
  @state() testText = DEFAULT_TEST;
  @state() enginePick: EnginePick | null = null;
  @state() testError = '';
  @state() prediction: Prediction | null = null;
  @state() curves: Curves = emptyCurves();
  @state() training = false;
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
  private controller: AbortController | null = null;
  private runDone: Promise<void> = Promise.resolve();

  get config(): TransformerConfig {
    return modelConfig(this.settings);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.discardModel();
    this.remote.terminate();
  }

  async run(ctx: RunContext): Promise<void> {
    await this.train(ctx.compute, ctx.signal, (done, label) =>
      ctx.progress(done / this.settings.maxSteps, label),
    );
  }

  reset(): void {
    this.settings = DEFAULT_SETTINGS;
    this.testText = DEFAULT_TEST;
    this.testError = '';
    this.discardModel();
  }

  /** Stops training, drops the model (the worker disposes it once its run has ended), clears the curves. */
  private discardModel(): void {
    this.controller?.abort();
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
      const spec = this.modelSpec(compute);
      let startStep = this.step; // the worker's count, in its first message
      const started = performance.now();
      const before = this.trainedMs;
      const onSnapshots = (batch: TransformerSnapshot[]) => {
        absorbSnapshots(this, batch, before, startStep);
        const s = batch[batch.length - 1]!;
        onProgress?.(s.step - startStep, `step ${s.step}`);
        if (s.evaluation && this.settings.stopAtTarget && s.evaluation.sequenceAccuracy >= TARGET)
          this.message =
            `Reached ${(TARGET * 100).toFixed(0)}% sequence accuracy at step ${s.step} ` +
            `in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
      };
      const args = {
        model: spec,
        steps: this.settings.maxSteps,
        evalEvery: EVAL_EVERY,
        stopAtAccuracy: this.settings.stopAtTarget ? TARGET : undefined,
      };
      await this.remote.host.run('train', args, {
        signal: controller.signal,
        onProgress: (p) => {
          if (!this.remote.isCurrent(spec)) return;
          if (p.type === 'model') startStep = p.step;
          this.receive(p, onSnapshots);
        },
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

  /** A new setting. Anything that shapes the model drops the old model (and its curves). */
  private change(patch: Partial<TransformerSettings>): void {
    this.settings = { ...this.settings, ...patch };
    if (Object.keys(patch).every((k) => k === 'maxSteps' || k === 'stopAtTarget')) return;
    this.discardModel();
    if (patch.length !== undefined) this.testText = '31415926'.slice(0, patch.length);
    const parsed = parseDigits(this.testText, this.settings.length);
    this.testError = 'error' in parsed ? parsed.error : '';
  }

  override render() {
    const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '—');
    return html`
      <viva-transformer-controls
        .settings=${this.settings}
        .target=${TARGET}
        @settings-change=${(e: CustomEvent<Partial<TransformerSettings>>) => this.change(e.detail)}
      ></viva-transformer-controls>
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
      ${testBox({
        length: this.settings.length,
        text: this.testText,
        error: this.testError,
        prediction: this.prediction,
        onChange: (text) => void this.setTest(text),
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
