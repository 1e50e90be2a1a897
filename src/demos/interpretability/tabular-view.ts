// The tabular panel's views (question 16): one table with a column per feature and a row per method (the
// truth first), each cell shaded by its share of the row's largest |value| (accent for positive, error colour
// for negative), the method's Spearman score against the truth at the end; then the model's fit and the
// completeness gaps. Pure functions returning templates; the caller supplies the session.
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { METHOD_LABELS } from '../../../kernels/interpret-explain';
import { FEATURE_NAMES, FEATURE_ROLES, truePermutationImportance } from '../../../kernels/interpret-tabular';
import type { TabularSession } from './tabular-session';

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

function cells(values: readonly number[]) {
  const top = Math.max(...values.map(Math.abs)) || 1;
  return values.map((v) => {
    const share = Math.round((100 * Math.abs(v)) / top);
    const colour = v >= 0 ? 'var(--accent)' : 'var(--error)';
    const style = { background: `color-mix(in srgb, ${colour} ${Math.round(share * 0.45)}%, transparent)` };
    return html`<td class="num" style=${styleMap(style)}>${fmt(v)}</td>`;
  });
}

function row(cls: string, label: string, values: readonly number[], score: number | null) {
  return html`<tr class=${cls}>
    <th scope="row">${label}</th>
    ${cells(values)}
    <td class="score">${score === null ? '—' : Number.isNaN(score) ? 'n/a' : score.toFixed(2)}</td>
  </tr>`;
}

export function tabularView(s: TabularSession) {
  const e = s.explanation;
  if (!e)
    return html`<p class="hint">
      Run draws the data set, trains the MLP and explains one held-out point with every method.
    </p>`;
  return html`
    <div class="scroll">
      <table class="attributions">
        <caption>
          Attributions at point ${s.store.values.sample}: f(x) = ${e.fx.toFixed(3)}, true y =
          ${(s.test?.y[s.store.values.sample] ?? NaN).toFixed(3)}
        </caption>
        <thead>
          <tr>
            <th scope="col">method</th>
            ${FEATURE_NAMES.map((n, i) => html`<th scope="col" title=${FEATURE_ROLES[i]!}>${n}</th>`)}
            <th scope="col" title="Spearman rank correlation of |attribution| with |truth|">score</th>
          </tr>
        </thead>
        <tbody>
          ${row('truth', 'Truth (by construction)', e.truth, null)}
          ${e.methods.map((m) => row(`method ${m.id}`, METHOD_LABELS[m.id], m.values, m.score))}
          ${s.global ? row('truth-global', 'True permutation importance', truePermutationImportance(), null) : ''}
          ${s.global ? row('method permutation', METHOD_LABELS.permutation, s.global.values, s.global.score) : ''}
        </tbody>
      </table>
    </div>
    <p class="roles">${FEATURE_NAMES.map((n, i) => html`<span><b>${n}</b> ${FEATURE_ROLES[i]}</span> `)}</p>
    <table class="stats">
      <tr>
        <th>training steps</th>
        <td class="tab-steps">${s.trainer?.steps ?? 0}</td>
        <th>held-out R²</th>
        <td class="test-r2">${s.testR2.toFixed(4)}</td>
      </tr>
      <tr>
        <th>IG completeness gap Σφ − (f(x) − f(0))</th>
        <td class="ig-gap">${e.igGap.toExponential(2)}</td>
        <th>SHAP gap Σφ − (f(x) − E f)</th>
        <td class="shap-gap">${e.shapGap.toExponential(2)}</td>
      </tr>
    </table>
    <p class="hint">${e.shapNote}. Gradient and SmoothGrad are sensitivities, not shares of f(x) − f(0).</p>
    ${s.stale ? html`<p class="hint stale">The data settings changed: Run to retrain.</p>` : ''}
  `;
}
