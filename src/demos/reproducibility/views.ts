// The reproducibility cell's views (question 8): the float32 sums table, a replay beside its card with
// ✓/✗ per metric, the CPU-against-best-backend comparison, and the checklist preview. Templates only; the
// numbers come from session.ts.
import { html, nothing } from 'lit';
import { SUM_ORDERS, distinctAnswers, type Float32Sums, type SumOrder } from '../../../kernels/repro-sum';
import type { BackendComparison, Replay } from './session';

const ORDER_LABEL: Record<SumOrder, string> = {
  forward: 'forward (left to right)',
  reverse: 'reverse (right to left)',
  pairwise: 'pairwise (halves, as a GPU tree reduction)',
  sorted: 'sorted by |x|, smallest first',
  kahan: 'Kahan (compensated)',
};

const exact = (v: number) => String(v);
const signed = (v: number) => (v > 0 ? `+${exact(v)}` : exact(v));

export function sumsTable(formula: Float32Sums, mixed: Float32Sums) {
  return html`<table class="sums">
      <thead>
        <tr>
          <th scope="col">order</th>
          <th scope="col">10⁸ − 10⁸ + 1</th>
          <th scope="col">seeded array (float32)</th>
          <th scope="col">− float64 sum</th>
        </tr>
      </thead>
      <tbody>
        ${SUM_ORDERS.map(
          (o) =>
            html`<tr data-order=${o}>
              <th scope="row">${ORDER_LABEL[o]}</th>
              <td class="formula">${exact(formula[o])}</td>
              <td class="mixed">${exact(mixed[o])}</td>
              <td class="diff">${signed(mixed[o] - mixed.float64)}</td>
            </tr>`,
        )}
        <tr data-order="float64">
          <th scope="row">float64 (reference)</th>
          <td class="formula">${exact(formula.float64)}</td>
          <td class="mixed">${exact(mixed.float64)}</td>
          <td>0</td>
        </tr>
      </tbody>
    </table>
    <p class="stats distinct">
      ${distinctAnswers(mixed)} different float32 answers from ${SUM_ORDERS.length} orders of the same
      numbers.
    </p>`;
}

const mark = (same: boolean) =>
  same
    ? html`<span class="ok" role="img" aria-label="identical">✓</span>`
    : html`<span class="bad" role="img" aria-label="differs">✗</span>`;

export function replayTable(r: Replay | null) {
  if (!r)
    return html`<p class="hint">
      Press Replay on a card to train again from its settings on the CPU backend.
    </p>`;
  const same = r.rows.filter((row) => row.same).length;
  return html`<table class="replay">
      <thead>
        <tr>
          <th scope="col">metric</th>
          <th scope="col">card</th>
          <th scope="col">replay (${r.run.backend})</th>
          <th scope="col">same bits</th>
        </tr>
      </thead>
      <tbody>
        ${r.rows.map(
          (row) =>
            html`<tr data-metric=${row.key}>
              <th scope="row">${row.key}</th>
              <td>${String(row.card)}</td>
              <td>${String(row.replay)}</td>
              <td class="mark">${mark(row.same)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="stats replay-summary">
      ${
        same === r.rows.length
          ? `All ${same} metrics reproduced bit for bit on ${r.run.backend}.`
          : `${r.rows.length - same} of ${r.rows.length} metrics differ: the replay ran on ${r.run.backend}, the card on ${r.card.backend ?? 'an unrecorded backend'}.`
      }
    </p>`;
}

const isGpu = (b: string) => b === 'webgl' || b === 'webgpu';

export function backendTable(c: BackendComparison | null) {
  if (!c) return nothing;
  const { cpu, other, diff } = c;
  const row = (label: string, v: (r: typeof cpu) => string) =>
    html`<tr>
      <th scope="row">${label}</th>
      <td>${v(cpu)}</td>
      <td>${v(other)}</td>
    </tr>`;
  return html`${
      isGpu(other.backend)
        ? nothing
        : html`<p class="note no-gpu" role="note">
            No GPU backend here (${other.attempts.join('; ')}): only CPU/WASM, as in headless CI. The table
            compares ${other.backend} with the CPU backend instead.
          </p>`
    }
    <table class="backends">
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">cpu</th>
          <th scope="col" class="other-backend">${other.backend}</th>
        </tr>
      </thead>
      <tbody>
        ${row('GPU', (r) => r.renderer ?? '—')}
        ${row('final loss', (r) => exact(r.losses[r.losses.length - 1]!))}
        ${row('training accuracy', (r) => r.trainAccuracy.toFixed(4))}
        ${row('weight checksum', (r) => r.weightChecksum)}
      </tbody>
    </table>
    <p class="stats backend-diff">
      ${
        diff.bitIdentical
          ? `Bit-identical: every loss and weight equal.`
          : `Largest |Δ loss| ${diff.maxLossDiff.toExponential(2)} over ${diff.lossesDiffering} differing steps; largest |Δ weight| ${diff.maxWeightDiff.toExponential(2)}, ‖Δw‖/‖w‖ ${diff.relativeWeightDiff.toExponential(2)} (${diff.weightsDiffering} of ${cpu.weights.length} weights differ).`
      }
    </p>`;
}
