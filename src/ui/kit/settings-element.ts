// <viva-settings>: draws a demo's settings table (or one group of it) as controls, from the table alone, and
// writes every change through the store, which validates it. Numbers are sliders with a number box (or the
// box alone), choices are selects, toggles are switches, text is a text box; each control shows its message
// (a clamp, a refusal) beside it, and its help line under it.
//
// Example: <viva-settings .store=${this.settings} group="training"></viva-settings>
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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
    this.unsubscribe = this.store ? this.store.subscribe(() => this.requestUpdate()) : null;
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
          ${this.control(s, values[s.key]!, off)}
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

  private set(key: string, raw: unknown): void {
    this.store.set(key, raw);
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
