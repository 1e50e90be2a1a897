// <viva-update-prompt>: "a new version of Viva is ready". The new service worker waits (registerType 'prompt')
// until the user clicks Reload; the prompt says what reloading costs now (a running demo stops, an attempt not
// yet saved is lost) and names the demos that are running. Later (or Esc inside the prompt) keeps the page as
// it is; the new version then starts on the next visit. It never takes focus: it is announced, sits first in
// the tab order, and Esc gives focus back to where it came from.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { updateMessage } from './update-message';

/**
 * Activates the waiting version (the service worker skips waiting) and reloads once it is active, so the
 * reload is served by the new version. A page the old worker never controlled reloads all the same.
 */
export async function activateWaitingVersion(): Promise<void> {
  const next = (await navigator.serviceWorker.getRegistration())?.waiting;
  if (next) {
    const active = new Promise<void>((resolve) =>
      next.addEventListener('statechange', () => {
        if (next.state === 'activated' || next.state === 'redundant') resolve();
      }),
    );
    next.postMessage({ type: 'SKIP_WAITING' });
    await active;
  }
  location.reload();
}

interface CellLike extends Element {
  runState?: string;
  question?: { title?: string };
}

/** The titles of the cells on the page whose demo is running. */
export function runningDemos(root: ParentNode = document): string[] {
  return [...root.querySelectorAll<CellLike>('viva-cell')]
    .filter((c) => c.runState === 'running')
    .map((c) => c.question?.title ?? c.id);
}

@customElement('viva-update-prompt')
export class UpdatePrompt extends LitElement {
  @state() private open = false;
  @state() private message = '';
  @state() private reloading = false;
  private reload: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private returnFocus: HTMLElement | null = null;

  protected override createRenderRoot() {
    return this; // light DOM: the page's theme and button styles apply
  }

  /** Shows the prompt; `reload` activates the waiting version and reloads (called only on the user's click). */
  show(reload: () => Promise<void>): void {
    this.reload = reload;
    this.open = true;
    this.refresh();
    // The running demos change while the prompt waits; a second is soon enough for the words to follow.
    this.timer ??= setInterval(() => this.refresh(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  private refresh(): void {
    this.message = updateMessage(runningDemos());
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private later(): void {
    this.open = false;
    this.stopTimer();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus();
  }

  private async reloadNow(): Promise<void> {
    if (!this.reload || this.reloading) return;
    this.reloading = true;
    this.stopTimer();
    await this.reload();
  }

  private onFocusIn(e: FocusEvent): void {
    const from = e.relatedTarget;
    if (from instanceof HTMLElement && !this.contains(from)) this.returnFocus = from;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.stopPropagation(); // the page's own Esc (drawer, presenter view) is not meant
    this.later();
  }

  override render() {
    return html`
      <p class="visually-hidden" aria-live="polite">
        ${this.open ? 'A new version of Viva is ready. Reload when you choose.' : ''}
      </p>
      ${
        this.open
          ? html`<section
              class="update-prompt"
              role="region"
              aria-labelledby="update-prompt-title"
              @keydown=${this.onKey}
              @focusin=${this.onFocusIn}
            >
              <h2 id="update-prompt-title">A new version of Viva is ready</h2>
              <p class="update-prompt-text">${this.reloading ? 'Reloading…' : this.message}</p>
              <div class="update-prompt-actions">
                <button class="btn primary" ?disabled=${this.reloading} @click=${this.reloadNow}>
                  Reload now
                </button>
                <button class="btn" ?disabled=${this.reloading} @click=${this.later}>Later</button>
              </div>
            </section>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-update-prompt': UpdatePrompt;
  }
}
