// <viva-rehearsal-data>: the user's rehearsal data and what can be done with it: export everything to one
// JSON file; import one back (it replaces everything, so it asks first; a damaged file gets a message naming
// what is wrong and changes nothing); forget one question or everything (each asks first); and the store's
// status when it cannot keep anything (no IndexedDB, e.g. some private modes) or had to reset.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { cells } from '../../notebook/cells';
import { announceDataChange, rehearsalStore } from './store-client';

/** Offers JSON text as a file download. */
export function downloadJson(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

@customElement('viva-rehearsal-data')
export class VivaRehearsalData extends LitElement {
  @state() private status = '';
  /** What the store could not read before it was reset (JSON text), offered as a download. */
  @state() private unreadable = '';
  @state() private message = '';
  @state() private problems: string[] = [];

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void rehearsalStore().then((s) => {
      this.status = s.status.message;
      this.unreadable = s.status.backup ?? '';
    });
  }

  private say(message: string, problems: string[] = []): void {
    this.message = message;
    this.problems = problems;
  }

  private downloadUnreadable = (): void => downloadJson('viva-rehearsal-unreadable.json', this.unreadable);

  private async exportAll(): Promise<void> {
    const backup = await (await rehearsalStore()).exportAll();
    downloadJson(`viva-rehearsal-${backup.exportedAt.slice(0, 10)}.json`, JSON.stringify(backup));
    this.say(`Exported ${backup.attempts.length} attempts and ${backup.clips.length} recordings.`);
  }

  private async importFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.say(`${file.name} is not a JSON file (${why}). Nothing was changed.`);
      return;
    }
    if (!confirm(`Importing ${file.name} replaces all your rehearsal data on this device. Import it?`)) {
      this.say('Nothing was imported.');
      return;
    }
    const result = await (await rehearsalStore()).importAll(data);
    if (!result.ok) {
      this.say(`${file.name} cannot be imported. Nothing was changed.`, result.problems);
      return;
    }
    announceDataChange();
    this.say(`Imported ${file.name}.`);
  }

  private async forgetQuestion(): Promise<void> {
    const select = this.querySelector<HTMLSelectElement>('select.forget-which')!;
    const q = cells.find((c) => c.id === select.value);
    if (!q) return;
    if (!confirm(`Forget every attempt, recording, note and schedule for "${q.title}"?`)) return;
    await (await rehearsalStore()).forgetQuestion(q.id);
    announceDataChange();
    this.say(`Forgot "${q.title}".`);
  }

  private async forgetAll(): Promise<void> {
    if (!confirm('Forget all your rehearsal data on this device (attempts, recordings, notes, schedule)?'))
      return;
    await (await rehearsalStore()).forgetAll();
    announceDataChange();
    this.say('Everything was forgotten.');
  }

  override render() {
    return html`
      <section class="rehearsal-data" aria-labelledby="rehearsal-data-title">
        <h3 id="rehearsal-data-title">Your data</h3>
        <p class="muted">Everything stays on this device; nothing is sent anywhere.</p>
        ${this.status ? html`<p class="store-status" role="alert">${this.status}</p>` : nothing}
        ${
          this.unreadable
            ? html`<button class="btn download-unreadable" @click=${this.downloadUnreadable}>
                Download what could not be read
              </button>`
            : nothing
        }
        <div class="row">
          <button class="btn export-all" @click=${() => void this.exportAll()}>
            Export everything (JSON)
          </button>
          <label class="btn import-label">
            Import a backup
            <input
              class="import-file"
              type="file"
              accept=".json,application/json"
              @change=${this.importFile}
            />
          </label>
        </div>
        <div class="row">
          <label for="forget-which">Question</label>
          <select id="forget-which" class="forget-which">
            ${cells.map((q) => html`<option value=${q.id}>Q${q.number} ${q.title}</option>`)}
          </select>
          <button class="btn forget-question" @click=${() => void this.forgetQuestion()}>
            Forget this question
          </button>
        </div>
        <button class="btn forget-all" @click=${() => void this.forgetAll()}>Forget everything</button>
        ${this.message ? html`<p class="data-message" role="status">${this.message}</p>` : nothing}
        ${
          this.problems.length
            ? html`<ul class="import-problems" role="alert">
                ${this.problems.map((p) => html`<li>${p}</li>`)}
              </ul>`
            : nothing
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-rehearsal-data': VivaRehearsalData;
  }
}
