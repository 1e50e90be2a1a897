// The hypothesis builder's demo (question 6): fields for the gap, one measurable claim (metric, direction,
// size), baselines, controls, the compute budget and the result that would change your mind, each critiqued
// as you type; the runs per arm a t-test needs (kernels/stats.ts' seedsForPower) with its assumptions as
// settings; saved in this browser as you type (with a message when it cannot be) and exported as Markdown.
// Run checks the whole hypothesis and records a run card. Thin: hypothesis.ts, session.ts, views.ts.
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { demoStyles } from '../../ui/demo-styles';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import type { Metrics } from '../../ui/kit/run-card';
import { RunController } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { HypothesisSession, type PowerResult } from './session';
import { POWER_SETTINGS } from './settings';
import { POWER_AXES, formView, powerTraces, powerView } from './views';

@customElement('viva-demo-research-hypothesis')
export class VivaDemoResearchHypothesis extends LitElement implements DemoElement {
  static override styles = [
    demoStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
        gap: 1rem;
      }
      .field {
        margin-bottom: 0.4rem;
        min-width: 0;
      }
      textarea,
      input.text,
      select {
        box-sizing: border-box;
        width: 100%;
        max-width: 100%;
      }
      textarea {
        font: inherit;
        color: var(--text);
        background: var(--bg);
        border: 1px solid var(--border);
        border-radius: 6px;
        padding: 0.3rem 0.5rem;
        resize: vertical;
      }
      fieldset {
        border: 1px solid var(--border);
        border-radius: 6px;
        margin: 0 0 0.4rem;
        padding: 0.3rem 0.6rem;
        min-width: 0;
      }
      legend {
        font-size: 0.82rem;
        color: var(--muted);
      }
      .note {
        font-size: 0.78rem;
        margin: 0.15rem 0 0;
      }
      .runs {
        font-size: 1.1rem;
        margin: 0.3rem 0;
      }
      .runs-needed {
        font-size: 1.6rem;
        font-weight: 600;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font: 0.75rem var(--mono);
        background: var(--surface-2);
        padding: 0.5rem;
        border-radius: 6px;
      }
    `,
  ];

  readonly settingsStore = new SettingsStore(POWER_SETTINGS);
  private readonly runner = new RunController(this);
  readonly session = new HypothesisSession(this.settingsStore);
  private traces: { of: PowerResult | null; lines: LineTrace[] } = { of: null, lines: [] };

  constructor() {
    super();
    this.settingsStore.subscribe(() => this.requestUpdate());
  }

  /** Run: checks the whole hypothesis (critique and runs needed) and saves it; the run card records both. */
  async run(ctx: RunContext): Promise<void> {
    await this.runner.run(async (r) => {
      this.session.check();
      r.progress(1, `${this.session.notes.length} open points`);
      r.draw();
    }, ctx);
  }

  reset(): void {
    // The cell resets the power settings; what was typed is kept (Clear removes it, with Undo).
    this.runner.stop();
    this.requestUpdate();
  }

  metrics(): Metrics {
    const s = this.session.summary();
    return { runsPerArm: s.runsPerArm ?? 'none', openPoints: s.openPoints };
  }

  private download(): void {
    const blob = new Blob([this.session.markdown()], { type: 'text/markdown' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'hypothesis.md';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  override render() {
    const s = this.session;
    const power = s.power();
    if (!('error' in power) && this.traces.of !== power)
      this.traces = { of: power, lines: powerTraces(power) };
    const edit = () => this.requestUpdate();
    return html`
      <div class="layout">
        <form class="hypothesis" @submit=${(e: Event) => e.preventDefault()} aria-label="Research hypothesis">
          ${formView(s.hypothesis, s.notes, {
            input: (field, value) => {
              s.setField(field, value);
              edit();
            },
            direction: (d) => {
              s.setDirection(d);
              edit();
            },
          })}
          <div class="row">
            <button type="button" class="example" @click=${() => (s.fillExample(), edit())}>
              Fill in an example
            </button>
            <button type="button" class="clear" @click=${() => (s.clear(), edit())}>Clear</button>
            ${
              s.cleared
                ? html`<button type="button" class="undo" @click=${() => (s.undoClear(), edit())}>
                    Undo
                  </button>`
                : ''
            }
            <button type="button" class="export" @click=${() => this.download()}>Export Markdown</button>
          </div>
          <p class="save-status ${s.status.ok ? 'hint' : 'error'}" role="status">${s.status.message}</p>
        </form>
        <section class="power" aria-label="Runs needed">
          <h4>Runs needed to see the effect</h4>
          <viva-settings .store=${this.settingsStore}></viva-settings>
          ${powerView(power, s.hypothesis)}
          ${
            'error' in power
              ? ''
              : html`<viva-line-chart
                  class="power-chart"
                  .traces=${this.traces.lines}
                  .axes=${POWER_AXES}
                ></viva-line-chart>`
          }
          <p class="hint open-points">
            ${
              s.notes.length === 0
                ? 'No open points: every field says something checkable.'
                : `${s.notes.length} open point${s.notes.length > 1 ? 's' : ''} (marked beside the fields).`
            }
          </p>
        </section>
      </div>
      <details class="preview">
        <summary>Preview the Markdown</summary>
        <pre>${s.markdown()}</pre>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-research-hypothesis': VivaDemoResearchHypothesis;
  }
}
