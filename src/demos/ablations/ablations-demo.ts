// The ablation cell's demo (question 7): pick a model from the other cells (the backprop MLP or the tiny
// transformer), the components to remove or swap, seeds per arm and a tuning budget; Run trains every arm at
// every seed in the cell's worker (page-compute.ts) and shows, as the runs arrive, each arm's mean with its
// 95% interval, the paired differences against the full model with their correlation, and the conclusion the
// numbers support. Thin: settings.ts, session.ts, views.ts.
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { demoStyles } from '../../ui/demo-styles';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import '../../ui/controls/error-box';
import type { Metrics } from '../../ui/kit/run-card';
import { RunController } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import { workerCompute } from './page-compute';
import { AblationSession } from './session';
import { ABLATION_SETTINGS, FAMILY_RUN_DEFAULTS, familyKeys, type FamilyId } from './settings';
import { armTable, forestChart, pairedView } from './views';

const RUN_KEYS = ['seeds', 'seed', 'steps', 'tuning'] as const;

@customElement('viva-demo-ablations')
export class VivaDemoAblations extends LitElement implements DemoElement {
  static override styles = [
    demoStyles,
    css`
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0 1rem;
      }
      .scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      table {
        border-collapse: collapse;
        font-size: 0.85rem;
        font-variant-numeric: tabular-nums;
      }
      caption {
        text-align: left;
        color: var(--muted);
        font-size: 0.8rem;
        padding-bottom: 0.2rem;
      }
      th,
      td {
        padding: 0.15rem 0.5rem;
        text-align: right;
        border-bottom: 1px solid var(--border);
      }
      th[scope='row'],
      thead th:first-child {
        text-align: left;
      }
      thead th {
        color: var(--muted);
        font-weight: normal;
      }
      figure.forest {
        margin: 0.5rem 0;
        max-width: 36rem;
      }
      figure.forest svg {
        width: 100%;
        height: auto;
        display: block;
      }
      svg .grid {
        stroke: var(--border);
      }
      svg .tick,
      svg .name {
        fill: var(--text);
        font-size: 11px;
      }
      svg .ci {
        stroke: var(--accent);
        stroke-width: 3;
      }
      svg .mean {
        fill: var(--accent);
      }
      svg .seed {
        fill: none;
        stroke: var(--muted);
      }
      figcaption,
      .plan {
        font-size: 0.8rem;
        color: var(--muted);
      }
      ul.conclusions {
        padding-left: 1.1rem;
      }
      ul.conclusions p {
        margin: 0.15rem 0;
      }
      p.caveat,
      p.pairing {
        color: var(--muted);
      }
    `,
  ];

  readonly settingsStore = new SettingsStore(ABLATION_SETTINGS);
  private readonly runner = new RunController(this);
  readonly session = new AblationSession(this.settingsStore, { compute: workerCompute() });

  constructor() {
    super();
    this.settingsStore.subscribe((change) => {
      // Picking a model from the menu starts it from that model's run settings (links and replays keep theirs).
      if (change.source === 'control' && change.keys.includes('family'))
        this.settingsStore.patch(FAMILY_RUN_DEFAULTS[change.values.family as FamilyId], 'control');
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
    const s = this.session;
    const family = this.settingsStore.values.family as FamilyId;
    const plan = s.plannedTrainings();
    const analysis = s.analysis();
    const error = this.runner.error;
    return html`
      <div class="controls">
        <viva-settings .store=${this.settingsStore} group="model"></viva-settings>
        <viva-settings .store=${this.settingsStore} .keys=${familyKeys(family)}></viva-settings>
        <viva-settings .store=${this.settingsStore} .keys=${RUN_KEYS}></viva-settings>
      </div>
      <p class="plan">
        Run trains ${plan.arms} arm${plan.arms === 1 ? '' : 's'} (the full model first) × ${plan.seeds}
        seed${plan.seeds === 1 ? '' : 's'} × ${plan.rates} learning rate${plan.rates === 1 ? '' : 's'} =
        ${plan.trainings} models (${(plan.trainings * this.settingsStore.values.steps).toLocaleString('en')}
        training steps); each arm's test figure is the one its validation split chose.
        ${
          family === 'transformer'
            ? html`<span class="slow"
                >The transformer trains some tens of steps a second in a worker (8 on a busy 2-core machine):
                picking it set one rate, 3 seeds and 200 steps, which keep a run to minutes.</span
              >`
            : ''
        }
      </p>
      ${error ? html`<viva-error .message=${error}></viva-error>` : ''}
      ${
        s.total > 0
          ? html`<p class="status">
              <span class="done">${s.done}</span>/<span class="total">${s.total}</span> runs
              finished${s.inWorker ? ' in a worker' : ''}${s.backend ? ` (tfjs on ${s.backend})` : ''}.
            </p>`
          : ''
      }
      ${
        analysis
          ? html`<div class="scroll">${armTable(analysis)}</div>
              ${forestChart(analysis)} ${pairedView(analysis)}`
          : html`<p class="hint">
              Press Run: the table, the chart and the conclusions fill in as the runs end.
            </p>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-ablations': VivaDemoAblations;
  }
}
