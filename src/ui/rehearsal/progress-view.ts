// <viva-progress-view>: where rehearsal stands, from the data layer's progress figures: what is due today,
// per-section coverage (questions rehearsed, key points covered), the weakest key points (missed most often),
// the history of grades, and time per answer against the target (a small SVG plot). Redraws when attempts
// change; data-ready is set once the figures are drawn.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { cells } from '../../notebook/cells';
import { rehearsalQuestions } from '../../rehearsal/content';
import { progressReport, type ProgressReport, type SectionCoverage } from '../../rehearsal/progress';
import { gradeTable, timePlot } from './progress-charts';
import { REHEARSAL_DATA_EVENT, formatWhen, rehearsalStore } from './store-client';

const title = (id: string) => cells.find((q) => q.id === id)?.title ?? id;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const share = (s: SectionCoverage) => (s.keyPoints ? s.keyPointsCovered / s.keyPoints : 0);

@customElement('viva-progress-view')
export class VivaProgressView extends LitElement {
  @state() private figures: ProgressReport | null = null;

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
  }

  private reload = (): void => {
    void rehearsalStore().then(async (store) => {
      const [questions, attempts, cards] = await Promise.all([
        rehearsalQuestions(cells),
        store.attempts(),
        store.cards(),
      ]);
      this.figures = progressReport(questions, cards, attempts, new Date());
    });
  };

  override render() {
    const f = this.figures;
    if (!f) return html`<p class="muted">Reading your attempts…</p>`;
    return html`<section class="progress-view" data-ready aria-label="Progress">
      <h3>Due today</h3>
      ${
        f.dueToday.due.length
          ? html`<ul class="due-today">
              ${f.dueToday.due.map(
                (d) =>
                  html`<li>
                    <a href=${`#${d.questionId}`}>${title(d.questionId)}</a>
                    <span class="muted">due ${formatWhen(d.due)}</span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">Nothing you rehearsed is due today.</p>`
      }
      ${
        f.dueToday.unseen.length
          ? html`<p class="unseen">
              Never rehearsed: ${f.dueToday.unseen.length} of ${cells.length} questions.
            </p>`
          : nothing
      }
      <h3>Coverage by section</h3>
      <div class="table-scroll">
        <table class="progress-table coverage">
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col" class="num">Rehearsed</th>
              <th scope="col">Key points covered (latest attempts)</th>
            </tr>
          </thead>
          <tbody>
            ${f.sections.map(
              (s) =>
                html`<tr>
                  <th scope="row">${s.section}</th>
                  <td class="num">${s.rehearsed} of ${s.questions}</td>
                  <td>
                    <span class="bar" style=${`width:${(6 * share(s)).toFixed(2)}rem`}></span>
                    ${s.keyPointsCovered} of ${s.keyPoints} (${pct(share(s))})
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3>Weakest key points</h3>
      ${
        f.weakest.length
          ? html`<div class="table-scroll">
              <table class="progress-table weakest">
                <thead>
                  <tr>
                    <th scope="col">Key point</th>
                    <th scope="col">Question</th>
                    <th scope="col" class="num">Missed</th>
                  </tr>
                </thead>
                <tbody>
                  ${f.weakest.map(
                    (w) =>
                      html`<tr>
                        <td>${w.text}</td>
                        <td><a href=${`#${w.questionId}`}>${title(w.questionId)}</a></td>
                        <td class="num">${w.missed} of ${w.attempts}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p class="muted">No attempts yet.</p>`
      }
      <h3>Grades by day</h3>
      ${f.grades.length ? gradeTable(f.grades) : html`<p class="muted">No grades yet.</p>`}
      <h3>Time per answer</h3>
      ${
        f.times.medianMs !== null
          ? html`<p class="muted">
                ${f.times.overTarget} of ${f.times.series.length} answers went over their target; median
                ${Math.round(f.times.medianMs / 1000)} s.
              </p>
              ${timePlot(f.times.series)}`
          : html`<p class="muted">No answers timed yet.</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-progress-view': VivaProgressView;
  }
}
