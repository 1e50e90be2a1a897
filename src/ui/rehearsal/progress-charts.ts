// Small SVG charts for the progress view (no Plotly: a few hundred marks draw at once and follow the theme
// through CSS variables): time per answer against the target, and grades by day.
import { svg, html, nothing } from 'lit';
import type { Grade } from '../../rehearsal/contract';
import type { GradeDay } from '../../rehearsal/progress';

const W = 600;
const H = 160;
const PAD = { left: 36, right: 8, top: 8, bottom: 20 };

/**
 * Time to reveal for each attempt in order (seconds on the y axis), with the target as a dashed line. The
 * dots are two paths (within and over the target) of zero-length round-capped segments, so a thousand
 * attempts draw as two elements.
 */
export function timePlot(times: readonly { durationMs: number; targetMs: number }[]) {
  if (times.length === 0) return nothing;
  const maxS = Math.max(...times.map((t) => Math.max(t.durationMs, t.targetMs) / 1000)) * 1.1;
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * (i + 0.5)) / times.length;
  const y = (s: number) => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * s) / maxS;
  const target = times[times.length - 1]!.targetMs / 1000;
  let within = '';
  let over = '';
  let overCount = 0;
  times.forEach((t, i) => {
    const dot = `M${x(i).toFixed(1)} ${y(t.durationMs / 1000).toFixed(1)}h0`;
    if (t.durationMs > t.targetMs) {
      over += dot;
      overCount++;
    } else within += dot;
  });
  return html`<svg
    class="time-plot"
    viewBox="0 0 ${W} ${H}"
    role="img"
    data-points=${times.length}
    aria-label=${`Time per answer for ${times.length} attempts; ${overCount} over the ${Math.round(target)} s target`}
  >
    ${svg`<line class="axis" x1=${PAD.left} x2=${W - PAD.right} y1=${y(0)} y2=${y(0)}></line>
      <line class="target" x1=${PAD.left} x2=${W - PAD.right} y1=${y(target)} y2=${y(target)}></line>
      <text x="2" y=${y(target) + 3}>${Math.round(target)} s</text>
      <text x="2" y=${y(0) + 3}>0</text>
      <text x=${PAD.left} y=${H - 4}>oldest</text>
      <text x=${W - PAD.right - 34} y=${H - 4}>newest</text>
      <path class="dots" d=${within || 'M0 0'}></path>
      <path class="dots over" d=${over || 'M0 0'}></path>`}
  </svg>`;
}

const GRADE_ORDER: Grade[] = ['again', 'hard', 'good', 'easy'];

/** How many days of grades the table shows (the most recent). */
export const GRADE_DAYS_SHOWN = 30;

/** Grades per day as a table, the most recent days first: the history reads better as counts. */
export function gradeTable(all: readonly GradeDay[]) {
  if (all.length === 0) return nothing;
  const days = [...all].sort((a, b) => (a.day < b.day ? 1 : -1)).slice(0, GRADE_DAYS_SHOWN);
  const earlier = all.length - days.length;
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
    ${earlier > 0 ? html`<p class="muted">${earlier} earlier days not shown.</p>` : nothing}
  </div>`;
}
