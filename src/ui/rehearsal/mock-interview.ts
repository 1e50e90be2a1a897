// <viva-mock-interview>: a mock interview of N questions drawn by the data layer (drawMockSession: due date,
// rarity and weakness, seeded). Each question: answer (typed; the timer runs), reveal the model answer and the
// key-point checklist, then one of the question's own follow-ups, then a self-grade that records the attempt
// (mode 'mock', FSRS). It ends with a summary of what to review: the grades and the key points missed.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { cells } from '../../notebook/cells';
import type { RehearsalQuestion } from '../../notebook/question';
import { rehearsalQuestions } from '../../rehearsal/content';
import type { Attempt, FollowUp, Grade } from '../../rehearsal/contract';
import { matchKeyPoints } from '../../rehearsal/match';
import { drawMockSession } from '../../rehearsal/mock';
import { gradeButtons, keyPointChecklist } from './rehearse-parts';
import { announceDataChange, formatDuration, rehearsalStore } from './store-client';
import { mockCountProblem } from './validate';

type Step = 'answer' | 'revealed' | 'follow-up';
interface Done {
  question: RehearsalQuestion;
  grade: Grade;
  missed: string[];
  durationMs: number;
}

@customElement('viva-mock-interview')
export class VivaMockInterview extends LitElement {
  @state() private items: { question: RehearsalQuestion; followUp: FollowUp | null }[] = [];
  @state() private index = 0;
  @state() private step: Step = 'answer';
  @state() private typed = '';
  @state() private followTyped = '';
  @state() private covered = new Set<string>();
  @state() private done: Done[] = [];
  @state() private countProblem = '';
  @state() private message = '';
  @state() private seed = 0;
  private auto: string[] = [];
  private started = 0;
  private startedAt = new Date();
  private durationMs = 0;

  protected override createRenderRoot() {
    return this;
  }

  private async start(): Promise<void> {
    const text = this.querySelector<HTMLInputElement>('#mock-count')!.value;
    this.countProblem = mockCountProblem(text, cells.length);
    if (this.countProblem) return;
    const store = await rehearsalStore();
    const [questions, cards, attempts] = await Promise.all([
      rehearsalQuestions(cells),
      store.cards(),
      store.attempts(),
    ]);
    this.seed = Date.now() % 2_147_483_647;
    const drawn = drawMockSession(questions, cards, attempts, {
      count: Number(text),
      seed: this.seed,
      now: new Date(),
    });
    this.items = drawn.map((d) => ({
      question: questions.find((q) => q.id === d.questionId)!,
      followUp: d.followUp,
    }));
    this.done = [];
    this.index = 0;
    this.begin();
  }

  private begin(): void {
    Object.assign(this, { step: 'answer', typed: '', followTyped: '', message: '' });
    this.started = performance.now();
    this.startedAt = new Date();
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('.mock h4')?.focus());
  }

  private reveal(): void {
    const q = this.items[this.index]!.question;
    this.durationMs = performance.now() - this.started;
    this.auto = matchKeyPoints(this.typed, q.keyPoints);
    this.covered = new Set(this.auto);
    this.step = 'revealed';
  }

  private async grade(grade: Grade): Promise<void> {
    const { question: q, followUp } = this.items[this.index]!;
    const covered = q.keyPoints.filter((k) => this.covered.has(k.id));
    const attempt: Attempt = {
      id: crypto.randomUUID(),
      questionId: q.id,
      startedAt: this.startedAt.toISOString(),
      durationMs: Math.round(this.durationMs),
      targetMs: (await (await rehearsalStore()).settings()).timerSeconds * 1000,
      typed: this.typed,
      clipId: null,
      autoCovered: this.auto,
      covered: covered.map((k) => k.id),
      grade,
      mode: 'mock',
      demo: null,
      followUp: followUp ? { question: followUp.question, typed: this.followTyped } : null,
    };
    try {
      await (await rehearsalStore()).recordAttempt(attempt);
    } catch (e) {
      this.message = `The attempt could not be saved: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    announceDataChange();
    const missed = q.keyPoints.filter((k) => !this.covered.has(k.id)).map((k) => k.text);
    this.done = [...this.done, { question: q, grade, missed, durationMs: this.durationMs }];
    this.index++;
    if (this.index < this.items.length) this.begin();
  }

  override render() {
    if (this.items.length === 0 || this.index >= this.items.length)
      return html`<section class="mock">${this.renderSetup()} ${this.renderSummary()}</section>`;
    const { question: q, followUp } = this.items[this.index]!;
    return html`<section class="mock" aria-label="Mock interview">
      <p class="muted">Question ${this.index + 1} of ${this.items.length} · draw seed ${this.seed}</p>
      <h4 tabindex="-1">${q.title}</h4>
      ${
        this.step === 'answer'
          ? html`<label for="mock-typed">Your answer (typed)</label>
              <textarea
                id="mock-typed"
                rows="6"
                .value=${this.typed}
                @input=${(e: Event) => (this.typed = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              <button class="btn primary" @click=${() => this.reveal()}>Reveal</button>`
          : html`<p class="muted">Time: ${formatDuration(this.durationMs)}</p>
              <div class="model-answer">${unsafeHTML(q.html.answer)}</div>
              ${keyPointChecklist(q.keyPoints, this.covered, this.auto, false, (id, on) => {
                const next = new Set(this.covered);
                if (on) next.add(id);
                else next.delete(id);
                this.covered = next;
              })}
              ${followUp ? this.renderFollowUp(followUp) : gradeButtons((g) => void this.grade(g))}`
      }
      ${this.message ? html`<p role="alert">${this.message}</p>` : nothing}
    </section>`;
  }

  private renderFollowUp(f: FollowUp) {
    return html`<div class="follow-up">
      <h4>Follow-up: ${f.question}</h4>
      ${
        this.step === 'revealed'
          ? html`<label for="mock-follow">Your answer to the follow-up (typed)</label>
              <textarea
                id="mock-follow"
                rows="3"
                .value=${this.followTyped}
                @input=${(e: Event) => (this.followTyped = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              <button class="btn" @click=${() => (this.step = 'follow-up')}>
                Show the follow-up's answer
              </button>`
          : html`<div class="model-answer">${unsafeHTML(f.answerHtml)}</div>
              ${gradeButtons((g) => void this.grade(g))}`
      }
    </div>`;
  }

  private renderSetup() {
    return html`<div class="row">
      <label for="mock-count">Questions</label>
      <input
        id="mock-count"
        type="text"
        inputmode="numeric"
        size="3"
        value="3"
        aria-invalid=${this.countProblem ? 'true' : 'false'}
        aria-describedby="mock-count-msg"
      />
      <button class="btn primary start-mock" @click=${() => void this.start()}>
        ${this.done.length ? 'Start another mock interview' : 'Start a mock interview'}
      </button>
      <span id="mock-count-msg" class="field-message" role="status">${this.countProblem}</span>
    </div>`;
  }

  private renderSummary() {
    if (this.done.length === 0)
      return html`<p class="muted">
        Questions are drawn by due date, rarity and your weak points; each is followed by one of its
        follow-ups.
      </p>`;
    const order: Grade[] = ['again', 'hard', 'good', 'easy'];
    const sorted = [...this.done].sort((a, b) => order.indexOf(a.grade) - order.indexOf(b.grade));
    return html`<div class="mock-summary" role="status">
      <h4>What to review</h4>
      <ol>
        ${sorted.map(
          (d) =>
            html`<li>
              <a href=${`#${d.question.id}`}>${d.question.title}</a> — ${d.grade},
              ${formatDuration(d.durationMs)}
              ${
                d.missed.length
                  ? html`<ul class="missed">
                      ${d.missed.map((m) => html`<li>${m}</li>`)}
                    </ul>`
                  : html`<span class="muted">(every key point covered)</span>`
              }
            </li>`,
        )}
      </ol>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-mock-interview': VivaMockInterview;
  }
}
