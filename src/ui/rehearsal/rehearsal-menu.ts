// <viva-rehearsal-menu>: the header's rehearsal entries: "Hide answers" (every cell a flash card; remembered
// in the store's settings; also a checkbox in the dialog, the only one on phones) and "Rehearsal" (on phones a
// floating button), a dialog with the progress view, a mock interview and the user's data (export, import,
// forget). The views load (one chunk) when the dialog first opens.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { REHEARSAL_DATA_EVENT, rehearsalStore } from './store-client';

type View = 'progress' | 'mock' | 'data';
const VIEWS: { id: View; label: string }[] = [
  { id: 'progress', label: 'Progress' },
  { id: 'mock', label: 'Mock interview' },
  { id: 'data', label: 'Your data' },
];

/** Fired (bubbling) when the hide-answers mode changes; detail: on or off. */
export const HIDE_ANSWERS_EVENT = 'hide-answers-change';

/**
 * A copy of the store's hide-answers setting in localStorage, so a page whose answers are not hidden does not
 * load the rehearsal store (idb, ts-fsrs) before its first paint; the store stays the truth.
 */
const HIDE_MIRROR_KEY = 'viva:hide-answers';

function mirroredHide(): boolean {
  try {
    return localStorage.getItem(HIDE_MIRROR_KEY) === 'on';
  } catch {
    return false;
  }
}

function mirrorHide(on: boolean): void {
  try {
    localStorage.setItem(HIDE_MIRROR_KEY, on ? 'on' : 'off');
  } catch {
    // storage refused: the store still has the setting; the page reads it when rehearsal opens
  }
}

@customElement('viva-rehearsal-menu')
export class VivaRehearsalMenu extends LitElement {
  @state() private hideAnswers = false;
  @state() private view: View | null = null;
  @state() private problem = '';

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(REHEARSAL_DATA_EVENT, this.readSettings); // an import or "forget" may change them
    if (mirroredHide()) this.readSettings();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(REHEARSAL_DATA_EVENT, this.readSettings);
  }

  private readSettings = (): void => {
    void rehearsalStore()
      .then((s) => s.settings())
      .then((s) => {
        if (s.hideAnswers !== this.hideAnswers) this.setHide(s.hideAnswers);
      });
  };

  private setHide(on: boolean): void {
    this.hideAnswers = on;
    mirrorHide(on);
    this.dispatchEvent(new CustomEvent(HIDE_ANSWERS_EVENT, { detail: on, bubbles: true }));
  }

  private async toggleHide(): Promise<void> {
    const store = await rehearsalStore();
    const settings = { ...(await store.settings()), hideAnswers: !this.hideAnswers };
    await store.saveSettings(settings);
    this.setHide(settings.hideAnswers);
  }

  /** Opens the rehearsal dialog on a view (Progress by default). */
  async open(view: View = 'progress'): Promise<void> {
    try {
      await import('./rehearsal-views');
    } catch (e) {
      this.problem = `The rehearsal views could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    this.problem = '';
    this.readSettings(); // the store is the truth (its copy in localStorage may be missing or stale)
    this.view = view;
    void this.updateComplete.then(() => {
      const dialog = this.querySelector<HTMLDialogElement>('dialog.rehearsal-dialog')!;
      if (!dialog.open) dialog.showModal();
      this.querySelector<HTMLElement>(`button[data-view="${view}"]`)?.focus();
    });
  }

  override render() {
    return html`
      <button
        class="btn hide-answers"
        aria-pressed=${this.hideAnswers ? 'true' : 'false'}
        title="Hide every answer until you reveal it (flash cards)"
        @click=${() => void this.toggleHide()}
      >
        Hide answers
      </button>
      <button class="btn open-rehearsal" @click=${() => void this.open()}>Rehearsal</button>
      ${this.problem ? html`<span class="rehearse-problem" role="alert">${this.problem}</span>` : nothing}
      <dialog
        class="rehearsal-dialog"
        aria-labelledby="rehearsal-dialog-title"
        @close=${() => (this.view = null)}
      >
        <div class="dialog-head">
          <h2 id="rehearsal-dialog-title">Rehearsal</h2>
          <form method="dialog"><button class="btn">Close</button></form>
        </div>
        <label class="hide-answers-option">
          <input type="checkbox" .checked=${this.hideAnswers} @change=${() => void this.toggleHide()} />
          Hide every answer until I reveal it (flash cards)
        </label>
        <nav class="rehearsal-views" aria-label="Rehearsal views">
          ${VIEWS.map(
            (v) =>
              html`<button
                class="btn"
                data-view=${v.id}
                aria-pressed=${this.view === v.id ? 'true' : 'false'}
                @click=${() => (this.view = v.id)}
              >
                ${v.label}
              </button>`,
          )}
        </nav>
        ${this.view === 'progress' ? html`<viva-progress-view></viva-progress-view>` : nothing}
        ${this.view === 'mock' ? html`<viva-mock-interview></viva-mock-interview>` : nothing}
        ${this.view === 'data' ? html`<viva-rehearsal-data></viva-rehearsal-data>` : nothing}
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-rehearsal-menu': VivaRehearsalMenu;
  }
}
