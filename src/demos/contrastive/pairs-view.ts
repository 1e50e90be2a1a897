// The two-modality view of the contrastive cell (question 10): the display batch's image × caption cosine
// matrix (<viva-heatmap> with printed values, matches on the diagonal), zero-shot accuracy and loss curves,
// its settings and its own Train / Stop buttons.
import { html } from 'lit';
import '../../ui/heatmap';
import '../../ui/line-chart';
import type { PlotAxes } from '../../ui/plot-spec';
import type { PairSession } from './pairs-session';

const ZS_AXES: PlotAxes = {
  title: 'Zero-shot accuracy (nearest bare caption)',
  xTitle: 'step',
  yRange: [0, 1],
};
const LOSS_AXES: PlotAxes = { title: 'Image–text loss', xTitle: 'step' };

export interface PairActions {
  train(): void;
  stop(): void;
}

export function pairsView(p: PairSession, busy: boolean, actions: PairActions) {
  const zs = p.zeroShot.at(-1);
  const k = p.trainer.options.classes;
  return html`
    <div class="row">
      <button class="pairs-train" ?disabled=${busy} @click=${actions.train}>Train image–text</button>
      <button class="pairs-stop" ?disabled=${!busy} @click=${actions.stop}>Stop</button>
      <span class="hint">
        step <span class="pairs-step">${p.trainer.steps}</span> · zero-shot
        <span class="zero-shot">${zs ? `${(100 * zs.accuracy).toFixed(1)}%` : '—'}</span> (chance
        ${(100 / k).toFixed(1)}%)
      </span>
    </div>
    <div class="plots">
      <figure>
        <viva-heatmap
          class="similarity"
          label="image × caption cosine similarity"
          .z=${p.similarity}
          zmin="-1"
          zmax="1"
          colormap="rdbu"
          showValues
        ></viva-heatmap>
        <figcaption>
          Cosine of each image (row) with each caption (column): two per class, the matches on the diagonal.
          Same-class pairs off the diagonal are the false negatives every batch holds.
        </figcaption>
      </figure>
      <div>
        <viva-line-chart
          class="zero-shot-chart"
          .traces=${[{ type: 'line', name: 'zero-shot', x: p.zeroShot.map((z) => z.step), y: p.zeroShot.map((z) => z.accuracy) }]}
          .axes=${ZS_AXES}
        ></viva-line-chart>
        <viva-line-chart
          class="pairs-loss"
          .traces=${[{ type: 'line', name: 'loss', x: p.losses.map((_, i) => i + 1), y: p.losses }]}
          .axes=${LOSS_AXES}
        ></viva-line-chart>
      </div>
    </div>
  `;
}
