// Parts of the rehearsal panel: the timer's target (validated, with its message beside it), the recording
// controls, and the "Explain with the demo" prompts.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { GRADES, type DemoPrompt, type Grade, type KeyPoint } from '../../rehearsal/contract';
import { formatDuration } from './store-client';
import { timerProblem } from './validate';

@customElement('viva-timer-setting')
export class VivaTimerSetting extends LitElement {
  @property() inputId = '';
  @property({ type: Number }) seconds = 120;
  @state() private problem = '';

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    return html`<div class="timer-setting">
      <label for=${this.inputId}>Target (seconds)</label>
      <input
        id=${this.inputId}
        type="text"
        inputmode="numeric"
        size="5"
        .value=${String(this.seconds)}
        aria-invalid=${this.problem ? 'true' : 'false'}
        aria-describedby=${`${this.inputId}-msg`}
        @change=${this.onChange}
      />
      <span id=${`${this.inputId}-msg`} class="field-message" role="status">${this.problem}</span>
    </div>`;
  }

  private onChange = (e: Event): void => {
    const text = (e.target as HTMLInputElement).value;
    this.problem = timerProblem(text);
    if (!this.problem) this.dispatchEvent(new CustomEvent('timer-change', { detail: Number(text.trim()) }));
  };
}

export function timerSetting(questionId: string, seconds: number, change: (s: number) => void) {
  return html`<viva-timer-setting
    .inputId=${`timer-${questionId}`}
    .seconds=${seconds}
    @timer-change=${(e: CustomEvent<number>) => change(e.detail)}
  ></viva-timer-setting>`;
}

export function clipControls(
  recording: boolean,
  clip: { url: string; durationMs: number } | null,
  message: string,
  on: { toggle: () => void; drop: () => void },
) {
  return html`<div class="speak">
    <button
      class="btn record ${recording ? 'recording' : ''}"
      aria-pressed=${recording ? 'true' : 'false'}
      @click=${on.toggle}
    >
      ${recording ? 'Stop recording' : clip ? 'Record again' : 'Speak (record)'}
    </button>
    ${
      clip
        ? html`<audio controls src=${clip.url} aria-label="Your recording"></audio>
            <span class="clip-length">${formatDuration(clip.durationMs)}</span>
            <button class="btn delete-recording" @click=${on.drop}>Delete recording</button>`
        : nothing
    }
    <p class="mic-message" role="status">${message}</p>
  </div>`;
}

export function demoPromptList(
  questionId: string,
  prompts: readonly DemoPrompt[],
  chosen: DemoPrompt | null,
  open: boolean,
  use: (p: DemoPrompt) => void,
) {
  if (prompts.length === 0) return nothing;
  return html`<div class="demo-prompts" role="group" aria-labelledby=${`prompts-${questionId}`}>
    <h4 id=${`prompts-${questionId}`}>Explain with the demo</h4>
    ${
      chosen
        ? html`<p class="demo-prompt-chosen" role="status">
            The demo is set beside this answer. ${chosen.prompt}
          </p>`
        : nothing
    }
    ${
      open
        ? prompts.map(
            (p) =>
              html`<button
                class="btn demo-prompt"
                data-prompt=${p.id}
                aria-pressed=${chosen?.id === p.id ? 'true' : 'false'}
                @click=${() => use(p)}
              >
                ${p.prompt}
              </button>`,
          )
        : nothing
    }
  </div>`;
}

/** The key points as a checklist: the automatic ticks marked, every box the user's to change. */
export function keyPointChecklist(
  points: readonly KeyPoint[],
  covered: ReadonlySet<string>,
  auto: readonly string[],
  disabled: boolean,
  toggle: (id: string, on: boolean) => void,
) {
  return html`<fieldset class="key-point-checklist">
    <legend>Key points you covered</legend>
    ${points.map(
      (k) =>
        html`<label class="key-point" data-key-point=${k.id}>
          <input
            type="checkbox"
            .checked=${covered.has(k.id)}
            ?disabled=${disabled}
            @change=${(e: Event) => toggle(k.id, (e.target as HTMLInputElement).checked)}
          />
          ${k.text}${auto.includes(k.id) ? html` <span class="auto">(found in your answer)</span>` : nothing}
        </label>`,
    )}
  </fieldset>`;
}

/** The four self-grades as buttons. */
export function gradeButtons(grade: (g: Grade) => void) {
  return html`<div class="grades" role="group" aria-label="How did it go?">
    ${GRADES.map(
      (g) =>
        html`<button class="btn grade-${g}" @click=${() => grade(g)}>
          ${g[0]!.toUpperCase() + g.slice(1)}
        </button>`,
    )}
  </div>`;
}
