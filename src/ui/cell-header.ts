// A cell's header: number, title, badges, the run state and "Jump to the demo" (with a demo), and
// "Rehearse" (every question; shortcut r).
import { html, nothing } from 'lit';
import type { Question } from '../notebook/question';
import { RUN_STATE_LABEL, type RunState } from '../notebook/run-state';
import { jumpToDemo } from './cell-presenter';

/** What the header reads from its cell. */
export interface HeaderHost extends HTMLElement {
  question: Question;
  hasDemo: boolean;
  runState: RunState;
  rehearsal: { rehearsing: boolean; start(): Promise<void> };
}

export function cellHeader(cell: HeaderHost) {
  const q = cell.question;
  const runState = cell.hasDemo ? cell.runState : null;
  return html`<header class="cell-header">
    <span class="cell-number">Q${q.number}</span>
    <h2 id="${q.id}-title">${q.title}</h2>
    <span class="badge section">${q.section}</span>
    <span class="badge rarity" title="How often it is asked">${q.rarity}</span>
    <span class="badge difficulty-${q.difficulty}" title="Difficulty">${q.difficulty}</span>
    ${
      runState
        ? html`<span class="run-state ${runState}" data-run-state=${runState}
              >${RUN_STATE_LABEL[runState]}</span
            >
            <button class="btn jump-demo" @click=${() => jumpToDemo(cell)}>Jump to the demo ↓</button>`
        : nothing
    }
    <button
      class="btn rehearse-button"
      ?disabled=${cell.rehearsal.rehearsing}
      title="Rehearse this question (r)"
      @click=${() => void cell.rehearsal.start()}
    >
      Rehearse
    </button>
  </header>`;
}
