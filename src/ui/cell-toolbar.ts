// The top of a cell's demo panel: Run / Stop / Reset / Copy link / Open / Present, what Run does (one
// sentence from the demo's catalog entry), and the run's progress or its last status ("done after 2.41 s")
// right under the buttons, so nobody scrolls to the bottom of a long panel to see whether it finished.
import { html, nothing } from 'lit';
import './controls/progress';

export interface ToolbarState {
  running: boolean;
  demoReady: boolean;
  hasSettings: boolean;
  loading: boolean;
  presenting: boolean;
  /** What Run does, from the demo's catalog entry. */
  runs: string;
  progress: number | null;
  progressLabel: string;
  status: string;
}

export interface ToolbarActions {
  run(): void;
  stop(): void;
  reset(): void;
  copyLink(): void;
  open(): void;
  present(on: boolean): void;
}

export function cellToolbar(s: ToolbarState, a: ToolbarActions) {
  return html`
    <div class="demo-toolbar">
      <button class="btn primary run" ?disabled=${s.running} @click=${a.run} title="Run (Shift+Enter)">
        Run
      </button>
      <button class="btn stop" ?disabled=${!s.running} @click=${a.stop} title="Stop (Esc)">Stop</button>
      <button class="btn reset" @click=${a.reset}>Reset</button>
      ${s.demoReady && s.hasSettings ? html`<button class="btn copy-link" @click=${a.copyLink}>Copy link</button>` : nothing}
      ${
        s.demoReady
          ? nothing
          : html`<button class="btn open" ?disabled=${s.loading} @click=${a.open}>Open the demo</button>`
      }
      <button
        class="btn present"
        aria-pressed=${s.presenting ? 'true' : 'false'}
        title=${s.presenting ? 'Back to the notebook (Esc)' : 'Give the demo the whole window, in large type'}
        @click=${() => a.present(!s.presenting)}
      >
        ${s.presenting ? 'Back to the notebook' : 'Present'}
      </button>
    </div>
    <p class="run-does">${s.runs}</p>
    ${s.running ? html`<viva-progress .value=${s.progress} .label=${s.progressLabel}></viva-progress>` : nothing}
    <div class="status-line" aria-live="polite">${s.status}</div>
  `;
}
