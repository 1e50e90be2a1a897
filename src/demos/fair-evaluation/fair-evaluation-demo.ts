// The fair-comparison cell's demo (question 9): two small MLPs trained on one 2-D data set and scored example
// by example on one test set; bootstrap CIs, the paired permutation test and McNemar on those results; the
// spread over seeds, where a single seed can rank them the other way; the CI width against the test-set size;
// and the equal-tuning-budget trap. Thin: settings.ts, session.ts, compute.ts (the trainings, in the cell's
// worker: page-compute.ts, worker.ts), views.ts.
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { demoStyles } from '../../ui/demo-styles';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import '../../ui/controls/error-box';
import type { Metrics } from '../../ui/kit/run-card';
import { RunController } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { workerCompute } from './page-compute';
import { FairEvalSession, runCount } from './session';
import { FAIR_SETTINGS, STATS_KEYS } from './settings';
import { SEED_AXES, SIZE_AXES, mainView, seedTraces, seedView, sizeTraces, tuningView } from './views';

@customElement('viva-demo-fair-evaluation')
export class VivaDemoFairEvaluation extends LitElement implements DemoElement {
  static override styles = [
    demoStyles,
    css`
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0 1rem;
      }
      .plots {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 0.75rem;
      }
      .scroll {
        overflow-x: auto;
      }
    `,
  ];

  readonly settingsStore = new SettingsStore(FAIR_SETTINGS);
  private readonly runner = new RunController(this);
  readonly session = new FairEvalSession(this.settingsStore, { compute: workerCompute() });
  /** Bumped per statistics recompute, so an older one does not overwrite a newer. */
  private recompute = 0;
  /** The charts' traces, made once per summary (a fresh array would redraw the chart on every render). */
  private traces = { of: null as unknown, seeds: [] as LineTrace[], sizes: [] as LineTrace[] };

  constructor() {
    super();
    this.settingsStore.subscribe((change) => {
      if (!this.runner.busy && change.keys.some((k) => STATS_KEYS.includes(k)) && this.session.results) {
        const id = ++this.recompute;
        void this.session.summarize().then(() => {
          if (id === this.recompute) this.requestUpdate();
        });
      }
      this.requestUpdate();
    });
  }

  async run(ctx: RunContext): Promise<void> {
    await this.runner.run((r) => this.session.run(r), ctx);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // the runner stops its run
    this.session.dispose();
  }

  reset(): void {
    this.runner.stop();
    this.session.clear();
    this.requestUpdate();
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  override render() {
    const v = this.session.madeWith;
    const s = this.session.summary;
    if (s && v && this.traces.of !== s)
      this.traces = { of: s, seeds: s.seeds ? seedTraces(s.seeds, v) : [], sizes: sizeTraces(s.sizes ?? []) };
    const stale =
      v && FAIR_SETTINGS.some((d) => d.apply === 'rebuild' && v[d.key] !== this.settingsStore.values[d.key]);
    return html`
      <div class="controls">
        <viva-settings .store=${this.settingsStore} group="data"></viva-settings>
        <viva-settings .store=${this.settingsStore} group="models"></viva-settings>
        <viva-settings .store=${this.settingsStore} group="tuning"></viva-settings>
        <viva-settings .store=${this.settingsStore} group="stats"></viva-settings>
      </div>
      <p class="hint">
        Run trains ${runCount(this.settingsStore.values)} small networks (a few seconds at the
        defaults)${
          this.session.inWorker
            ? html`<span class="where">, in a worker: the page stays free meanwhile</span>`
            : ''
        }.
      </p>
      ${this.runner.error ? html`<viva-error .message=${this.runner.error}></viva-error>` : ''}
      ${stale ? html`<p class="hint stale">Settings changed: Run again to retrain with them.</p>` : ''}
      ${
        !v || !s?.main
          ? html`<p class="hint empty">Press Run to train both models and compare them.</p>`
          : html`
              <h4>One test set, both models</h4>
              <div class="scroll">${mainView(s.main, v)}</div>
              <h4>The same comparison over ${v.seeds} seeds</h4>
              ${
                s.seeds
                  ? html`<viva-line-chart
                        class="seed-chart"
                        .traces=${this.traces.seeds}
                        .axes=${SEED_AXES}
                      ></viva-line-chart>
                      ${seedView(s.seeds, v)}`
                  : html`<p class="hint">Stopped before a second seed finished.</p>`
              }
              <h4>How wide the interval is for a test set of each size</h4>
              <viva-line-chart
                class="size-chart"
                .traces=${this.traces.sizes}
                .axes=${SIZE_AXES}
              ></viva-line-chart>
              <p class="hint">
                The first n test examples of the main comparison; the width falls like 1/√n: four times the
                examples for half the interval.
              </p>
              <h4>Equal tuning budget</h4>
              ${
                s.tuning
                  ? html`<div class="scroll">${tuningView(s.tuning, v)}</div>`
                  : html`<p class="hint">Stopped before the sweep finished.</p>`
              }
            `
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-fair-evaluation': VivaDemoFairEvaluation;
  }
}
