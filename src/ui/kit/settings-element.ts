// <viva-settings>: draws a demo's settings table (or one group of it) as controls, from the table alone, and
// writes every change through the store, which validates it. Numbers are sliders with a number box (or the
// box alone), choices are selects, toggles are switches, text is a text box; each control shows its message
// (a clamp, a refusal) beside it, and its help line under it. A change that would throw away a trained model
// (the demo opted in: SettingsStore.discards) asks first, under its control: change it, or keep the model
// (the control then shows the kept value again; Esc keeps too).
//
// Example: <viva-settings .store=${this.settings} group="training"></viva-settings>
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import '../controls/select';
import { controlStyles } from '../controls/shared-styles';
import '../controls/slider';
import '../controls/toggle';
import type { Setting, SettingValue } from './settings';
import type { SettingsStore } from './settings-store';

let nextId = 0;

@customElement('viva-settings')
export class VivaSettings extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(var(--settings-min, 12rem), 1fr));
        gap: 0 0.8rem;
        margin: 0;
      }
      .setting {
        margin: 0.3rem 0;
        min-width: 0;
      }
      .help {
        font-size: 0.75rem;
        color: var(--muted);
        margin-top: 0.1rem;
      }
      .confirm {
        font-size: 0.8rem;
        color: var(--text);
        background: var(--surface-2);
        border: 1px solid var(--border);
        border-left: 3px solid var(--error);
        border-radius: 6px;
        padding: 0.3rem 0.45rem;
        margin-top: 0.25rem;
      }
      .confirm button {
        font: inherit;
        color: var(--text);
        background: var(--surface);
        border: 1px solid var(--border);
        border-radius: 5px;
        padding: 0.1rem 0.5rem;
        margin: 0.25rem 0.3rem 0 0;
        cursor: pointer;
      }
      .device-note {
        grid-column: 1 / -1;
        font-size: 0.8rem;
        color: var(--muted);
        margin: 0.2rem 0;
      }
    `,
  ];

  @property({ attribute: false }) store!: SettingsStore;
  /** Only the settings of this group (all when empty). */
  @property() group = '';
  /** Only these keys, in this order (overrides group). */
  @property({ attribute: false }) keys: readonly string[] | null = null;
  @property({ type: Boolean }) disabled = false;
  private readonly uid = `viva-settings-${nextId++}`;
  private unsubscribe: (() => void) | null = null;
  /** The key whose pending change was just answered here (its control takes the focus back). */
  private answered: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('store') && this.isConnected) this.listen();
  }

  private listen(): void {
    this.unsubscribe?.();
    if (!this.store) return void (this.unsubscribe = null);
    const offChange = this.store.subscribe(() => this.requestUpdate());
    const offPending = this.store.onPending(() => this.requestUpdate());
    this.unsubscribe = () => (offChange(), offPending());
  }

  protected override updated(): void {
    // A change that waits for an answer takes the focus to it (the safe answer: keep the model); once
    // answered, the focus goes back to the setting's control.
    const keep = this.renderRoot.querySelector<HTMLButtonElement>('.confirm button.keep');
    if (keep && keep.dataset.focused !== 'yes') {
      keep.dataset.focused = 'yes';
      // After the key that asked has finished: a number box reads Enter on keydown, and the same press's
      // keypress would otherwise land on the focused button and answer for the user.
      setTimeout(() => keep.focus(), 0);
    }
    if (this.answered && !this.store.pending) {
      const control = this.renderRoot.querySelector(`.setting[data-key="${this.answered}"] > *`);
      const inner = control?.shadowRoot?.querySelector<HTMLElement>('select, input, [role="switch"]');
      (inner ?? (control as HTMLElement | null))?.focus();
      this.answered = null;
    }
  }

  private answer(confirm: boolean): void {
    this.answered = this.store.pending?.key ?? null;
    if (confirm) this.store.confirm();
    else this.store.cancel();
  }

  private shown(): Setting[] {
    const table = this.store.table;
    if (this.keys) return this.keys.map((k) => this.store.setting(k));
    return table.filter((s) => !this.group || s.group === this.group);
  }

  override render() {
    if (!this.store) return nothing;
    const values = this.store.values as Record<string, SettingValue>;
    const shown = this.shown();
    return [
      this.deviceNote(shown, values),
      ...shown.map((s) => {
        const off = this.disabled || (s.enabledWhen ? !s.enabledWhen(values) : false);
        return html`<div class="setting" data-key=${s.key}>
          ${keyed(`${s.key}:${this.store.revision(s.key)}`, this.control(s, values[s.key]!, off))}
          ${this.store.pending?.key === s.key ? this.confirmBox() : nothing}
          ${s.help ? html`<div class="help" id=${`${this.uid}-${s.key}-help`}>${s.help}</div>` : nothing}
        </div>`;
      }),
    ];
  }

  /** "Smaller defaults for this device", naming each shown setting still at its slow default. */
  private deviceNote(shown: Setting[], values: Record<string, SettingValue>) {
    const start = this.store.startValues as Record<string, SettingValue>;
    const slow = shown.filter((s) => this.store.slowKeys.includes(s.key) && values[s.key] === start[s.key]);
    if (!slow.length) return nothing;
    const list = slow
      .map((s) => `${s.label} ${String(start[s.key])} (${String(s.default)} elsewhere)`)
      .join(', ');
    return html`<p class="device-note">Smaller defaults for this device: ${list}.</p>`;
  }

  private confirmBox() {
    const p = this.store.pending!;
    const id = `${this.uid}-confirm`;
    return html`<div
      class="confirm"
      role="alertdialog"
      aria-labelledby=${id}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        this.answer(false);
      }}
    >
      <span id=${id}>Changing “${p.label}” throws away ${p.discards}.</span>
      <div>
        <button class="discard" @click=${() => this.answer(true)}>Change it</button>
        <button class="keep" @click=${() => this.answer(false)}>Keep the model</button>
      </div>
    </div>`;
  }

  private set(key: string, raw: unknown): void {
    this.store.request(key, raw);
    this.requestUpdate();
  }

  private control(s: Setting, value: SettingValue, off: boolean) {
    const label = 'unit' in s && s.unit ? `${s.label} (${s.unit})` : s.label;
    const message = this.store.messages.get(s.key) ?? '';
    const id = `${this.uid}-${s.key}`;
    switch (s.kind) {
      case 'number':
      case 'integer':
        if (s.control === 'number') {
          return html`<label for=${id}>${label}</label>
            <input
              id=${id}
              class="number"
              type="text"
              inputmode="numeric"
              .value=${String(value)}
              ?disabled=${off}
              aria-invalid=${message ? 'true' : 'false'}
              aria-describedby=${`${id}-msg`}
              @change=${(e: Event) => this.set(s.key, (e.target as HTMLInputElement).value)}
            />
            <div class="message" id=${`${id}-msg`} role="status" aria-live="polite">${message}</div>`;
        }
        return html`<viva-slider
          label=${label}
          .min=${s.min}
          .max=${s.max}
          .step=${s.step}
          .value=${value as number}
          ?integer=${s.kind === 'integer'}
          ?disabled=${off}
          @change=${(e: CustomEvent<number>) => this.set(s.key, e.detail)}
        ></viva-slider>`;
      case 'choice':
        return html`<viva-select
          label=${label}
          .options=${s.options as { value: string; label: string }[]}
          .value=${value as string}
          ?disabled=${off}
          @change=${(e: CustomEvent<string>) => this.set(s.key, e.detail)}
        ></viva-select>`;
      case 'toggle':
        return html`<viva-toggle
          label=${label}
          .checked=${value as boolean}
          ?disabled=${off}
          @change=${(e: CustomEvent<boolean>) => this.set(s.key, e.detail)}
        ></viva-toggle>`;
      case 'text':
        return html`<label for=${id}>${label}</label>
          <input
            id=${id}
            class="text"
            type="text"
            maxlength=${s.maxLength}
            .value=${value as string}
            ?disabled=${off}
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby=${`${id}-msg`}
            @change=${(e: Event) => this.set(s.key, (e.target as HTMLInputElement).value)}
          />
          <div class="message" id=${`${id}-msg`} role="status" aria-live="polite">${message}</div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-settings': VivaSettings;
  }
}
