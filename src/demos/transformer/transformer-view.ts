// Pure helpers for the transformer cell: the plots' axes, curves → plot traces (memoised), token labels,
// the parameter breakdown, the training numbers.
import { html } from 'lit';
import { sinusoidalPositionalEncoding } from '../../../kernels/transformer/positional-encoding';
import type { TaskKind } from '../../../kernels/transformer/task';
import { transformerParameterCount, type TransformerConfig } from '../../../kernels/transformer/model';
import type { LineTrace, PlotTrace } from '../../ui/plot-spec';

export const LOSS_AXES = { xTitle: 'step', yLog: true, title: 'loss (answer digits)', showLegend: false };
export const ACCURACY_AXES = {
  xTitle: 'step',
  yRange: [0, 1] as [number, number],
  title: 'accuracy on 256 held-out questions',
};
export const PE_AXES = { xTitle: 'dimension', yTitle: 'position', showLegend: false };

export interface Curves {
  steps: number[];
  losses: number[];
  evalSteps: number[];
  /** Training time (ms, summed over runs, evaluations included) at each evaluation. */
  evalMs: number[];
  sequenceAccuracy: number[];
  tokenAccuracy: number[];
}

export const emptyCurves = (): Curves => ({
  steps: [],
  losses: [],
  evalSteps: [],
  evalMs: [],
  sequenceAccuracy: [],
  tokenAccuracy: [],
});

const curveCache = new WeakMap<Curves, { loss: LineTrace[]; accuracy: LineTrace[] }>();

/**
 * Loss and accuracy traces, the same objects for the same curves object, so a re-render that did not
 * change the curves does not redraw the plots.
 */
export function curveTraces(c: Curves): { loss: LineTrace[]; accuracy: LineTrace[] } {
  let t = curveCache.get(c);
  if (!t) {
    t = {
      loss: [{ type: 'line', x: c.steps, y: c.losses, name: 'cross-entropy' }],
      accuracy: [
        { type: 'line', x: c.evalSteps, y: c.sequenceAccuracy, name: 'sequence accuracy' },
        { type: 'line', x: c.evalSteps, y: c.tokenAccuracy, name: 'digit accuracy', dash: 'dot' },
      ],
    };
    curveCache.set(c, t);
  }
  return t;
}

let peCache: { key: string; traces: PlotTrace[] } | null = null;

/** The positional-encoding heat map's traces, recomputed only when its size changes. */
export function positionalTraces(length: number, dModel: number): PlotTrace[] {
  const key = `${length}x${dModel}`;
  if (peCache?.key !== key) {
    const z = sinusoidalPositionalEncoding(length, dModel);
    peCache = { key, traces: [{ type: 'heatmap', z, zmin: -1, zmax: 1, name: 'PE' }] };
  }
  return peCache.traces;
}

/** Labels for the model's input positions: the digits, "→" for the separator, then the answer so far. */
export function inputLabels(input: number[], answer: number[]): string[] {
  return [...input.map(String), '→', ...answer.slice(0, input.length - 1).map(String)];
}

export function parameterBreakdown(config: TransformerConfig): string {
  const p = transformerParameterCount(config);
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `${n(p.total)} parameters = embedding ${n(p.embedding)} + ${config.layers} × layer ${n(p.perLayer)} ` +
    `(attention ${n(4 * config.dModel * config.dModel + 4 * config.dModel)}, feed-forward and norms) + ` +
    `read-out ${n(p.readout)}`
  );
}

export function taskDescription(task: TaskKind, length: number): string {
  return task === 'reverse'
    ? `read ${length} digits, then write them backwards (31415 → 51413)`
    : `read ${length} digits, then write them in ascending order (31415 → 11345)`;
}

/** The numbers a training run shows beside its buttons. */
export function trainStats(t: {
  step: number;
  loss: number;
  sequenceAccuracy: number;
  tokenAccuracy: number;
  msPerStep: number;
  backend: string;
}) {
  const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '—');
  return html`<span class="stats train-stats" aria-live="off">
    step <span class="step">${t.step}</span> · loss
    <span class="loss">${Number.isFinite(t.loss) ? t.loss.toFixed(4) : '—'}</span> · sequence accuracy
    <span class="accuracy">${pct(t.sequenceAccuracy)}</span> · digits
    <span class="token-accuracy">${pct(t.tokenAccuracy)}</span>
    ${Number.isFinite(t.msPerStep) ? html` · ${t.msPerStep.toFixed(0)} ms/step on ${t.backend}` : ''}
  </span>`;
}
