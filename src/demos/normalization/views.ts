// The normalization cell's views, pure: the batch-statistics cloud's traces and its summary line, the
// training summary line, and the closing note on why transformers use layer norm.
import { html } from 'lit';
import type { NormVariant } from '../../../kernels/normalization';
import type { PlotAxes, PlotTrace } from '../../ui/plot-spec';
import { fmt } from './grid-model';
import { DRAWS, spreadSummary, type Spread } from './session';
import type { TrainingCurves } from './training-curves';

// Constant objects (the plots compare axes by value, but constants say so plainly).
export const AXES: Record<'spread' | 'curves' | 'gap', PlotAxes> = {
  spread: { xTitle: 'batch mean μ', yTitle: 'batch variance σ²', xRange: [-0.1, 2.1], yRange: [-0.1, 2.6] },
  curves: { xTitle: 'step', yLog: true },
  gap: { xTitle: 'step', yTitle: 'standard deviations', yLog: true },
};

const VARIANT_LABEL: Record<NormVariant, string> = {
  none: 'no norm',
  batch: 'batch norm',
  layer: 'layer norm',
};

export function spreadTraces(s: Spread | null): PlotTrace[] {
  if (!s) return [];
  return [
    { type: 'scatter', x: s.means, y: s.variances, name: `${DRAWS} batches of ${s.batchSize}`, size: 4 },
    {
      type: 'scatter',
      x: [s.populationMean],
      y: [s.populationVariance],
      name: 'population',
      size: 12,
      color: '#d6604d',
    },
  ];
}

export function spreadStats(s: Spread | null) {
  if (!s) return html`<p class="stats spread-stats">computing…</p>`;
  const { meanStd, expected } = spreadSummary(s);
  return html`<p class="stats spread-stats">
    std of the batch mean <span class="mean-std">${fmt(meanStd, 3)}</span> (σ/√B = ${fmt(expected, 3)}); every
    example in a batch is normalized with these noisy numbers in training, and with the running averages at
    inference.
  </p>`;
}

export function trainStats(curves: TrainingCurves) {
  const last = curves.latest;
  return html`<p class="stats train-stats">
    ${
      last
        ? html`step ${last.step}:
          ${(['none', 'batch', 'layer'] as const).map(
            (v) =>
              html`${VARIANT_LABEL[v]} accuracy
                <span class="acc-${v}">${fmt(last.accuracy[v] * 100, 0)}%</span> · `,
          )}
          batch norm loss in eval mode ${fmt(last.loss.batch, 3)} vs train mode
          ${fmt(last.bnTrainModeLoss, 3)}`
        : 'Run trains the three networks at the batch size above.'
    }
  </p>`;
}

export const whyLayerNorm = html`<section class="why">
  <h4>Why transformers use layer norm</h4>
  <p>
    Layer norm normalizes each token over its own hidden features, so a token's output never depends on the
    other sequences in the batch or on the batch size: training and inference compute the same function, a
    batch of one works, and so do variable-length, padded sequences and token-by-token autoregressive
    decoding, where batch statistics would mix positions and padding or simply not exist. Batch norm needs
    large batches for stable statistics (the cloud above) and running averages that lag the weights early in
    training (the gap above); transformers are trained with per-device batches of long sequences, where those
    costs are high. Many large models use RMSNorm, layer norm without the mean subtraction.
  </p>
</section>`;
