// <viva-rehearse>: one attempt at a question. The answer is hidden; the question, a timer (the target from
// the settings, 2 minutes by default) and two ways to answer: speak (a clip kept on the device) and/or type.
// Reveal shows the model answer, the key points as a checklist (the typed answer's points ticked by
// matchKeyPoints; the user can change any tick) and the spoken outline beside the user's answer. A self-grade
// records the attempt and schedules the question (FSRS, in the store); the next due date is shown. For a
// question with a demo, "Explain with the demo" prompts set the demo to a named state first.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { type Attempt, type DemoPrompt, type Grade, type StoredCard } from '../../rehearsal/contract';
import { matchKeyPoints } from '../../rehearsal/match';
import type { RehearsalQuestion } from '../../notebook/question';
import { demoPromptsFor } from '../../rehearsal/demo-prompts';
import './attempt-list';
import type { DemoReopener } from './attempt-list';
import './notes';
import { ClipRecorder } from './recorder';
import { announceDataChange, formatDuration, formatWhen, rehearsalStore } from './store-client';
import {
  clipControls,
  demoPromptList,
  gradeButtons,
  keyPointChecklist,
  timerSetting,
} from './rehearse-parts';

/** What the panel needs from its cell: the demo's settings, set from a link query and read back. */
export interface RehearsalHost extends DemoReopener {
  /** Whether the question's demo is built (only then are its prompts offered). */
  hasDemo: boolean;
  demoQuery(): string | null;
}

type Phase = 'answer' | 'revealed' | 'graded';

@customElement('viva-rehearse')
export class VivaRehearse extends LitElement {
  @property({ attribute: false }) question!: RehearsalQuestion;
  @property({ attribute: false }) host: RehearsalHost | null = null;
  @state() private phase: Phase = 'answer';
  @state() private elapsedMs = 0;
  @state() private targetSeconds = 120;
  @state() private typed = '';
  @state() private clip: { id: string; url: string; durationMs: number } | null = null;
  @state() private recording = false;
  @state() private micMessage = '';
  @state() private prompt: DemoPrompt | null = null;
  @state() private covered = new Set<string>();
  @state() private card: StoredCard | null = null;
  @state() private message = '';
  @state() private storeMessage = '';
  private autoCovered: string[] = [];
  private attemptId = crypto.randomUUID();
  private startedAt = new Date();
  private started = performance.now();
  private durationMs = 0;
  private timer = 0;
  private readonly recorder = new ClipRecorder();

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = window.setInterval(() => {
      if (this.phase === 'answer') this.elapsedMs = performance.now() - this.started;
    }, 500);
    void rehearsalStore().then(async (store) => {
      this.storeMessage = store.status.message;
      this.targetSeconds = (await store.settings()).timerSeconds;
      this.card = await store.card(this.question.id);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
    this.recorder.cancel();
    if (this.clip) URL.revokeObjectURL(this.clip.url);
  }

  private get prompts(): DemoPrompt[] {
    return this.host?.hasDemo ? demoPromptsFor(this.question.id) : [];
  }

  /** Leaves the attempt; a clip of an attempt that was never graded is not kept. */
  async close(): Promise<void> {
    if (this.clip && this.phase !== 'graded') await (await rehearsalStore()).deleteClip(this.clip.id);
    this.dispatchEvent(new CustomEvent('close', { bubbles: true }));
  }

  private async toggleRecording(): Promise<void> {
    if (this.recording) {
      const rec = await this.recorder.stop();
      this.recording = false;
      if (!rec) {
        this.micMessage = 'Nothing was recorded.';
        return;
      }
      const store = await rehearsalStore();
      if (this.clip) await this.dropClip();
      const id = crypto.randomUUID();
      try {
        await store.saveClip({
          id,
          questionId: this.question.id,
          attemptId: this.attemptId,
          mimeType: rec.mimeType,
          createdAt: new Date().toISOString(),
          durationMs: rec.durationMs,
          blob: rec.blob,
        });
      } catch (e) {
        this.micMessage = `The recording could not be saved: ${e instanceof Error ? e.message : String(e)}`;
        return;
      }
      this.clip = { id, url: URL.createObjectURL(rec.blob), durationMs: rec.durationMs };
      this.micMessage = `Recorded ${formatDuration(rec.durationMs)}; kept on this device.`;
      return;
    }
    this.micMessage = await this.recorder.start();
    this.recording = this.recorder.recording;
    if (this.recording) this.micMessage = 'Recording… speak your answer.';
  }

  private async dropClip(): Promise<void> {
    if (!this.clip) return;
    await (await rehearsalStore()).deleteClip(this.clip.id);
    URL.revokeObjectURL(this.clip.url);
    this.clip = null;
    this.micMessage = 'Recording deleted.';
  }

  private async setTarget(seconds: number): Promise<void> {
    this.targetSeconds = seconds;
    const store = await rehearsalStore();
    await store.saveSettings({ ...(await store.settings()), timerSeconds: seconds });
  }

  private async usePrompt(p: DemoPrompt): Promise<void> {
    this.prompt = p;
    await this.host?.openLink(p.query);
  }

  private async reveal(): Promise<void> {
    if (this.recording) await this.toggleRecording();
    this.durationMs = performance.now() - this.started;
    this.elapsedMs = this.durationMs;
    this.autoCovered = matchKeyPoints(this.typed, this.question.keyPoints);
    this.covered = new Set(this.autoCovered);
    this.phase = 'revealed';
    await this.updateComplete;
    this.querySelector<HTMLElement>('.rehearse-revealed h4')?.focus();
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.covered);
    if (on) next.add(id);
    else next.delete(id);
    this.covered = next;
  }

  private async grade(grade: Grade): Promise<void> {
    const q = this.question;
    const demoQuery = this.prompt ? this.host?.demoQuery() : null;
    const attempt: Attempt = {
      id: this.attemptId,
      questionId: q.id,
      startedAt: this.startedAt.toISOString(),
      durationMs: Math.round(this.durationMs),
      targetMs: this.targetSeconds * 1000,
      typed: this.typed,
      clipId: this.clip?.id ?? null,
      autoCovered: this.autoCovered,
      covered: q.keyPoints.filter((k) => this.covered.has(k.id)).map((k) => k.id),
      grade,
      mode: 'single',
      demo: this.prompt ? { promptId: this.prompt.id, query: demoQuery ?? this.prompt.query } : null,
      followUp: null,
    };
    try {
      this.card = await (await rehearsalStore()).recordAttempt(attempt);
      this.phase = 'graded';
      this.message = `Saved. Next due ${formatWhen(this.card.due)}.`;
      announceDataChange();
    } catch (e) {
      this.message = `The attempt could not be saved: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Starts a fresh attempt at the same question. */
  private again(): void {
    if (this.clip) URL.revokeObjectURL(this.clip.url);
    Object.assign(this, { clip: null, typed: '', prompt: null, message: '', micMessage: '' });
    this.attemptId = crypto.randomUUID();
    this.startedAt = new Date();
    this.started = performance.now();
    this.elapsedMs = 0;
    this.phase = 'answer';
  }

  override render() {
    const q = this.question;
    const over = this.elapsedMs > this.targetSeconds * 1000;
    return html`
      <section class="rehearse" aria-label=${`Rehearse question ${q.number}`}>
        <h3 class="rehearse-question" tabindex="-1">Rehearse: ${q.title}</h3>
        ${this.storeMessage ? html`<p class="store-status" role="alert">${this.storeMessage}</p>` : nothing}
        <p class="due">
          ${this.card ? html`Next due: <time datetime=${this.card.due}>${formatWhen(this.card.due)}</time>` : 'Not rehearsed yet.'}
        </p>
        <div class="rehearse-timer ${over ? 'over' : ''}" role="timer" aria-live="off">
          <span class="elapsed">${formatDuration(this.elapsedMs)}</span> /
          ${formatDuration(this.targetSeconds * 1000)}
          ${over ? html`<span class="over-note">over time</span>` : nothing}
        </div>
        ${this.phase === 'answer' ? timerSetting(q.id, this.targetSeconds, (s) => void this.setTarget(s)) : nothing}
        ${demoPromptList(q.id, this.prompts, this.prompt, this.phase === 'answer', (p) => void this.usePrompt(p))}
        ${this.phase === 'answer' ? this.renderAnswering() : this.renderRevealed()}
        <viva-attempt-list
          .questionId=${q.id}
          .keyPointCount=${q.keyPoints.length}
          .host=${this.host}
        ></viva-attempt-list>
        <button class="btn close-rehearsal" @click=${() => void this.close()}>Close rehearsal</button>
      </section>
    `;
  }

  private renderAnswering() {
    const id = `rehearse-${this.question.id}`;
    return html`
      ${clipControls(this.recording, this.clip, this.micMessage, {
        toggle: () => void this.toggleRecording(),
        drop: () => void this.dropClip(),
      })}
      <label for=${`${id}-typed`}>Your answer (typed)</label>
      <textarea
        id=${`${id}-typed`}
        class="typed-answer"
        rows="6"
        .value=${this.typed}
        @input=${(e: Event) => (this.typed = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <button class="btn primary reveal" @click=${() => void this.reveal()}>Reveal</button>
    `;
  }

  private renderRevealed() {
    const q = this.question;
    return html`
      <div class="rehearse-revealed">
        <h4 tabindex="-1">Model answer</h4>
        <div class="model-answer">${unsafeHTML(q.html.answer)}</div>
        <div class="rehearse-compare">
          <div>
            <h4>Your answer</h4>
            ${this.typed ? html`<p class="typed">${this.typed}</p>` : html`<p class="muted">Nothing typed.</p>`}
            ${this.clip ? html`<audio controls src=${this.clip.url} aria-label="Your recording"></audio>` : nothing}
            ${keyPointChecklist(
              q.keyPoints,
              this.covered,
              this.autoCovered,
              this.phase === 'graded',
              (id, on) => this.toggle(id, on),
            )}
          </div>
          <div class="outline">
            <h4>Spoken outline</h4>
            ${unsafeHTML(q.html.outline)}
          </div>
        </div>
        <viva-notes .questionId=${q.id}></viva-notes>
        ${
          this.phase === 'revealed'
            ? gradeButtons((g) => void this.grade(g))
            : html`<button class="btn rehearse-again" @click=${() => this.again()}>Rehearse again</button>`
        }
        ${this.message ? html`<p class="rehearse-message" role="status">${this.message}</p>` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-rehearse': VivaRehearse;
  }
}
