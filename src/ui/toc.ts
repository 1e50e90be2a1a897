// <viva-toc>: the table of contents, grouped by section, with filters by section, rarity, difficulty and
// text. Fires `filter-change` (detail: CellFilter). Clicking an entry follows its #id link.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { groupBySection, type CellFilter } from '../notebook/filter';
import { DIFFICULTIES, RARITIES, SECTIONS, type Question } from '../notebook/question';

@customElement('viva-toc')
export class VivaToc extends LitElement {
  @property({ attribute: false }) questions: readonly Question[] = [];
  @property({ attribute: false }) visible: ReadonlySet<string> = new Set();
  @property({ attribute: false }) filter!: CellFilter;
  @property() current = '';

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const shown = this.questions.filter((q) => this.visible.has(q.id));
    const f = this.filter;
    const select = (key: keyof CellFilter, label: string, values: readonly string[]) => html`
      <label class="visually-hidden" for="toc-${key}">${label}</label>
      <select
        id="toc-${key}"
        name=${key}
        @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${f[key] === ''}>Any ${label.toLowerCase()}</option>
        ${values.map((v) => html`<option .value=${v} ?selected=${f[key] === v}>${v}</option>`)}
      </select>
    `;
    return html`
      <nav class="toc" aria-label="Questions">
        <div class="filters no-print" role="search">
          <label class="visually-hidden" for="toc-text">Search the questions</label>
          <input
            id="toc-text"
            type="search"
            placeholder="Search questions…"
            .value=${f.text}
            @input=${(e: Event) => this.set('text', (e.target as HTMLInputElement).value)}
          />
          ${select('section', 'Section', SECTIONS)} ${select('rarity', 'Rarity', RARITIES)}
          ${select('difficulty', 'Difficulty', DIFFICULTIES)}
          <div class="count" aria-live="polite">
            ${shown.length} of ${this.questions.length} questions
            ${
              shown.length < this.questions.length
                ? html`· <button class="btn clear" @click=${this.clear}>clear filters</button>`
                : ''
            }
          </div>
        </div>
        ${groupBySection(shown).map(
          (g) => html`
            <h2>${g.section}</h2>
            <ol>
              ${g.questions.map(
                (q) =>
                  html`<li>
                    <a
                      href="#${q.id}"
                      aria-current=${q.id === this.current ? 'true' : 'false'}
                      data-id=${q.id}
                      >${q.number}. ${q.title}</a
                    >
                  </li>`,
              )}
            </ol>
          `,
        )}
      </nav>
    `;
  }

  private set(key: keyof CellFilter, value: string): void {
    this.dispatchEvent(
      new CustomEvent<CellFilter>('filter-change', {
        detail: { ...this.filter, [key]: value },
        bubbles: true,
      }),
    );
  }

  private clear = (): void => {
    this.dispatchEvent(
      new CustomEvent<CellFilter>('filter-change', {
        detail: { section: '', rarity: '', difficulty: '', text: '' },
        bubbles: true,
      }),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-toc': VivaToc;
  }
}
