// The open-problems cell's views (question 13): each panel's heading names the part of the answer it
// illustrates, then its plot traces (pure functions, tested without a browser) and its numbers.
import { html, nothing, type TemplateResult } from 'lit';
import type { EfficiencyCurve, ShortcutResult } from '../../../kernels/challenges';
import type { LineTrace, PlotAxes } from '../../ui/plot-spec';
import type { ChallengeResults } from './session';

const COLORS = { main: '#2b83ba', other: '#d6604d', muted: '#7f7f7f' } as const;
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** Heading and the sentence of the answer each panel illustrates. */
export const PANEL_TEXT = {
  shift: {
    heading: 'Robustness: distribution shift between training and deployment',
    quote: 'Robustness covers … distribution shift between training and deployment',
  },
  fgsm: {
    heading: 'Robustness: adversarial inputs (FGSM)',
    quote: 'Robustness covers adversarial inputs',
  },
  shortcut: {
    heading: 'Evaluation: benchmarks that reward shortcut features',
    quote:
      'static benchmarks saturate within months, leak into pretraining corpora, and reward shortcut features',
  },
  efficiency: {
    heading: 'Efficiency: cost against quality',
    quote:
      'cutting training and inference cost … while checking that quality and safety do not silently regress',
  },
} as const;

export const AXES: Record<'shift' | 'fgsm' | 'efficiency', PlotAxes> = {
  shift: {
    xTitle: 'rotation of the test set (°)',
    yTitle: 'test accuracy',
    yRange: [0, 1],
    showLegend: true,
  },
  fgsm: {
    xTitle: 'ε (largest change per coordinate)',
    yTitle: 'test accuracy',
    yRange: [0, 1],
    showLegend: true,
  },
  efficiency: {
    xTitle: 'parameters (log)',
    yTitle: 'test accuracy',
    xLog: true,
    yRange: [0, 1],
    showLegend: true,
  },
};

export function shiftTraces(r: ChallengeResults['shift']): LineTrace[] {
  if (!r) return [];
  return [
    { type: 'line', x: r.x, y: r.accuracy, name: 'trained at 0°', color: COLORS.main },
    { type: 'line', x: r.x, y: r.x.map(() => 0.5), name: 'chance', color: COLORS.muted, dash: 'dot' },
  ];
}

export function fgsmTraces(r: ChallengeResults['fgsm']): LineTrace[] {
  if (!r) return [];
  return [
    { type: 'line', x: r.x, y: r.accuracy, name: 'FGSM, ε·sign(∇ₓ loss)', color: COLORS.other },
    {
      type: 'line',
      x: r.x,
      y: r.randomAccuracy,
      name: 'random signs',
      color: COLORS.main,
      dash: 'dash',
    },
  ];
}

export function efficiencyTraces(r: EfficiencyCurve | null): LineTrace[] {
  if (!r) return [];
  return [{ type: 'line', x: r.parameters, y: r.accuracy, name: 'tanh MLP', color: COLORS.main }];
}

export function heading(panel: keyof typeof PANEL_TEXT): TemplateResult {
  const t = PANEL_TEXT[panel];
  return html`<h4 id="challenges-${panel}">${t.heading}</h4>
    <p class="quote">Illustrates the answer: “${t.quote}”.</p>`;
}

export function shiftSummary(r: ChallengeResults['shift']) {
  if (!r) return nothing;
  const last = r.accuracy.length - 1;
  return html`<p class="summary" data-panel="shift">
    Training accuracy ${pct(r.trainAccuracy)}; test accuracy ${pct(r.accuracy[0]!)} unrotated,
    ${pct(r.accuracy[last]!)} at ${r.x[last]}°. The labelling rule did not change, only where the inputs lie.
  </p>`;
}

export function fgsmSummary(r: ChallengeResults['fgsm']) {
  if (!r) return nothing;
  const last = r.accuracy.length - 1;
  return html`<p class="summary" data-panel="fgsm">
    At ε = ${r.x[last]!.toFixed(2)}: ${pct(r.accuracy[last]!)} under FGSM against
    ${pct(r.randomAccuracy[last]!)} under random signs of the same size. The attack spends the same budget
    along the loss gradient.
  </p>`;
}

export function shortcutTable(r: ShortcutResult | null) {
  if (!r) return nothing;
  const [w1, w2, ws] = r.weights;
  return html`<table class="numbers" data-panel="shortcut">
      <tr>
        <th scope="row">Train accuracy (shortcut present)</th>
        <td class="train">${pct(r.trainAccuracy)}</td>
      </tr>
      <tr>
        <th scope="row">Test accuracy (shortcut a coin flip)</th>
        <td class="test">${pct(r.testAccuracy)}</td>
      </tr>
      <tr>
        <th scope="row">Control: trained without the shortcut, same test</th>
        <td class="control">${pct(r.controlTestAccuracy)}</td>
      </tr>
      <tr>
        <th scope="row">Weights: real x₁, real x₂, shortcut</th>
        <td class="weights">${w1.toFixed(2)}, ${w2.toFixed(2)}, ${ws.toFixed(2)}</td>
      </tr>
      <tr>
        <th scope="row">Share of |weight| on the shortcut</th>
        <td class="share">${pct(r.spuriousShare)}</td>
      </tr>
    </table>
    <p class="summary">
      An in-distribution test set with the same shortcut would report the training figure; only a test where
      the shortcut breaks shows what the model learned.
    </p>`;
}

export function efficiencyTable(r: EfficiencyCurve | null) {
  if (!r) return nothing;
  return html`<table class="numbers sweep" data-panel="efficiency">
    <tr>
      <th scope="col">width</th>
      <th scope="col">parameters</th>
      <th scope="col">multiply-adds</th>
      <th scope="col">accuracy</th>
    </tr>
    ${r.widths.map(
      (w, i) =>
        html`<tr>
          <td>${w}</td>
          <td>${r.parameters[i]}</td>
          <td>${r.multiplyAdds[i]}</td>
          <td>${pct(r.accuracy[i]!)}</td>
        </tr>`,
    )}
  </table>`;
}
