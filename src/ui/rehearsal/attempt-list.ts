// <viva-attempt-list>: a question's past attempts, newest first: when, the grade, the time against the
// target, the key points covered, the typed answer, the recorded clip (played from the store, deletable) and,
// for an attempt that explained a demo state, a button that puts the demo back in that state.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Attempt } from '../../rehearsal/contract';
import { REHEARSAL_DATA_EVENT, formatDuration, formatWhen, rehearsalStore } from './store-client';

/** What the list needs from its cell: reopening a demo's settings. */
export interface DemoReopener {
  openLink(query: string): Promise<void>;
}

@customElement('viva-attempt-list')
export class VivaAttemptList extends LitElement {
  @property() questionId = '';
  @property({ type: Number }) keyPointCount = 0;
  @property({ attribute: false }) host: DemoReopener | null = null;
  @state() private attempts: Attempt[] = [];
  /** Object URLs of clips loaded for playing, by clip id; null when the clip is gone. */
  @state() private clips = new Map<string, string | null>();
  @state() private message = '';

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(REHEARSAL_DATA_EVENT, this.reload);
    this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(REHEARSAL_DATA_EVENT, this.reload);
    for (const url of this.clips.values()) if (url) URL.revokeObjectURL(url);
  }

  private reload = (): void => {
    void rehearsalStore()
      .then((s) => s.attempts(this.questionId))
      .then((list) => {
        this.attempts = [...list].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      });
  };

  private async play(clipId: string): Promise<void> {
    const clip = await (await rehearsalStore()).clip(clipId);
    const next = new Map(this.clips);
    next.set(clipId, clip ? URL.createObjectURL(clip.blob) : null);
    this.clips = next;
  }

  private async deleteClip(clipId: string): Promise<void> {
    if (!confirm('Delete this recording from this device?')) return;
    await (await rehearsalStore()).deleteClip(clipId);
    const url = this.clips.get(clipId);
    if (url) URL.revokeObjectURL(url);
    const next = new Map(this.clips);
    next.set(clipId, null);
    this.clips = next;
    this.message = 'Recording deleted.';
  }

  private async reopen(query: string): Promise<void> {
    await this.host?.openLink(query);
    this.message = 'The demo is back in the state of that attempt.';
  }

  override render() {
    if (this.attempts.length === 0) return html`<p class="muted attempts-empty">No attempts yet.</p>`;
    return html`
      <h4>Past attempts</h4>
      <ol class="attempt-list">
        ${this.attempts.map((a) => this.renderAttempt(a))}
      </ol>
      ${this.message ? html`<p role="status">${this.message}</p>` : nothing}
    `;
  }

  private renderAttempt(a: Attempt) {
    const clip = a.clipId ? this.clips.get(a.clipId) : undefined;
    return html`<li class="attempt" data-attempt-id=${a.id} data-grade=${a.grade}>
      <span class="when">${formatWhen(a.startedAt)}</span>
      <span class="grade grade-${a.grade}">${a.grade}</span>
      <span class="time" title="Time to reveal, against the target"
        >${formatDuration(a.durationMs)} / ${formatDuration(a.targetMs)}</span
      >
      <span class="covered">${a.covered.length} of ${this.keyPointCount} key points</span>
      ${a.mode === 'mock' ? html`<span class="badge">mock</span>` : nothing}
      ${a.typed ? html`<p class="typed">${a.typed}</p>` : nothing}
      ${
        a.followUp
          ? html`<p class="typed">Follow-up: ${a.followUp.question} — ${a.followUp.typed || '(spoken)'}</p>`
          : nothing
      }
      ${
        a.clipId
          ? clip === undefined
            ? html`<button class="btn play-clip" @click=${() => void this.play(a.clipId!)}>
                Play recording
              </button>`
            : clip === null
              ? html`<span class="muted">Recording deleted.</span>`
              : html`<audio controls src=${clip} aria-label="Recording of this attempt"></audio>
                  <button class="btn delete-clip" @click=${() => void this.deleteClip(a.clipId!)}>
                    Delete recording
                  </button>`
          : nothing
      }
      ${
        a.demo && this.host
          ? html`<button class="btn reopen-demo" @click=${() => void this.reopen(a.demo!.query)}>
              Reopen the demo as it was
            </button>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-attempt-list': VivaAttemptList;
  }
}
