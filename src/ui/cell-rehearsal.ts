// A cell's rehearsal state (a Lit reactive controller, so cell.ts stays small): whether the cell is being
// rehearsed (the answer replaced by <viva-rehearse>) and, in the hide-answers mode, whether its flash card
// was turned. Renders the explanation area accordingly, with the user's notes folded under it. The rehearsal panel and the question's key points
// load on the first Rehearse (they are not part of the first paint).
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Question, RehearsalQuestion } from '../notebook/question';
import { explanation, flashCard } from './cell-explanation';
import type { RehearsalHost } from './rehearsal/rehearse-panel';

/** The notes element loads (markdown-it, DOMPurify) the first time a cell's "My notes" is opened. */
function loadNotes(e: Event): void {
  if ((e.target as HTMLDetailsElement).open) void import('./rehearsal/notes');
}

type Host = ReactiveControllerHost & HTMLElement & RehearsalHost & { question: Question };

export class CellRehearsal implements ReactiveController {
  rehearsing = false;
  private answerShown = false;
  private content: RehearsalQuestion | null = null;
  private problem = '';

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts rehearsing (the answer hidden) and focuses the question. */
  async start(): Promise<void> {
    if (this.rehearsing) return;
    try {
      const [, content] = await Promise.all([
        import('./rehearsal/rehearse-panel'),
        import('../rehearsal/content'),
      ]);
      this.content = await content.rehearsalQuestion(this.host.question);
      this.problem = '';
    } catch (e) {
      this.problem = `Rehearsal could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      this.host.requestUpdate();
      return;
    }
    this.rehearsing = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.querySelector<HTMLElement>('.rehearse-question')?.focus();
  }

  private end = (): void => {
    this.rehearsing = false;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.querySelector<HTMLElement>('.rehearse-button')?.focus(),
    );
  };

  private show = (): void => {
    this.answerShown = true;
    this.host.requestUpdate();
  };

  /** The explanation, its flash card (hide-answers mode), or the rehearsal panel. */
  body(q: Question, hideAnswers: boolean) {
    if (this.rehearsing && this.content)
      return html`<viva-rehearse
        .question=${this.content}
        .host=${this.host}
        @close=${this.end}
      ></viva-rehearse>`;
    const problem = this.problem
      ? html`<p class="rehearse-problem" role="alert">${this.problem}</p>`
      : nothing;
    if (hideAnswers && !this.answerShown) return html`<div>${problem}${flashCard(q, this.show)}</div>`;
    return html`<div class="explanation-with-notes">
      ${problem} ${explanation(q)}
      <details class="my-notes" @toggle=${loadNotes}>
        <summary>My notes</summary>
        <viva-notes .questionId=${q.id}></viva-notes>
      </details>
    </div>`;
  }
}
