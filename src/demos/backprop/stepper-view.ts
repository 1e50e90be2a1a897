// The chain-rule walkthrough's views: the expression (its setting) with the presets, a slider per variable,
// the step toolbar, the step's text and graph, and the verification strip (core vs finite differences vs
// mathjs). Pure functions of the session and the settings store, returning Lit templates.
import { html, nothing } from 'lit';
import { SUPPORTED_FUNCTIONS } from '../../autograd';
import type { GradientCheck } from '../../autograd/gradient-check';
import '../../ui/controls/slider';
import '../../ui/kit/settings-element';
import type { SettingsStore } from '../../ui/kit/settings-store';
import type { ExpressionSession } from './expression-session';
import './graph-view';
import { EXPRESSION_PRESETS, VARIABLE_RANGE } from './presets';
import { SATURATION_THRESHOLD, type SaturatedNode } from './saturation';
import { formatAt, type BACKPROP_SETTINGS } from './settings';
import { fmt, type Frame, type Walkthrough } from './walkthrough';

export interface StepperActions {
  preset(index: number): void;
  variable(name: string, value: number): void;
  back(): void;
  step(): void;
  /** Play, or Pause while playing. */
  play(): void;
  toEnd(): void;
  restart(): void;
  /** The expression's box was left or Enter pressed: its message may have changed (a refused value). */
  inputSettled(): void;
}

/** `at`: the values the sliders show (the store's, even while its graph cannot be built). */
export function stepperView(
  s: ExpressionSession,
  at: Readonly<Record<string, number>>,
  store: SettingsStore<typeof BACKPROP_SETTINGS>,
  playing: boolean,
  on: StepperActions,
) {
  const w = s.walkthrough;
  const frame = s.frame();
  const expr = store.get('expr');
  const custom = !EXPRESSION_PRESETS.some((p) => p.expr === expr);
  const refused = store.messages.get('expr') ?? store.messages.get('at');
  const stale = w !== null && (s.stale || refused !== undefined || s.expr !== expr);
  return html`
    <div
      class="row expr-row"
      @focusout=${on.inputSettled}
      @keyup=${(e: KeyboardEvent) => e.key === 'Enter' && on.inputSettled()}
    >
      <viva-settings class="expr" .store=${store} group="expression"></viva-settings>
      <select
        aria-label="Preset expressions"
        @change=${(e: Event) => on.preset(Number((e.target as HTMLSelectElement).value))}
      >
        <option value="custom" disabled .selected=${custom}>custom</option>
        ${EXPRESSION_PRESETS.map(
          (p, i) => html`<option value=${i} .selected=${p.expr === expr}>${p.name}</option>`,
        )}
      </select>
    </div>
    <div class="error" id="expr-error" role="alert">${s.error}</div>
    <div class="hint">
      Functions: ${SUPPORTED_FUNCTIONS.join(', ')}; operators + − * / ^ (constant exponent).
    </div>
    <div class="vars">
      ${Object.entries(at).map(
        ([name, value]) =>
          html`<viva-slider
            label=${name}
            data-variable=${name}
            .min=${VARIABLE_RANGE.min}
            .max=${VARIABLE_RANGE.max}
            .step=${VARIABLE_RANGE.step}
            .value=${value}
            @change=${(e: CustomEvent<number>) => on.variable(name, e.detail)}
          ></viva-slider>`,
      )}
    </div>
    <div class="row" role="toolbar" aria-label="Step through">
      <button class="back" @click=${on.back} ?disabled=${!w || s.index === 0}>◀ Back</button>
      <button class="step" @click=${on.step} ?disabled=${!w || s.atEnd}>Step ▶</button>
      <button class="play" @click=${on.play}>${playing ? 'Pause' : 'Play'}</button>
      <button class="to-end" @click=${on.toEnd}>To end</button>
      <button class="restart" @click=${on.restart}>Reset steps</button>
      <viva-settings class="speed" .store=${store} group="walkthrough"></viva-settings>
    </div>
    ${
      stale
        ? html`<div class="stale-note" role="status">
            Out of date: the graph and the table below are for f = ${s.expr} at ${formatAt(s.at)}, the last
            input that could be built. Fix the input above to update them.
          </div>`
        : nothing
    }
    <div class="results ${stale ? 'stale' : ''}">
      ${frame && w ? frameView(w, frame, s.saturated, stale) : nothing}
      ${s.check ? checkView(s.check, s.saturated) : nothing}
    </div>
  `;
}

function phaseText(w: Walkthrough, frame: Frame): string {
  const n = w.graph.nodes.length;
  switch (frame.phase) {
    case 'start':
      return 'Press Step: the forward pass computes each node from its inputs.';
    case 'forward':
      return `Forward pass: node ${frame.index} of ${n}`;
    case 'backward':
      return `Backward pass: step ${frame.index - n} of ${n}`;
    case 'done':
      return 'Done: every gradient is complete.';
  }
}

export function frameView(
  w: Walkthrough,
  frame: Frame,
  saturated: readonly SaturatedNode[] = [],
  stale = false,
) {
  return html`
    <div class="hint phase" aria-live="polite">${phaseText(w, frame)}</div>
    <div class="step-text" aria-live="polite">${frame.lines.join('\n')}</div>
    <viva-graph-view
      .graph=${w.graph}
      .frame=${frame}
      .saturated=${saturated}
      ?stale=${stale}
    ></viva-graph-view>
  `;
}

function saturationNote(saturated: readonly SaturatedNode[]) {
  if (saturated.length === 0) return nothing;
  const nodes = saturated.map((n) => `n${n.id} ${n.op === 'sigmoid' ? 'σ' : 'tanh'}′ = ${fmt(n.local)}`);
  const behind = [...new Set(saturated.flatMap((n) => n.behind))];
  return html`<div class="hint saturation" role="note">
    ⚠ Saturated (local derivative below ${SATURATION_THRESHOLD}): ${nodes.join(', ')}. Gradients of
    ${behind.join(', ') || 'nothing'} pass through it and come out near 0: the squashing function is flat
    here, backprop is not broken. Move the inputs toward 0 to see them grow.
  </div>`;
}

export function checkView(check: GradientCheck, saturated: readonly SaturatedNode[] = []) {
  const good = check.largest < 1e-6;
  const behind = new Set(saturated.flatMap((n) => n.behind));
  return html`
    <h4>Verification: three independent gradients</h4>
    <div class="table-scroll" tabindex="0" role="region" aria-label="Verification table (scrolls sideways)">
      <table class="check">
        <thead>
          <tr>
            <th>variable</th>
            <th>autograd core</th>
            <th>finite differences</th>
            <th>mathjs symbolic</th>
            <th>largest |Δ|</th>
          </tr>
        </thead>
        <tbody>
          ${check.rows.map(
            (r) =>
              html`<tr data-variable=${r.variable} class=${behind.has(r.variable) ? 'saturated' : ''}>
                <td>
                  ${r.variable}${
                    behind.has(r.variable)
                      ? html` <span class="sat-mark" title="behind a saturated node">⚠</span>`
                      : nothing
                  }
                </td>
                <td class="core" data-value=${r.core}>${fmt(r.core)}</td>
                <td>${fmt(r.finiteDifference)}</td>
                <td class="symbolic">
                  ${Number.isNaN(r.symbolic) ? (check.symbolicGaveUp ? 'gave up' : 'undefined') : fmt(r.symbolic)}
                </td>
                <td>${r.disagreement.toExponential(1)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <div class="hint largest ${good ? 'ok' : 'bad'}">
      f = ${fmt(check.value)}; largest disagreement ${check.largest.toExponential(2)}
      ${good ? '(agree)' : '(disagree — at a kink such as relu or abs at 0, or a wrong gradient)'}
    </div>
    ${saturationNote(saturated)}
    ${check.symbolicGaveUp ? html`<div class="hint gave-up" role="status">${check.symbolicGaveUp}</div>` : nothing}
  `;
}
