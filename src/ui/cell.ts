// <viva-cell>: one question: header, explanation and demo (toolbar, progress, errors, status; cell-toolbar.ts).
// It owns the run (one AbortController per run, stale runs ignored, errors shown, never thrown), keeps the link
// in step with a kit demo's settings, restores them from a link, and records a run card per run that ends.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cellHeader } from './cell-header';
import { CellRehearsal } from './cell-rehearsal';
import { demoEntry, demoTag } from './demo-catalog';
import { isDemoElement, type DemoElement } from './demo-contract';
import { RunCardLog, makeRunCard, type RunCard } from './kit/run-card';
import './kit/run-cards';
import { runEnv } from './kit/run-env';
import { LinkWriter, copyDemoLink } from './kit/link-state';
import type { Question } from '../notebook/question';
import { RUN_STATE_LABEL, canStart, canStop, type RunState } from '../notebook/run-state';
import { isAbortError } from '../runtime/abort';
import { computeRuntime } from '../runtime/compute';
import { cellToolbar } from './cell-toolbar';
import { watchContextLoss } from './context-loss';
import './controls/error-box';
import './controls/progress';
import { focusAfterPresent, markPresenting } from './cell-presenter';

@customElement('viva-cell')
export class VivaCell extends LitElement {
  @property({ attribute: false }) question!: Question;
  @state() runState: RunState = 'idle';
  /** The hide-answers mode (from the app): every answer is a flash card until shown; and rehearsing. */
  @property({ type: Boolean }) hideAnswers = false;
  readonly rehearsal = new CellRehearsal(this);
  /** The presenter view is on (reflected, so the page's styles can give the panel the whole window). */
  @property({ type: Boolean, reflect: true }) presenting = false;
  @state() private progress: number | null = null;
  @state() private progressLabel = '';
  @state() private error = '';
  @state() private status = '';
  @state() private demoReady = false;
  private demo: DemoElement | null = null;
  private controller: AbortController | null = null;
  private runId = 0;
  @state() private loading = false;
  @state() private linkNote = ''; // notes on a link's ignored settings, and "Link copied."
  @state() private cards: readonly RunCard[] = [];
  private readonly cardLog = new RunCardLog();
  private unsubscribeSettings: (() => void) | null = null;
  private linkWriter: LinkWriter | null = null;

  protected override createRenderRoot() {
    return this; // light DOM: the global KaTeX and theme styles apply to the explanation
  }

  get hasDemo(): boolean {
    return demoEntry(this.question.demo) !== undefined;
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
    if (this.presenting) markPresenting(false); // leaving the page in presenter mode would lock its scroll
    this.unsubscribeSettings?.();
    this.linkWriter?.cancel();
  }

  /** Loads the demo's module and creates its element (once); the demo's code is fetched only now. */
  async loadDemo(): Promise<DemoElement | null> {
    if (this.demo) return this.demo;
    const loader = demoEntry(this.question.demo)?.load;
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
    const store = el.settingsStore;
    if (store) {
      this.linkWriter = new LinkWriter(this.question.id, () => store.toQuery());
      this.unsubscribeSettings = store.subscribe(() => this.linkWriter?.schedule());
    }
    await this.updateComplete;
    this.querySelector('.demo-host')?.append(el);
    this.demoReady = true;
    return el;
  }

  /** The demo's settings as a link query (null before the demo is loaded or when it has none). */
  readonly demoQuery = (): string | null => this.demo?.settingsStore?.toQuery() ?? null;

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
    let started = performance.now();
    let startedAt = new Date();
    const watch = watchContextLoss(controller);
    try {
      const demo = await this.loadDemo();
      started = performance.now();
      startedAt = new Date();
      const work = demo!.run({
        signal: controller.signal,
        compute: computeRuntime(),
        progress: (fraction, label) => {
          if (id !== this.runId) return;
          this.progress = fraction;
          this.progressLabel = label ?? '';
        },
      });
      work.catch(() => undefined); // after a lost context, its late end is not waited for
      await Promise.race([work, watch.lost]);
      if (id !== this.runId) return;
      this.runState = controller.signal.aborted ? 'stopped' : 'done';
    } catch (e) {
      if (id !== this.runId) return;
      if (watch.message()) {
        this.runState = 'error';
        this.error = watch.message();
      } else if (isAbortError(e) || controller.signal.aborted) {
        this.runState = 'stopped';
      } else {
        this.runState = 'error';
        this.error = e instanceof Error ? e.message : String(e);
      }
    } finally {
      watch.off();
      if (id === this.runId) {
        const durationMs = performance.now() - started;
        const seconds = (durationMs / 1000).toFixed(2);
        if (this.runState === 'done' || this.runState === 'stopped')
          await this.recordCard(this.runState, startedAt, durationMs);
        const backend = computeRuntime().state.backend;
        this.status = `${RUN_STATE_LABEL[this.runState]} after ${seconds} s${backend ? ` · ${backend}` : ''}`;
        this.controller = null;
      }
    }
  }

  stop(): void {
    if (canStop(this.runState)) this.controller?.abort();
  }

  /** Restores the demo's settings from a link's query (loading the demo first); notes name what was ignored. */
  async openLink(query: string): Promise<void> {
    const demo = await this.loadDemo().catch(() => null);
    if (!demo) return;
    if (!demo.settingsStore) {
      this.linkNote = query
        ? 'This demo keeps no settings in its link; the settings in the link were ignored.'
        : '';
      return;
    }
    const notes = demo.settingsStore.applyQuery(query);
    this.linkNote = notes.join(' ');
  }

  /** Copies the link that restores this demo (settings and seed) and puts it in the address bar. */
  async copyLink(): Promise<void> {
    const settings = this.demo?.settingsStore;
    if (!settings) return;
    this.linkWriter?.now();
    this.linkNote = await copyDemoLink(this.question.id, settings.toQuery());
  }

  private async recordCard(outcome: 'done' | 'stopped', startedAt: Date, durationMs: number): Promise<void> {
    const demo = this.demo;
    if (!demo?.settingsStore) return;
    const base = { question: this.question.id, outcome, startedAt, durationMs, metrics: demo.metrics?.() };
    this.cardLog.add(
      makeRunCard({ ...base, settings: { ...demo.settingsStore.values }, ...(await runEnv()) }),
    );
    this.cards = this.cardLog.cards;
  }

  /** Loads a run card's settings into the demo and runs it again. */
  async replay(card: RunCard): Promise<void> {
    const settings = this.demo?.settingsStore;
    if (!settings) return;
    if (this.runState === 'running') {
      this.stop();
      await this.updateComplete;
    }
    const problems = settings.patch(card.settings, 'replay');
    this.linkNote = problems.join(' ');
    await this.run();
  }

  reset(): void {
    this.stop();
    this.runId++;
    this.controller = null;
    this.demo?.reset();
    this.demo?.settingsStore?.reset();
    [this.linkNote, this.runState, this.error, this.status, this.progress] = ['', 'idle', '', '', null];
  }

  override render() {
    const q = this.question;
    const withDemo = this.hasDemo;
    return html`
      <article class="cell" aria-labelledby="${q.id}-title">
        ${cellHeader(this)}
        <div class="cell-body ${withDemo ? 'with-demo' : ''}">
          ${this.rehearsal.body(q, this.hideAnswers)} ${withDemo ? this.renderDemoPanel() : nothing}
        </div>
      </article>
    `;
  }

  private renderDemoPanel() {
    const running = this.runState === 'running';
    const entry = demoEntry(this.question.demo);
    return html`
      <div class="demo-panel" tabindex="-1" aria-label=${`Demo: ${this.question.title}`}>
        ${cellToolbar(
          {
            running,
            demoReady: this.demoReady,
            hasSettings: !!this.demo?.settingsStore,
            loading: this.loading,
            presenting: this.presenting,
            runs: entry?.runs ?? '',
            progress: this.progress,
            progressLabel: this.progressLabel,
            status: this.status,
          },
          {
            run: () => void this.run(),
            stop: () => this.stop(),
            reset: () => this.reset(),
            copyLink: () => void this.copyLink(),
            open: () => void this.openFromButton(),
            present: (on) => this.present(on),
          },
        )}
        <viva-error .message=${this.error}></viva-error>
        ${
          this.demoReady
            ? nothing
            : html`<p class="demo-summary">${entry?.summary ?? ''}</p>
                ${
                  this.loading && this.runState !== 'running'
                    ? html`<viva-progress .value=${null} label="loading the demo"></viva-progress>`
                    : nothing
                }`
        }
        ${this.linkNote ? html`<p class="link-note" role="status">${this.linkNote}</p>` : nothing}
        <div class="demo-host"></div>
        <viva-run-cards
          .cards=${this.cards}
          @replay=${(e: CustomEvent<RunCard>) => void this.replay(e.detail)}
        ></viva-run-cards>
      </div>
    `;
  }

  /** The Open button goes away once the demo is open: the focus moves to the panel, not to the page's start. */
  private async openFromButton(): Promise<void> {
    if (await this.loadDemo().catch(() => null)) this.querySelector<HTMLElement>('.demo-panel')?.focus();
  }

  /** The presenter view: the demo panel takes the whole window in large type; Esc or the button leaves. */
  present(on: boolean): void {
    if (on === this.presenting) return;
    this.presenting = on;
    markPresenting(on);
    if (on && !this.demoReady) void this.loadDemo().catch(() => undefined);
    void this.updateComplete.then(() => focusAfterPresent(this, on));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-cell': VivaCell;
  }
}
