// <viva-cell>: one question — header with badges, the explanation, and (when the question's demo is
// built) the demo with Run / Stop / Reset, a run state, a progress bar, errors and a status line.
// The cell owns the run: an AbortController per run, stale runs ignored, errors shown, never thrown.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isDemoElement, type DemoElement } from '../demos/contract';
import { demoEntry, demoLoader, demoTag } from '../demos/registry';
import type { Question } from '../notebook/question';
import { RUN_STATE_LABEL, canStart, canStop, type RunState } from '../notebook/run-state';
import { isAbortError } from '../runtime/abort';
import { computeRuntime } from '../runtime/compute';
import './controls/error-box';
import './controls/progress';

@customElement('viva-cell')
export class VivaCell extends LitElement {
  @property({ attribute: false }) question!: Question;
  @state() runState: RunState = 'idle';
  @state() private progress: number | null = null;
  @state() private progressLabel = '';
  @state() private error = '';
  @state() private status = '';
  @state() private demoReady = false;
  private demo: DemoElement | null = null;
  private controller: AbortController | null = null;
  private runId = 0;
  @state() private loading = false;

  protected override createRenderRoot() {
    return this; // light DOM: the global KaTeX and theme styles apply to the explanation
  }

  get hasDemo(): boolean {
    return demoLoader(this.question.demo) !== undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.id = this.question.id;
    this.tabIndex = 0;
    this.setAttribute('role', 'region');
    this.setAttribute('aria-label', `Question ${this.question.number}: ${this.question.title}`);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  /** Loads the demo's module and creates its element (once); the demo's code is fetched only now. */
  async loadDemo(): Promise<DemoElement | null> {
    if (this.demo) return this.demo;
    const loader = demoLoader(this.question.demo);
    if (!loader) return null;
    this.loading = true;
    try {
      await loader();
    } catch (e) {
      this.error = `The demo could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      this.runState = 'error';
      throw e;
    } finally {
      this.loading = false;
    }
    if (this.demo) return this.demo;
    const el = document.createElement(demoTag(this.question.demo!));
    if (!isDemoElement(el))
      throw new Error(`${demoTag(this.question.demo!)} does not implement run() and reset()`);
    this.demo = el;
    await this.updateComplete;
    this.querySelector('.demo-host')?.append(el);
    this.demoReady = true;
    return el;
  }

  /** Runs the demo; resolves when the run ends, however it ends. */
  async run(): Promise<void> {
    if (!this.hasDemo || !canStart(this.runState)) return;
    const id = ++this.runId;
    const controller = new AbortController();
    this.controller = controller;
    this.runState = 'running';
    this.error = '';
    this.progress = null;
    this.progressLabel = this.demo ? '' : 'loading the demo';
    this.status = '';
    const started = performance.now();
    try {
      const demo = await this.loadDemo();
      await demo!.run({
        signal: controller.signal,
        compute: computeRuntime(),
        progress: (fraction, label) => {
          if (id !== this.runId) return;
          this.progress = fraction;
          this.progressLabel = label ?? '';
        },
      });
      if (id !== this.runId) return;
      this.runState = controller.signal.aborted ? 'stopped' : 'done';
    } catch (e) {
      if (id !== this.runId) return;
      if (isAbortError(e) || controller.signal.aborted) {
        this.runState = 'stopped';
      } else {
        this.runState = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      }
    } finally {
      if (id === this.runId) {
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        const backend = computeRuntime().state.backend;
        this.status = `${RUN_STATE_LABEL[this.runState]} after ${seconds} s${backend ? ` · ${backend}` : ''}`;
        this.controller = null;
      }
    }
  }

  stop(): void {
    if (canStop(this.runState)) this.controller?.abort();
  }

  reset(): void {
    this.stop();
    this.runId++;
    this.controller = null;
    this.demo?.reset();
    this.runState = 'idle';
    this.error = '';
    this.status = '';
    this.progress = null;
  }

  override render() {
    const q = this.question;
    const withDemo = this.hasDemo;
    return html`
      <article class="cell" aria-labelledby="${q.id}-title">
        <header class="cell-header">
          <span class="cell-number">Q${q.number}</span>
          <h2 id="${q.id}-title">${q.title}</h2>
          <span class="badge section">${q.section}</span>
          <span class="badge rarity" title="How often it is asked">${q.rarity}</span>
          <span class="badge difficulty-${q.difficulty}" title="Difficulty">${q.difficulty}</span>
          ${withDemo ? html`<span class="run-state ${this.runState}" data-run-state=${this.runState}>${RUN_STATE_LABEL[this.runState]}</span>` : nothing}
        </header>
        <div class="cell-body ${withDemo ? 'with-demo' : ''}">
          <div class="explanation">
            <section class="answer">
              <h3>Answer</h3>
              ${unsafeHTML(q.html.answer)}
            </section>
            <section class="key-points">
              <h3>Key points</h3>
              ${unsafeHTML(q.html.keyPoints)}
            </section>
            <section class="formulas">
              <h3>Formulas</h3>
              ${unsafeHTML(q.html.formulas)}
            </section>
            <details class="pitfalls">
              <summary>Pitfalls</summary>
              ${unsafeHTML(q.html.pitfalls)}
            </details>
            <details class="follow-ups">
              <summary>Follow-up questions</summary>
              ${unsafeHTML(q.html.followUps)}
            </details>
            <details class="outline">
              <summary>Two-minute spoken outline</summary>
              ${unsafeHTML(q.html.outline)}
            </details>
          </div>
          ${withDemo ? this.renderDemoPanel() : nothing}
        </div>
      </article>
    `;
  }

  private renderDemoPanel() {
    const running = this.runState === 'running';
    return html`
      <div class="demo-panel">
        <div class="demo-toolbar">
          <button
            class="btn primary run"
            ?disabled=${running}
            @click=${() => void this.run()}
            title="Run (Shift+Enter)"
          >
            Run
          </button>
          <button class="btn stop" ?disabled=${!running} @click=${() => this.stop()} title="Stop (Esc)">
            Stop
          </button>
          <button class="btn reset" @click=${() => this.reset()}>Reset</button>
          ${
            this.demoReady
              ? nothing
              : html`<button
                  class="btn open"
                  ?disabled=${this.loading}
                  @click=${() => void this.loadDemo().catch(() => undefined)}
                >
                  Open the demo
                </button>`
          }
        </div>
        ${running ? html`<viva-progress .value=${this.progress} .label=${this.progressLabel}></viva-progress>` : nothing}
        <viva-error .message=${this.error}></viva-error>
        ${
          this.demoReady
            ? nothing
            : html`<p class="demo-summary">${demoEntry(this.question.demo)?.summary ?? ''}</p>
                ${
                  this.loading && this.runState !== 'running'
                    ? html`<viva-progress .value=${null} label="loading the demo"></viva-progress>`
                    : nothing
                }`
        }
        <div class="demo-host"></div>
        <div class="status-line" aria-live="polite">${this.status}</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-cell': VivaCell;
  }
}
