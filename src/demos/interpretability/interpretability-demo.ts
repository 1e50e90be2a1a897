// The interpretability cell's demo (question 16). Tabular panel: a data set whose true effects are known by
// construction, an MLP trained on it, and every attribution method side by side, scored against the truth
// (tabular-session.ts, tabular-view.ts); the explain settings recompute at once. Image panel: a small CNN on
// generated shapes with saliency, SmoothGrad, integrated gradients and Grad-CAM, and the weight-randomisation
// sanity check (image-session.ts, image-view.ts), trained by its own button. Thin: the sessions hold the state.
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { demoStyles } from '../../ui/demo-styles';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import '../../ui/controls/error-box';
import type { Metrics } from '../../ui/kit/run-card';
import { RunController } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import { HeadsSession } from './heads-session';
import { headsView } from './heads-view';
import { ImageSession } from './image-session';
import { imageView } from './image-view';
import {
  EXPLAIN_KEYS,
  IMAGE_EXPLAIN_KEYS,
  INTERPRET_SETTINGS,
  PATCH_KEYS,
  TABULAR_REBUILD_KEYS,
} from './settings';
import { TabularSession } from './tabular-session';
import { tabularView } from './tabular-view';

@customElement('viva-demo-interpretability')
export class VivaDemoInterpretability extends LitElement implements DemoElement {
  static override styles = [
    demoStyles,
    css`
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0 1rem;
      }
      .scroll {
        max-width: 100%;
        overflow-x: auto;
      }
      table.attributions {
        border-collapse: collapse;
        font-size: 0.8rem;
        font-variant-numeric: tabular-nums;
      }
      table.attributions caption {
        text-align: left;
        color: var(--muted);
        padding-bottom: 0.25rem;
      }
      table.attributions th,
      table.attributions td {
        padding: 0.15rem 0.35rem;
        border-bottom: 1px solid var(--border);
        text-align: right;
        white-space: nowrap;
      }
      table.attributions th[scope='row'] {
        text-align: left;
        font-weight: normal;
      }
      table.attributions tr.truth th,
      table.attributions tr.truth-global th {
        font-weight: bold;
      }
      table.attributions thead th {
        white-space: normal;
        vertical-align: bottom;
      }
      table.attributions td.score {
        font-weight: bold;
      }
      .maps {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
        gap: 0.5rem;
      }
      .maps figure {
        margin: 0;
      }
      .maps figcaption {
        font-size: 0.75rem;
        color: var(--muted);
      }
      p.roles {
        font-size: 0.8rem;
        color: var(--muted);
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
      }
      table.stats th {
        text-align: left;
        font-weight: normal;
        color: var(--muted);
      }
    `,
  ];

  readonly settingsStore = new SettingsStore(INTERPRET_SETTINGS);
  private readonly runner = new RunController(this);
  readonly tabular = new TabularSession(this.settingsStore);
  /** The image panel: its own runner, so it trains beside (not instead of) the tabular model. */
  private readonly imageRunner = new RunController(this);
  readonly images = new ImageSession(this.settingsStore);
  /** The patching panel: the tiny transformer, trained by its own button. */
  private readonly headsRunner = new RunController(this);
  readonly heads = new HeadsSession(this.settingsStore);
  /** The image runner is training (not just explaining): setting changes wait for it. */
  private imageTraining = false;

  constructor() {
    super();
    this.settingsStore.subscribe((change) => {
      if (!this.runner.busy) {
        if (change.keys.some((k) => TABULAR_REBUILD_KEYS.includes(k)) && this.tabular.explanation)
          this.tabular.stale = true;
        if (change.keys.some((k) => EXPLAIN_KEYS.includes(k))) this.tabular.explain();
      }
      if (!this.headsRunner.busy) {
        if (change.keys.some((k) => ['headSteps', 'seed'].includes(k)) && this.heads.result)
          this.heads.stale = true;
        if (change.keys.some((k) => PATCH_KEYS.includes(k))) this.heads.patch();
      }
      if (!this.imageTraining) {
        if (change.keys.some((k) => ['imageSteps', 'seed'].includes(k)) && this.images.explained)
          this.images.stale = true;
        if (this.images.explained && change.keys.some((k) => IMAGE_EXPLAIN_KEYS.includes(k)))
          this.explainImage();
      }
      this.requestUpdate();
    });
  }

  async run(ctx: RunContext): Promise<void> {
    await this.runner.run((r) => this.tabular.run(r), ctx);
  }

  private trainImages(): void {
    void this.imageRunner
      .start((r) => this.images.run(r))
      .then((result) => {
        // Stopped while training: explain the CNN as it stands.
        if (result.outcome === 'stopped' && this.images.trainer && !this.images.explained)
          this.explainImage();
      });
  }

  private explainImage(): void {
    void this.imageRunner.start((r) => this.images.explain(r));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // the runners stop their runs
    this.heads.dispose();
  }

  reset(): void {
    this.headsRunner.stop();
    this.heads.reset();
    this.runner.stop();
    this.imageRunner.stop();
    this.images.reset();
    this.tabular.reset();
    this.requestUpdate();
  }

  metrics(): Metrics {
    return this.tabular.metrics();
  }

  override render() {
    const error = this.runner.error;
    return html`
      <h4>Tabular: attributions against the truth</h4>
      <div class="controls">
        <viva-settings .store=${this.settingsStore} group="data"></viva-settings>
        <viva-settings .store=${this.settingsStore} group="explain"></viva-settings>
      </div>
      ${error ? html`<viva-error .message=${error}></viva-error>` : ''} ${tabularView(this.tabular)}
      <h4>Images: saliency maps and the sanity check</h4>
      <viva-settings .store=${this.settingsStore} group="image"></viva-settings>
      ${this.imageRunner.error ? html`<viva-error .message=${this.imageRunner.error}></viva-error>` : ''}
      ${imageView(this.images, this.imageRunner.busy, {
        train: () => this.trainImages(),
        stop: () => this.imageRunner.stop(),
      })}
      <h4>Transformer: attention against activation patching</h4>
      <viva-settings .store=${this.settingsStore} group="heads"></viva-settings>
      ${this.headsRunner.error ? html`<viva-error .message=${this.headsRunner.error}></viva-error>` : ''}
      ${headsView(this.heads, this.headsRunner.busy, {
        train: () => void this.headsRunner.start((r) => this.heads.run(r)),
        stop: () => this.headsRunner.stop(),
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-interpretability': VivaDemoInterpretability;
  }
}
