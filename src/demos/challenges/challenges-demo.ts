// The open-problems cell's demo (question 13): four small live examples, each under a heading that names
// the part of the answer it illustrates: distribution shift (moons rotated after training), an adversarial
// perturbation (FGSM against random noise of the same size), shortcut learning (a spurious feature that
// agrees with the label in training only) and efficiency against accuracy (hidden width). Run computes all
// four, one job per panel in the cell's worker (compute.ts), so the page only draws (a Run takes about two
// seconds here; see scripts/bench-challenges.ts).
// A thin element: settings.ts' table, session.ts' state and kernel calls, views.ts' markup.
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { demoStyles } from '../../ui/demo-styles';
import { RunController } from '../../ui/kit/run-controller';
import type { Metrics } from '../../ui/kit/run-card';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import { Memo } from '../../ui/memo';
import { ChallengesSession, PANELS } from './session';
import { CHALLENGES_SETTINGS } from './settings';
import {
  AXES,
  efficiencyTable,
  efficiencyTraces,
  fgsmSummary,
  fgsmTraces,
  heading,
  shiftSummary,
  shiftTraces,
  shortcutTable,
} from './views';

@customElement('viva-demo-challenges')
export class VivaDemoChallenges extends LitElement implements DemoElement {
  static override styles = [
    demoStyles,
    css`
      .quote {
        color: var(--muted);
        font-size: 0.8rem;
        font-style: italic;
        margin: 0 0 0.3rem;
      }
      .summary {
        font-size: 0.82rem;
        margin: 0.3rem 0;
      }
      .numbers th {
        font-family: var(--font);
        font-weight: normal;
      }
      .sweep {
        max-width: 100%;
      }
      section {
        min-width: 0;
      }
    `,
  ];

  readonly settingsStore = new SettingsStore(CHALLENGES_SETTINGS);
  readonly session = new ChallengesSession();
  private readonly runner = new RunController(this);
  private readonly memos = {
    shift: new Memo<LineTrace[]>(),
    fgsm: new Memo<LineTrace[]>(),
    efficiency: new Memo<LineTrace[]>(),
  };

  constructor() {
    super();
    this.settingsStore.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.dispose(); // ends the worker; the next run starts a fresh one
  }

  run(ctx: RunContext): Promise<void> {
    return this.runner.run(async (r) => {
      const settings = this.settingsStore.values;
      r.progress(0, 'distribution shift');
      await this.session.run(settings, r.signal, (panel, done) => {
        r.progress(done / PANELS.length, `${panel} done`);
        this.requestUpdate();
      });
    }, ctx);
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  reset(): void {
    this.runner.stop();
    this.session.clear();
    this.requestUpdate();
  }

  override render() {
    const res = this.session.results;
    const store = this.settingsStore;
    const shift = this.memos.shift.get([res.shift], () => shiftTraces(res.shift));
    const fgsm = this.memos.fgsm.get([res.fgsm], () => fgsmTraces(res.fgsm));
    const eff = this.memos.efficiency.get([res.efficiency], () => efficiencyTraces(res.efficiency));
    return html`
      <viva-settings class="model" .store=${store} group="model"></viva-settings>
      <p class="hint">Run trains every model below with these settings (a few seconds at most).</p>

      <section aria-labelledby="challenges-shift">
        ${heading('shift')}
        <viva-settings .store=${store} group="shift"></viva-settings>
        <viva-line-chart
          class="shift"
          label="Test accuracy against the rotation of the test set"
          .traces=${shift}
          .axes=${AXES.shift}
        ></viva-line-chart>
        ${shiftSummary(res.shift)}
      </section>

      <section aria-labelledby="challenges-fgsm">
        ${heading('fgsm')}
        <viva-settings .store=${store} group="fgsm"></viva-settings>
        <viva-line-chart
          class="fgsm"
          label="Test accuracy against ε"
          .traces=${fgsm}
          .axes=${AXES.fgsm}
        ></viva-line-chart>
        ${fgsmSummary(res.fgsm)}
      </section>

      <section aria-labelledby="challenges-shortcut">
        ${heading('shortcut')}
        <viva-settings .store=${store} group="shortcut"></viva-settings>
        ${shortcutTable(res.shortcut)}
      </section>

      <section aria-labelledby="challenges-efficiency">
        ${heading('efficiency')}
        <viva-settings .store=${store} group="efficiency"></viva-settings>
        <viva-line-chart
          class="efficiency"
          label="Test accuracy against parameter count"
          .traces=${eff}
          .axes=${AXES.efficiency}
        ></viva-line-chart>
        ${efficiencyTable(res.efficiency)}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-challenges': VivaDemoChallenges;
  }
}
