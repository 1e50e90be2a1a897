// The contrastive cell's views (question 10): pure functions from the session to templates and plot data.
// The points (input plane and unit-circle embedding) are drawn on <viva-heatmap>'s canvas (a faint unit
// circle as its map, the points overlaid) so they can redraw while training; the curves on <viva-line-chart>.
import { html } from 'lit';
import { TEST_POINTS } from '../../../kernels/contrastive-train';
import type { HeatmapPoint } from '../../ui/heatmap';
import type { LineTrace } from '../../ui/plot-spec';
import type { ContrastiveSession } from './session';

/** One colour per class (up to 8). */
export const CLASS_COLORS = [
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
  '#a6761d',
  '#666',
];

const GRID = 64;
/** A faint ring at radius 1 over [−1.3, 1.3]²: the unit circle the embeddings live on. */
export const UNIT_CIRCLE: Float64Array[] = Array.from({ length: GRID }, (_, r) =>
  Float64Array.from({ length: GRID }, (_, c) => {
    const [x, y] = [-1.3 + (2.6 * (c + 0.5)) / GRID, 1.3 - (2.6 * (r + 0.5)) / GRID];
    return Math.abs(Math.hypot(x, y) - 1) < 0.03 ? -0.25 : 0;
  }),
);
export const BLANK: Float64Array[] = [new Float64Array(1)];

/** The test points in the input plane, coloured by class. */
export function inputPoints(s: ContrastiveSession): HeatmapPoint[] {
  const { x, y } = s.trainer.test;
  return Array.from({ length: TEST_POINTS }, (_, i) => ({
    x: x[2 * i]!,
    y: x[2 * i + 1]!,
    color: CLASS_COLORS[y[i]! % CLASS_COLORS.length]!,
  }));
}

/** The test points' unit embeddings (first two coordinates), coloured by the class the encoder never saw. */
export function embeddingPoints(s: ContrastiveSession): HeatmapPoint[] {
  const d = s.trainer.options.dim;
  const e = s.embedding;
  const { y } = s.trainer.test;
  return Array.from({ length: TEST_POINTS }, (_, i) => ({
    x: e[i * d]!,
    y: e[i * d + 1]!,
    color: CLASS_COLORS[y[i]! % CLASS_COLORS.length]!,
  }));
}

/** Loss per step. */
export function lossTraces(s: ContrastiveSession): LineTrace[] {
  return [{ type: 'line', name: 'loss', x: s.losses.map((_, i) => i + 1), y: s.losses }];
}

/** Linear-probe accuracy on the frozen embedding and the supervised baseline, against step. */
export function accuracyTraces(s: ContrastiveSession): LineTrace[] {
  const x = s.history.map((h) => h.step);
  return [
    { type: 'line', name: 'linear probe (contrastive)', x, y: s.history.map((h) => h.probe.testAccuracy) },
    { type: 'line', name: 'supervised baseline', x, y: s.history.map((h) => h.supervised), dash: 'dash' },
  ];
}

/** Wang–Isola: uniformity against alignment over training (both lower is better). */
export function alignUniformTraces(s: ContrastiveSession): LineTrace[] {
  return [
    {
      type: 'line',
      name: 'training path',
      x: s.history.map((h) => h.alignment),
      y: s.history.map((h) => h.uniformity),
    },
  ];
}

/** The weight softmax(cos/τ) each negative gets in anchor 0's gradient, at τ and at τ = 1. */
export function negativeTraces(
  s: ContrastiveSession,
  temperature: number,
): { traces: LineTrace[]; hardShare: number } {
  const at = s.trainer.negativeWeights(temperature);
  const flat = s.trainer.negativeWeights(1);
  const tenth = Math.round(at.weight.length / 10);
  const hardShare = at.weight.slice(-tenth).reduce((a, b) => a + b, 0);
  return {
    traces: [
      { type: 'line', name: `τ = ${temperature}`, x: at.cos, y: at.weight },
      { type: 'line', name: 'τ = 1', x: flat.cos, y: flat.weight, dash: 'dot' },
    ],
    hardShare,
  };
}

/** The numbers under the plots. */
export function statsView(s: ContrastiveSession) {
  const e = s.latest;
  if (!e) return html`<p class="hint">Run trains a fresh encoder for the “Training steps” setting.</p>`;
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const first = s.history[0]!;
  return html`<table class="stats">
    <tr>
      <th>step</th>
      <td class="step-count">${e.step}</td>
      <th>loss</th>
      <td class="loss">${(s.losses.at(-1) ?? NaN).toFixed(4)}</td>
    </tr>
    <tr>
      <th>linear probe</th>
      <td class="probe">${pct(e.probe.testAccuracy)}</td>
      <th>untrained encoder</th>
      <td class="probe-untrained">${pct(first.probe.testAccuracy)}</td>
    </tr>
    <tr>
      <th>supervised baseline</th>
      <td class="supervised">${pct(e.supervised)}</td>
      <th>chance</th>
      <td>${pct(1 / s.trainer.options.classes)}</td>
    </tr>
    <tr>
      <th>alignment</th>
      <td class="alignment">${e.alignment.toFixed(4)}</td>
      <th>uniformity</th>
      <td class="uniformity">${e.uniformity.toFixed(4)}</td>
    </tr>
  </table>`;
}
