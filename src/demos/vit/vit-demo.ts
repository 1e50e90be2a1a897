// The Vision Transformer cell's demo (question 11): an image (a shipped sample or the user's own) cut into
// patches with the token sequence the transformer reads; the position embeddings' cosine-similarity maps
// (2-D sinusoidal, and the learned ones after training); a tiny ViT trained live in a worker on a seeded
// shapes set with loss/accuracy curves and the class token's attention rollout over test images, the small
// CNN beside it, and a sweep of test accuracy against training-set size for both.
// The element is thin: settings.ts (the table), session.ts (the state, no DOM), *-view.ts (templates).
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { WorkerHost } from '../../runtime/worker-host';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { RunController } from '../../ui/kit/run-controller';
import type { Metrics } from '../../ui/kit/run-card';
import { SettingsStore } from '../../ui/kit/settings-store';
import type { LineTrace } from '../../ui/plot-spec';
import '../../ui/controls/error-box';
import '../../ui/kit/settings-element';
import '../../ui/line-chart';
import { readImageFile } from './image-file';
import { attentionTile, imageView, similarityMosaic, tokenStrip } from './image-view';
import type { VitJobs } from './jobs';
import { VitSession, type ModelKind } from './session';
import { COMPARE_SIZES, VIT_SETTINGS } from './settings';
import { vitStyles } from './styles';

const LOSS_AXES = { xTitle: 'step', yLog: true, title: 'training loss (cross-entropy)' };
const ACCURACY_AXES = {
  xTitle: 'step',
  yRange: [0, 1] as [number, number],
  title: 'test accuracy (256 images)',
};
const SIZE_AXES = {
  xTitle: 'training images',
  xLog: true,
  yRange: [0, 1] as [number, number],
  title: 'test accuracy against training-set size',
};
const NAMES: Record<ModelKind, string> = { vit: 'tiny ViT', cnn: 'small CNN' };
const COLORS: Record<ModelKind, string> = { vit: '#2166ac', cnn: '#b2182b' };

/** The colour scale of a similarity map: its own minimum (dark) to 1 (bright). */
const range = (sim: number[][]) => `dark ${Math.min(...sim.flat()).toFixed(2)} to bright 1`;

@customElement('viva-demo-vit')
export class VivaDemoVit extends LitElement implements DemoElement {
  static override styles = vitStyles;

  readonly settingsStore = new SettingsStore(VIT_SETTINGS);
  private readonly runner = new RunController(this);
  private readonly host = new WorkerHost<VitJobs>(
    () => new Worker(new URL('./vit.worker.ts', import.meta.url), { type: 'module' }),
  );
  readonly session = new VitSession(this.settingsStore, {
    train: (args, signal, onProgress) => this.host.run('train', args, { signal, onProgress }),
  });
  @state() private fileMessage = '';

  constructor() {
    super();
    this.settingsStore.subscribe((c) => {
      if (c.rebuild) {
        this.runner.stop();
        this.session.rebuild();
      }
      this.requestUpdate();
    });
    // Every rebuild setting starts both models afresh: a control asks first once they have trained.
    this.settingsStore.discards = () =>
      this.session.curves.vit.losses.length > 0 ? 'the trained ViT and CNN' : null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.runner.stop();
    this.host.terminate();
  }

  async run(ctx: RunContext): Promise<void> {
    await this.runner.run((r) => this.session.train(r), ctx);
  }

  reset(): void {
    this.runner.stop();
    this.session.rebuild();
    this.session.userImage = null;
    this.fileMessage = '';
    this.requestUpdate();
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  private async pickFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      this.session.userImage = await readImageFile(file, 16);
      this.fileMessage = `Your image “${file.name}”, downscaled to 16×16.`;
    } catch (err) {
      this.fileMessage = err instanceof Error ? err.message : String(err);
    }
    input.value = '';
    this.requestUpdate();
  }

  private curveTraces(kind: 'loss' | 'accuracy'): LineTrace[] {
    return (['vit', 'cnn'] as const)
      .filter((m) => this.session.curves[m].steps.length)
      .map((m) => {
        const c = this.session.curves[m];
        return kind === 'loss'
          ? { type: 'line', x: c.steps, y: c.losses, name: NAMES[m], color: COLORS[m] }
          : { type: 'line', x: c.evalSteps, y: c.accuracy, name: NAMES[m], color: COLORS[m] };
      });
  }

  private sizeTraces(): LineTrace[] {
    return (['vit', 'cnn'] as const).map((m) => {
      const rows = this.session.comparison.filter((c) => c.model === m);
      return {
        type: 'line',
        x: rows.map((r) => r.size),
        y: rows.map((r) => r.accuracy),
        name: NAMES[m],
        color: COLORS[m],
      };
    });
  }

  private imageSection() {
    const s = this.session;
    const grid = s.grid;
    return html`
      <h4>1 · An image becomes a sequence of patch tokens</h4>
      <div><viva-settings .store=${this.settingsStore} group="image"></viva-settings></div>
      <label
        >Or your own image:
        <input type="file" accept="image/*" @change=${(e: Event) => void this.pickFile(e)}
      /></label>
      <p class="file-message" role="status">${this.fileMessage}</p>
      <div class="row">
        ${guard([s.userImage, s.settings.sample, s.patchSize], () =>
          imageView(s.image(), s.patchSize, 12, 'image with patch grid'),
        )}
        <div>
          <p>
            ${grid}×${grid} = ${grid * grid} patches of ${s.patchSize}×${s.patchSize}×3 =
            ${s.patchSize ** 2 * 3} numbers, each projected to a 32-number token; the class token goes first,
            and a position embedding is added to every token.
          </p>
          ${guard([s.userImage, s.settings.sample, s.patchSize], () => tokenStrip(s.tokens(), s.patchSize, grid))}
        </div>
      </div>
    `;
  }

  private positionSection() {
    const s = this.session;
    const learned = s.evaluations.vit?.positionSimilarity ?? null;
    const mosaic = (sim: number[][], cls: string) =>
      guard(
        [sim],
        () =>
          html`<viva-heatmap
            class="similarity ${cls}"
            .z=${similarityMosaic(sim, s.grid)}
            zmin=${Math.min(...sim.flat())}
            zmax="1"
            label="cosine similarity of position embeddings"
          ></viva-heatmap>`,
      );
    return html`
      <h4>2 · Position embeddings: each position's cosine similarity to all others</h4>
      <div class="row">
        <figure>
          ${mosaic(s.sinusoidalSimilarity(), 'sinusoidal')}
          <figcaption>2-D sinusoidal (fixed); ${range(s.sinusoidalSimilarity())}</figcaption>
        </figure>
        <figure>
          ${
            learned
              ? mosaic(learned, 'learned')
              : html`<p>
                  ${this.settingsStore.values.positions === 'learned' ? 'Train the ViT to see the learned ones.' : 'This model uses the fixed ones.'}
                </p>`
          }
          <figcaption>learned, after training${learned ? `; ${range(learned)}` : ''}</figcaption>
        </figure>
      </div>
    `;
  }

  private trainingSection() {
    const s = this.session;
    const error = this.runner.error;
    const evaluation = s.evaluations.vit;
    const probes = s.probeImages();
    const acc = (m: ModelKind) => s.curves[m].accuracy.at(-1);
    return html`
      <h4>3 · Train the tiny ViT and the small CNN on generated shapes</h4>
      <div>
        <viva-settings .store=${this.settingsStore} group="model"></viva-settings>
        <viva-settings .store=${this.settingsStore} group="train"></viva-settings>
      </div>
      <button
        class="train"
        ?disabled=${this.runner.busy}
        @click=${() => void this.runner.start((r) => s.train(r))}
      >
        Train
      </button>
      <button class="stop" ?disabled=${!this.runner.busy} @click=${() => this.runner.stop()}>Stop</button>
      ${error ? html`<viva-error .message=${error}></viva-error>` : nothing}
      <p class="numbers">
        ${(['vit', 'cnn'] as const).map((m) =>
          s.parameters[m]
            ? html`<span class="result-${m}"
                  >${NAMES[m]}: ${s.parameters[m]} parameters, test accuracy
                  ${acc(m) === undefined ? '…' : `${(acc(m)! * 100).toFixed(1)}%`}</span
                >; `
            : nothing,
        )}
        ${s.backend ? html`backend ${s.backend}` : nothing}${
          s.tensorsLeft === null
            ? nothing
            : html`; tensors left in the worker: <span class="tensors-left">${s.tensorsLeft}</span>`
        }
      </p>
      <div class="plots">
        <viva-line-chart
          class="loss-curve"
          label="Training loss"
          .traces=${this.curveTraces('loss')}
          .axes=${LOSS_AXES}
        ></viva-line-chart>
        <viva-line-chart
          class="accuracy-curve"
          label="Test accuracy"
          .traces=${this.curveTraces('accuracy')}
          .axes=${ACCURACY_AXES}
        ></viva-line-chart>
      </div>
      ${
        evaluation
          ? html`<p>The class token's attention rollout over four test images (brighter: read more):</p>
              <div class="row attention">
                ${guard([evaluation, s.patchSize], () =>
                  evaluation.attention.map((a, i) =>
                    attentionTile(
                      probes[i]!,
                      s.patchSize,
                      a.rollout,
                      `predicted: ${s.classNames()[a.predicted]}`,
                    ),
                  ),
                )}
              </div>`
          : nothing
      }
    `;
  }

  private compareSection() {
    const s = this.session;
    return html`
      <h4>4 · Inductive bias, measured: accuracy against training-set size</h4>
      <p>Both models at ${COMPARE_SIZES.join(', ')} training images, scored on the same 256 test images.</p>
      <div><viva-settings .store=${this.settingsStore} group="compare"></viva-settings></div>
      <button
        class="compare"
        ?disabled=${this.runner.busy}
        @click=${() => void this.runner.start((r) => s.compare(r))}
      >
        Compare
      </button>
      ${
        s.comparison.length
          ? html`<viva-line-chart
              class="size-curve"
              label="Accuracy against training-set size"
              .traces=${this.sizeTraces()}
              .axes=${SIZE_AXES}
            ></viva-line-chart>`
          : nothing
      }
    `;
  }

  override render() {
    return html`${this.imageSection()}${this.positionSection()}${this.trainingSection()}${this.compareSection()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-vit': VivaDemoVit;
  }
}
