// The fair-comparison cell's views (question 9): pure functions from the session's summary to templates and
// line-chart traces. Numbers only, no user text.
import { html, type TemplateResult } from 'lit';
import type { ComparisonSummary, Interval } from '../../../kernels/fair-eval-stats';
import type { LineTrace, PlotAxes } from '../../ui/plot-spec';
import type { FairValues } from './settings';

/** Line colours readable on both themes (a canvas cannot read CSS variables). */
const BLUE = '#4a90d9';
const RED = '#d6604d';
const GREY = '#8a8a8a';

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
/** 'p = 0.012' or 'p < 0.001'. */
const pValue = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
const ci = (i: Interval, f: (x: number) => string) => `[${f(i.lo)}, ${f(i.hi)}]`;

export const SEED_AXES: PlotAxes = { title: 'Test accuracy by seed', xTitle: 'seed', yTitle: 'accuracy' };
export const SIZE_AXES: PlotAxes = {
  title: 'Width of the CI of B − A against test-set size',
  xTitle: 'test examples',
  yTitle: 'CI width (points)',
  xLog: true,
  yLog: true,
};

export function modelNames(v: FairValues): { a: string; b: string } {
  return { a: `A (1 × ${v.widthA})`, b: `B (2 × ${v.widthB})` };
}

/** Both models on one test set: accuracies, their paired difference, and the two paired tests. */
export function mainView(m: ComparisonSummary['main'], v: FairValues): TemplateResult {
  const names = modelNames(v);
  const level = `${Math.round(v.level * 100)}% CI`;
  return html`
    <table class="main-table">
      <thead>
        <tr>
          <th>seed ${v.seed}, ${m.n} test examples</th>
          <th>accuracy</th>
          <th>${level} (bootstrap)</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>${names.a}</td>
          <td class="acc-a">${pct(m.accA.mean)}</td>
          <td>${ci(m.accA, pct)}</td>
        </tr>
        <tr>
          <td>${names.b}</td>
          <td class="acc-b">${pct(m.accB.mean)}</td>
          <td>${ci(m.accB, pct)}</td>
        </tr>
        <tr>
          <td>B − A (paired, points)</td>
          <td class="diff">${pts(m.diff.mean)}</td>
          <td class="diff-ci">${ci(m.diff, pts)}</td>
        </tr>
      </tbody>
    </table>
    <p class="stats">
      Paired permutation test (${m.exact ? 'exact' : `${v.resamples} sign flips`}):
      <span class="perm-p">${pValue(m.permutationP)}</span>. McNemar (exact, on the ${m.onlyA + m.onlyB}
      examples only one model gets right: A alone ${m.onlyA}, B alone ${m.onlyB}):
      <span class="mcnemar-p">${pValue(m.mcnemarP)}</span>.
    </p>
  `;
}

export function seedTraces(s: NonNullable<ComparisonSummary['seeds']>, v: FairValues): LineTrace[] {
  const x = s.accA.map((_, i) => v.seed + i);
  return [
    { type: 'line', x, y: s.accA, name: 'A', color: BLUE },
    { type: 'line', x, y: s.accB, name: 'B', color: RED, dash: 'dash' },
  ];
}

/** What the seeds say: how often each model wins, where a single seed would mislead, and the seeds needed. */
export function seedView(s: NonNullable<ComparisonSummary['seeds']>, v: FairValues): TemplateResult {
  const n = s.accA.length;
  const leader = s.winsB > s.winsA ? 'B' : 'A';
  const flips = s.accA
    .map((a, i) => ({ seed: v.seed + i, gap: s.accB[i]! - a }))
    .filter((g) => (leader === 'B' ? g.gap < 0 : g.gap > 0))
    .map((g) => g.seed);
  const verdict =
    s.winsA === s.winsB
      ? 'Each wins on as many seeds as the other: the ranking is the seed’s.'
      : flips.length > 0
        ? `With seed ${flips.join(', ')} alone the ranking comes out the other way.`
        : 'No seed ranks them the other way here.';
  const needed =
    s.seedsNeeded === null
      ? 'No gap between the means: no number of seeds would detect it.'
      : `A t-test at this gap and spread needs ${s.seedsNeeded} seeds per model for 80% power.`;
  return html`
    <p class="stats seed-summary">
      B ahead on <span class="wins-b">${s.winsB}</span> of ${n} seeds, A on
      <span class="wins-a">${s.winsA}</span>${s.ties ? `, ${s.ties} tied` : ''}.
      <span class="flips">${verdict}</span>
    </p>
    <p class="stats">
      Mean B − A over seeds ${pts(s.welch.diff)} points, Welch ${Math.round(v.level * 100)}% CI
      ${ci({ mean: s.welch.diff, ...s.welch }, pts)} (df ${s.welch.df.toFixed(1)}); paired over seeds
      ${pValue(s.pairedP)}. <span class="seeds-needed">${needed}</span>
    </p>
  `;
}

export function sizeTraces(sizes: ComparisonSummary['sizes']): LineTrace[] {
  const x = sizes.map((s) => s.m);
  return [
    { type: 'line', x, y: sizes.map((s) => 100 * s.width), name: 'bootstrap', color: BLUE },
    {
      type: 'line',
      x,
      y: sizes.map((s) => 100 * s.normalWidth),
      name: 'normal theory',
      color: GREY,
      dash: 'dot',
    },
  ];
}

/** The tuning-budget trap: B tuned against A untuned, then against A with the same sweep. */
export function tuningView(t: NonNullable<ComparisonSummary['tuning']>, v: FairValues): TemplateResult {
  const names = modelNames(v);
  return html`
    <table class="tuning-table">
      <thead>
        <tr>
          <th>run</th>
          <th>learning rate</th>
          <th>test accuracy</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>${names.a}, untuned</td>
          <td>${t.baselineLr}</td>
          <td class="untuned-a">${pct(t.untunedA)}</td>
        </tr>
        <tr>
          <td>${names.b}, best of ${v.sweep}</td>
          <td>${t.bestLrB.toPrecision(2)}</td>
          <td>${pct(t.tunedB)}</td>
        </tr>
        <tr>
          <td>${names.a}, best of ${v.sweep}</td>
          <td>${t.bestLrA.toPrecision(2)}</td>
          <td>${pct(t.tunedA)}</td>
        </tr>
      </tbody>
    </table>
    <p class="stats">
      Tuned B against untuned A: <span class="gap-unfair">${pts(t.unfair.gap)}</span> points (McNemar
      ${pValue(t.unfair.p)}). Given the same sweep, A closes it to
      <span class="gap-fair">${pts(t.fair.gap)}</span> points (${pValue(t.fair.p)}).
    </p>
  `;
}
