// <viva-first-visit-hint>: three lines for a new user (what a cell is, Run, rehearsing), shown until it is
// dismissed, then never again on this device. When storage is unavailable (some private modes) it is
// dismissed for this visit only, and says so.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';

export const HINT_KEY = 'viva.first-visit-hint';

/** Whether the hint was dismissed before; a storage that cannot be read counts as "not yet". */
export function hintDismissed(storage: Pick<Storage, 'getItem'> | null = safeStorage()): boolean {
  try {
    return storage?.getItem(HINT_KEY) === 'dismissed';
  } catch {
    return false;
  }
}

/** Records the dismissal; false when it could not be stored. */
export function dismissHint(storage: Pick<Storage, 'setItem'> | null = safeStorage()): boolean {
  try {
    if (!storage) return false;
    storage.setItem(HINT_KEY, 'dismissed');
    return true;
  } catch {
    return false;
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // reading localStorage itself throws when storage is blocked
  }
}

@customElement('viva-first-visit-hint')
export class FirstVisitHint extends LitElement {
  @state() private shown = !hintDismissed();
  @state() private note = '';

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    if (!this.shown)
      return this.note ? html`<p class="first-visit-note" role="status">${this.note}</p>` : nothing;
    return html`
      <aside class="first-visit" aria-labelledby="first-visit-title">
        <h2 id="first-visit-title" class="visually-hidden">How to use Viva</h2>
        <ul>
          <li>
            Each question is a <strong>cell</strong>: the answer a strong candidate gives, and beside it
            (below it on a phone) a live demo.
          </li>
          <li>
            <strong>Run</strong> (or Shift+Enter in a cell) runs the demo; change a setting and run again.
            Copy link keeps the settings.
          </li>
          <li>
            To <strong>rehearse</strong>, say the answer aloud in two minutes: each cell ends with a five-part
            spoken outline to check yourself against.
          </li>
        </ul>
        <button class="btn" @click=${this.dismiss}>Got it</button>
      </aside>
    `;
  }

  private dismiss = (): void => {
    this.shown = false;
    this.note = dismissHint() ? '' : 'This browser keeps no storage for this page: the hint will return.';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-first-visit-hint': FirstVisitHint;
  }
}
