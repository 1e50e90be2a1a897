// <viva-notes>: the user's own notes on one question (Markdown), edited in a text area and shown rendered
// (markdown-it with html off, then DOMPurify) beside the answer. Saved in the rehearsal store with the
// attempts; never mixed into the shipped content.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { rehearsalStore } from './store-client';
import { renderNote } from './notes-render';

@customElement('viva-notes')
export class VivaNotes extends LitElement {
  @property() questionId = '';
  @state() private markdown = '';
  @state() private editing = false;
  @state() private message = '';

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const note = await (await rehearsalStore()).note(this.questionId);
    this.markdown = note?.markdown ?? '';
  }

  private async save(): Promise<void> {
    const text = this.querySelector<HTMLTextAreaElement>('textarea.notes-text')?.value ?? '';
    try {
      await (
        await rehearsalStore()
      ).saveNote({
        questionId: this.questionId,
        markdown: text,
        updatedAt: new Date().toISOString(),
      });
      this.markdown = text;
      this.editing = false;
      this.message = 'Notes saved on this device.';
    } catch (e) {
      this.message = `The notes could not be saved: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  override render() {
    const id = `notes-${this.questionId}`;
    return html`
      <section class="rehearsal-notes" aria-labelledby=${`${id}-title`}>
        <h4 id=${`${id}-title`}>My notes</h4>
        ${
          this.editing
            ? html`<label for=${id}>Notes (Markdown)</label>
                <textarea id=${id} class="notes-text" rows="5" .value=${this.markdown}></textarea>
                <div class="row">
                  <button class="btn primary" @click=${() => void this.save()}>Save notes</button>
                  <button class="btn" @click=${() => (this.editing = false)}>Cancel</button>
                </div>`
            : html`${
                  this.markdown
                    ? html`<div class="notes-view">${unsafeHTML(renderNote(this.markdown))}</div>`
                    : html`<p class="muted">No notes yet.</p>`
                }
                <button class="btn edit-notes" @click=${this.edit}>
                  ${this.markdown ? 'Edit notes' : 'Add notes'}
                </button>`
        }
        ${this.message ? html`<p class="notes-message" role="status">${this.message}</p>` : nothing}
      </section>
    `;
  }

  private edit = (): void => {
    this.editing = true;
    this.message = '';
    void this.updateComplete.then(() => this.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-notes': VivaNotes;
  }
}
