// The reproducibility cell's demo (question 8): Run trains a small tfjs MLP on the CPU backend in the
// cell's worker and writes a run card (the kit's); Replay on a card trains again from its settings and sets
// every metric beside the card's with ✓/✗; float32 sums in five orders show why GPU reductions drift; the
// same model on the best backend here (WebGPU/WebGL, or WASM where there is no GPU) beside the CPU backend;
// and a Markdown checklist filled from a card (this cell's, or any other cell's run card on the page). A thin
// element: settings.ts, session.ts, views.ts.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { demoStyles } from '../../ui/demo-styles';
import '../../ui/controls/error-box';
import type { Metrics, RunCard } from '../../ui/kit/run-card';
import '../../ui/kit/run-cards';
import { RunController } from '../../ui/kit/run-controller';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import { Memo } from '../../ui/memo';
import { checklistMarkdown, checklistWithReplay } from './card-tools';
import { ReproSession, sumsFor } from './session';
import { REPRO_SETTINGS } from './settings';
import { backendTable, replayTable, sumsTable } from './views';

@customElement('viva-demo-reproducibility')
export class VivaDemoReproducibility extends LitElement implements DemoElement {
  static override styles = [
    demoStyles,
    css`
      .scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      pre.checklist {
        font: 0.75rem var(--mono);
        background: var(--surface-2);
        border: 1px solid var(--border);
        border-radius: 6px;
        padding: 0.5rem;
        max-height: 16rem;
        overflow: auto;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .note {
        font-size: 0.82rem;
        color: var(--muted);
      }
      table th {
        font-family: var(--font);
        font-weight: normal;
      }
      td {
        overflow-wrap: anywhere;
      }
      label.from {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        align-items: center;
        min-width: 0;
      }
      select {
        max-width: 100%;
      }
    `,
  ];

  readonly settingsStore = new SettingsStore(REPRO_SETTINGS);
  session = new ReproSession();
  /** The cell's Run: one training run on the CPU backend. */
  private readonly runner = new RunController(this);
  /** Replay and the backend comparison (a newer one replaces an older one). */
  private readonly side = new RunController(this);
  @state() private sideError = '';
  @state() private sideNote = '';
  /** Cards the other cells of the page have recorded (read when the user asks). */
  @state() private notebookCards: readonly RunCard[] = [];
  /** The checklist's card: 'own' (this cell's replayed or newest) or an index into notebookCards. */
  @state() private checklistFrom = 'own';
  private readonly sums = new Memo<ReturnType<typeof sumsFor>>();

  constructor() {
    super();
    this.settingsStore.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.dispose();
  }

  run(ctx: RunContext): Promise<void> {
    return this.runner.run(async (r) => {
      const steps = this.settingsStore.values.steps;
      r.progress(0, 'training on the CPU backend');
      await this.session.train(this.settingsStore.values, r.signal, (step, loss) =>
        r.progress(step / steps, `step ${step}/${steps} · loss ${loss.toFixed(4)}`),
      );
    }, ctx);
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  reset(): void {
    this.runner.stop();
    this.side.stop();
    this.session.dispose();
    this.session = new ReproSession();
    this.sideError = '';
    this.sideNote = '';
    this.requestUpdate();
  }

  private async sideJob(label: string, job: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
    this.sideError = '';
    this.sideNote = label;
    const r = await this.side.start((h) => job(h.signal));
    if (r.outcome === 'superseded') return;
    this.sideNote = r.outcome === 'stopped' ? 'Stopped.' : '';
    if (r.outcome === 'failed') this.sideError = r.error.message;
  }

  private replay(card: RunCard): void {
    void this.sideJob('Replaying the card on the CPU backend…', (signal) =>
      this.session.replayCard(card, signal),
    );
  }

  private compare(): void {
    void this.sideJob('Training on the CPU backend, then on the best backend here…', (signal) =>
      this.session.compareBackends(this.settingsStore.values, signal),
    );
  }

  /** The run cards of every other cell on the page (each cell draws its own <viva-run-cards> in light DOM). */
  private findCards(): void {
    this.notebookCards = Array.from(document.querySelectorAll('viva-run-cards'))
      .flatMap((el) => el.cards)
      .filter((c) => c.question !== 'reproducibility');
    this.checklistFrom = 'own';
  }

  /** The card the checklist is filled from: a chosen card of another cell, else this cell's replayed or newest. */
  private checklist(): string | null {
    const other = this.checklistFrom === 'own' ? undefined : this.notebookCards[Number(this.checklistFrom)];
    if (other) return checklistMarkdown(other);
    const rep = this.session.replay;
    if (rep) return checklistWithReplay(rep.card, rep.rows, rep.run.backend);
    const card = this.session.cards.cards[0];
    return card ? checklistMarkdown(card) : null;
  }

  private download(markdown: string): void {
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'reproducibility-checklist.md';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  override render() {
    const store = this.settingsStore;
    const { sumN, decades, seed } = store.values;
    const sums = this.sums.get([sumN, decades, seed], () => sumsFor(sumN, decades, seed));
    const checklist = this.checklist();
    const busy = this.side.busy;
    return html`
      <h4>Run cards, replayed bit for bit</h4>
      <viva-settings class="train" .store=${store} group="train"></viva-settings>
      <p class="hint">
        Run trains the model on the CPU backend in this cell's worker and writes a card: settings, seed,
        backend, versions, metrics with checksums of every loss and weight. Replay trains again from the card
        alone.
      </p>
      <viva-run-cards
        class="repro-cards"
        .cards=${this.session.cards.cards}
        @replay=${(e: CustomEvent<RunCard>) => {
          e.stopPropagation();
          this.replay(e.detail);
        }}
      ></viva-run-cards>
      <p class="note side-note" role="status">${this.sideNote}</p>
      <viva-error .message=${this.sideError}></viva-error>
      <div class="scroll">${replayTable(this.session.replay)}</div>

      <h4>Float32 addition is not associative</h4>
      <viva-settings class="sums" .store=${store} group="sums"></viva-settings>
      <div class="scroll">${sumsTable(sums.formula, sums.mixed)}</div>

      <h4>The same model on the GPU and on the CPU</h4>
      <div class="row">
        <button class="compare" ?disabled=${busy} @click=${() => this.compare()}>Compare backends</button>
        <button class="stop-side" ?disabled=${!busy} @click=${() => this.side.stop()}>Stop</button>
      </div>
      <div class="scroll">${backendTable(this.session.backends)}</div>

      <h4>Reproducibility checklist</h4>
      <div class="row">
        <button class="find-cards" @click=${() => this.findCards()}>Find run cards in other cells</button>
        <label class="from"
          >Fill it from
          <select
            class="checklist-from"
            .value=${this.checklistFrom}
            @change=${(e: Event) => (this.checklistFrom = (e.target as HTMLSelectElement).value)}
          >
            <option value="own">this cell's card (replayed, else newest)</option>
            ${this.notebookCards.map(
              (c, i) =>
                html`<option value=${String(i)}>
                  ${c.question} · ${new Date(c.startedAt).toLocaleTimeString()} · ${c.outcome}
                </option>`,
            )}
          </select>
        </label>
      </div>
      ${
        checklist
          ? html`<div class="row">
                <button class="download-checklist" @click=${() => this.download(checklist)}>
                  Download checklist (Markdown)
                </button>
              </div>
              <pre class="checklist" tabindex="0" aria-label="Reproducibility checklist">${checklist}</pre>`
          : html`<p class="hint">Run the model to fill the checklist from its card.</p>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-reproducibility': VivaDemoReproducibility;
  }
}
