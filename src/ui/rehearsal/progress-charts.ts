// Small SVG charts for the progress view (no Plotly: a few hundred marks draw at once and follow the theme
// through CSS variables): time per answer against the target, and grades over time.
import { svg, html, nothing } from 'lit';
import type { Grade } from '../../rehearsal/contract';
import type { GradeDay } from '../../rehearsal/progress';

const W = 600;
const H = 160;
const PAD = { left: 36, right: 8, top: 8, bottom: 20 };

/** Time to reveal for each attempt in order (seconds on the y axis), with the target as a dashed line. */
export function timePlot(times: readonly { durationMs: number; targetMs: number }[]) {
  if (times.length === 0) return nothing;
  const maxS = Math.max(...times.map((t) => Math.max(t.durationMs, t.targetMs) / 1000)) * 1.1;
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * (i + 0.5)) / times.length;
  const y = (s: number) => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * s) / maxS;
  const target = times[times.length - 1]!.targetMs / 1000;
  const over = times.filter((t) => t.durationMs > t.targetMs).length;
  return html`<svg
    class="time-plot"
    viewBox="0 0 ${W} ${H}"
    role="img"
    aria-label=${`Time per answer for ${times.length} attempts; ${over} over the ${Math.round(target)} s target`}
  >
    ${svg`<line class="axis" x1=${PAD.left} x2=${W - PAD.right} y1=${y(0)} y2=${y(0)}></line>
      <line class="target" x1=${PAD.left} x2=${W - PAD.right} y1=${y(target)} y2=${y(target)}></line>
      <text x="2" y=${y(target) + 3}>${Math.round(target)} s</text>
      <text x="2" y=${y(0) + 3}>0</text>
      <text x=${PAD.left} y=${H - 4}>oldest</text>
      <text x=${W - PAD.right - 34} y=${H - 4}>newest</text>
      ${times.map(
        (t, i) =>
          svg`<circle class="dot ${t.durationMs > t.targetMs ? 'over' : ''}" cx=${x(i)} cy=${y(t.durationMs / 1000)} r="3"></circle>`,
      )}`}
  </svg>`;
}

const GRADE_ORDER: Grade[] = ['again', 'hard', 'good', 'easy'];

/** Grades per day as a table: the history reads better as counts than as a plot of four levels. */
export function gradeTable(days: readonly GradeDay[]) {
  if (days.length === 0) return nothing;
  return html`<div class="table-scroll">
    <table class="progress-table grade-history">
      <thead>
        <tr>
          <th scope="col">Day</th>
          ${GRADE_ORDER.map((g) => html`<th scope="col" class="num">${g}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${days.map(
          (d) =>
            html`<tr>
              <th scope="row">${d.day}</th>
              ${GRADE_ORDER.map((g) => html`<td class="num">${d[g]}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
