// The ablation cell's views, pure functions of the analysis (kernels/ablation-analysis.ts) returning Lit
// templates: the per-arm table (mean, 95% t and bootstrap intervals, the learning rates validation chose), a
// forest chart of mean ± 95% CI with every seed's result, and per arm against the baseline the paired
// differences seed by seed, their interval beside the unpaired one, the correlation and the conclusion.
// Colours are the theme's CSS variables; the chart is an SVG that scales to its panel.
import { html, svg, nothing } from 'lit';
import type { AblationAnalysis, Comparison, Interval } from '../../../kernels/ablation-analysis';

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
const pts = (v: number) =>
  Number.isFinite(v) ? `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(1)}` : '–';
const range = (i: Interval | null, f: (v: number) => string) => (i ? `${f(i.lo)} to ${f(i.hi)}` : '–');
const rates = (lrs: number[]) => [...new Set(lrs)].sort((a, b) => a - b).join(', ');

export function armTable(a: AblationAnalysis) {
  return html`<table class="arms">
    <caption>
      ${a.metric} per arm, over its seeds
    </caption>
    <thead>
      <tr>
        <th scope="col">arm</th>
        <th scope="col">runs</th>
        <th scope="col">mean</th>
        <th scope="col">95% CI (t)</th>
        <th scope="col">95% CI (bootstrap)</th>
        <th scope="col">rates chosen</th>
      </tr>
    </thead>
    <tbody>
      ${a.arms.map(
        (arm) =>
          html`<tr>
            <th scope="row">${arm.name}</th>
            <td class="n">${arm.n}</td>
            <td class="mean">${pct(arm.mean)}</td>
            <td class="ci">${range(arm.t, pct)}</td>
            <td class="boot">${range(arm.bootstrap, pct)}</td>
            <td>${rates(arm.lrs)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const ROW = 28;
const LEFT = 110;
const WIDTH = 420;

/** Mean ± 95% t interval per arm (a bar and a dot), each seed's result a small ring. */
export function forestChart(a: AblationAnalysis) {
  const all = a.arms.flatMap((arm) => [...arm.values, ...(arm.t ? [arm.t.lo, arm.t.hi] : [])]);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 0.02) [lo, hi] = [lo - 0.01, hi + 0.01];
  const pad = 0.05 * (hi - lo);
  [lo, hi] = [lo - pad, hi + pad];
  const x = (v: number) => LEFT + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (WIDTH - LEFT - 10);
  const height = a.arms.length * ROW + 30;
  const ticks = Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);
  const label = a.arms
    .map((arm) => `${arm.name}: ${pct(arm.mean)}${arm.t ? ` (${range(arm.t, pct)})` : ''}`)
    .join('; ');
  return html`<figure class="forest">
    <svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${`Mean ± 95% CI per arm. ${label}`}>
      ${ticks.map(
        (t, i) =>
          svg`<line x1=${x(t)} x2=${x(t)} y1="4" y2=${height - 22} class="grid"></line>
            <text x=${x(t)} y=${height - 8} text-anchor=${i === 4 ? 'end' : 'middle'} class="tick">${pct(t)}</text>`,
      )}
      ${a.arms.map((arm, i) => {
        const y = 16 + i * ROW;
        return svg`<text x=${LEFT - 6} y=${y + 4} text-anchor="end" class="name">${arm.name}</text>
          ${arm.t ? svg`<line x1=${x(arm.t.lo)} x2=${x(arm.t.hi)} y1=${y} y2=${y} class="ci"></line>` : nothing}
          ${arm.values.map((v) => svg`<circle cx=${x(v)} cy=${y + 7} r="2.5" class="seed"></circle>`)}
          <circle cx=${x(arm.mean)} cy=${y} r="4.5" class="mean"></circle>`;
      })}
    </svg>
    <figcaption>
      Dot and bar: mean and 95% t interval of ${a.metric}; rings: each seed's run. A t interval may pass 100%
      (it assumes a normal spread); the bootstrap's stays within the values seen.
    </figcaption>
  </figure>`;
}

function comparisonRow(c: Comparison) {
  return html`<tr>
    <th scope="row">${c.arm}</th>
    <td class="diffs">${c.differences.map(pts).join(' ')}</td>
    <td class="mean-diff">${pts(c.meanDifference)}</td>
    <td class="paired">${range(c.paired, pts)}</td>
    <td class="unpaired">${range(c.unpaired, pts)}</td>
    <td class="r">${c.correlation === null ? '–' : c.correlation.toFixed(2)}</td>
    <td class="p">${c.p === null ? '–' : c.p.toFixed(3)}</td>
  </tr>`;
}

export function pairedView(a: AblationAnalysis) {
  if (a.comparisons.length === 0)
    return html`<p class="hint">Turn on at least one arm to compare it with the full model.</p>`;
  const base = a.comparisons[0]!.baseline;
  return html`<div
      class="scroll"
      tabindex="0"
      role="region"
      aria-label="Paired differences (scrolls sideways)"
    >
      <table class="paired-table">
        <caption>
          Each arm minus "${base}", seed by seed (points of ${a.metric})
        </caption>
        <thead>
          <tr>
            <th scope="col">arm</th>
            <th scope="col">per-seed differences</th>
            <th scope="col">mean</th>
            <th scope="col">95% CI paired</th>
            <th scope="col">95% CI unpaired</th>
            <th scope="col">r</th>
            <th scope="col">p</th>
          </tr>
        </thead>
        <tbody>
          ${a.comparisons.map(comparisonRow)}
        </tbody>
      </table>
    </div>
    <h4>What the data does and does not support</h4>
    <ul class="conclusions">
      ${a.comparisons.map(
        (c) =>
          html`<li>
            <p class="conclusion">${c.conclusion}</p>
            <p class="caveat">${c.caveat}</p>
            <p class="pairing">${c.pairing}</p>
          </li>`,
      )}
    </ul>`;
}
