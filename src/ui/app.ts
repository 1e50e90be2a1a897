// <viva-app>: the shell — header (compute backend, theme, shortcuts), the table of contents and the cells.
// Handles deep links (#id focuses that cell) and the keyboard shortcuts.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { cells } from '../notebook/cells';
import { matches, NO_FILTER, searchText, type CellFilter } from '../notebook/filter';
import { nextTheme, saveTheme, storedTheme, THEME_EVENT, type ThemeChoice } from '../notebook/theme';
import { computeRuntime, type ComputeState } from '../runtime/compute';
import './cell';
import { computeLabel } from './compute-label';
import './first-visit-hint';
import type { VivaCell } from './cell';
import { parseDemoHash } from './kit/link-state';
import { scrollCellIntoView } from './scroll-to-cell';
import { SHORTCUTS, shortcutFor } from './shortcuts';
import './toc';
import './rehearsal/rehearsal-menu';

const THEME_NAME: Record<ThemeChoice, string> = { system: 'system', light: 'light', dark: 'dark' };

@customElement('viva-app')
export class VivaApp extends LitElement {
  @state() private filter: CellFilter = NO_FILTER;
  @state() private theme: ThemeChoice = storedTheme();
  @state() private themeNote = '';
  @state() private compute: ComputeState = computeRuntime().state;
  @state() private current = '';
  /** The contents drawer on narrow screens (on wide ones the contents are always shown). */
  @state() private contentsOpen = false;
  /** The hide-answers mode (from the rehearsal settings): every cell a flash card. */
  @state() private hideAnswers = false;
  private readonly texts = new Map<string, string>();
  private unsubscribe: (() => void) | null = null;
  private stopScrolling: (() => void) | null = null;

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = computeRuntime().subscribe((s) => (this.compute = s));
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('beforeprint', this.openAllDetails);
    document.addEventListener(THEME_EVENT, this.onThemeChange);
    void this.updateComplete.then(() => this.onHash());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('beforeprint', this.openAllDetails);
    document.removeEventListener(THEME_EVENT, this.onThemeChange);
  }

  private text(id: string): string {
    let t = this.texts.get(id);
    if (t === undefined) {
      t = searchText(cells.find((q) => q.id === id)!);
      this.texts.set(id, t);
    }
    return t;
  }

  private get visibleIds(): Set<string> {
    return new Set(cells.filter((q) => matches(q, this.filter, this.text(q.id))).map((q) => q.id));
  }

  override render() {
    const visible = this.visibleIds;
    const label = computeLabel(this.compute);
    return html`
      <header class="app-header">
        <button
          class="btn contents-toggle"
          aria-expanded=${this.contentsOpen ? 'true' : 'false'}
          aria-controls="contents"
          @click=${() => this.openContents(!this.contentsOpen)}
        >
          Contents
        </button>
        <h1>Viva</h1>
        <span class="tagline">AI research interviews, one live cell per question</span>
        <span class="spacer"></span>
        <button
          class="compute-badge"
          @click=${this.detect}
          title=${label.details}
          aria-label=${`${label.long}. Show or load the compute backend`}
        >
          <span class="long">${label.long}</span><span class="short" aria-hidden="true">${label.short}</span>
        </button>
        <viva-rehearsal-menu
          @hide-answers-change=${(e: CustomEvent<boolean>) => (this.hideAnswers = e.detail)}
        ></viva-rehearsal-menu>
        <button class="btn theme-toggle" @click=${this.toggleTheme} title="Switch the theme">
          <span class="prefix">Theme: </span>${THEME_NAME[this.theme]}
        </button>
        ${this.themeNote ? html`<span class="theme-note" role="status">${this.themeNote}</span>` : nothing}
        <button
          class="btn"
          @click=${this.toggleHelp}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </header>
      <div class="layout">
        <viva-toc
          id="contents"
          class=${this.contentsOpen ? 'open' : ''}
          @click=${this.onContentsClick}
          .questions=${cells}
          .visible=${visible}
          .filter=${this.filter}
          .current=${this.current}
          @filter-change=${(e: CustomEvent<CellFilter>) => (this.filter = e.detail)}
        ></viva-toc>
        <main class="cells">
          <viva-first-visit-hint></viva-first-visit-hint>
          ${cells.map(
            (q) =>
              html`<viva-cell
                .question=${q}
                ?hidden=${!visible.has(q.id)}
                .hideAnswers=${this.hideAnswers}
                @focusin=${() => (this.current = q.id)}
              ></viva-cell>`,
          )}
          ${visible.size === 0 ? html`<p class="empty">No question matches these filters.</p>` : ''}
        </main>
      </div>
      <dialog class="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          ${SHORTCUTS.map(
            (s) =>
              html`<tr>
                <td><kbd>${s.keys}</kbd></td>
                <td>${s.description}</td>
              </tr>`,
          )}
        </table>
        <form method="dialog"><button class="btn">Close</button></form>
      </dialog>
    `;
  }

  private openContents(open: boolean): void {
    this.contentsOpen = open;
    void this.updateComplete.then(() => {
      const target = open ? '#toc-text' : 'button.contents-toggle';
      this.querySelector<HTMLElement>(target)?.focus();
    });
  }

  /** Following an entry in the drawer closes it (the link itself scrolls to the cell). */
  private onContentsClick = (e: Event): void => {
    if (this.contentsOpen && (e.target as HTMLElement).closest('a')) this.contentsOpen = false;
  };

  private detect = (): void => {
    computeRuntime()
      .ensure()
      .catch(() => undefined); // the failure is shown in the badge
  };

  private toggleTheme = (): void => {
    this.theme = nextTheme(this.theme);
    this.themeNote = saveTheme(this.theme)
      ? ''
      : 'This browser refuses storage: the theme lasts until you leave.';
  };

  private onThemeChange = (): void => {
    this.theme = storedTheme();
  };

  private toggleHelp = (): void => {
    const dialog = this.querySelector('dialog.shortcuts') as HTMLDialogElement;
    if (dialog.open) dialog.close();
    else dialog.showModal();
  };

  private openAllDetails = (): void => {
    this.querySelectorAll('details').forEach((d) => (d.open = true));
  };

  private cellElements(): VivaCell[] {
    return [...this.querySelectorAll('viva-cell')].filter((c) => !c.hidden);
  }

  private focusedCell(): VivaCell | null {
    const active = document.activeElement;
    const inCell = active?.closest('viva-cell');
    if (inCell) return inCell;
    return this.current
      ? (this.querySelector(`viva-cell#${CSS.escape(this.current)}`) as VivaCell | null)
      : null;
  }

  private focusCell(cell: VivaCell, updateHash: boolean): void {
    this.current = cell.id;
    cell.focus({ preventScroll: true });
    this.stopScrolling?.();
    this.stopScrolling = scrollCellIntoView(cell);
    if (updateHash) history.replaceState(null, '', `#${cell.id}`);
  }

  private onHash = (): void => {
    const link = parseDemoHash(location.hash);
    if (!link) return;
    const { id, query } = link;
    if (!cells.some((q) => q.id === id)) return;
    if (!this.visibleIds.has(id)) this.filter = NO_FILTER; // a deep link always shows its cell
    void this.updateComplete.then(() => {
      const cell = this.querySelector(`viva-cell#${CSS.escape(id)}`) as VivaCell | null;
      if (!cell) return;
      this.focusCell(cell, false);
      // A link with settings restores that demo (loading it); a plain #id only scrolls.
      if (query) void cell.openLink(query);
    });
  };

  private onKey = (e: KeyboardEvent): void => {
    // composedPath()[0] is the real target even inside a demo's shadow root (e.target is the host there).
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const inTextField = !!target?.closest?.('input, textarea, select, [contenteditable="true"]');
    const action = shortcutFor(e, inTextField);
    if (!action) return;
    const dialog = this.querySelector('dialog.shortcuts') as HTMLDialogElement;
    if (dialog.open && action !== 'help') return; // the dialog handles Esc itself
    const cell = this.focusedCell();
    switch (action) {
      case 'help':
        this.toggleHelp();
        break;
      case 'run':
        if (!cell?.hasDemo) return;
        void cell.run();
        break;
      case 'rehearse':
        void cell?.rehearsal.start();
        break;
      case 'stop': {
        // Esc first leaves the presenter view or closes the contents drawer; otherwise it stops the run.
        const presenting = this.querySelector<VivaCell>('viva-cell[presenting]');
        if (presenting) presenting.present(false);
        else if (this.contentsOpen) this.openContents(false);
        else cell?.stop();
        return; // Esc also keeps its usual meanings
      }
      case 'next':
      case 'previous': {
        const list = this.cellElements();
        const i = cell ? list.indexOf(cell) : -1;
        const j = action === 'next' ? Math.min(list.length - 1, i + 1) : Math.max(0, i === -1 ? 0 : i - 1);
        if (list[j]) this.focusCell(list[j], true);
        break;
      }
    }
    e.preventDefault();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-app': VivaApp;
  }
}
