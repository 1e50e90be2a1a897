// A cell's rehearsal state (a Lit reactive controller, so cell.ts stays small): whether the cell is being
// rehearsed (the answer replaced by <viva-rehearse>) and, in the hide-answers mode, whether its flash card
// was turned. Renders the explanation area accordingly; a question whose demo is built gets its "Explain with
// the demo" prompts.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Question } from '../notebook/question';
import { demoPromptsFor } from '../rehearsal/demo-prompts';
import { explanation, flashCard } from './cell-explanation';
import type { RehearsalHost } from './rehearsal/rehearse-panel';
import './rehearsal/rehearse-panel';

type Host = ReactiveControllerHost & HTMLElement & RehearsalHost & { hasDemo: boolean };

export class CellRehearsal implements ReactiveController {
  rehearsing = false;
  private answerShown = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts rehearsing (the answer hidden) and focuses the question. */
  start(): void {
    this.rehearsing = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.querySelector<HTMLElement>('.rehearse-question')?.focus(),
    );
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
    if (this.rehearsing)
      return html`<viva-rehearse
        .question=${q}
        .host=${this.host}
        .prompts=${this.host.hasDemo ? demoPromptsFor(q.id) : []}
        @close=${this.end}
      ></viva-rehearse>`;
    return hideAnswers && !this.answerShown ? flashCard(q, this.show) : explanation(q);
  }
}
