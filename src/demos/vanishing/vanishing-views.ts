// What the vanishing-gradient cell draws, as pure functions: one configuration's box (preset menu and its
// settings), the verdicts, the three plots and the status line. The traces come from gradient-view.ts; the
// element memoizes them and passes them in.
import { html, nothing } from 'lit';
import type { GradientReport } from '../../../kernels/vanishing';
import type { SettingsStore } from '../../ui/kit/settings-store';
import type { LineTrace, PlotAxes } from '../../ui/plot-spec';
import type { RunSeries } from './controllers';
import { COLORS, fmt, type GradientSeries, type Verdict } from './gradient-view';
import { PRESET_OPTIONS, presetOf, type VanishingValues, type Which } from './settings';

// Constant objects (the charts compare axes by value, but constants say so plainly).
const AXES: Record<'gradients' | 'activations' | 'losses', PlotAxes> = {
  gradients: { xTitle: 'layer (1 = input side)', yLog: true },
  activations: { xTitle: 'z', yRange: [-1.5, 2.5] },
  losses: { xTitle: 'step', yLog: true },
};

/** Constant key lists (so <viva-settings> is handed the same array on every render). */
const SHAPE_KEYS = { a: ['a.depth', 'a.width'], b: ['b.depth', 'b.width'] } as const;
const CHOICE_KEYS = {
  a: ['a.activation', 'a.init', 'a.norm', 'a.residual'],
  b: ['b.activation', 'b.init', 'b.norm', 'b.residual'],
} as const;

/** Configuration A's or B's box: its preset menu (which patches the store) and its settings. */
export function netBox(
  which: Which,
  store: SettingsStore,
  values: VanishingValues,
  onPreset: (which: Which, id: string) => void,
) {
  return html`<div class="net ${which}">
    <h5>
      <span class="swatch" style="background:${COLORS[which]}"></span>Configuration ${which.toUpperCase()}
    </h5>
    <viva-select
      class="preset"
      label="Preset"
      .options=${PRESET_OPTIONS}
      .value=${presetOf(values, which)}
      @change=${(e: CustomEvent<string>) => e.detail !== 'custom' && onPreset(which, e.detail)}
    ></viva-select>
    <viva-settings class="shape" .store=${store} .keys=${SHAPE_KEYS[which]}></viva-settings>
    <viva-settings class="pair" .store=${store} .keys=${CHOICE_KEYS[which]}></viva-settings>
  </div>`;
}

/** The at-init gradient norms of A and B, and each run's latest ones (dotted) once training has begun. */
export function gradientSeriesOf(
  reports: readonly (GradientReport | null)[],
  series: readonly RunSeries[],
): GradientSeries[] {
  const [ra, rb] = reports;
  return [
    ...(ra ? [{ label: 'A at init', color: COLORS.a, norms: ra.norms }] : []),
    ...(rb ? [{ label: 'B at init', color: COLORS.b, norms: rb.norms }] : []),
    ...series.flatMap((s, k) =>
      s.state?.gradNorms.length
        ? [
            {
              label: `${k ? 'B' : 'A'} at step ${s.state.steps}`,
              color: k ? COLORS.b : COLORS.a,
              norms: s.state.gradNorms,
              dash: 'dot' as const,
            },
          ]
        : [],
    ),
  ];
}

export function verdictList(verdicts: readonly (Verdict | null)[]) {
  return html`<ul class="verdicts" aria-live="polite">
    ${verdicts.map((v, k) =>
      v
        ? html`<li class="verdict ${k ? 'b' : 'a'} ${v.kind}" data-kind=${v.kind}>
            <b>${k ? 'B' : 'A'}:</b> ${v.text}
          </li>`
        : html`<li class="verdict pending">${k ? 'B' : 'A'}: computing…</li>`,
    )}
  </ul>`;
}

export function plotsView(traces: { gradients: LineTrace[]; activations: LineTrace[]; losses: LineTrace[] }) {
  return html`<div class="plots">
    <h5>Gradient norm of each layer's weights, ‖∂L/∂W‖ (log scale)</h5>
    <viva-line-chart
      class="gradients"
      label="Per-layer gradient norm, log scale"
      .traces=${traces.gradients}
      .axes=${AXES.gradients}
    ></viva-line-chart>
    <h5>Each activation φ (solid) and its derivative φ′ (dotted)</h5>
    <viva-line-chart
      class="activations"
      label="Activations and their derivatives"
      .traces=${traces.activations}
      .axes=${AXES.activations}
    ></viva-line-chart>
    <h5>Training loss (mean squared error, log scale)</h5>
    <viva-line-chart
      class="losses"
      label="Training loss of A and B"
      .traces=${traces.losses}
      .axes=${AXES.losses}
    ></viva-line-chart>
  </div>`;
}

/** The last control-to-plot latency and each run's step, loss and clipping. */
export function statsLine(latencyMs: number | null, series: readonly RunSeries[]) {
  return html`<p class="stats">
    ${latencyMs === null ? '' : html`gradient plot updated in ${latencyMs.toFixed(0)} ms`}
    ${series.map((s, k) =>
      s.state
        ? html` · ${k ? 'B' : 'A'}: step ${s.state.steps}, loss
            <span class="loss-${k ? 'b' : 'a'}">${fmt(s.state.loss)}</span
            >${s.state.clipped ? ' (clipped)' : ''}`
        : nothing,
    )}
  </p>`;
}
